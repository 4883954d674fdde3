# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, nowdate

from pts_coaching import aspirations
from pts_coaching.pts_coaching.records import check_relationship_is_theirs, said_kindly


class Aspiration(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from pts_coaching.pts_coaching.doctype.aspiration_step.aspiration_step import AspirationStep

		achieved_on: DF.Date | None
		conversation: DF.Link | None
		how_it_feels: DF.SmallText | None
		in_their_words: DF.SmallText
		person: DF.Link
		person_name: DF.Data | None
		relationship: DF.Link | None
		set_on: DF.Date | None
		status: DF.Literal["Thinking about it", "Working on it", "Achieved", "Changed my mind", "On hold"]
		steps: DF.Table[AspirationStep]
		theme: DF.Link | None

	# end: auto-generated types
	def validate(self):
		check_relationship_is_theirs(self)
		if self.status:  # without one, Frappe asks for it
			self.apply_status_rules()

	def apply_status_rules(self):
		today = getdate(nowdate())
		with said_kindly("Check the aspiration"):
			self.achieved_on = aspirations.achieved_date(self.status, as_date(self.achieved_on), today)
			aspirations.check_dates(as_date(self.set_on), self.achieved_on, today)
			for step in self.steps:
				step.done_on = aspirations.step_done_date(
					step.done, as_date(step.done_on), as_date(step.added_on), today
				)


def as_date(value):
	# getdate() of nothing is today; an empty date here must stay empty.
	return getdate(value) if value else None


@frappe.whitelist(methods=["POST"])
def note_aspiration(conversation: str, in_their_words: str, theme: str | None = None) -> str:
	"""An aspiration heard in a conversation, noted for that relationship and person."""
	noted_in = frappe.get_doc("Coaching Conversation", conversation)
	noted_in.check_permission("read")
	aspiration = frappe.get_doc(
		{
			"doctype": "Aspiration",
			"in_their_words": in_their_words,
			"theme": theme or None,
			"relationship": noted_in.relationship,
			"person": noted_in.person,
			"set_on": noted_in.date,
			"conversation": noted_in.name,
		}
	).insert()
	return aspiration.name


@frappe.whitelist(methods=["POST"])
def note_step(conversation: str, aspiration: str, step: str) -> str:
	"""A step they chose in a conversation, added to one of their aspirations."""
	noted_in = frappe.get_doc("Coaching Conversation", conversation)
	noted_in.check_permission("read")
	chosen = frappe.get_doc("Aspiration", aspiration)
	if chosen.person != noted_in.person:
		frappe.throw(
			_("That aspiration is someone else's: choose one of {0}'s.").format(
				frappe.bold(noted_in.person_name)
			),
			title=_("Check the aspiration"),
		)
	chosen.append("steps", {"step": step, "added_on": noted_in.date, "conversation": noted_in.name})
	chosen.save()
	return chosen.name
