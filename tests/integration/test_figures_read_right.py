"""What a commissioner or a lead reads in the reports, on a site with a small demo: ONS4 compared with
the national averages it ships with, which way is better said wherever a number is, tariffs that agree
however they are added up, and a claim a commissioner can be sent."""

import io
import os
import re
import signal
import socket
import subprocess
import time
import urllib.request

import frappe
import openpyxl
import psutil
import pytest
import requests
from frappe.utils.background_jobs import get_queue, get_workers

from pts_coaching import demo
from pts_coaching.pts_coaching.report.reporting import period
from pts_coaching.pts_coaching.report.wellbeing_journey.wellbeing_journey import names_of
from tests.integration.conftest import BENCH, FRAPPE_CLI, screenshot
from tests.integration.test_reports import execute, said

# Enough people for teams of two coaches, who share people with each other.
PEOPLE = 130
CLAIM = (
	"/api/method/pts_coaching.pts_coaching.report.outcomes_for_commissioners.outcomes_for_commissioners"
	".download_claim"
)


@pytest.fixture(scope="module")
def demo_site(site):
	frappe.db.rollback()
	if demo.demo_is_here():  # a site kept between runs may still hold the last run's demo
		demo.clear_demo(say=lambda _: None)
	made = demo.make_demo(PEOPLE, seed=3, say=lambda _: None)
	yield frappe._dict(made)
	frappe.db.rollback()
	demo.clear_demo(say=lambda _: None)


@pytest.fixture
def contract(demo_site):
	return frappe.get_doc("Outcomes Contract", frappe.get_all("Outcomes Contract", pluck="name")[0])


def summary_of(result) -> dict:
	return {item["label"]: item["value"] for item in result.summary}


def test_ons4_is_compared_with_the_ons_national_averages_and_says_where_they_come_from(demo_site):
	summary = summary_of(execute("Wellbeing Journey"))
	assert "Life satisfaction: Latest mean against the national average of 7.45 (higher is better)" in summary
	assert "Anxiety: Latest mean against the national average of 3.23 (lower is better)" in summary
	assert "April 2022 to March 2023" in summary["The national average is from"]
	assert "Not set" not in summary.values()
	assert (
		summary["Meaningful change on ONS4: an admin sets it on the Wellbeing Measure"]
		== "Your organisation has not set one"
	)


def test_each_ons4_question_says_which_way_is_better_and_how_many_went_up_stayed_and_went_down(demo_site):
	ons4 = frappe.get_doc("Wellbeing Measure", "ONS4")
	ons4.meaningful_change = 1
	ons4.save()
	result = execute("Wellbeing Journey")
	summary = summary_of(result)
	for question, better in (
		("Life satisfaction", "higher"),
		("Worthwhile", "higher"),
		("Happiness", "higher"),
		("Anxiety", "lower"),
	):
		assert f"{question}: Mean change ({better} is better)" in summary
		shares = [
			summary[f"{question}: Wellbeing up by 1 or more"],
			summary[f"{question}: About the same"],
			summary[f"{question}: Wellbeing down by 1 or more"],
		]
		assert sum(shares) == pytest.approx(100, abs=0.2), question
	# A person at a time, by the name they go by, and each person's questions in the measure's order.
	order = [(row["person_name"], row["person"]) for row in result.rows]
	assert order == sorted(order)
	in_the_measure = names_of(ons4)
	asked = {}
	for row in result.rows:
		asked.setdefault(row["person"], []).append(in_the_measure.index(row["question"]))
	assert all(questions == sorted(questions) for questions in asked.values())
	assert any(len(questions) == len(in_the_measure) for questions in asked.values())
	# A fall in anxiety is for the better: its indicator says so, whatever the sign.
	anxiety = next(i for i in result.summary if i["label"] == "Anxiety: Mean change (lower is better)")
	assert anxiety["indicator"] == (
		"Green" if anxiety["value"] < 0 else "Orange" if anxiety["value"] else "Blue"
	)


def test_people_with_one_check_in_are_counted_as_in_this_period_not_so_far(demo_site):
	result = execute("Wellbeing Journey", {"from_date": frappe.utils.add_months(frappe.utils.today(), -2)})
	once = said(result.summary, "People with one check-in in this period")
	compared = {r["person"] for r in result.rows if r["check_ins"] >= 2}
	assert once == len({r["person"] for r in result.rows} - compared)
	# Most of them had check-ins before the period: "so far" would not be true.
	assert once and not any("so far" in item["label"] for item in result.summary)


def report_builder_total(contract: str) -> float:
	"""What an analyst's Report Builder sum of tariffs says for the people who agreed to reporting."""
	agreed = frappe.get_all("Person", {"agrees_to_outcome_reporting": 1}, pluck="name")
	[[total]] = frappe.get_list(
		"Achievement",
		filters={"contract": contract, "person": ("in", agreed)},
		fields=["sum(tariff)"],
		as_list=True,
	)
	return float(total or 0)


def test_report_builder_sums_of_tariffs_agree_with_the_report_after_the_contract_changes(contract):
	whole_contract = {"from_date": contract.from_date, "to_date": frappe.utils.today(), "period": "Year"}

	def report_total():
		return said(execute("Outcomes for Commissioners", whole_contract).summary, f"{contract.name}: total")

	assert report_builder_total(contract.name) == report_total()
	for tariff in contract.outcomes:
		tariff.tariff = tariff.tariff / 2
		tariff.cap_per_person = 1
	contract.save()
	assert report_builder_total(contract.name) == report_total() > 0
	frappe.get_doc("Outcomes Contract", contract.name).save()  # unchanged terms change nothing
	assert report_builder_total(contract.name) == report_total()


def test_money_is_in_the_currency_of_what_it_belongs_to_not_the_sites_dollars(contract):
	from pts_coaching.money import currency_of_the_books

	books = currency_of_the_books()
	assert contract.currency == books == frappe.db.get_default("currency")
	contract.currency = "EUR"
	contract.save()
	try:
		result = execute("Outcomes for Commissioners", {"contract": contract.name})
		[tariff] = [column for column in result.columns if column["fieldname"] == "tariff"]
		paid = [row for row in result.rows if row["tariff"]]
		assert paid and {row["currency"] for row in paid} == {"EUR"}
		assert "€" in frappe.format_value(paid[0]["tariff"], tariff, frappe._dict(paid[0]))
		[total] = [item for item in result.summary if item["label"] == f"{contract.name}: total"]
		assert total["currency"] == "EUR"
		assert set(frappe.get_all("Achievement", {"contract": contract.name}, pluck="currency")) == {"EUR"}
	finally:
		contract.currency = books
		contract.save()


def sign_in(url: str, user: str) -> requests.Session:
	session = requests.Session()
	response = session.post(f"{url}/api/method/login", data={"usr": user, "pwd": demo.DEMO_PASSWORD})
	assert response.ok, response.text
	return session


def test_a_claim_is_every_achievement_of_the_period_in_a_spreadsheet_that_is_the_same_each_time(
	demo_site, contract, desk_server
):
	period = {"contract": contract.name, "from_date": contract.from_date, "to_date": frappe.utils.today()}
	lead = sign_in(desk_server, demo_site.lead)
	first, second = (lead.get(f"{desk_server}{CLAIM}", params=period) for _ in range(2))
	assert first.status_code == 200, first.text
	assert first.content == second.content
	assert first.headers["Content-Disposition"].endswith('.xlsx"')

	rows = list(openpyxl.load_workbook(io.BytesIO(first.content)).active.iter_rows(values_only=True))
	header = rows.index(("Person", "Outcome", "Achieved on", "Evidence recorded", "Paid for", "Tariff"))
	total = next(i for i, row in enumerate(rows) if row[0] == "Total")
	claimed = rows[header + 1 : total]
	frappe.set_user(demo_site.lead)
	report = execute("Outcomes for Commissioners", {**period, "period": "Year"})
	assert len(claimed) == said(report.summary, "Achievements reported")
	assert rows[total][5] == sum(row[5] for row in claimed) == said(report.summary, f"{contract.name}: total")
	left_out = dict(row[:2] for row in rows[total + 1 :] if row and row[0])
	assert left_out["Achievements left out: not agreed to outcome reporting"] == said(
		report.summary, "Achievements left out: not agreed to outcome reporting"
	)
	agreed = set(frappe.get_all("Person", {"agrees_to_outcome_reporting": 1}, pluck="name"))
	assert {row[0] for row in claimed} <= agreed
	assert {row[3] for row in claimed} <= {"Yes", "No"}


def test_an_ending_with_no_kind_chosen_says_so_and_not_they_did_not_say(demo_site):
	from pts_coaching.pts_coaching.report.endings_and_moving_on.endings_and_moving_on import said_kind
	from pts_coaching.report_arithmetic.endings_and_moving_on import NOT_SAID

	# On the ending form, "They did not say" is about their words; the report means the kind.
	assert said_kind(NOT_SAID) == "No kind chosen"
	kinds = {row["ending_kind"] for row in execute("Endings and Moving On").rows}
	assert kinds and "They did not say" not in kinds


def test_each_figure_for_ended_says_exactly_what_it_counts(demo_site):
	from_date, to_date = period({})
	moves_into_ended = frappe.db.sql(
		"""select h.parent from `tabCoaching Phase History` h
		where h.parenttype = 'Coaching Relationship' and h.phase = 'Ended'
			and h.from_date between %s and %s""",
		(from_date, to_date),
		pluck=True,
	)
	endings = summary_of(execute("Endings and Moving On"))
	assert endings["Endings in this period (one that ended twice counts twice)"] == len(moves_into_ended)
	assert endings["Relationships that ended in this period"] == len(set(moves_into_ended))
	# By the phase on the period's last day: one that ended in it and came back is not counted.
	still_ended = {
		name
		for name in set(moves_into_ended)
		if frappe.db.get_value("Coaching Relationship", name, "phase") == "Ended"
	}
	phases = summary_of(execute("Coaching Relationships by Phase"))
	assert phases["Ended in this period and still ended on its last day"] == len(still_ended)
	assert len(moves_into_ended) >= len(set(moves_into_ended)) >= len(still_ended) > 0


def test_the_workspaces_aspirations_card_agrees_with_the_report_it_opens(demo_site):
	from pts_coaching.pts_coaching.report.aspirations.aspirations import aspirations_achieved_this_year

	lead = frappe.get_value("Coaching Team", {}, "lead", order_by="name")
	frappe.set_user(lead)
	try:
		card = aspirations_achieved_this_year()
		assert card["route"] == ["query-report", "Aspirations"]
		report = summary_of(execute("Aspirations", card["route_options"]))
	finally:
		frappe.set_user("Administrator")
	assert card["value"] == report["Achieved in this period, whenever set"] > 0
	# What the report says of the aspirations set in the period is another figure, and says so.
	assert "Of those, achieved" in report


def test_the_month_in_progress_is_marked_so_far_not_drawn_as_a_fall(demo_site):
	from tests.integration.test_reports import drawn

	today = frappe.utils.getdate()
	this_month = today.strftime("%Y-%m")
	whole = today == frappe.utils.get_last_day(today)
	expected = this_month if whole else f"{this_month} (so far)"
	rhythm = execute("Contact Rhythm")
	assert rhythm.rows[-1]["month"] == expected
	assert rhythm.chart["data"]["labels"][-1] == expected
	# The period starts twelve months back, inside a month: that month is only part of it.
	assert rhythm.rows[0]["month"].endswith(" (part)") == (period({})[0].day != 1)
	# On the workspace it is drawn in its own colour and named in the legend, which no width cuts.
	for chart, doctype in (
		("Conversations per month", "Coaching Conversation"),
		("Wellbeing check-ins per month", "Wellbeing Check-in"),
	):
		data = drawn(chart)
		this_month_so_far = frappe.db.count(doctype, {"date": (">=", frappe.utils.get_first_day(today))})
		assert len(data["labels"]) == 12
		if whole:
			assert [d["name"] for d in data["datasets"]] == ["Whole months"]
		else:
			whole_months, so_far = data["datasets"]
			assert (whole_months["name"], so_far["name"]) == ("Whole months", "This month so far")
			assert so_far["values"] == [0] * 11 + [this_month_so_far] and whole_months["values"][-1] == 0
			assert sum(whole_months["values"]) > 0


@pytest.mark.parametrize("width,height,name", [(1280, 800, "laptop"), (390, 844, "phone")])
def test_a_coachs_workspace_reads_right(demo_site, browser, desk_server, width, height, name):
	"""Their own people and those shared with them apart, counts as whole numbers, the mean named with
	its measure and scale, every phase in the donut's legend and the themes' names readable."""
	for coach in frappe.get_all(
		"Has Role", {"role": "PTS Coach", "parent": ("like", "%@demo.example.org")}, pluck="parent"
	):
		frappe.set_user(coach)
		open_relationships = frappe.get_list(
			"Coaching Relationship", filters={"phase": ("!=", "Ended")}, fields=["person", "coach"]
		)
		frappe.set_user("Administrator")
		own = len({r.person for r in open_relationships if r.coach == coach})
		shared = len({r.person for r in open_relationships if r.coach != coach})
		if own and shared:
			break
	else:
		raise AssertionError("no demo coach has both their own people and people shared with them")

	context = browser.new_context(base_url=desk_server, viewport={"width": width, "height": height})
	response = context.request.post("/api/method/login", form={"usr": coach, "pwd": demo.DEMO_PASSWORD})
	assert response.ok, response.text()
	page = context.new_page()
	try:
		page.goto("/app/pts-coaching")

		def card(label: str) -> str:
			number = page.locator(".number-widget-box", has_text=label).locator(".number")
			number.filter(has_text=re.compile(r"\S")).wait_for()
			return number.inner_text().strip()

		assert card("People you coach now") == str(own)
		assert card("People others coach now, that you see") == str(shared)
		for label in ("Conversations this month", "Aspirations achieved this year"):
			assert re.fullmatch(r"\d[\d,]*", card(label)), label
		assert re.fullmatch(r"-?\d+(\.\d\d)?|–", card("Mean change in life satisfaction (ONS4, 0 to 10)"))

		phases = page.locator(".dashboard-widget-box", has_text="Coaching relationships by phase")
		phases.locator(".chart-legend text").first.wait_for()
		themes = page.locator(".dashboard-widget-box", has_text="Aspirations by theme")
		themes.locator(".x.axis text").first.wait_for()
		page.wait_for_timeout(2500)  # the charts draw themselves in
		page.set_viewport_size({"width": width, "height": 2400})
		screenshot(page, f"workspace-demo-coach-{name}")
		if width >= 1280:
			# Every phase's legend inside the chart; most theme names whole, not cut to "…".
			chart_right = phases.locator("svg").first.bounding_box()
			legends = phases.locator(".chart-legend g").all()
			assert len(legends) == len({p for p in frappe.get_all("Coaching Relationship", pluck="phase")})
			for legend in legends:
				box = legend.bounding_box()
				assert box["x"] + box["width"] <= chart_right["x"] + chart_right["width"]
			labels = [text.text_content() for text in themes.locator(".x.axis text").all()]
			# frappe-charts shortens a label longer than its share of the width: the long names only.
			assert sum("..." in label for label in labels) < len(labels) / 2, labels
	finally:
		context.close()


def test_where_no_worker_runs_a_background_report_says_so_and_runs_now(demo_site, browser, desk_server):
	context = browser.new_context(base_url=desk_server, viewport={"width": 1280, "height": 800})
	response = context.request.post(
		"/api/method/login", form={"usr": demo_site.coach, "pwd": demo.DEMO_PASSWORD}
	)
	assert response.ok, response.text()
	page = context.new_page()
	try:
		page.goto("/app/query-report/Contact Rhythm")
		page.get_by_text("No background worker is running").wait_for()
		page.get_by_role("button", name="Run it now").click()
		page.locator(".report-summary").get_by_text("Contacts").first.wait_for()
		page.locator(".dt-scrollable .dt-row").first.wait_for()
		screenshot(page, "contact-rhythm-run-now")
	finally:
		context.close()
	frappe.db.rollback()
	assert not frappe.db.exists("Prepared Report", {"owner": demo_site.coach, "status": "Queued"})


SET_UP = (
	"country",
	"currency",
	"date_format",
	"time_zone",
	"number_format",
	"time_format",
	"enable_scheduler",
)


@pytest.fixture
def system_settings_put_back(outside_transaction):
	before = frappe.db.get_value("System Settings", None, SET_UP, as_dict=True)
	yield
	frappe.db.rollback()
	settings = frappe.get_single("System Settings")
	settings.update(before)
	settings.language = settings.language or "en"  # a site that skipped the wizard had none
	settings.save(ignore_permissions=True)
	frappe.db.commit()


def test_a_try_it_site_is_set_up_for_the_uk_in_pounds_and_dd_mm_yyyy(system_settings_put_back):
	demo.mark_setup_complete()
	settings = frappe.get_single("System Settings")
	assert {field: settings.get(field) for field in SET_UP} == {
		"country": "United Kingdom",
		"currency": "GBP",
		"date_format": "dd-mm-yyyy",
		"time_zone": "Europe/London",
		"number_format": "#,###.##",
		"time_format": "HH:mm:ss",
		"enable_scheduler": 1,
	}
	# Where the desk reads them from.
	assert (frappe.db.get_default("currency"), frappe.db.get_default("date_format")) == ("GBP", "dd-mm-yyyy")
	assert frappe.db.get_value("Currency", "GBP", "enabled") == 1
	assert frappe.utils.fmt_money(351600, currency="GBP").startswith("£")


def test_a_try_it_site_is_set_up_for_another_country_when_told(system_settings_put_back):
	demo.mark_setup_complete("Ireland")
	settings = frappe.get_single("System Settings")
	assert (settings.currency, settings.time_zone) == ("EUR", "Europe/Dublin")
	with pytest.raises(demo.DemoRefused):
		demo.mark_setup_complete("Atlantis")


def as_in_a_terminal():
	"""Ctrl+C as it is for a command typed in a terminal. Started in the background (as CI may start
	the tests), a process and everything it starts ignore SIGINT, and Ctrl+C would stop nothing."""
	signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_try_it_serves_the_site_with_a_worker_and_the_scheduler_as_bench_start_does(site):
	"""`pts-coaching-try-it` ends by serving the site as this does; Ctrl+C stops all of it."""
	with socket.socket() as free:
		free.bind(("127.0.0.1", 0))
		port = free.getsockname()[1]
	served = subprocess.Popen(
		[*FRAPPE_CLI[:1], "-c", f"from pts_coaching.commands import serve; serve({site!r}, {port})"],
		cwd=BENCH / "sites",
		stdout=subprocess.DEVNULL,
		stderr=subprocess.DEVNULL,
		start_new_session=True,
		preexec_fn=as_in_a_terminal,
	)
	try:
		answered = worker = scheduler = False
		for _ in range(240):
			try:
				answered = (
					urllib.request.urlopen(f"http://127.0.0.1:{port}/api/method/ping", timeout=2).status
					== 200
				)
			except OSError:
				answered = False
			worker = bool(get_workers(get_queue("long")))
			scheduler = any(
				"schedule" in " ".join(p.cmdline())
				for p in psutil.Process(served.pid).children()
				if p.status() != psutil.STATUS_ZOMBIE  # one that has stopped already
			)
			if answered and worker and scheduler:
				break
			time.sleep(0.5)
		assert (answered, worker, scheduler) == (True, True, True)
	finally:
		os.killpg(served.pid, signal.SIGINT)  # what Ctrl+C sends
		served.wait(timeout=120)
	for _ in range(120):
		if not get_workers(get_queue("long")):
			break
		time.sleep(0.5)
	assert not get_workers(get_queue("long")), "the worker stopped with it"
