"""Where each user starts: coaches, leads and analysts in the PTS Coaching workspace, people coached
on their own page, /my-coaching.

Frappe sends a desk user who has a default workspace straight to it when they sign in; /pts-coaching
is the app's own door (the apps screen's tile, and where Frappe sends a user after they set their
password), and sends each user on to where they work.
"""

import frappe

from pts_coaching.portal import PERSON_ROLE

WORKSPACE = "PTS Coaching"
ROLES_WHO_WORK_IN_THE_DESK = {"PTS Coach", "PTS Coaching Lead", "PTS Analyst"}


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
	return f"/app/{frappe.scrub(WORKSPACE).replace('_', '-')}"


def start_in_the_workspace(user, method=None) -> None:
	"""doc_events User.validate: a coach, lead or analyst with no default workspace of their own gets
	the app's, so signing in opens it."""
	roles = {row.role for row in user.get("roles", [])}
	if (
		user.user_type == "System User"
		and not user.default_workspace
		and roles & ROLES_WHO_WORK_IN_THE_DESK
		and frappe.db.exists("Workspace", WORKSPACE)
	):
		user.default_workspace = WORKSPACE


def start_everyone_in_the_workspace() -> None:
	"""On install, and for sites that had the app before: the users who already hold its roles."""
	has_role = frappe.qb.DocType("Has Role")
	user = frappe.qb.DocType("User")
	users = (
		frappe.qb.from_(user)
		.join(has_role)
		.on((has_role.parent == user.name) & (has_role.parenttype == "User"))
		.select(user.name)
		.distinct()
		.where(has_role.role.isin(list(ROLES_WHO_WORK_IN_THE_DESK)))
		.where(user.user_type == "System User")
		.where((user.default_workspace.isnull()) | (user.default_workspace == ""))
	).run(pluck=True)
	for name in users:
		frappe.db.set_value("User", name, "default_workspace", WORKSPACE, update_modified=False)
