"""The person's own page, /my-coaching.

Everything here acts on the record of the person signed in, found from their login, so nothing a
browser sends can reach anyone else's. The PTS Person role has no permission on any doctype: the desk
and the REST API show them nothing, and these methods are the whole of what they can do.
"""

import json

import frappe
from frappe import _
from frappe.utils import escape_html

from pts_coaching import privacy
from pts_coaching.pts_coaching.doctype.wellbeing_check_in.wellbeing_check_in import charts_of, on_their_own

PERSON_ROLE = "PTS Person"


def my_person() -> str:
	person = frappe.db.get_value(
		"Person", {"user": frappe.session.user, "anonymised_on": ("is", "not set")}, "name"
	)
	if frappe.session.user == "Guest" or not person:
		raise frappe.PermissionError(_("This page is for people whose coach has invited them to it."))
	return person


def current_relationship(person: str) -> str | None:
	relationships = frappe.get_all(
		"Coaching Relationship", {"person": person}, ["name", "phase"], order_by="started_on desc"
	)
	still_open = [r.name for r in relationships if r.phase != "Ended"]
	return (still_open or [r.name for r in relationships] or [None])[0]


def my_aspiration(aspiration: str):
	doc = frappe.get_doc("Aspiration", aspiration)
	if doc.person != my_person():
		raise frappe.PermissionError(_("That is not one of your aspirations."))
	return doc


def page_for(person: str) -> dict:
	"""What their page shows: their own words and records, and what their coach chose to share."""
	measure_name = frappe.db.get_single_value("PTS Coaching Settings", "default_measure")
	measure = frappe.get_doc("Wellbeing Measure", measure_name) if measure_name else None
	latest_snapshot = frappe.db.get_value(
		"Connection Snapshot", {"person": person}, "name", order_by="date desc"
	)
	return {
		"person": frappe.get_doc("Person", person),
		"aspirations": [
			frappe.get_doc("Aspiration", name)
			for name in frappe.get_all("Aspiration", {"person": person}, pluck="name", order_by="set_on desc")
		],
		"statuses": frappe.get_meta("Aspiration").get_options("status").split("\n"),
		"themes": frappe.get_all("Aspiration Theme", {"disabled": 0}, pluck="name", order_by="name"),
		"conversations": frappe.get_all(
			"Coaching Conversation",
			{"person": person, "shared_with_person": 1},
			["date", "channel", "conversation"],
			order_by="date desc",
		),
		"connections": frappe.get_doc("Connection Snapshot", latest_snapshot).connections
		if latest_snapshot
		else [],
		"measure": measure,
		"charts": charts_of(person, ignore_permissions=True),
	}


@frappe.whitelist(methods=["POST"])
def add_aspiration(in_their_words: str, theme: str | None = None) -> str:
	person = my_person()
	return (
		frappe.get_doc(
			{
				"doctype": "Aspiration",
				"person": person,
				"relationship": current_relationship(person),
				"in_their_words": in_their_words,
				"theme": theme or None,
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


@frappe.whitelist(methods=["POST"])
def change_aspiration(aspiration: str, in_their_words: str | None = None, status: str | None = None) -> None:
	doc = my_aspiration(aspiration)
	if in_their_words:
		doc.in_their_words = in_their_words
	if status:
		doc.status = status
	doc.save(ignore_permissions=True)


@frappe.whitelist(methods=["POST"])
def add_step(aspiration: str, step: str) -> None:
	doc = my_aspiration(aspiration)
	doc.append("steps", {"step": step})
	doc.save(ignore_permissions=True)


@frappe.whitelist(methods=["POST"])
def check_in(answers: str | dict) -> dict:
	"""A check-in they do on their own, with the site's default measure, scored on the server."""
	person = my_person()
	done = on_their_own(person, current_relationship(person), frappe.parse_json(answers))
	return {"scored": done.scored, "score": done.score}


@frappe.whitelist()
def download_everything() -> None:
	person = my_person()
	frappe.response.filename = "everything-we-hold-about-me.json"
	frappe.response.filecontent = json.dumps(
		privacy.everything_about(person, for_the_person=True), indent=1, default=str
	)
	frappe.response.type = "download"


@frappe.whitelist(methods=["POST"])
def invite(person: str) -> str | None:
	"""From the Person form: make their website login and return the link that lets them set a
	password. A login that exists already is used only if it is already theirs: anyone else's (another
	person coached, a colleague) is never linked, reset or revealed. Once they have signed in, a new
	link goes to their email only, so no one but them can set their password."""
	doc = frappe.get_doc("Person", person)
	doc.check_permission("write")
	if not doc.email:
		frappe.throw(_("Add their email address first: it is how they sign in."), title=_("Invite"))
	existing = frappe.db.exists("User", doc.email)
	if existing and existing != doc.user:
		frappe.throw(
			_(
				"{0} already signs in to this site, so it cannot become their login here. If it is "
				"theirs, ask your site's administrator to link it."
			).format(frappe.bold(escape_html(doc.email))),
			title=_("Invite"),
		)
	if not existing:
		frappe.get_doc(
			{
				"doctype": "User",
				"email": doc.email,
				"first_name": doc.preferred_name,
				"user_type": "Website User",
				"language": "cy" if doc.language == "Welsh" else "en",
				"send_welcome_email": 0,
				"roles": [{"role": PERSON_ROLE}],
			}
		).insert(ignore_permissions=True)
	user = frappe.get_doc("User", doc.email)
	if user.user_type != "Website User" or PERSON_ROLE not in frappe.get_roles(user.name):
		frappe.throw(
			_(
				"{0} already signs in to this site for something else, so it cannot be their coaching login."
			).format(frappe.bold(escape_html(doc.email))),
			title=_("Invite"),
		)
	doc.db_set("user", user.name)
	if user.last_login:
		user.reset_password(send_email=True)
		return None
	return user.reset_password(send_email=False)
