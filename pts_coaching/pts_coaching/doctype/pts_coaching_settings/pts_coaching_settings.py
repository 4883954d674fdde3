# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt

from frappe.model.document import Document


class PTSCoachingSettings(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		budget_company: DF.Link | None
		budget_expense_account: DF.Link | None
		budget_payment_account: DF.Link | None
	# end: auto-generated types
	pass
