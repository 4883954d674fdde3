from pts_coaching.money import give_money_its_currency


def execute():
	"""Contracts, spends and achievements made before they had a currency get one."""
	give_money_its_currency()
