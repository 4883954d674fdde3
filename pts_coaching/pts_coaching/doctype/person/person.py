# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt

import frappe
from frappe.model.document import Document

from pts_coaching.pts_coaching.records import check_not_in_future


class Person(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		about_me: DF.Text | None
		agreed_on: DF.Date | None
		agrees_to_outcome_reporting: DF.Check
		agrees_to_sharing_with_services: DF.Check
		agrees_to_their_story_being_told: DF.Check
		contact: DF.Link | None
		date_of_birth: DF.Date | None
		email: DF.Data | None
		full_name: DF.Data | None
		language: DF.Literal["English", "Welsh"]
		phone: DF.Data | None
		preferred_contact: DF.Literal["", "Text message", "Call", "Email", "In person", "Other"]
		preferred_name: DF.Data
		pronouns: DF.Data | None
		user: DF.Link | None
		what_they_agreed: DF.SmallText | None

	# end: auto-generated types
	def validate(self):
		check_not_in_future(self, "date_of_birth")


def on_doctype_update():
	# Who sees whom reads "the people this coach added" on every list and form of a person's records.
	frappe.db.add_index("Person", ["owner"])
