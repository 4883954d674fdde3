# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt

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
