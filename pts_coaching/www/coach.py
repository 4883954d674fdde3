"""/coach: the coach's own app (frontend/, built into coach.html by `bench build`), for coaches and
leads; anyone else is sent on to where they work."""

import frappe
from frappe.translate import get_all_translations

from pts_coaching import lifecycle
from pts_coaching.landing import ROLES_WHO_COACH, where_they_work

no_cache = 1


def get_context(context):
	user = frappe.session.user
	if user == "Guest":
		frappe.local.flags.redirect_location = "/login?redirect-to=/coach"
		raise frappe.Redirect
	if not set(frappe.get_roles()) & ROLES_WHO_COACH:
		frappe.local.flags.redirect_location = where_they_work(user)
		raise frappe.Redirect
	context.csrf_token = frappe.sessions.get_csrf_token()
	frappe.db.commit()  # the new CSRF token is kept with the session
	context.boot = {
		"user": user,
		"lang": frappe.local.lang,
		"messages": get_all_translations(frappe.local.lang) if frappe.local.lang != "en" else {},
		"channels": options_of("Coaching Conversation", "channel"),
		"aspiration_statuses": options_of("Aspiration", "status"),
		"ending_kinds": list(lifecycle.ENDING_KINDS),
	}


def options_of(doctype: str, fieldname: str) -> list[str]:
	return [o for o in (frappe.get_meta(doctype).get_field(fieldname).options or "").split("\n") if o]
