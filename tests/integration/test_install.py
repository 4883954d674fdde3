from pathlib import Path

import frappe
import pytest

from pts_coaching import lifecycle
from pts_coaching.install import ASPIRATION_THEMES, LIFECYCLE_WORKFLOW, REFLECTION_THEMES, shipped_measures
from tests.integration.conftest import SITE, bench_ok, timed

APP_DOCTYPES = {
	"Person",
	"Coaching Team",
	"Coaching Team Member",
	"Coaching Relationship",
	"Coaching Phase History",
	"Coaching Conversation",
	"Connection Snapshot",
	"Person Connection",
	"Service Involvement",
	"Outcome Type",
	"Outcomes Contract",
	"Outcomes Contract Outcome",
	"Achievement",
	"Personal Budget Spend",
	"Safety Conversation",
	"Coach Reflection",
	"Coach Reflection Theme",
	"Reflection Theme",
	"Aspiration",
	"Aspiration Step",
	"Aspiration Theme",
	"Wellbeing Measure",
	"Wellbeing Measure Item",
	"Wellbeing Conversion",
	"Wellbeing Check-in",
	"Wellbeing Answer",
	"Check-in Link",
	"PTS Coaching Settings Role",
	"Language Lens Word",
	"PTS Coaching Settings",
}
ROLES = {"PTS Coach", "PTS Coaching Lead", "PTS Analyst"}
SCRIPT_REPORTS = {
	"Wellbeing Journey",
	"Aspirations",
	"Coaching Relationships by Phase",
	"Endings and Moving On",
	"Connections Over Time",
	"Reliance on Services",
	"Outcomes for Commissioners",
	"Contact Rhythm",
	"What Gets in the Way",
}
REPORT_BUILDER_REPORTS = {
	"Check-ins by Measure This Month",
	"Conversations by Channel This Month",
	"Aspirations by Theme",
}
NUMBER_CARDS = {
	"People coached now",
	"People others coach now",
	"Conversations this month",
	"Aspirations achieved this year",
	"Mean wellbeing change",
}
DASHBOARD_CHARTS = {
	"Conversations per month",
	"Wellbeing check-ins per month",
	"Coaching relationships by phase",
	"Aspirations by theme",
}


def what_the_app_made() -> dict:
	return {
		"doctypes": set(frappe.get_all("DocType", {"module": "PTS Coaching"}, pluck="name")),
		"pages": frappe.get_all("Page", {"module": "PTS Coaching"}, pluck="name"),
		"reports": {
			(report.name, report.report_type)
			for report in frappe.get_all("Report", {"module": "PTS Coaching"}, ["name", "report_type"])
		},
		"workspaces": frappe.get_all("Workspace", {"module": "PTS Coaching"}, pluck="name"),
		"number cards": set(frappe.get_all("Number Card", {"module": "PTS Coaching"}, pluck="name")),
		"dashboard charts": set(frappe.get_all("Dashboard Chart", {"module": "PTS Coaching"}, pluck="name")),
		"roles": set(frappe.get_all("Role", {"name": ("like", "PTS %")}, pluck="name")),
		"workflows": frappe.get_all("Workflow", {"document_type": "Coaching Relationship"}, pluck="name"),
		"transitions": frappe.db.count("Workflow Transition", {"parent": LIFECYCLE_WORKFLOW}),
		"phase states": frappe.get_all(
			"Workflow State", {"name": ("in", lifecycle.PHASES)}, pluck="name", order_by="name"
		),
		"reflection themes": set(frappe.get_all("Reflection Theme", pluck="name"))
		if frappe.db.table_exists("Reflection Theme")
		else set(),
		"themes": frappe.get_all("Aspiration Theme", pluck="name", order_by="name")
		if frappe.db.table_exists("Aspiration Theme")
		else [],
		"measures": {
			name: frappe.get_doc("Wellbeing Measure", name).as_dict(no_default_fields=True)
			for name in frappe.get_all("Wellbeing Measure", pluck="name")
		}
		if frappe.db.table_exists("Wellbeing Measure")
		else {},
		"settings": list(
			frappe.qb.from_("Singles")
			.select("field", "value")
			.where(frappe.qb.DocType("Singles").doctype == "PTS Coaching Settings")
			.orderby("field")
			.run()
		),
	}


def test_install_makes_the_doctypes_roles_page_and_lifecycle_workflow():
	assert "pts_coaching" in frappe.get_installed_apps()
	made = what_the_app_made()
	assert made["doctypes"] == APP_DOCTYPES
	assert made["pages"] == ["start-with-a-conversation"]
	assert made["reports"] == {(name, "Script Report") for name in SCRIPT_REPORTS} | {
		(name, "Report Builder") for name in REPORT_BUILDER_REPORTS
	}
	assert made["workspaces"] == ["PTS Coaching"]
	assert made["number cards"] == NUMBER_CARDS
	assert made["dashboard charts"] == DASHBOARD_CHARTS
	assert ROLES <= made["roles"]
	assert made["workflows"] == [LIFECYCLE_WORKFLOW]
	assert made["phase states"] == sorted(lifecycle.PHASES)
	assert made["reflection themes"] == set(REFLECTION_THEMES)
	# Example outcome types are for trying the app out, never set up on install.
	assert frappe.db.count("Outcome Type") == 0
	assert made["themes"] == sorted(ASPIRATION_THEMES)
	assert set(made["measures"]) == {"WEMWBS", "SWEMWBS", "ONS4"}
	assert frappe.db.get_single_value("PTS Coaching Settings", "default_measure") == "ONS4"

	workflow = frappe.get_doc("Workflow", LIFECYCLE_WORKFLOW)
	assert workflow.is_active and workflow.workflow_state_field == "phase"
	assert {(t.state, t.action, t.next_state) for t in workflow.transitions} == {
		(m.from_phase, m.action, m.to_phase) for m in lifecycle.MOVES
	}


def test_the_apps_screen_opens_the_workspace_with_every_report_card_and_chart():
	[app] = frappe.get_hooks("add_to_apps_screen", app_name="pts_coaching")
	assert app["route"] == "/pts-coaching"
	logo = Path(frappe.get_app_path("pts_coaching", "public", "images", Path(app["logo"]).name))
	assert app["logo"].startswith("/assets/pts_coaching/") and logo.is_file()
	workspace = frappe.get_doc("Workspace", "PTS Coaching")
	assert frappe.scrub(workspace.name).replace("_", "-") == "pts-coaching" and workspace.public
	reports = {link.link_to for link in workspace.links if link.link_type == "Report"}
	assert reports == SCRIPT_REPORTS | REPORT_BUILDER_REPORTS
	assert {card.number_card_name for card in workspace.number_cards} == NUMBER_CARDS
	assert {chart.chart_name for chart in workspace.charts} == DASHBOARD_CHARTS
	assert {(s.type, s.link_to) for s in workspace.shortcuts} == {
		("Page", "start-with-a-conversation"),
		("DocType", "Person"),
		("DocType", "Coaching Relationship"),
		("DocType", "Wellbeing Check-in"),
	}


def test_nothing_asks_for_a_referral_an_assessment_a_need_or_a_risk():
	for doctype in APP_DOCTYPES:
		for field in frappe.get_meta(doctype).fields:
			words = f"{field.fieldname} {field.label or ''}".lower()
			for deficit in ("referral", "assessment", "need", "risk", "eligib", "band"):
				assert deficit not in words, f"{doctype}.{field.fieldname}"


def test_migrate_after_install_changes_nothing(outside_transaction):
	before = what_the_app_made()
	timed("migrate with no changes", "--site", SITE, "migrate")
	frappe.db.rollback()
	assert what_the_app_made() == before


def test_an_admin_can_change_the_workflow_and_migrate_keeps_it(outside_transaction):
	frappe.db.set_value("Workflow", LIFECYCLE_WORKFLOW, "send_email_alert", 1)
	frappe.db.commit()
	try:
		bench_ok("--site", SITE, "migrate")
		frappe.db.rollback()
		assert frappe.db.get_value("Workflow", LIFECYCLE_WORKFLOW, "send_email_alert") == 1
	finally:
		frappe.db.set_value("Workflow", LIFECYCLE_WORKFLOW, "send_email_alert", 0)
		frappe.db.commit()


def test_an_admin_can_enter_licensed_wording_and_retire_a_theme_and_migrate_keeps_both(outside_transaction):
	wemwbs = frappe.get_doc("Wellbeing Measure", "WEMWBS")
	wemwbs.items[0].statement = "Our licensed wording of item 1"
	wemwbs.save()
	frappe.db.set_value("Aspiration Theme", "Money", "disabled", 1)
	frappe.db.set_single_value("PTS Coaching Settings", "default_measure", "WEMWBS")
	frappe.db.commit()
	try:
		bench_ok("--site", SITE, "migrate")
		frappe.db.rollback()
		assert (
			frappe.get_doc("Wellbeing Measure", "WEMWBS").items[0].statement
			== "Our licensed wording of item 1"
		)
		assert frappe.db.get_value("Aspiration Theme", "Money", "disabled") == 1
		assert frappe.db.get_single_value("PTS Coaching Settings", "default_measure") == "WEMWBS"
	finally:
		wemwbs.reload()
		wemwbs.items[0].statement = "Item 1"
		wemwbs.save()
		frappe.db.set_value("Aspiration Theme", "Money", "disabled", 0)
		frappe.db.set_single_value("PTS Coaching Settings", "default_measure", "ONS4")
		frappe.db.commit()


def test_migrate_puts_back_a_shipped_record_that_is_missing(outside_transaction):
	frappe.delete_doc("Wellbeing Measure", "SWEMWBS")
	frappe.delete_doc("Aspiration Theme", "Interests")
	frappe.db.commit()
	bench_ok("--site", SITE, "migrate")
	frappe.db.rollback()
	[facts] = [m for m in shipped_measures() if m["measure_name"] == "SWEMWBS"]
	swemwbs = frappe.get_doc("Wellbeing Measure", "SWEMWBS")
	assert [(row.raw_score, row.score) for row in swemwbs.conversion] == [
		(row["raw_score"], row["score"]) for row in facts["conversion"]
	]
	assert frappe.db.exists("Aspiration Theme", "Interests")


WHAT_THEY_SAID = "talked about their sister Mo"
FRAPPES_ROWS_ABOUT_RECORDS = {
	"Version": "ref_doctype",
	"Comment": "reference_doctype",
	"View Log": "reference_doctype",
	"Deleted Document": "deleted_doctype",
	"File": "attached_to_doctype",
}


def something_of_a_person_in_frappes_own_tables():
	"""A person whose notes changed (a Version), with a comment, a view, an attachment, a login made
	by Invite, and a deleted conversation (a Deleted Document)."""
	person = frappe.get_doc(
		{"doctype": "Person", "preferred_name": "Uma", "email": "uma.person@example.org"}
	).insert()
	person.about_me = f"We {WHAT_THEY_SAID}"
	person.save()
	person.add_comment("Comment", f"She {WHAT_THEY_SAID}")
	person.add_viewed()
	frappe.get_doc(
		{
			"doctype": "File",
			"file_name": "uma.txt",
			"content": WHAT_THEY_SAID,
			"attached_to_doctype": "Person",
			"attached_to_name": person.name,
			"is_private": 1,
		}
	).insert()
	relationship = frappe.get_doc({"doctype": "Coaching Relationship", "person": person.name}).insert()
	conversation = frappe.get_doc(
		{
			"doctype": "Coaching Conversation",
			"relationship": relationship.name,
			"conversation": WHAT_THEY_SAID,
		}
	).insert()
	frappe.delete_doc("Coaching Conversation", conversation.name)
	from pts_coaching.portal import invite

	invite(person.name)
	frappe.db.commit()


def test_uninstall_leaves_nothing_behind_and_install_again_works(outside_transaction):
	something_of_a_person_in_frappes_own_tables()
	assert frappe.db.count("Version", {"ref_doctype": "Person"})
	bench_ok("--site", SITE, "uninstall-app", "pts_coaching", "--yes", "--no-backup")
	# Leave the snapshot read before the command first, or the cleared cache fills with it again.
	frappe.db.rollback()
	frappe.clear_cache()
	try:
		assert "pts_coaching" not in frappe.get_installed_apps()
		made = what_the_app_made()
		del made["roles"]  # roles stay: users may still hold them
		assert made == {
			"doctypes": set(),
			"pages": [],
			"reports": set(),
			"workspaces": [],
			"number cards": set(),
			"dashboard charts": set(),
			"workflows": [],
			"transitions": 0,
			"phase states": [],
			"reflection themes": set(),
			"themes": [],
			"measures": {},
			"settings": [],
		}
		assert not frappe.db.exists("Module Def", "PTS Coaching")
		for table, field in FRAPPES_ROWS_ABOUT_RECORDS.items():
			assert not frappe.get_all(table, {field: ("in", list(APP_DOCTYPES))}), table
		for table, column in (("Version", "data"), ("Comment", "content"), ("Deleted Document", "data")):
			assert not frappe.get_all(table, {column: ("like", f"%{WHAT_THEY_SAID}%")}), table
		assert not frappe.db.exists("User", "uma.person@example.org")
		for doctype in APP_DOCTYPES:
			assert not frappe.db.table_exists(doctype), doctype
			assert not frappe.get_all("Custom Field", {"dt": doctype})
			assert not frappe.get_all("Property Setter", {"doc_type": doctype})
	finally:
		bench_ok("--site", SITE, "install-app", "pts_coaching")
		frappe.db.rollback()
		frappe.clear_cache()
	made_again = what_the_app_made()
	assert made_again["doctypes"] == APP_DOCTYPES
	assert set(made_again["measures"]) == {"WEMWBS", "SWEMWBS", "ONS4"}
	assert made_again["reflection themes"] == set(REFLECTION_THEMES)
	assert frappe.db.get_single_value("PTS Coaching Settings", "default_measure") == "ONS4"


def test_migrate_keeps_an_admins_reflection_themes_and_puts_back_a_missing_one(outside_transaction):
	frappe.db.set_value("Reflection Theme", "Paperwork", "description", "Forms, ID and proof of address")
	frappe.delete_doc("Reflection Theme", "Other")
	frappe.db.commit()
	try:
		bench_ok("--site", SITE, "migrate")
		frappe.db.rollback()
		assert set(frappe.get_all("Reflection Theme", pluck="name")) == set(REFLECTION_THEMES)
		assert (
			frappe.db.get_value("Reflection Theme", "Paperwork", "description")
			== "Forms, ID and proof of address"
		)
	finally:
		frappe.db.set_value("Reflection Theme", "Paperwork", "description", REFLECTION_THEMES["Paperwork"])
		frappe.db.commit()


def test_a_site_made_before_the_national_averages_shipped_gets_them_and_an_admins_own_are_kept():
	from pts_coaching.install import give_ons4_its_national_averages

	ons4 = frappe.get_doc("Wellbeing Measure", "ONS4")
	ons4.population_mean_source = ""
	for item in ons4.items:
		item.population_mean = 0
	ons4.save()
	give_ons4_its_national_averages()
	ons4.reload()
	assert {item.code: item.population_mean for item in ons4.items} == {
		"life_satisfaction": 7.45,
		"worthwhile": 7.73,
		"happiness": 7.39,
		"anxiety": 3.23,
	}
	assert "April 2022 to March 2023" in ons4.population_mean_source

	ons4.population_mean_source = "Our own survey, 2025"
	ons4.items[0].population_mean = 6.9
	ons4.save()
	give_ons4_its_national_averages()
	ons4.reload()
	assert (ons4.population_mean_source, ons4.items[0].population_mean) == ("Our own survey, 2025", 6.9)
