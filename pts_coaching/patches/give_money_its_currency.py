import frappe

from pts_coaching.money import currency_of_the_books


def execute():
	"""Contracts and spends made before they had a currency are in the currency of the books; each
	achievement takes its contract's."""
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
