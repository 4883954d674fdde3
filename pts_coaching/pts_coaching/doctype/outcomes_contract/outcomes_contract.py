# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt

import frappe
import pandas as pd
from frappe.model.document import Document
from frappe.utils import cint, flt, getdate

from pts_coaching import outcomes
from pts_coaching.money import currency_of_the_books
from pts_coaching.pts_coaching.records import said_kindly
from pts_coaching.report_arithmetic.outcomes_for_commissioners import tariff_of_each


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
		currency: DF.Link | None
		from_date: DF.Date
		outcomes: DF.Table[OutcomesContractOutcome]
		to_date: DF.Date

	# end: auto-generated types
	def validate(self):
		self.currency = self.currency or currency_of_the_books()
		with said_kindly("Check the contract"):
			outcomes.check_contract(self.terms())

	def on_update(self):
		self.keep_tariffs_in_step()
		frappe.db.set_value(
			"Achievement", {"contract": self.name}, "currency", self.currency, update_modified=False
		)

	def keep_tariffs_in_step(self):
		"""Each achievement keeps the tariff it earns under the contract's terms as they are now, so
		that Report Builder's sums agree with Outcomes for Commissioners after the terms change."""
		fields = ["name", "person", "outcome_type", "achieved_on", "contract", "tariff"]
		achievements = pd.DataFrame(
			frappe.get_all("Achievement", filters={"contract": self.name}, fields=fields, as_list=True),
			columns=fields,
		)
		if achievements.empty:
			return
		earned = tariff_of_each(achievements, [self.terms()])
		for name, stored in zip(achievements["name"], achievements["tariff"], strict=True):
			if flt(stored) != earned[name]:
				frappe.db.set_value("Achievement", name, "tariff", earned[name], update_modified=False)

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
