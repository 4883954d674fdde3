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
