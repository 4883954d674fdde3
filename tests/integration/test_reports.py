"""The reports, number cards and charts on a real site: empty, with a little data, and for two coaches
who each see only the people they coach."""

import importlib
import json
import re
from pathlib import Path

import frappe
import pytest
from frappe.core.doctype.prepared_report.prepared_report import process_filters_for_prepared_report
from frappe.desk.doctype.dashboard_chart.dashboard_chart import get as chart_data
from frappe.desk.doctype.dashboard_chart_source.dashboard_chart_source import get_config
from frappe.desk.doctype.number_card.number_card import get_result as card_result
from frappe.desk.query_report import generate_report_result

from pts_coaching import lifecycle
from pts_coaching.coach_app import log_contact
from tests.integration.conftest import make_user, new_relationship
from tests.integration.records import a_little_coaching, minimal, outcomes_contract

REPORTS = Path(__file__).resolve().parents[2] / "pts_coaching" / "pts_coaching" / "report"
SCRIPT_REPORTS = {
	"Wellbeing Journey": "No check-ins on ONS4 in this period yet.",
	"Aspirations": "No aspirations set in this period yet.",
	"Coaching Relationships by Phase": "No coaching relationships in this period yet.",
	"Endings and Moving On": "No relationships ended in this period.",
	"Connections Over Time": "No connection snapshots in this period yet.",
	"Reliance on Services": "No one was coached in this period yet.",
	"Outcomes for Commissioners": "No achievements in this period yet.",
	"Contact Rhythm": "No conversations in this period yet.",
	"What Gets in the Way": "No reflections in this period yet.",
}
# The heavy ones run in the background on a large site.
PREPARED = {"Wellbeing Journey", "Coaching Relationships by Phase", "Contact Rhythm"}
REPORT_BUILDER = {
	"Check-ins by Measure This Month",
	"Conversations by Channel This Month",
	"Aspirations by Theme",
}


def execute(report: str, filters: dict | None = None):
	folder = frappe.scrub(report)
	module = importlib.import_module(f"pts_coaching.pts_coaching.report.{folder}.{folder}")
	columns, rows, message, chart, summary = module.execute(filters or {})
	return frappe._dict(columns=columns, rows=rows, message=message, chart=chart, summary=summary)


def said(summary: list[dict], label: str):
	[value] = [item["value"] for item in summary if item["label"] == label]
	return value


@pytest.mark.parametrize("report", SCRIPT_REPORTS)
def test_on_a_site_with_nothing_yet_each_report_says_so(report):
	result = execute(report)
	assert result.rows == []
	assert result.message == SCRIPT_REPORTS[report]
	assert result.columns


@pytest.mark.parametrize("report", [*SCRIPT_REPORTS, *REPORT_BUILDER])
def test_each_report_is_a_valid_standard_report_of_the_module(report):
	shipped = json.loads((REPORTS / frappe.scrub(report) / f"{frappe.scrub(report)}.json").read_text())
	assert (shipped["name"], shipped["report_name"], shipped["doctype"]) == (report, report, "Report")
	assert (shipped["is_standard"], shipped["module"]) == ("Yes", "PTS Coaching")
	assert {row["role"] for row in shipped["roles"]} == {
		"System Manager",
		"PTS Coaching Lead",
		"PTS Coach",
		"PTS Analyst",
	}
	installed = frappe.get_doc("Report", report)
	assert installed.ref_doctype == shipped["ref_doctype"]
	meta = frappe.get_meta(shipped["ref_doctype"])
	if report in REPORT_BUILDER:
		assert installed.report_type == "Report Builder"
		settings = json.loads(installed.json)
		for fieldname, doctype in settings["fields"]:
			assert doctype == meta.name and (fieldname in ("name", "docstatus") or meta.get_field(fieldname))
		for doctype, fieldname, *_ in settings["filters"]:
			assert doctype == meta.name and meta.get_field(fieldname)
	else:
		assert installed.report_type == "Script Report"
		assert installed.prepared_report == (report in PREPARED) == shipped["prepared_report"]
		assert (REPORTS / frappe.scrub(report) / f"{frappe.scrub(report)}.js").exists()


@pytest.fixture
def two_coaches():
	"""Sam coaches Rowan, who ended and came back, and Nia, who has not agreed to outcome reporting;
	Alex coaches Kit. Each wrote one reflection."""
	sam = make_user("sam.coach@example.org", "PTS Coach")
	alex = make_user("alex.coach@example.org", "PTS Coach")
	contract = outcomes_contract()
	a_little_coaching(sam, "Rowan", contract=contract)
	a_little_coaching(sam, "Nia", contract=contract, agrees_to_outcome_reporting=False)
	a_little_coaching(alex, "Kit", life_satisfaction=(4, 8), contract=contract)
	rowan = frappe.get_doc("Coaching Relationship", {"person_name": "Rowan"})
	for phase in (lifecycle.WORKING_TOGETHER, lifecycle.ENDED, lifecycle.WORKING_TOGETHER):
		rowan.phase = phase
		if phase == lifecycle.ENDED:
			rowan.ending_kind = "Moved on"
			rowan.ending_in_their_words = "I've got this now"
		rowan.save()
	for coach, theme in ((sam, "Paperwork"), (alex, "Eligibility")):
		frappe.get_doc(
			{
				"doctype": "Coach Reflection",
				"coach": coach,
				"reflection": "The form asked for ID she does not have yet.",
				"what_got_in_the_way": [{"theme": theme}],
			}
		).insert()
	return sam, alex


@pytest.mark.parametrize("report", SCRIPT_REPORTS)
def test_each_report_runs_with_a_little_data(report, two_coaches):
	result = execute(report)
	assert result.message is None
	assert result.rows
	assert result.chart["data"]["labels"] and result.chart["data"]["datasets"]
	assert result.summary
	# What a Prepared Report stores must be JSON.
	assert json.loads(frappe.as_json(result))


def what_each_report_covers(user: str) -> dict:
	frappe.set_user(user)
	try:
		journey = execute("Wellbeing Journey")
		return {
			"people in the wellbeing journey": {row["person_name"] for row in journey.rows},
			"mean change in life satisfaction": said(
				journey.summary, "Life satisfaction: Mean change (higher is better)"
			),
			"aspirations": sum(row["aspirations"] for row in execute("Aspirations").rows),
			"relationships": sum(
				row["relationships"] for row in execute("Coaching Relationships by Phase").rows
			),
			"endings": sum(row["endings"] for row in execute("Endings and Moving On").rows),
			"people in connections": {row["person_name"] for row in execute("Connections Over Time").rows},
			"people relying on services": {
				row["person_name"] for row in execute("Reliance on Services").rows
			},
			"achievements": said(execute("Outcomes for Commissioners").summary, "Achievements reported"),
			"contacts": sum(row["contacts"] for row in execute("Contact Rhythm").rows),
			"reflections": sum(row["reflections"] for row in execute("What Gets in the Way").rows),
		}
	finally:
		frappe.set_user("Administrator")


def test_a_coachs_reports_cover_only_the_people_they_coach(two_coaches):
	sam, alex = two_coaches
	assert what_each_report_covers(sam) == {
		"people in the wellbeing journey": {"Rowan", "Nia"},
		"mean change in life satisfaction": 2.0,
		"aspirations": 2,
		"relationships": 2,
		"endings": 1,
		"people in connections": {"Rowan", "Nia"},
		"people relying on services": {"Rowan", "Nia"},
		"achievements": 1,
		"contacts": 6,
		"reflections": 1,
	}
	kit = {
		"people in the wellbeing journey": {"Kit"},
		"mean change in life satisfaction": 4.0,
		"aspirations": 1,
		"relationships": 1,
		"people in connections": {"Kit"},
		"people relying on services": {"Kit"},
		"achievements": 1,
		"contacts": 3,
		"reflections": 1,
	}
	frappe.set_user(alex)
	assert execute("Endings and Moving On").message == SCRIPT_REPORTS["Endings and Moving On"]
	frappe.set_user("Administrator")
	assert {k: v for k, v in what_each_report_covers(alex).items() if k != "endings"} == kit
	assert what_each_report_covers("Administrator")["contacts"] == 9


def test_a_contact_logged_in_the_coach_app_counts_in_contact_rhythm_for_its_month(two_coaches):
	"""Every contact counts in every report as a conversation: "we texted" from the app, two months ago."""
	sam, _ = two_coaches
	rowan = frappe.db.get_value("Coaching Relationship", {"person_name": "Rowan"})
	texted_on = frappe.utils.add_months(frappe.utils.today(), -2)
	frappe.set_user(sam)
	try:
		before = {row["month"]: row for row in execute("Contact Rhythm").rows}
		log_contact(rowan, "Text message", saved_once_key=frappe.generate_hash(), date=texted_on)
		after = {row["month"]: row for row in execute("Contact Rhythm").rows}
	finally:
		frappe.set_user("Administrator")

	month = str(texted_on)[:7]
	changed = {m: (before[m]["contacts"], after[m]["contacts"]) for m in after if after[m] != before[m]}
	assert changed == {month: (before[month]["contacts"], before[month]["contacts"] + 1)}
	assert after[month]["text_message"] == before[month]["text_message"] + 1
	assert after[month]["relationships"] == before[month]["relationships"] + 1
	assert after[month]["by_text_alone"] == before[month]["by_text_alone"] + 1


def wemwbs(answer: int | None) -> list[dict]:
	return [
		{"item_code": f"W{n:02d}", "answer": None if answer is None else str(answer)} for n in range(1, 15)
	]


def test_a_scored_measure_compares_scores_against_the_national_average_and_draws_both_distributions():
	rowan = new_relationship(name="Rowan")
	for when, answer in (("2026-01-10", 3), ("2026-06-10", 4)):
		minimal("Wellbeing Check-in", rowan, measure="WEMWBS", date=when, answers=wemwbs(answer)).insert()
	# Unanswered: no score, so it is not the latest.
	unanswered = wemwbs(5)
	unanswered[0]["answer"] = None
	minimal("Wellbeing Check-in", rowan, measure="WEMWBS", date="2026-07-01", answers=unanswered).insert()
	nia = new_relationship(name="Nia")
	minimal("Wellbeing Check-in", nia, measure="WEMWBS", date="2026-02-01", answers=wemwbs(2)).insert()

	result = execute(
		"Wellbeing Journey", {"measure": "WEMWBS", "from_date": "2026-01-01", "to_date": "2026-07-31"}
	)
	rows = {row["person_name"]: row for row in result.rows}
	assert (rows["Rowan"]["first"], rows["Rowan"]["latest"], rows["Rowan"]["change"]) == (42, 56, 14)
	assert rows["Rowan"]["what_changed"] == "Wellbeing up"
	assert rows["Nia"]["what_changed"] == "One check-in in this period"
	assert said(result.summary, "People with one check-in in this period") == 1
	assert said(result.summary, "Mean at latest check-in") == 56
	assert (
		said(result.summary, "Latest mean against the national average of 49.85 (higher is better)") == 6.15
	)
	assert said(result.summary, "Wellbeing up by 3 or more") == 100.0
	chart = result.chart["data"]
	assert chart["labels"] == ["10–19", "20–29", "30–39", "40–49", "50–59", "60–69", "70–79"]
	assert [dataset["values"] for dataset in chart["datasets"]] == [
		[0, 0, 0, 1, 0, 0, 0],
		[0, 0, 0, 0, 1, 0, 0],
	]


def test_commissioners_see_only_what_people_agreed_to_and_are_told_how_much_was_left_out(two_coaches):
	result = execute("Outcomes for Commissioners")
	assert said(result.summary, "Kirklees outcomes: total") == 2000  # Rowan and Kit, 1000 each
	assert said(result.summary, "Achievements reported") == 2
	assert said(result.summary, "Achievements left out: not agreed to outcome reporting") == 1
	assert said(result.summary, "People left out: not agreed to outcome reporting") == 1
	assert sum(row["achievements"] for row in result.rows) == 2


def test_ending_and_coming_back_are_counted_and_no_phase_is_a_warning(two_coaches):
	endings = execute("Endings and Moving On")
	[moved_on] = endings.rows
	assert (moved_on["ending_kind"], moved_on["endings"], moved_on["came_back"]) == ("Moved on", 1, 1)
	phases = execute("Coaching Relationships by Phase")
	assert {item["indicator"] for item in phases.summary} <= {"Blue", "Green"}
	assert sum(row["working_together"] for row in phases.rows) == 1  # Rowan, back


def test_a_prepared_report_runs_in_the_background_as_the_coach_who_asked(two_coaches):
	"""What the background job does with a Prepared Report, without the queue: run the report for its
	owner, with the filters as stored, into JSON."""
	sam, _ = two_coaches
	frappe.set_user(sam)
	for report in PREPARED:
		doc = frappe.get_doc("Report", report)
		doc.custom_columns = []
		result = generate_report_result(doc, filters=process_filters_for_prepared_report({}), user=sam)
		assert result["result"] and json.loads(frappe.as_json(result))
		if report == "Wellbeing Journey":
			assert {row["person_name"] for row in result["result"]} == {"Rowan", "Nia"}


def drawn(chart_name: str) -> dict:
	"""A workspace chart's data as its widget fetches it: a custom chart from its source's method."""
	chart = frappe.get_doc("Dashboard Chart", chart_name)
	if chart.chart_type != "Custom":
		return chart_data(chart_name=chart_name, refresh=1)
	[method] = re.findall(r'method: "([\w.]+)"', get_config(chart.source))
	return frappe.get_attr(method)(chart_name=chart_name, filters=chart.filters_json)


def test_number_cards_and_charts_count_only_a_coachs_own_people(two_coaches):
	sam, alex = two_coaches

	def numbers(user):
		frappe.set_user(user)
		try:
			cards = {}
			for name in ("Conversations this month",):
				card = frappe.get_doc("Number Card", name)
				assert frappe.has_permission("Number Card", doc=name)
				cards[name] = card_result(card.as_json(), card.filters_json)
			for name in (
				"People coached now",
				"People others coach now",
				"Aspirations achieved this year",
				"Mean wellbeing change",
			):
				assert frappe.has_permission("Number Card", doc=name)
				card = frappe.get_doc("Number Card", name)
				cards[name] = frappe.get_attr(card.method)(filters=card.filters_json)["value"]
			for name in ("Conversations per month", "Coaching relationships by phase"):
				assert frappe.has_permission("Dashboard Chart", doc=name)
				cards[name] = sum(sum(dataset["values"]) for dataset in drawn(name)["datasets"])
			return cards
		finally:
			frappe.set_user("Administrator")

	assert numbers(sam) == {
		"People coached now": 2,
		"People others coach now": 0,
		"Conversations this month": 2,
		"Aspirations achieved this year": 2,
		"Mean wellbeing change": 2.0,
		"Conversations per month": 6,
		"Coaching relationships by phase": 2,
	}
	assert numbers(alex) == {
		"People coached now": 1,
		"People others coach now": 0,
		"Conversations this month": 1,
		"Aspirations achieved this year": 1,
		"Mean wellbeing change": 4.0,
		"Conversations per month": 3,
		"Coaching relationships by phase": 1,
	}


def test_the_report_builder_examples_run_as_saved_for_a_coach(two_coaches):
	sam, _ = two_coaches

	def grouped(report):
		settings = json.loads(frappe.get_doc("Report", report).json)
		group_by = settings["group_by"]["group_by"]
		return dict(
			frappe.get_list(
				frappe.get_doc("Report", report).ref_doctype,
				filters=settings["filters"],
				fields=[group_by, "count(*)"],
				group_by=group_by,
				as_list=True,
			)
		)

	frappe.set_user(sam)
	assert grouped("Conversations by Channel This Month") == {"Phone call": 2}
	assert grouped("Aspirations by Theme") == {"Home": 2}
	# ONS4 has no total score, so nothing to average yet.
	assert grouped("Check-ins by Measure This Month") == {}


def test_an_analyst_reads_the_reports_and_no_row_carries_free_text(two_coaches):
	analyst = make_user("kim.analyst@example.org", "PTS Analyst")
	frappe.set_user(analyst)
	for report in SCRIPT_REPORTS:
		result = execute(report)
		text = frappe.as_json(result)
		for words in ("I've got this now", "ID she does not have", "Mum", "Running club"):
			assert words not in text, (report, words)
	assert {row["person_name"] for row in execute("Wellbeing Journey").rows} == {"Rowan", "Nia", "Kit"}
