"""Which currency the app's money is in.

Frappe shows a Currency field with no currency of its own in the site's default, which a site set up
without the setup wizard leaves as dollars. The app gives each amount the currency of what it belongs
to instead: a personal budget spend the company whose books it goes into, a contract its own (Frappe
gives a new one the site's currency, which the admin may change).
"""

import frappe


def currency_of_the_books() -> str | None:
	"""The company chosen for personal budgets where ERPNext is; otherwise the site's own currency."""
	company = (
		frappe.db.get_single_value("PTS Coaching Settings", "budget_company", cache=True)
		if ("erpnext" in frappe.get_installed_apps())
		else None
	)
	if company:
		return frappe.get_cached_value("Company", company, "default_currency")
	return frappe.db.get_default("currency")


def give_money_its_currency():
	"""Contracts and spends with no currency are in the currency of the books; each achievement takes
	its contract's. For records written before they had a currency, and the demo's, written as rows."""
	currency = currency_of_the_books()
	if currency:
		for doctype in ("Outcomes Contract", "Personal Budget Spend"):
			frappe.db.set_value(
				doctype, {"currency": ("is", "not set")}, "currency", currency, update_modified=False
			)
	# PyPika writes an UPDATE's SET without its table, which a join makes ambiguous ("currency" is on
	# both), so this one is written out.
	frappe.db.sql(
		"""update `tabAchievement` achievement
		join `tabOutcomes Contract` contract on contract.name = achievement.contract
		set achievement.currency = contract.currency
		where ifnull(achievement.currency, '') = ''"""
	)
