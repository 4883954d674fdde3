# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt

from frappe.model.document import Document


class OutcomesContractOutcome(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		cap_per_person: DF.Int
		outcome_type: DF.Link
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		tariff: DF.Currency
	# end: auto-generated types
	pass
