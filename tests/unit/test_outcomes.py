from datetime import date

import pytest

from pts_coaching import outcomes
from pts_coaching.outcomes import Contract, RuleBroken, Tariff

HOUSING = Contract(
	"Kirklees 2026",
	date(2026, 4, 1),
	date(2027, 3, 31),
	(
		Tariff("Accommodation secured", 1500, cap_per_person=1),
		Tariff("Entered work", 2000),
	),
)


@pytest.mark.parametrize("closeness", [1, 3, 5])
def test_closeness_from_1_to_5(closeness):
	outcomes.check_closeness("Mum", closeness)


@pytest.mark.parametrize("closeness", [0, 6, -1, None])
def test_closeness_outside_1_to_5_asks_again_naming_the_connection(closeness):
	with pytest.raises(RuleBroken, match="How close is Mum"):
		outcomes.check_closeness("Mum", closeness)


def test_a_network_is_its_size_and_average_closeness():
	assert outcomes.network([5, 4, 2]) == outcomes.Network(3, 3.7)
	assert outcomes.network([]) == outcomes.Network(0, None)


@pytest.mark.parametrize(
	("on", "active"),
	[
		(date(2026, 1, 9), False),
		(date(2026, 1, 10), True),
		(date(2026, 2, 1), True),
		(date(2026, 3, 31), True),
		(date(2026, 4, 1), False),
	],
)
def test_a_service_is_active_from_its_first_day_to_its_last_both_included(on, active):
	assert outcomes.is_active_on(date(2026, 1, 10), date(2026, 3, 31), on) is active


def test_a_service_with_no_last_day_is_still_active():
	assert outcomes.is_active_on(date(2026, 1, 10), None, date(2040, 1, 1))
	assert not outcomes.is_active_on(date(2026, 1, 10), None, date(2026, 1, 9))


def test_a_period_cannot_end_before_it_starts():
	outcomes.check_period(date(2026, 1, 1), date(2026, 1, 1))
	outcomes.check_period(date(2026, 1, 1), None)
	with pytest.raises(RuleBroken, match="cannot be before the start"):
		outcomes.check_period(date(2026, 1, 2), date(2026, 1, 1))


def test_a_contract_pays_its_tariff_for_an_outcome_it_names_within_its_period():
	assert outcomes.check_achievement(HOUSING, "Entered work", date(2026, 4, 1), 0).tariff == 2000
	assert outcomes.check_achievement(HOUSING, "Entered work", date(2027, 3, 31), 7).tariff == 2000


def test_a_contract_does_not_count_an_outcome_it_does_not_pay_for():
	with pytest.raises(RuleBroken, match="Kirklees 2026 does not pay for Entered education or training"):
		outcomes.check_achievement(HOUSING, "Entered education or training", date(2026, 5, 1), 0)


@pytest.mark.parametrize("achieved_on", [date(2026, 3, 31), date(2027, 4, 1)])
def test_a_contract_does_not_count_an_achievement_outside_its_period(achieved_on):
	with pytest.raises(RuleBroken, match="outside it") as broken:
		outcomes.check_achievement(HOUSING, "Entered work", achieved_on, 0)
	assert broken.value.values == ("Kirklees 2026", date(2026, 4, 1), date(2027, 3, 31), achieved_on)


def test_a_cap_counts_an_outcome_at_most_so_many_times_for_one_person():
	assert outcomes.check_achievement(HOUSING, "Accommodation secured", date(2026, 5, 1), 0).tariff == 1500
	with pytest.raises(RuleBroken, match="at most 1 time"):
		outcomes.check_achievement(HOUSING, "Accommodation secured", date(2026, 6, 1), 1)


def test_a_message_keeps_its_placeholders_for_translation():
	with pytest.raises(RuleBroken) as broken:
		outcomes.check_achievement(HOUSING, "Entered education or training", date(2026, 5, 1), 0)
	assert broken.value.message == "{0} does not pay for {1}."
	assert str(broken.value) == "Kirklees 2026 does not pay for Entered education or training."


def test_a_contract_names_each_outcome_once_with_no_negative_tariff_or_cap():
	outcomes.check_contract(HOUSING)
	twice = Contract(
		"Twice", date(2026, 1, 1), date(2026, 12, 31), (Tariff("Entered work"), Tariff("Entered work"))
	)
	with pytest.raises(RuleBroken, match="in the contract twice"):
		outcomes.check_contract(twice)
	negative = Contract("Negative", date(2026, 1, 1), date(2026, 12, 31), (Tariff("Entered work", -1),))
	with pytest.raises(RuleBroken, match="tariff for Entered work cannot be less than zero"):
		outcomes.check_contract(negative)
	negative_cap = Contract("Cap", date(2026, 1, 1), date(2026, 12, 31), (Tariff("Entered work", 1, -1),))
	with pytest.raises(RuleBroken, match="cap per person"):
		outcomes.check_contract(negative_cap)
	backwards = Contract("Backwards", date(2026, 12, 31), date(2026, 1, 1), ())
	with pytest.raises(RuleBroken, match="cannot be before the start"):
		outcomes.check_contract(backwards)


def test_the_rules_stand_without_frappe():
	source = outcomes.__loader__.get_source(outcomes.__name__)
	assert "import frappe" not in source and "from frappe" not in source
