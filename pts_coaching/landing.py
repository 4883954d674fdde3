"""Where each user starts: coaches and leads in their own app, /coach; analysts in the PTS Coaching
workspace; people coached on their own page, /my-coaching.

Frappe sends a desk user who has a default workspace straight to it when they sign in, and one who
has none to their default app's door. /pts-coaching is the app's door (the apps screen's tile, and
where Frappe sends a user after they set their password), and sends each user on to where they work.
"""

import frappe

from pts_coaching.portal import PERSON_ROLE

WORKSPACE = "PTS Coaching"
ROLES_WHO_COACH = {"PTS Coach", "PTS Coaching Lead"}
ROLES_WHO_WORK_IN_THE_DESK = ROLES_WHO_COACH | {"PTS Analyst"}
COACH_APP = "/coach"


def works_in_the_app() -> bool:
	"""add_to_apps_screen's has_permission: the tile is for the app's desk users (and admins), so
	nobody else's apps screen or landing page changes."""
	roles = set(frappe.get_roles())
	return frappe.session.user == "Administrator" or bool(
		roles & (ROLES_WHO_WORK_IN_THE_DESK | {"System Manager"})
	)


def where_they_work(user: str) -> str:
	if user == "Guest":
		return "/login?redirect-to=/pts-coaching"
	if frappe.db.get_value("User", user, "user_type") != "System User":
		return "/my-coaching" if PERSON_ROLE in frappe.get_roles(user) else "/"
	if set(frappe.get_roles(user)) & ROLES_WHO_COACH:
		return COACH_APP
	return f"/app/{frappe.scrub(WORKSPACE).replace('_', '-')}"


def start_where_they_work(user, method=None) -> None:
	"""doc_events User.validate: a coach or lead with no default app or workspace of their own starts
	in the app's door, which opens /coach (the desk stays one link away); an analyst in the workspace."""
	roles = {row.role for row in user.get("roles", [])}
	if user.user_type != "System User" or user.default_workspace or user.default_app:
		return
	if roles & ROLES_WHO_COACH:
		user.default_app = "pts_coaching"
	elif roles & ROLES_WHO_WORK_IN_THE_DESK and frappe.db.exists("Workspace", WORKSPACE):
		user.default_workspace = WORKSPACE


def start_everyone_where_they_work() -> None:
	"""On install, and for sites that had the app before: the users who already hold its roles. Coaches
	and leads the app once started in the workspace start in their own app now."""
	for name in users_with(ROLES_WHO_COACH):
		if frappe.db.get_value("User", name, "default_workspace") in (None, "", WORKSPACE):
			frappe.db.set_value(
				"User",
				name,
				{"default_workspace": None, "default_app": "pts_coaching"},
				update_modified=False,
			)
	for name in users_with(ROLES_WHO_WORK_IN_THE_DESK - ROLES_WHO_COACH):
		if not frappe.db.get_value("User", name, "default_workspace"):
			frappe.db.set_value("User", name, "default_workspace", WORKSPACE, update_modified=False)


def users_with(roles: set[str]) -> list[str]:
	has_role = frappe.qb.DocType("Has Role")
	user = frappe.qb.DocType("User")
	return (
		frappe.qb.from_(user)
		.join(has_role)
		.on((has_role.parent == user.name) & (has_role.parenttype == "User"))
		.select(user.name)
		.distinct()
		.where(has_role.role.isin(list(roles)))
		.where(user.user_type == "System User")
	).run(pluck=True)
