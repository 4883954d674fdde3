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
		"route": "/app/start-with-a-conversation",
	}
]

# The lifecycle Workflow is made from pts_coaching.lifecycle once and then belongs to the site's
# admins; migrate only puts it back if it is missing.
after_install = "pts_coaching.install.after_install"
after_migrate = "pts_coaching.install.after_migrate"
before_uninstall = "pts_coaching.install.before_uninstall"

# No scheduler_events: nothing in this app moves a relationship's phase by itself.

# A coach sees their own reflections and those shared with their team; see coach_reflection.py.
permission_query_conditions = {
	"Coach Reflection": "pts_coaching.pts_coaching.doctype.coach_reflection.coach_reflection.get_permission_query_conditions",
}
has_permission = {
	"Coach Reflection": "pts_coaching.pts_coaching.doctype.coach_reflection.coach_reflection.has_permission",
}
