# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt

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
