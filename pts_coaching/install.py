"""Setting up a site for PTS coaching, and leaving it tidy when the app is removed.

Nothing here touches the background queue, so install works with no workers or bench Redis running.
"""

import json
from pathlib import Path

import frappe

from pts_coaching import lifecycle, permissions
from pts_coaching.landing import start_everyone_where_they_work
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


# Where ERPNext is, PTS Coaching Settings gains where an approved budget spend is accounted for. They
# are custom fields, made only then, because a Link to Company or Account on a site without ERPNext
# stops the settings form from opening ("Missing DocType").
ERPNEXT_FIELDS = {
	"PTS Coaching Settings": [
		{"fieldname": "budgets_tab", "fieldtype": "Tab Break", "label": "Personal budgets", "insert_after": "retention_years"},
		{"fieldname": "budget_company", "fieldtype": "Link", "label": "Company", "options": "Company", "insert_after": "budgets_tab"},
		{"fieldname": "budget_column", "fieldtype": "Column Break", "insert_after": "budget_company"},
		{"fieldname": "budget_expense_account", "fieldtype": "Link", "label": "Expense account", "options": "Account", "insert_after": "budget_column"},
		{"fieldname": "budget_payment_account", "fieldtype": "Link", "label": "Paid from account", "options": "Account", "insert_after": "budget_expense_account"},
	]
}  # fmt: skip


def after_install():
	make_lifecycle_workflow()
	make_shipped_records()
	light_up_erpnext()
	start_everyone_where_they_work()
	find_people_from_the_search_bar()


def after_migrate():
	make_lifecycle_workflow()
	make_shipped_records()
	light_up_erpnext()
	find_people_from_the_search_bar()


def find_people_from_the_search_bar():
	"""The search bar finds a person by the names they gave (Frappe's global search, which
	pts_coaching.permissions.search keeps to the people the user may see). Added to the site's Global
	Search Settings once, beside whatever the admin has chosen there."""
	from frappe.utils.global_search import rebuild_for_doctype

	settings = frappe.get_single("Global Search Settings")
	if "Person" in {row.document_type for row in settings.allowed_in_global_search}:
		return
	settings.append("allowed_in_global_search", {"document_type": "Person"})
	settings.save(ignore_permissions=True)
	rebuild_for_doctype("Person")


def after_app_install(app: str):
	"""after_app_install: ERPNext installed after the app."""
	if app == "erpnext":
		light_up_erpnext()


def light_up_erpnext():
	if "erpnext" in frappe.get_installed_apps():
		from frappe.custom.doctype.custom_field.custom_field import create_custom_fields

		create_custom_fields(ERPNEXT_FIELDS, ignore_validate=True, update=True)


def make_shipped_records():
	"""Records the app ships are made when missing and never changed after: admins own them."""
	make_person_role_and_welsh()
	make_aspiration_themes()
	make_reflection_themes()
	make_wellbeing_measures()
	make_settings()


# Where Frappe keeps, in its own tables, something of a record of the app's doctypes: the notes in a
# Version, a Comment or a Deleted Document, who opened whose record, what was attached, shared or
# followed. Uninstall drops the app's tables; these rows would outlive them.
FRAPPE_ROWS_ABOUT_A_RECORD = {
	# Files first: deleting one adds an "Attachment Removed" comment to the record it was on.
	"File": "attached_to_doctype",
	"Version": "ref_doctype",
	"View Log": "reference_doctype",
	"Comment": "reference_doctype",
	"Communication": "reference_doctype",
	"Communication Link": "link_doctype",
	"Deleted Document": "deleted_doctype",
	"Activity Log": "reference_doctype",
	"Access Log": "export_from",
	"Error Log": "reference_doctype",
	"DocShare": "share_doctype",
	"Document Follow": "ref_doctype",
	"Tag Link": "document_type",
	"ToDo": "reference_type",
	"Notification Log": "document_type",
	"Energy Point Log": "reference_doctype",
	"Workflow Action": "reference_doctype",
	"Data Import": "reference_doctype",
	"Email Queue": "reference_doctype",
	"Prepared Report": None,
	"Route History": None,
}
WELSH_MADE_BY_THE_APP = "pts_coaching_made_welsh"


def before_uninstall():
	# Frappe drops the app's tables but not the values of its single doctypes.
	app_doctypes = frappe.get_all("DocType", {"module": "PTS Coaching"}, pluck="name")
	for single in frappe.get_all("DocType", {"module": "PTS Coaching", "issingle": 1}, pluck="name"):
		frappe.db.delete("Singles", {"doctype": single})
	forget_the_people(app_doctypes)
	for table in ("Custom Field", "Property Setter"):
		frappe.db.delete(table, {"dt" if table == "Custom Field" else "doc_type": ("in", app_doctypes)})
	# The search bar's index holds people's names.
	frappe.db.delete("__global_search", {"doctype": ("in", app_doctypes)})
	frappe.db.delete("Global Search DocType", {"document_type": ("in", app_doctypes)})
	frappe.cache.hdel("global_search", "search_priorities")
	frappe.delete_doc("Workflow", LIFECYCLE_WORKFLOW, ignore_missing=True, force=True)
	for action in {move.action for move in lifecycle.MOVES}:
		if not frappe.db.exists("Workflow Transition", {"action": action}):
			frappe.delete_doc("Workflow Action Master", action, ignore_missing=True, force=True)
	for phase in lifecycle.PHASES:
		if not frappe.db.exists("Workflow Document State", {"state": phase}):
			frappe.delete_doc("Workflow State", phase, ignore_missing=True, force=True)
	take_away_welsh_if_only_the_app_used_it()


def forget_the_people(app_doctypes: list[str]) -> None:
	"""Everything Frappe keeps about the app's records goes with them, and so do the website logins
	made for people coached, which reach nothing once the app is gone."""
	for table, field in FRAPPE_ROWS_ABOUT_A_RECORD.items():
		if not frappe.db.table_exists(table):
			continue
		if table == "Prepared Report":
			app_reports = frappe.get_all("Report", {"module": "PTS Coaching"}, pluck="name")
			frappe.db.delete(table, {"report_name": ("in", app_reports or [""])})
		elif table == "Route History":
			routes = [f"app/{frappe.scrub(d).replace('_', '-')}/%" for d in app_doctypes]
			for route in routes:
				frappe.db.delete(table, {"route": ("like", route)})
		elif table == "File":
			# and the copies of everything held that the app attached to Frappe's download requests
			copies = {"file_name": ("like", "%-everything-we-hold.json")}
			for name in frappe.get_all(table, {field: ("in", app_doctypes)}, pluck="name") + frappe.get_all(
				table, copies, pluck="name"
			):
				frappe.delete_doc("File", name, force=True, ignore_permissions=True)
		elif frappe.get_meta(table).has_field(field):
			frappe.db.delete(table, {field: ("in", app_doctypes)})
	people_logins = frappe.get_all(
		"Has Role", {"role": PERSON_ROLE, "parenttype": "User"}, pluck="parent", distinct=True
	)
	for user in people_logins:
		if set(frappe.get_roles(user)) - {PERSON_ROLE, "All", "Guest"}:
			continue  # they use the site for something else too
		frappe.delete_doc("User", user, force=True, ignore_permissions=True, delete_permanently=True)
	print(
		f"PTS Coaching: removed what Frappe kept of its records (versions, comments, views, files, "
		f"deleted documents) and {len(people_logins)} website logins of people coached."
	)


def take_away_welsh_if_only_the_app_used_it() -> None:
	if not frappe.db.get_default(WELSH_MADE_BY_THE_APP):
		return
	frappe.db.set_default(WELSH_MADE_BY_THE_APP, None)
	others_translate_into_welsh = any(
		Path(frappe.get_app_path(app)).joinpath(*where).exists()
		for app in frappe.get_installed_apps()
		if app != "pts_coaching"
		for where in (("translations", "cy.csv"), ("locale", "cy.po"))
	)
	if others_translate_into_welsh or frappe.db.exists("User", {"language": "cy"}):
		return
	frappe.delete_doc("Language", "cy", force=True, ignore_permissions=True, ignore_missing=True)


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
		frappe.db.set_default(WELSH_MADE_BY_THE_APP, 1)


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


def give_ons4_its_national_averages():
	"""Sites made before ONS4 shipped with the ONS's national averages get them, unless an admin has
	already given the measure averages of their own."""
	if not frappe.db.exists("Wellbeing Measure", DEFAULT_MEASURE):
		return
	measure = frappe.get_doc("Wellbeing Measure", DEFAULT_MEASURE)
	if measure.population_mean_source or any(item.population_mean for item in measure.items):
		return
	[shipped] = [facts for facts in shipped_measures() if facts["measure_name"] == DEFAULT_MEASURE]
	means = {item["code"]: item["population_mean"] for item in shipped["items"]}
	for item in measure.items:
		item.population_mean = means.get(item.code)
	measure.population_mean_source = shipped["population_mean_source"]
	measure.save(ignore_permissions=True)


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
