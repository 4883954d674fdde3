# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt

import frappe
from frappe.model.document import Document
from frappe.query_builder.functions import Count, Max

from pts_coaching.pts_coaching.records import check_not_in_future


class CoachingConversation(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		channel: DF.Literal[
			"",
			"Walk",
			"Coffee",
			"Phone call",
			"Text message",
			"Video call",
			"Their place",
			"Our place",
			"Other",
		]
		coach: DF.Link | None
		conversation: DF.TextEditor | None
		date: DF.Date
		next_if_they_want: DF.SmallText | None
		person: DF.Link | None
		person_name: DF.Data | None
		relationship: DF.Link
		saved_once_key: DF.Data | None
		strengths_noticed: DF.SmallText | None
		what_matters: DF.SmallText | None

	# end: auto-generated types
	def validate(self):
		check_not_in_future(self, "date")

	def on_update(self):
		previous = self.get_doc_before_save()
		if previous and previous.relationship != self.relationship:
			update_contact(previous.relationship)
		update_contact(self.relationship)

	def after_delete(self):
		update_contact(self.relationship)


def update_contact(relationship: str):
	"""Keep the relationship's last contact and contact count in step with its conversations."""
	# Counters only: leave `modified` alone so that a coach's open relationship form stays current.
	frappe.db.set_value(
		"Coaching Relationship", relationship, contact_with(relationship), update_modified=False
	)


def contact_with(relationship: str) -> dict:
	conversation = frappe.qb.DocType("Coaching Conversation")
	((contact_count, last_contact_on),) = (
		frappe.qb.from_(conversation)
		.select(Count(conversation.name), Max(conversation.date))
		.where(conversation.relationship == relationship)
	).run()
	return {"contact_count": contact_count, "last_contact_on": last_contact_on}


# Contact Rhythm reads everyone's conversations in this order, so it names the index.
IN_RELATIONSHIP_ORDER = "relationship_date_channel_index"


def on_doctype_update():
	# A year of conversations is half a million rows: Contact Rhythm reads date, relationship and
	# channel from these indexes alone, its months by date and who was in touch by relationship.
	frappe.db.add_index("Coaching Conversation", ["date", "relationship", "channel"])
	frappe.db.add_index(
		"Coaching Conversation", ["relationship", "date", "channel"], index_name=IN_RELATIONSHIP_ORDER
	)
