import frappe
from frappe import _

from pts_coaching.portal import my_person, page_for

no_cache = 1


def get_context(context):
	if frappe.session.user == "Guest":
		frappe.local.flags.redirect_location = "/login?redirect-to=/my-coaching"
		raise frappe.Redirect
	context.update(page_for(my_person()))
	context.saved = frappe.form_dict.get("saved") == "check-in"
	context.title = _("My coaching")
	context.show_sidebar = False
	return context
