# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from pts_coaching.pts_coaching.records import check_not_in_future, check_relationship_is_theirs


class SafetyConversation(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		date: DF.Date
		person: DF.Link
		person_name: DF.Data | None
		relationship: DF.Link | None
		talk_again_on: DF.Date | None
		what_keeps_me_safe: DF.Text | None
		who_i_would_contact: DF.SmallText | None

	# end: auto-generated types
	def validate(self):
		check_relationship_is_theirs(self)
		check_not_in_future(self, "date")
		if self.talk_again_on and getdate(self.talk_again_on) < getdate(self.date):
			frappe.throw(
				_("When to talk again is after this conversation, not before it."), title=_("Check the dates")
			)
