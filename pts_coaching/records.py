"""What the app's records about a person share."""

import frappe
from frappe import _
from frappe.utils import escape_html


def refuse(not_accepted, title: str):
	"""Say, in the user's language, why one of the plain-Python rules refused something. Values may be
	what a user typed, so they are escaped before they are shown."""
	frappe.throw(
		_(not_accepted.message).format(*(frappe.bold(escape_html(_(str(v)))) for v in not_accepted.values)),
		title=title,
	)


def check_person_of_relationship(doc):
	"""A record that belongs to a relationship is about that relationship's person."""
	if not doc.relationship:
		return
	person = frappe.db.get_value("Coaching Relationship", doc.relationship, "person")
	if person and doc.person and doc.person != person:
		frappe.throw(
			_(
				"This relationship is with someone else: choose {0}'s own relationship, or leave it empty."
			).format(
				frappe.bold(
					escape_html(frappe.db.get_value("Person", doc.person, "preferred_name") or doc.person)
				)
			),
			title=_("Check the person"),
		)
