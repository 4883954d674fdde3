# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt
"""What the records about a person share: whose they are, when they happened, and how a broken rule
from the plain-Python modules is said to the coach."""

import datetime
from contextlib import contextmanager

import frappe
from frappe import _
from frappe.utils import escape_html, formatdate, getdate, today

from pts_coaching.rules import RuleBroken


@contextmanager
def said_kindly(title: str):
	"""Say, in the user's language, why one of the plain-Python rules refused something. Values may be
	what a user typed, so they are escaped before they are shown."""
	try:
		yield
	except RuleBroken as broken:
		values = (
			formatdate(v) if isinstance(v, datetime.date) else escape_html(_(str(v))) for v in broken.values
		)
		frappe.throw(_(broken.message).format(*(frappe.bold(v) for v in values)), title=_(title))


def check_relationship_is_theirs(doc) -> None:
	if not doc.relationship:
		return
	with_person = frappe.db.get_value("Coaching Relationship", doc.relationship, "person")
	if with_person != doc.person:
		frappe.throw(
			_("Relationship {0} is with someone else: choose one of {1}'s relationships.").format(
				frappe.bold(doc.relationship), frappe.bold(doc.person_name or doc.person)
			),
			title=_("Check the relationship"),
		)


def check_not_in_future(doc, fieldname: str) -> None:
	if doc.get(fieldname) and getdate(doc.get(fieldname)) > getdate(today()):
		frappe.throw(
			_("{0} is written down once it has happened: it cannot be in the future.").format(
				_(doc.meta.get_label(fieldname))
			),
			title=_("Check the date"),
		)
