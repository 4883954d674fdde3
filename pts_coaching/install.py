"""Setting up a site for PTS coaching, and leaving it tidy when the app is removed.

Nothing here touches the background queue, so install works with no workers or bench Redis running.
"""

import frappe

from pts_coaching import lifecycle

LIFECYCLE_WORKFLOW = "Coaching Relationship Lifecycle"
ROLES_WHO_MOVE_PHASES = ("PTS Coach", "PTS Coaching Lead")
PHASE_STYLES = {
	lifecycle.GETTING_TO_KNOW_EACH_OTHER: "Info",
	lifecycle.WORKING_TOGETHER: "Primary",
	lifecycle.PAUSED: "",
	lifecycle.ENDING_TOGETHER: "Info",
	lifecycle.ENDED: "Success",
}


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
	make_reflection_themes()


def after_migrate():
	make_lifecycle_workflow()
	make_reflection_themes()


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


def make_reflection_themes():
	"""Shipped once, then the site's own: once any theme exists, migrate leaves them all alone."""
	if frappe.db.count("Reflection Theme"):
		return
	for theme, description in REFLECTION_THEMES.items():
		frappe.get_doc({"doctype": "Reflection Theme", "theme": theme, "description": description}).insert(
			ignore_permissions=True
		)
