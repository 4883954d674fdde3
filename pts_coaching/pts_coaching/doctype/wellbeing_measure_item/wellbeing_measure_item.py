# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt

from frappe.model.document import Document


class WellbeingMeasureItem(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		code: DF.Data
		lower_is_better: DF.Check
		max_value: DF.Int
		min_value: DF.Int
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		population_mean: DF.Float
		statement: DF.SmallText
	# end: auto-generated types
	pass
