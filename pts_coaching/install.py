"""Setting up a site for PTS coaching, and leaving it tidy when the app is removed.

Nothing here touches the background queue, so install works with no workers or bench Redis running.
"""

import json
from pathlib import Path

import frappe

from pts_coaching import lifecycle, permissions
from pts_coaching.portal import PERSON_ROLE

LIFECYCLE_WORKFLOW = "Coaching Relationship Lifecycle"
ROLES_WHO_MOVE_PHASES = ("PTS Coach", "PTS Coaching Lead")
PHASE_STYLES = {
	lifecycle.GETTING_TO_KNOW_EACH_OTHER: "Info",
	lifecycle.WORKING_TOGETHER: "Primary",
	lifecycle.PAUSED: "",
	lifecycle.ENDING_TOGETHER: "Info",
	lifecycle.ENDED: "Success",
}
ASPIRATION_THEMES = (
	"Home",
	"Work",
	"Learning",
	"Health",
	"Relationships",
	"Money",
	"Interests",
	"Community",
	"Other",
)
WELLBEING_MEASURES = Path(__file__).parent / "setup" / "wellbeing_measures.json"
# ONS4's wording is free to ship, so a fresh site can check in at once; WEMWBS waits for a licence.
DEFAULT_MEASURE = "ONS4"


# What can get in the way of coaching, as coaches tag their reflections; admins add, rename or retire them.
REFLECTION_THEMES = {
	"Housing rules": "Rules of a home or a landlord that made it harder.",
	"Eligibility": "Who a service is for, and who it turns away.",
	"Paperwork": "Forms, evidence and ID asked for before anything can happen.",
	"Funding targets": "What a contract or a funder counts, rather than what matters to the person.",
	"Another service": "How another organisation works, or does not work with us.",
	"Other": "Anything else in the system that got in the way.",
}


def after_install():
	make_lifecycle_workflow()
	make_shipped_records()


def after_migrate():
	make_lifecycle_workflow()
	make_shipped_records()


def make_shipped_records():
	"""Records the app ships are made when missing and never changed after: admins own them."""
	make_person_role_and_welsh()
	make_aspiration_themes()
	make_reflection_themes()
	make_wellbeing_measures()
	make_settings()


def before_uninstall():
	# Frappe drops the app's tables but not the values of its single doctypes.
	for single in frappe.get_all("DocType", {"module": "PTS Coaching", "issingle": 1}, pluck="name"):
		frappe.db.delete("Singles", {"doctype": single})
	frappe.delete_doc("Workflow", LIFECYCLE_WORKFLOW, ignore_missing=True, force=True)
	for action in {move.action for move in lifecycle.MOVES}:
		if not frappe.db.exists("Workflow Transition", {"action": action}):
			frappe.delete_doc("Workflow Action Master", action, ignore_missing=True, force=True)
	for phase in lifecycle.PHASES:
		if not frappe.db.exists("Workflow Document State", {"state": phase}):
			frappe.delete_doc("Workflow State", phase, ignore_missing=True, force=True)


def make_lifecycle_workflow():
	"""The relationship lifecycle as a Frappe Workflow, so admins can see and extend it. The
	relationship's controller enforces the rules whatever the Workflow says."""
	if frappe.db.exists("Workflow", LIFECYCLE_WORKFLOW):
		return
	for phase in lifecycle.PHASES:
		if not frappe.db.exists("Workflow State", phase):
			frappe.get_doc(
				{"doctype": "Workflow State", "workflow_state_name": phase, "style": PHASE_STYLES[phase]}
			).insert(ignore_permissions=True)
	for action in {move.action for move in lifecycle.MOVES}:
		if not frappe.db.exists("Workflow Action Master", action):
			frappe.get_doc({"doctype": "Workflow Action Master", "workflow_action_name": action}).insert(
				ignore_permissions=True
			)
	frappe.get_doc(
		{
			"doctype": "Workflow",
			"workflow_name": LIFECYCLE_WORKFLOW,
			"document_type": "Coaching Relationship",
			"workflow_state_field": "phase",
			"is_active": 1,
			"send_email_alert": 0,
			"states": [
				{"state": phase, "doc_status": "0", "allow_edit": role}
				for phase in lifecycle.PHASES
				for role in ROLES_WHO_MOVE_PHASES
			],
			"transitions": [
				{
					"state": move.from_phase,
					"action": move.action,
					"next_state": move.to_phase,
					"allowed": role,
					"allow_self_approval": 1,
				}
				for move in lifecycle.MOVES
				for role in ROLES_WHO_MOVE_PHASES
			],
		}
	).insert(ignore_permissions=True)


def make_person_role_and_welsh():
	"""The people coached sign in to their own page only, and may read it in Welsh."""
	if not frappe.db.exists("Role", PERSON_ROLE):
		frappe.get_doc({"doctype": "Role", "role_name": PERSON_ROLE, "desk_access": 0}).insert(
			ignore_permissions=True
		)
	if not frappe.db.exists("Language", "cy"):
		frappe.get_doc({"doctype": "Language", "language_code": "cy", "language_name": "Cymraeg"}).insert(
			ignore_permissions=True
		)


def make_aspiration_themes():
	for theme in ASPIRATION_THEMES:
		if not frappe.db.exists("Aspiration Theme", theme):
			frappe.get_doc({"doctype": "Aspiration Theme", "theme_name": theme}).insert(
				ignore_permissions=True
			)


def shipped_measures() -> list[dict]:
	return json.loads(WELLBEING_MEASURES.read_text())["measures"]


def make_wellbeing_measures():
	for facts in shipped_measures():
		if not frappe.db.exists("Wellbeing Measure", facts["measure_name"]):
			frappe.get_doc(
				{"doctype": "Wellbeing Measure", **facts, "answer_labels": "\n".join(facts["answer_labels"])}
			).insert(ignore_permissions=True)


def make_settings():
	"""A fresh site's settings; once saved they are the admin's."""
	settings = frappe.get_single("PTS Coaching Settings")
	if settings.default_measure:
		return
	settings.default_measure = DEFAULT_MEASURE
	settings.set("roles_that_see_everyone", [{"role": r} for r in permissions.ROLES_THAT_SEE_EVERYONE])
	settings.set("roles_that_see_their_teams", [{"role": r} for r in permissions.ROLES_THAT_SEE_THEIR_TEAMS])
	settings.save(ignore_permissions=True)


def make_reflection_themes():
	for theme, description in REFLECTION_THEMES.items():
		if not frappe.db.exists("Reflection Theme", theme):
			frappe.get_doc(
				{"doctype": "Reflection Theme", "theme": theme, "description": description}
			).insert(ignore_permissions=True)
