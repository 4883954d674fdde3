# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt

from frappe.model.document import Document
from frappe.utils import cint, flt, getdate

from pts_coaching import outcomes
from pts_coaching.pts_coaching.records import said_kindly


class OutcomesContract(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from pts_coaching.pts_coaching.doctype.outcomes_contract_outcome.outcomes_contract_outcome import (
			OutcomesContractOutcome,
		)

		commissioner: DF.Data
		contract_name: DF.Data
		from_date: DF.Date
		outcomes: DF.Table[OutcomesContractOutcome]
		to_date: DF.Date

	# end: auto-generated types
	def validate(self):
		with said_kindly("Check the contract"):
			outcomes.check_contract(self.terms())

	def terms(self) -> outcomes.Contract:
		return outcomes.Contract(
			self.contract_name,
			getdate(self.from_date),
			getdate(self.to_date),
			tuple(
				outcomes.Tariff(row.outcome_type, flt(row.tariff), cint(row.cap_per_person))
				for row in self.outcomes
			),
		)
