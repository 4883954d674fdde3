# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt

import frappe
from frappe.model.document import Document
from frappe.utils import getdate

from pts_coaching import outcomes
from pts_coaching.pts_coaching.records import check_not_in_future, check_relationship_is_theirs, said_kindly


class Achievement(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		achieved_on: DF.Date
		contract: DF.Link | None
		currency: DF.Link | None
		evidence: DF.SmallText | None
		outcome_type: DF.Link
		person: DF.Link
		person_name: DF.Data | None
		relationship: DF.Link | None
		tariff: DF.Currency
		verified_by: DF.Link | None

	# end: auto-generated types
	def validate(self):
		check_relationship_is_theirs(self)
		check_not_in_future(self, "achieved_on")
		self.tariff = self.tariff_from_contract()

	def tariff_from_contract(self) -> float:
		if not self.contract:
			return 0
		# Locked, so that two achievements saved at once cannot both take the last place under a cap.
		contract = frappe.get_doc("Outcomes Contract", self.contract, for_update=True)
		with said_kindly("The contract cannot count this"):
			return outcomes.check_achievement(
				contract.terms(), self.outcome_type, getdate(self.achieved_on), self.counted_before()
			).tariff

	def counted_before(self) -> int:
		return frappe.db.count(
			"Achievement",
			{
				"person": self.person,
				"contract": self.contract,
				"outcome_type": self.outcome_type,
				"name": ("!=", self.name),
			},
		)
