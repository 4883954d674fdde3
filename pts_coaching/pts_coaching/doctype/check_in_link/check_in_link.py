# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt
"""A check-in by link, sent from the Person: the person answers from their phone, with no account.

The link's token goes out in the text message or email (or to the coach, to copy) and is never kept:
the record holds its hash (pts_coaching/check_in_links.py). The page the link opens and its two guest
methods are pts_coaching/check_in_by_link.py.
"""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint, escape_html, get_fullname, get_url, now_datetime

from pts_coaching import check_in_links
from pts_coaching.check_in_by_link import in_their_language
from pts_coaching.portal import current_relationship
from pts_coaching.pts_coaching.records import check_relationship_is_theirs


class CheckinLink(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		answered_on: DF.Datetime | None
		check_in: DF.Link | None
		expires_on: DF.Datetime | None
		how: DF.Literal["Text message", "Email", "Copied"]
		measure: DF.Link
		person: DF.Link
		person_name: DF.Data | None
		relationship: DF.Link | None
		sent_on: DF.Datetime | None
		sent_to: DF.Data | None
		token_hash: DF.Data | None
		withdrawn_on: DF.Datetime | None

	# end: auto-generated types
	def validate(self):
		check_relationship_is_theirs(self)
		if (
			self.check_in
			and frappe.db.get_value("Wellbeing Check-in", self.check_in, "person") != self.person
		):
			frappe.throw(_("That check-in is someone else's."), title=_("Check the check-in"))


@frappe.whitelist(methods=["POST"])
def send_check_in_link(person: str, how: str, measure: str | None = None) -> dict:
	"""From the Person form: make a link and send it the way they like to keep in touch. Returns what
	to tell the coach, and the link itself only when the coach is to copy it."""
	doc = frappe.get_doc("Person", person)
	doc.check_permission("write")
	if doc.anonymised_on:
		frappe.throw(
			_("Their record is anonymised: nothing is sent to them."), title=_("Send a check-in link")
		)
	why_not = check_in_links.why_it_cannot_go(how, doc.preferred_contact, doc.phone, doc.email)
	if why_not:
		frappe.throw(_(why_not), title=_("Send a check-in link"))
	if how == check_in_links.TEXT_MESSAGE and not frappe.db.get_single_value(
		"SMS Settings", "sms_gateway_url"
	):
		frappe.throw(
			_(
				"This site does not send text messages yet (SMS Settings has no gateway). Choose "
				"Copy the link, and send it from your own phone."
			),
			title=_("Text messages are not set up"),
		)

	token = check_in_links.new_token()
	sent_on = now_datetime()
	days = cint(frappe.db.get_single_value("PTS Coaching Settings", "check_in_link_days"))
	link = frappe.get_doc(
		{
			"doctype": "Check-in Link",
			"person": doc.name,
			"relationship": current_relationship(doc.name),
			"measure": measure or frappe.db.get_single_value("PTS Coaching Settings", "default_measure"),
			"how": how,
			"sent_to": {check_in_links.TEXT_MESSAGE: doc.phone, check_in_links.EMAIL: doc.email}.get(how),
			"sent_on": sent_on,
			"expires_on": check_in_links.expires_on(sent_on, days),
			"token_hash": check_in_links.hash_of(token),
		}
	).insert()
	address = get_url(f"/check-in#{token}")
	with in_their_language(doc.language):
		if how == check_in_links.TEXT_MESSAGE:
			send_text_message(doc, address, days)
		elif how == check_in_links.EMAIL:
			send_email(doc, link, address, days)
	if how == check_in_links.COPIED:
		return {"link": address, "days": days}
	return {
		"sent": _("The check-in link is on its way to {0}. It works once, for {1} days.").format(
			escape_html(link.sent_to), days
		)
	}


def invitation(person, address: str, days: int) -> list[str]:
	return [
		_("Hello {0},").format(person.preferred_name),
		_(
			"{0}, your coach, would like to know how you are doing. If you want to, answer a few short questions. You do not need a password."
		).format(get_fullname(frappe.session.user)),
		address,
		_("The link works once, for {0} days.").format(days),
	]


def send_text_message(person, address: str, days: int) -> None:
	"""Through the gateway in Frappe's SMS Settings, as Frappe's send_sms does, less its SMS Log: that
	doctype is ERPNext's, so on a plain Frappe site send_sms fails once the message has gone, and
	the log would keep the link."""
	from frappe.core.doctype.sms_settings import sms_settings

	settings = frappe.get_doc("SMS Settings")
	headers = frappe.call(sms_settings.get_headers, sms_settings=settings)
	params = {row.parameter: row.value for row in settings.parameters if not row.header}
	params[settings.message_parameter] = " ".join(invitation(person, address, days))
	params[settings.receiver_parameter] = sms_settings.validate_receiver_nos([person.phone])[0]
	try:
		frappe.call(
			sms_settings.send_request,
			gateway_url=settings.sms_gateway_url,
			params=params,
			headers=headers,
			use_post=settings.use_post,
			use_json=headers.get("Content-Type") == "application/json",
		)
	except Exception:
		# Whatever the gateway answers holds the message, link and all, in its traceback: said
		# plainly here, it is never written to the Error Log.
		frappe.throw(
			_(
				"The text message did not go: the gateway in SMS Settings did not take it. Choose Copy "
				"the link, and send it from your own phone."
			),
			title=_("Send a check-in link"),
		)


def send_email(person, link, address: str, days: int) -> None:
	hello, why, _address, how_long = (escape_html(line) for line in invitation(person, address, days))
	frappe.sendmail(
		recipients=[person.email],
		subject=_("How are you doing?"),
		message=(
			f"<p>{hello}</p><p>{why}</p>"
			f'<p><a href="{escape_html(address)}">{escape_html(_("Answer the questions"))}</a></p>'
			f"<p>{how_long}</p>"
		),
		reference_doctype=link.doctype,
		reference_name=link.name,
	)


@frappe.whitelist(methods=["POST"])
def withdraw(link: str) -> None:
	doc = frappe.get_doc("Check-in Link", link)
	doc.check_permission("write")
	if doc.answered_on:
		frappe.throw(_("They have answered it already."), title=_("Withdraw the link"))
	if not doc.withdrawn_on:
		doc.withdrawn_on = now_datetime()
		doc.save()
