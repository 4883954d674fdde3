from pts_coaching.permissions import SCOPED_DOCTYPES as _SCOPED_DOCTYPES

app_name = "pts_coaching"
app_title = "PTS Coaching"
app_publisher = "pts_coaching contributors"
app_description = "Person-led, transitional, strengths-based coaching: conversations, not referrals."
app_email = "pts-coaching@example.org"
app_license = "mit"

# Frappe only: ERPNext, where a site has it, is used but never required.
required_apps = []

add_to_apps_screen = [
	{
		"name": "pts_coaching",
		"title": "PTS Coaching",
		"route": "/app/pts-coaching",
	}
]

# The lifecycle Workflow is made from pts_coaching.lifecycle once and then belongs to the site's
# admins; migrate only puts it back if it is missing.
after_install = "pts_coaching.install.after_install"
after_migrate = "pts_coaching.install.after_migrate"
before_uninstall = "pts_coaching.install.before_uninstall"

# No scheduler_events: nothing in this app moves a relationship's phase by itself.

# Who sees whom: one criterion for lists and for single records (pts_coaching/permissions.py).
# A coach's reflections follow their own rule (coach_reflection.py): their own, and shared ones.
_REFLECTION = "pts_coaching.pts_coaching.doctype.coach_reflection.coach_reflection"
permission_query_conditions = {
	**dict.fromkeys(_SCOPED_DOCTYPES, "pts_coaching.permissions.query_conditions"),
	"Coach Reflection": f"{_REFLECTION}.get_permission_query_conditions",
}
has_permission = {
	**dict.fromkeys(_SCOPED_DOCTYPES, "pts_coaching.permissions.has_permission"),
	"Coach Reflection": f"{_REFLECTION}.has_permission",
}

# Frappe's own count and timeline show more than a user may see: these keep them to the same rules.
override_whitelisted_methods = {
	"frappe.client.get_count": "pts_coaching.permissions.get_count",
	"frappe.desk.form.load.getdoc": "pts_coaching.permissions.getdoc",
	"frappe.desk.form.load.get_docinfo": "pts_coaching.permissions.get_docinfo",
}
