# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import flt, formatdate, today

from pts_coaching.money import currency_of_the_books
from pts_coaching.pts_coaching.records import check_relationship_is_theirs

APPROVER_ROLE = "PTS Coaching Lead"
# What the approval was given for stays as it was given.
KEPT_ONCE_APPROVED = ("person", "amount", "decided_with_person", "approved_by", "approved_on")


class PersonalBudgetSpend(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		accounting_doctype: DF.Link | None
		amount: DF.Currency
		approved_by: DF.Link | None
		approved_on: DF.Date | None
		currency: DF.Link | None
		decided_with_person: DF.Check
		journal_entry: DF.DynamicLink | None
		paid_on: DF.Date | None
		person: DF.Link
		person_name: DF.Data | None
		relationship: DF.Link | None
		what_for: DF.SmallText

	# end: auto-generated types
	def validate(self):
		check_relationship_is_theirs(self)
		# The currency of the books it goes into when it was made; a later change of company is not its.
		# Frappe fills a new record's Currency link with the site's own, so it is set here, not kept.
		if self.is_new():
			self.currency = currency_of_the_books()
		if flt(self.amount) <= 0:
			frappe.throw(_("The amount of a spend is more than zero."), title=_("Check the amount"))
		previous = self.get_doc_before_save()
		if previous and previous.approved_by:
			self.check_approval_kept(previous)
		elif self.approved_by:
			self.check_approval()
		if self.paid_on and not self.approved_by:
			frappe.throw(
				_("A spend is paid once a coaching lead has approved it."), title=_("Not approved yet")
			)

	def check_approval(self):
		if not self.decided_with_person:
			frappe.throw(
				_("A personal budget is spent on what the person chooses: tick 'Decided with them' first."),
				title=_("Decided with them?"),
			)
		if APPROVER_ROLE not in frappe.get_roles(self.approved_by):
			frappe.throw(_("A spend is approved by a coaching lead."), title=_("Approval"))
		# Administrator may record approvals given elsewhere, for example when bringing in past spends.
		if frappe.session.user not in (self.approved_by, "Administrator"):
			frappe.throw(_("A coaching lead approves a spend as themselves."), title=_("Approval"))
		self.approved_on = self.approved_on or today()

	def check_approval_kept(self, previous):
		if any(str(self.get(f) or "") != str(previous.get(f) or "") for f in KEPT_ONCE_APPROVED):
			frappe.throw(
				_("This spend is approved: who it is for, the amount and the approval stay as they were."),
				title=_("Approved"),
			)

	@frappe.whitelist()
	def approve(self):
		if self.approved_by:
			frappe.throw(
				_("{0} approved this spend on {1}.").format(
					frappe.bold(frappe.utils.get_fullname(self.approved_by)), formatdate(self.approved_on)
				),
				title=_("Approved"),
			)
		self.check_permission("write")
		self.approved_by = frappe.session.user
		self.approved_on = today()
		self.save()
		if "erpnext" in frappe.get_installed_apps():
			self.make_journal_entry()

	def make_journal_entry(self):
		"""A draft Journal Entry for the finance team to check and submit; the coaching lead approves
		the spend, not the accounting."""
		settings = frappe.get_single("PTS Coaching Settings")
		company = settings.get("budget_company")
		expense_account = settings.get("budget_expense_account")
		payment_account = settings.get("budget_payment_account")
		if not (company and expense_account and payment_account):
			frappe.msgprint(
				_(
					"Approved. No Journal Entry was made: choose the company and accounts for personal "
					"budgets in PTS Coaching Settings."
				)
			)
			return
		entry = frappe.get_doc(
			{
				"doctype": "Journal Entry",
				"voucher_type": "Journal Entry",
				"company": company,
				"posting_date": self.paid_on or today(),
				# The spend's name only: what it was for is the person's words, not the ledger's.
				"user_remark": _("Personal budget spend {0}").format(self.name),
				# ERPNext shows the Reference Number on the entry and in the General Ledger.
				"cheque_no": self.name,
				"cheque_date": self.paid_on or today(),
				"accounts": [
					{
						"account": expense_account,
						"debit_in_account_currency": flt(self.amount),
						"cost_center": frappe.get_cached_value("Company", company, "cost_center"),
					},
					{"account": payment_account, "credit_in_account_currency": flt(self.amount)},
				],
			}
		)
		# Coaching leads seldom hold accounts roles; the entry stays a draft until finance submits it.
		entry.insert(ignore_permissions=True)
		self.db_set({"accounting_doctype": "Journal Entry", "journal_entry": entry.name})


def journal_entry_dashboard(data: dict) -> dict:
	"""override_doctype_dashboards for ERPNext's Journal Entry: its Connections lead back to the spend."""
	data.setdefault("non_standard_fieldnames", {})["Personal Budget Spend"] = "journal_entry"
	data.setdefault("transactions", []).append(
		{"label": _("PTS Coaching"), "items": ["Personal Budget Spend"]}
	)
	return data
