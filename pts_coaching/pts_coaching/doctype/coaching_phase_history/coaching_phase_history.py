# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt

import frappe
from frappe.model.document import Document


class CoachingPhaseHistory(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		ending_kind: DF.Literal["", "Moved on", "Chose to stop", "Moved away", "Other"]
		from_date: DF.Date | None
		in_their_words: DF.SmallText | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		phase: DF.Literal[
			"Getting to know each other", "Working together", "Paused", "Ending together", "Ended"
		]
		recorded_by: DF.Link | None
		to_date: DF.Date | None
	# end: auto-generated types
	pass


def on_doctype_update():
	# Endings and Moving On finds a period's moves into Ended by phase and day (the rows beside each,
	# by the index on parent).
	frappe.db.add_index("Coaching Phase History", ["phase", "from_date"])
