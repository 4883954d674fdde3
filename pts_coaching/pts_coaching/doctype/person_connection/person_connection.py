# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt

from frappe.model.document import Document


class PersonConnection(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		closeness: DF.Int
		in_their_words: DF.SmallText | None
		kind: DF.Literal[
			"Family",
			"Friend",
			"Neighbour",
			"Group",
			"Faith",
			"Sport",
			"Work",
			"Learning",
			"Place",
			"Pet",
			"Service",
			"Other",
		]
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		who_or_what: DF.Data
	# end: auto-generated types
	pass
