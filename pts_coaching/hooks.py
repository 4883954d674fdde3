from pts_coaching.language_lens import LENS_DOCTYPES as _LENS_DOCTYPES
from pts_coaching.permissions import SCOPED_DOCTYPES as _SCOPED_DOCTYPES

app_name = "pts_coaching"
app_title = "PTS Coaching"
app_publisher = "pts_coaching contributors"
app_description = "Person-led, transitional, strengths-based coaching: conversations, not referrals."
app_email = "pts-coaching@example.org"
app_license = "mit"

# Frappe only: ERPNext, where a site has it, is used but never required.
required_apps = []

# The apps screen's tile, for the app's desk users only; /pts-coaching sends each user on to where
# they work (pts_coaching/landing.py).
add_to_apps_screen = [
	{
		"name": "pts_coaching",
		"logo": "/assets/pts_coaching/images/pts-coaching-logo.svg",
		"title": "PTS Coaching",
		"route": "/pts-coaching",
		"has_permission": "pts_coaching.landing.works_in_the_app",
	}
]

# The lifecycle Workflow is made from pts_coaching.lifecycle once and then belongs to the site's
# admins; migrate only puts it back if it is missing.
after_install = "pts_coaching.install.after_install"
after_migrate = "pts_coaching.install.after_migrate"
# ERPNext installed later lights up the personal budgets' accounting.
after_app_install = "pts_coaching.install.after_app_install"
before_uninstall = "pts_coaching.install.before_uninstall"

# Scheduled jobs: anonymising after the retention period, and letting go of follows of a person's
# records their follower may no longer read, so Frappe's follow digest stops emailing them. Nothing
# moves a phase by itself.
scheduler_events = {
	"daily": ["pts_coaching.privacy.anonymise_after_retention"],
	"hourly": ["pts_coaching.permissions.let_go_of_follows_no_longer_theirs"],
}

# Frappe's personal data requests: they cover the Person row, and these hooks everything about them.
user_data_fields = [
	{
		"doctype": "Person",
		"filter_by": "user",
		"redact_fields": [
			"preferred_name",
			"full_name",
			"pronouns",
			"phone",
			"email",
			"about_me",
			"what_they_agreed",
		],
		"partial": 1,
	}
]
doc_events = {
	"Personal Data Deletion Request": {"on_update": "pts_coaching.privacy.on_deletion_request"},
	"Personal Data Download Request": {"after_insert": "pts_coaching.privacy.on_download_request"},
	"Prepared Report": {"before_insert": "pts_coaching.background.check_queue_answers"},
	# Frappe's follow digest emails notes to followers: only those who may read them follow.
	"Document Follow": {"before_insert": "pts_coaching.permissions.follows_only_what_they_read"},
	# Coaches and leads start in their own app, /coach, when they sign in; analysts in the workspace.
	"User": {"validate": "pts_coaching.landing.start_where_they_work"},
	# Every record of the app: bad input refused plainly before it is saved, a record moved to someone
	# the user may not see refused, and what people typed escaped when Frappe's print formats show it
	# (each returns at once for other apps' doctypes).
	"*": {
		"before_validate": "pts_coaching.what_people_type.check_before_saving",
		"validate": [
			"pts_coaching.what_people_type.check_choices_and_links",
			"pts_coaching.permissions.check_whose_it_will_be",
		],
		"before_print": "pts_coaching.what_people_type.shown_safely_in_print",
	},
}

# Where ERPNext is: an approved spend's draft Journal Entry shows the spend among its Connections.
override_doctype_dashboards = {
	"Journal Entry": "pts_coaching.pts_coaching.doctype.personal_budget_spend.personal_budget_spend"
	".journal_entry_dashboard"
}

# The "Everything about this person" print format lists every record through this.
jinja = {
	"methods": [
		"pts_coaching.privacy.everything_about",
		"pts_coaching.what_people_type.as_html",
		"pts_coaching.what_people_type.as_printed",
	]
}

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
	# A file attached to a person's record is opened only by those who may read its notes.
	"File": "pts_coaching.permissions.may_open_attachment",
}

# Every request that reaches the app's records, whatever Frappe method it calls, passes one gate once
# Frappe knows who is asking (pts_coaching/request_gate.py).
auth_hooks = ["pts_coaching.request_gate.check_request"]

# Frappe's own count and timeline show more than a user may see: these keep them to the same rules,
# calling Frappe's own methods with the arguments they take (pts_coaching/permissions.py).
# The search bar finds people by the names they gave, among those the user may see.
global_search_doctypes = {"Default": [{"doctype": "Person"}]}

override_whitelisted_methods = {
	"frappe.client.get_count": "pts_coaching.permissions.get_count",
	"frappe.utils.global_search.search": "pts_coaching.permissions.search",
	"frappe.desk.form.load.getdoc": "pts_coaching.permissions.getdoc",
	"frappe.desk.form.load.get_docinfo": "pts_coaching.permissions.get_docinfo",
}

# The coach's app, /coach (frontend/): every address under it opens the app, which routes itself; its
# service worker is served at /coach-sw.js so that it may look after /coach.
website_route_rules = [{"from_route": "/coach/<path:app_path>", "to_route": "coach"}]
page_renderer = ["pts_coaching.coach_app_worker.CoachServiceWorker"]
# Signing out anywhere clears what the browser holds for the site, the coach app's waiting contacts too.
after_request = ["pts_coaching.coach_app.forget_what_the_phone_holds_on_sign_out"]

# People coached land on their own page when they sign in.
role_home_page = {"PTS Person": "my-coaching"}

# The language lens reads the long text of these forms as a coach writes.
doctype_js = dict.fromkeys(_LENS_DOCTYPES, "public/js/language_lens.js")
boot_session = "pts_coaching.boot.boot_session"
# On every desk page: what the app's forms share (unsaved words kept, relationship pickers, Pick
# Columns), and the background reports' offer to run now where no worker would run them.
app_include_js = [
	"/assets/pts_coaching/js/pts_coaching.js",
	"/assets/pts_coaching/js/background_reports.js",
]
