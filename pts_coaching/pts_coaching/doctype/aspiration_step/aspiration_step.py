# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt

from frappe.model.document import Document


class AspirationStep(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		added_on: DF.Date | None
		conversation: DF.Link | None
		done: DF.Check
		done_on: DF.Date | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		step: DF.SmallText
	# end: auto-generated types
	pass
