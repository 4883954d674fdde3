import frappe
import pytest
from frappe.utils import today

from tests.integration.conftest import ERPNEXT_COMPANY, HAS_ERPNEXT, LEAD_TEAM, new_relationship

with_erpnext = pytest.mark.skipif(not HAS_ERPNEXT, reason="ERPNext is not on this bench")
without_erpnext = pytest.mark.skipif(HAS_ERPNEXT, reason="ERPNext is on this bench")


def spend(relationship, amount=120, decided=1, **values):
	return frappe.get_doc(
		{
			"doctype": "Personal Budget Spend",
			"person": relationship.person,
			"relationship": relationship.name,
			"amount": amount,
			"what_for": "A bike, so I can get to the warehouse for the early shift",
			"decided_with_person": decided,
			**values,
		}
	)


@pytest.mark.parametrize("amount", [0, -5])
def test_the_amount_is_more_than_zero(amount):
	with pytest.raises(frappe.ValidationError, match=r"more than zero|Amount"):
		spend(new_relationship(), amount).insert()


def test_a_coaching_lead_approves_as_themselves(coach, lead):
	frappe.set_user(coach)
	made = spend(new_relationship(coach, team=LEAD_TEAM)).insert()
	frappe.set_user(lead)
	frappe.get_doc("Personal Budget Spend", made.name).approve()
	assert frappe.db.get_value("Personal Budget Spend", made.name, ["approved_by", "approved_on"]) == (
		lead,
		frappe.utils.getdate(today()),
	)


def test_a_coach_does_not_approve(coach, lead):
	frappe.set_user(coach)
	made = spend(new_relationship(coach, team=LEAD_TEAM)).insert()
	with pytest.raises(frappe.ValidationError, match="approved by a coaching lead"):
		frappe.get_doc("Personal Budget Spend", made.name).approve()
	made.reload()
	made.approved_by = lead
	with pytest.raises(frappe.ValidationError, match="approves a spend as themselves"):
		made.save()
	assert not frappe.db.get_value("Personal Budget Spend", made.name, "approved_by")


def test_a_spend_is_decided_with_the_person_before_it_is_approved(lead):
	made = spend(new_relationship(team=LEAD_TEAM), decided=0).insert()
	frappe.set_user(lead)
	with pytest.raises(frappe.ValidationError, match="tick 'Decided with them'"):
		frappe.get_doc("Personal Budget Spend", made.name).approve()


def test_once_approved_the_amount_and_approval_stay_as_they_were(lead):
	made = spend(new_relationship(team=LEAD_TEAM)).insert()
	frappe.set_user(lead)
	made.approve()
	approved = frappe.get_doc("Personal Budget Spend", made.name)
	approved.amount = 900
	with pytest.raises(frappe.ValidationError, match="stay as they were"):
		approved.save()
	with pytest.raises(frappe.ValidationError, match="approved this spend on"):
		frappe.get_doc("Personal Budget Spend", made.name).approve()
	still = frappe.get_doc("Personal Budget Spend", made.name)
	still.what_for = "A bike and a lock, so I can get to the warehouse"
	still.save()
	assert frappe.db.get_value("Personal Budget Spend", made.name, "amount") == 120


def test_a_spend_is_paid_once_approved(lead):
	made = spend(new_relationship(team=LEAD_TEAM), paid_on=None).insert()
	made.paid_on = today()
	with pytest.raises(frappe.ValidationError, match="paid once a coaching lead has approved"):
		made.save()
	frappe.set_user(lead)
	made.reload()
	made.approve()
	made.reload()
	made.paid_on = today()
	made.save()


@without_erpnext
def test_without_erpnext_approving_makes_no_journal_entry_and_says_nothing_of_it(lead):
	assert "erpnext" not in frappe.get_installed_apps()
	made = spend(new_relationship(team=LEAD_TEAM)).insert()
	frappe.local.message_log = []
	frappe.set_user(lead)
	made.approve()
	made.reload()
	assert made.approved_by == lead
	assert (made.journal_entry, made.accounting_doctype) == (None, None)
	assert not frappe.db.exists("DocType", "Journal Entry")
	assert frappe.local.message_log == []


BUDGET_SETTINGS = ("budgets_tab", "budget_company", "budget_expense_account", "budget_payment_account")


@without_erpnext
def test_without_erpnext_its_fields_stay_out_of_sight():
	spend_meta = frappe.get_meta("Personal Budget Spend")
	assert "frappe.boot.versions.erpnext" in spend_meta.get_field("journal_entry").depends_on
	assert spend_meta.get_field("accounting_doctype").hidden
	# no Link to a doctype the site has not got, which would stop the settings form opening
	settings_meta = frappe.get_meta("PTS Coaching Settings")
	assert not any(settings_meta.has_field(fieldname) for fieldname in BUDGET_SETTINGS)
	assert not [
		f
		for f in settings_meta.fields
		if f.fieldtype == "Link" and not frappe.db.exists("DocType", f.options)
	]
	frappe.get_single("PTS Coaching Settings").save()


@with_erpnext
def test_with_erpnext_the_settings_say_where_budgets_are_accounted_for():
	settings_meta = frappe.get_meta("PTS Coaching Settings")
	assert all(settings_meta.has_field(fieldname) for fieldname in BUDGET_SETTINGS)
	assert settings_meta.get_field("budget_company").options == "Company"


def erpnext_account(**filters) -> str:
	return frappe.db.get_value("Account", {"company": ERPNEXT_COMPANY, "is_group": 0, **filters}, "name")


def budget_settings(**accounts):
	settings = frappe.get_single("PTS Coaching Settings")
	settings.update({"budget_company": ERPNEXT_COMPANY, **accounts})
	return settings


@with_erpnext
def test_with_erpnext_approving_makes_a_draft_journal_entry_that_leads_back_to_the_spend(lead):
	expense = erpnext_account(root_type="Expense", account_type=("in", ["", "Expense Account"]))
	bank = erpnext_account(account_type="Bank")
	budget_settings(budget_expense_account=expense, budget_payment_account=bank).save()
	made = spend(new_relationship(team=LEAD_TEAM)).insert()
	frappe.set_user(lead)
	made.approve()
	made.reload()
	assert made.accounting_doctype == "Journal Entry"
	frappe.set_user("Administrator")
	entry = frappe.get_doc("Journal Entry", made.journal_entry)
	assert (entry.docstatus, entry.company, entry.voucher_type) == (0, ERPNEXT_COMPANY, "Journal Entry")
	assert {
		(row.account, row.debit_in_account_currency, row.credit_in_account_currency) for row in entry.accounts
	} == {
		(expense, 120, 0),
		(bank, 0, 120),
	}
	expense_line = next(row for row in entry.accounts if row.account == expense)
	assert expense_line.cost_center == frappe.get_cached_value("Company", ERPNEXT_COMPANY, "cost_center")
	# The entry names the spend where ERPNext shows it, and its Connections count it.
	assert entry.cheque_no == made.name
	assert "A bike" not in (entry.user_remark or "")
	from frappe.desk.notifications import get_open_count

	connections = get_open_count("Journal Entry", entry.name)["count"]["external_links_found"]
	assert {"doctype": "Personal Budget Spend", "count": 1} in [
		{"doctype": link["doctype"], "count": link["count"]} for link in connections
	]


@with_erpnext
@pytest.mark.parametrize("account_type", ["Payable", "Receivable"])
def test_with_erpnext_budgets_are_not_paid_from_an_account_that_needs_a_party(account_type):
	with pytest.raises(frappe.ValidationError, match="supplier or customer"):
		budget_settings(budget_payment_account=erpnext_account(account_type=account_type)).save()


@with_erpnext
def test_with_erpnext_budget_accounts_are_the_companys_and_not_groups():
	group = frappe.db.get_value("Account", {"company": ERPNEXT_COMPANY, "is_group": 1}, "name")
	with pytest.raises(frappe.ValidationError, match="group of accounts"):
		budget_settings(budget_expense_account=group).save()


@with_erpnext
def test_with_erpnext_a_spend_is_in_the_currency_of_the_company_whose_books_it_goes_into(lead):
	budget_settings().save()
	# A company that keeps its books in euros, though the site's own currency is pounds.
	frappe.db.set_value("Company", ERPNEXT_COMPANY, "default_currency", "EUR")
	frappe.clear_document_cache("Company", ERPNEXT_COMPANY)
	try:
		made = spend(new_relationship(team=LEAD_TEAM)).insert()
		assert (made.currency, frappe.db.get_default("currency")) == ("EUR", "GBP")
		amount = frappe.get_meta("Personal Budget Spend").get_field("amount")
		assert "€" in frappe.format_value(made.amount, amount, made)
	finally:
		frappe.db.set_value("Company", ERPNEXT_COMPANY, "default_currency", "GBP")
		frappe.clear_document_cache("Company", ERPNEXT_COMPANY)


@without_erpnext
def test_without_erpnext_a_spend_is_in_the_sites_currency(coach):
	made = spend(new_relationship()).insert()
	assert made.currency == frappe.db.get_default("currency")
