# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt

import frappe
from frappe.model.document import Document


class WellbeingAnswer(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		answer: DF.Literal[None]
		item_code: DF.Data | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		statement: DF.SmallText | None
	# end: auto-generated types
	pass


def on_doctype_update():
	# Wellbeing Journey reads each check-in's answers, a million rows, from this index alone.
	frappe.db.add_index("Wellbeing Answer", ["parent", "parentfield", "parenttype", "item_code", "answer"])
