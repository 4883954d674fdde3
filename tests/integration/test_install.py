import frappe
import pytest

from pts_coaching import lifecycle
from pts_coaching.install import LIFECYCLE_WORKFLOW, REFLECTION_THEMES
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
	"PTS Coaching Settings",
}
ROLES = {"PTS Coach", "PTS Coaching Lead", "PTS Analyst"}


def what_the_app_made() -> dict:
	return {
		"doctypes": set(frappe.get_all("DocType", {"module": "PTS Coaching"}, pluck="name")),
		"pages": frappe.get_all("Page", {"module": "PTS Coaching"}, pluck="name"),
		"roles": set(frappe.get_all("Role", {"name": ("like", "PTS %")}, pluck="name")),
		"workflows": frappe.get_all("Workflow", {"document_type": "Coaching Relationship"}, pluck="name"),
		"transitions": frappe.db.count("Workflow Transition", {"parent": LIFECYCLE_WORKFLOW}),
		"phase states": frappe.get_all(
			"Workflow State", {"name": ("in", lifecycle.PHASES)}, pluck="name", order_by="name"
		),
		"reflection themes": set(frappe.get_all("Reflection Theme", pluck="name"))
		if frappe.db.table_exists("Reflection Theme")
		else set(),
		"settings": frappe.db.count("Singles", {"doctype": "PTS Coaching Settings"}),
	}


def test_install_makes_the_doctypes_roles_page_and_lifecycle_workflow():
	assert "pts_coaching" in frappe.get_installed_apps()
	made = what_the_app_made()
	assert made["doctypes"] == APP_DOCTYPES
	assert made["pages"] == ["start-with-a-conversation"]
	assert ROLES <= made["roles"]
	assert made["workflows"] == [LIFECYCLE_WORKFLOW]
	assert made["phase states"] == sorted(lifecycle.PHASES)
	assert made["reflection themes"] == set(REFLECTION_THEMES)
	# Example outcome types are for trying the app out, never set up on install.
	assert frappe.db.count("Outcome Type") == 0

	workflow = frappe.get_doc("Workflow", LIFECYCLE_WORKFLOW)
	assert workflow.is_active and workflow.workflow_state_field == "phase"
	assert {(t.state, t.action, t.next_state) for t in workflow.transitions} == {
		(m.from_phase, m.action, m.to_phase) for m in lifecycle.MOVES
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


def test_uninstall_leaves_nothing_behind_and_install_again_works(outside_transaction):
	bench_ok("--site", SITE, "uninstall-app", "pts_coaching", "--yes", "--no-backup")
	frappe.clear_cache()
	frappe.db.rollback()
	try:
		assert "pts_coaching" not in frappe.get_installed_apps()
		made = what_the_app_made()
		del made["roles"]  # roles stay: users may still hold them
		assert made == {
			"doctypes": set(),
			"pages": [],
			"workflows": [],
			"transitions": 0,
			"phase states": [],
			"reflection themes": set(),
			"settings": 0,
		}
		assert not frappe.db.exists("Module Def", "PTS Coaching")
		for doctype in APP_DOCTYPES:
			assert not frappe.db.table_exists(doctype), doctype
			assert not frappe.get_all("Custom Field", {"dt": doctype})
			assert not frappe.get_all("Property Setter", {"doc_type": doctype})
	finally:
		bench_ok("--site", SITE, "install-app", "pts_coaching")
		frappe.clear_cache()
		frappe.db.rollback()
	assert what_the_app_made()["doctypes"] == APP_DOCTYPES


def test_migrate_leaves_the_reflection_themes_to_the_site(outside_transaction):
	frappe.delete_doc("Reflection Theme", "Other")
	frappe.rename_doc("Reflection Theme", "Paperwork", "Forms and ID")
	frappe.db.commit()
	try:
		bench_ok("--site", SITE, "migrate")
		frappe.db.rollback()
		assert set(frappe.get_all("Reflection Theme", pluck="name")) == set(REFLECTION_THEMES) - {
			"Other",
			"Paperwork",
		} | {"Forms and ID"}
	finally:
		frappe.rename_doc("Reflection Theme", "Forms and ID", "Paperwork")
		frappe.get_doc({"doctype": "Reflection Theme", "theme": "Other"}).insert()
		frappe.db.commit()
