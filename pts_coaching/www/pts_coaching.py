import frappe

from pts_coaching.landing import where_they_work

no_cache = 1


def get_context(context):
	frappe.local.flags.redirect_location = where_they_work(frappe.session.user)
	raise frappe.Redirect
