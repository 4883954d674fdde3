# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt

from frappe.model.document import Document


class PTSCoachingSettings(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		default_measure: DF.Link | None
	# end: auto-generated types
	pass
