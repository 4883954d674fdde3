# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document

# ERPNext asks for a Party on a Journal Entry line of these account types, which a spend has not got.
ACCOUNT_TYPES_THAT_NEED_A_PARTY = ("Payable", "Receivable")


class PTSCoachingSettings(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from pts_coaching.pts_coaching.doctype.pts_coaching_settings_role.pts_coaching_settings_role import (
			PTSCoachingSettingsRole,
		)

		check_in_link_days: DF.Int
		default_measure: DF.Link | None
		retention_years: DF.Int
		roles_that_see_everyone: DF.TableMultiSelect[PTSCoachingSettingsRole]
		roles_that_see_their_teams: DF.TableMultiSelect[PTSCoachingSettingsRole]

	# end: auto-generated types
	def validate(self):
		self.check_budget_accounts()

	def check_budget_accounts(self):
		"""The accounts an approved spend's draft Journal Entry uses: ERPNext's, so checked as it would.
		The fields are there only where ERPNext is (pts_coaching.install.ERPNEXT_FIELDS)."""
		for fieldname in ("budget_expense_account", "budget_payment_account"):
			account = self.get(fieldname)
			if not account:
				continue
			label = _(self.meta.get_label(fieldname))
			company, is_group, account_type = frappe.db.get_value(
				"Account", account, ["company", "is_group", "account_type"]
			)
			if is_group:
				frappe.throw(
					_("{0}: {1} is a group of accounts; choose one account in it.").format(label, account),
					title=_("Personal budgets"),
				)
			if self.get("budget_company") and company != self.get("budget_company"):
				frappe.throw(
					_("{0}: {1} belongs to {2}, not to {3}.").format(
						label, account, company, self.get("budget_company")
					),
					title=_("Personal budgets"),
				)
			if fieldname == "budget_payment_account" and account_type in ACCOUNT_TYPES_THAT_NEED_A_PARTY:
				frappe.throw(
					_(
						"{0}: {1} is a {2} account, and ERPNext needs a supplier or customer on every entry to it. "
						"Choose the bank or cash account budgets are paid from."
					).format(label, account, _(account_type)),
					title=_("Personal budgets"),
				)
