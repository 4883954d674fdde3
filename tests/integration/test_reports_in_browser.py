"""What a coach sees of the numbers and reports in the desk, checked in headless Chromium."""

import time

import frappe
from frappe.core.doctype.prepared_report.prepared_report import generate_report
from frappe.utils.background_jobs import get_queue

from tests.integration.conftest import SITE, screenshot
from tests.integration.records import a_little_coaching


def test_a_coach_sees_their_own_numbers_and_the_wellbeing_journey_of_the_people_they_coach(
	signed_in_coach, committed
):
	email, page = signed_in_coach
	for name, life_satisfaction in (("Rowan", (5, 7)), ("Nia", (4, 8)), ("Kit", (6, 6))):
		committed.extend(a_little_coaching(email, name, life_satisfaction=life_satisfaction))
	# Someone else's: on no card of Robin's.
	committed.extend(a_little_coaching("Administrator", "Ash"))
	frappe.db.commit()

	page.goto("/app/pts-coaching")
	people = page.locator(".number-widget-box", has_text="People you coach now").locator(".number")
	people.filter(has_text="3").wait_for()
	change = page.locator(".number-widget-box", has_text="Mean change in life satisfaction").locator(
		".number"
	)
	change.filter(has_text="2").wait_for()  # (2 + 4 + 0) / 3
	for chart in ("Conversations per month", "Coaching relationships by phase", "Aspirations by theme"):
		widget = page.locator(".dashboard-widget-box", has_text=chart)
		widget.locator("svg .dataset-units, svg .pie-path, svg path").first.wait_for()
	page.get_by_text("Wellbeing Journey").first.wait_for()
	page.set_viewport_size({"width": 1280, "height": 1760})
	page.wait_for_timeout(1500)  # the charts draw themselves in
	screenshot(page, "workspace")
	page.set_viewport_size({"width": 1280, "height": 900})

	# A Prepared Report: the coach asks for it, a background job makes it.
	page.goto("/app/query-report/Wellbeing Journey")
	page.get_by_role("button", name="Generate New Report").click()
	prepared = wait_for_prepared_report(email)
	committed.append(("Prepared Report", prepared))
	# No worker runs here: the test does the job's part, as the coach who asked, and takes the job
	# off the queue.
	frappe.set_user(email)
	generate_report(prepared)
	frappe.db.commit()  # as the worker does when a job ends
	frappe.set_user("Administrator")
	assert frappe.db.get_value("Prepared Report", prepared, "status") == "Completed"
	assert take_job_off_the_queue(prepared) == 1

	page.reload()
	summary = page.locator(".report-summary")
	summary.get_by_text("People with two or more check-ins").wait_for()
	page.locator(".chart-wrapper svg .dataset-bars rect").first.wait_for()
	table = page.locator(".dt-scrollable")
	table.get_by_text("Rowan").first.wait_for()
	assert table.get_by_text("Ash").count() == 0
	page.wait_for_timeout(1500)  # the chart draws itself in
	screenshot(page, "wellbeing-journey")


def wait_for_prepared_report(owner: str) -> str:
	for _ in range(60):
		frappe.db.rollback()
		name = frappe.db.get_value("Prepared Report", {"owner": owner, "report_name": "Wellbeing Journey"})
		if name:
			return name
		time.sleep(0.5)
	raise AssertionError("the desk did not ask for a Prepared Report")


def take_job_off_the_queue(prepared_report: str) -> int:
	taken = 0
	for job in get_queue("long").jobs:
		if (
			job.kwargs.get("site") == SITE
			and job.kwargs.get("kwargs", {}).get("prepared_report") == prepared_report
		):
			job.delete()
			taken += 1
	return taken
