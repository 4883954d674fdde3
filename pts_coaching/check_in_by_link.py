"""The page a check-in link opens, /check-in#<token>, and the two methods it calls, open to guests.

The token is in the address's fragment, which a browser never sends to a server, so it is in no
request log; the page posts it in the body. Frappe's Error Log leaves out variables and arguments
named `token`, and everything past the first line here holds only its hash. A link that is not there,
was made on another site, is answered, expired or withdrawn gets one and the same reply, so a wrong
token tells no one whether a person or a link exists. Both methods are rate-limited per address and
per token.
"""

from contextlib import contextmanager

import frappe
from frappe import _
from frappe.rate_limiter import rate_limit
from frappe.utils import now_datetime

from pts_coaching import check_in_links
from pts_coaching.pts_coaching.doctype.wellbeing_check_in.wellbeing_check_in import on_their_own

LANGUAGE_CODES = {"English": "en", "Welsh": "cy"}
# Enough for someone to come back to the page a few times, and for many phones behind one mobile
# network's address; far too few to guess 256 bits.
TRIES_PER_ADDRESS_AN_HOUR = 300
TRIES_PER_TOKEN_AN_HOUR = 10


@contextmanager
def in_their_language(language: str | None):
	"""Words for the person in the language they prefer, else the site's."""
	was = frappe.local.lang
	frappe.local.lang = LANGUAGE_CODES.get(language) or frappe.get_system_settings("language") or "en"
	try:
		yield
	finally:
		frappe.local.lang = was


def turned_down() -> dict:
	return {"turned_down": _("This link has been used or has expired. Your coach can send you a new one.")}


def usable_link(token, for_update: bool = False):
	"""The link this token opens, if it may still be answered. From here on the request's arguments
	hold the token's hash, never the token, and each token has its own limit."""
	token_hash = check_in_links.hash_of(str(token or ""))
	frappe.form_dict.token = token_hash
	rate_limit(key="token", limit=TRIES_PER_TOKEN_AN_HOUR, seconds=60 * 60, ip_based=False)(lambda: None)()
	link = frappe.db.get_value(
		"Check-in Link",
		{"token_hash": token_hash},
		["name", "person", "relationship", "measure", "expires_on", "answered_on", "withdrawn_on"],
		as_dict=True,
		for_update=for_update,
	)
	if not link or not check_in_links.may_be_answered(
		now_datetime(), link.expires_on, link.answered_on, link.withdrawn_on
	):
		return None
	if frappe.db.get_value("Person", link.person, "anonymised_on"):
		return None
	return link


@frappe.whitelist(allow_guest=True, methods=["POST"])
@rate_limit(limit=TRIES_PER_ADDRESS_AN_HOUR, seconds=60 * 60)
def questions(token: str = "") -> dict:
	"""The greeting and the measure's questions, in their language, or the one reply for every link
	that cannot be answered."""
	link = usable_link(token)
	if not link:
		return turned_down()
	person = frappe.db.get_value("Person", link.person, ["preferred_name", "language"], as_dict=True)
	with in_their_language(person.language):
		return {
			"lang": frappe.local.lang,
			"html": frappe.render_template(
				"pts_coaching/templates/includes/check_in_by_link.html",
				{
					"preferred_name": person.preferred_name,
					"measure": frappe.get_doc("Wellbeing Measure", link.measure),
				},
			),
		}


@frappe.whitelist(allow_guest=True, methods=["POST"])
@rate_limit(limit=TRIES_PER_ADDRESS_AN_HOUR, seconds=60 * 60)
def answer(token: str = "", answers: str | dict | None = None) -> dict:
	"""Saves their check-in, on their own, scored like any other; the link then works no more."""
	link = usable_link(token, for_update=True)
	if not link:
		return turned_down()
	answers = frappe.parse_json(answers)
	if not isinstance(answers, dict):
		frappe.throw(_("Choose one answer for each question."), title=_("Check the answers"))
	done = on_their_own(link.person, link.relationship, answers, link.measure)
	frappe.db.set_value("Check-in Link", link.name, {"answered_on": now_datetime(), "check_in": done.name})
	language = frappe.db.get_value("Person", link.person, "language")
	with in_their_language(language):
		return {"lang": frappe.local.lang, "thanks": _("Thank you. Your coach will see your answers.")}
