import frappe
import pytest
from frappe.utils import add_days, today

from pts_coaching.demo import EXAMPLE_OUTCOME_TYPES, make_example_outcome_types
from tests.integration.conftest import new_relationship
from tests.integration.records import outcome_type


def contract(name="Kirklees outcomes", from_days=-100, to_days=100, *outcomes):
	outcomes = outcomes or (
		{"outcome_type": outcome_type("Accommodation secured"), "tariff": 1500, "cap_per_person": 1},
		{"outcome_type": outcome_type("Entered work"), "tariff": 2000},
	)
	return frappe.get_doc(
		{
			"doctype": "Outcomes Contract",
			"contract_name": name,
			"commissioner": "Kirklees Council",
			"from_date": add_days(today(), from_days),
			"to_date": add_days(today(), to_days),
			"outcomes": list(outcomes),
		}
	)


def achievement(relationship, outcome, days_ago=0, contract=None):
	return frappe.get_doc(
		{
			"doctype": "Achievement",
			"person": relationship.person,
			"relationship": relationship.name,
			"outcome_type": outcome,
			"achieved_on": add_days(today(), -days_ago),
			"contract": contract,
			"evidence": "Tenancy agreement seen",
			"verified_by": "Administrator",
		}
	)


def test_an_achievement_under_a_contract_takes_its_tariff():
	kirklees = contract().insert()
	made = achievement(new_relationship(), "Entered work", contract=kirklees.name).insert()
	assert made.tariff == 2000
	assert achievement(new_relationship(), "Entered work").insert().tariff == 0


def test_an_achievement_outside_the_contract_period_is_not_counted():
	kirklees = contract(from_days=-30, to_days=30).insert()
	relationship = new_relationship()
	before = frappe.db.count("Achievement")
	with pytest.raises(frappe.ValidationError, match=r"runs from .* an achievement on .* is outside it"):
		achievement(relationship, "Entered work", days_ago=31, contract=kirklees.name).insert()
	assert frappe.db.count("Achievement") == before
	assert achievement(relationship, "Entered work", days_ago=30, contract=kirklees.name).insert()


def test_an_outcome_the_contract_does_not_pay_for_is_not_counted():
	kirklees = contract().insert()
	with pytest.raises(frappe.ValidationError, match=r"does not pay for .*Entered education or training"):
		achievement(
			new_relationship(), outcome_type("Entered education or training"), contract=kirklees.name
		).insert()


def test_a_cap_counts_an_outcome_so_many_times_for_one_person():
	kirklees = contract().insert()
	rowan, morgan = new_relationship(), new_relationship(name="Morgan")
	first = achievement(rowan, "Accommodation secured", days_ago=20, contract=kirklees.name).insert()
	with pytest.raises(frappe.ValidationError, match=r"at most .*1.* time.* already has .*1"):
		achievement(rowan, "Accommodation secured", contract=kirklees.name).insert()

	# Other people, other outcomes and saving the counted one again are not held back by the cap.
	achievement(morgan, "Accommodation secured", contract=kirklees.name).insert()
	achievement(rowan, "Entered work", contract=kirklees.name).insert()
	achievement(rowan, "Entered work", contract=kirklees.name).insert()
	first.evidence = "Tenancy agreement and a letter from the landlord"
	first.save()
	# Outside the contract, the achievement is recorded all the same.
	assert achievement(rowan, "Accommodation secured").insert().tariff == 0


def test_an_achievement_before_the_period_still_counts_towards_the_cap_in_it():
	"""The cap was 2 when Rowan's two were recorded, then lowered to 1: the report for the last month
	pays nothing for the one in it, since the one before it takes the cap; outcomes not achieved again
	and other people's earlier achievements change nothing in the period."""
	from pts_coaching.pts_coaching.report.outcomes_for_commissioners.outcomes_for_commissioners import (
		execute,
	)

	kirklees = contract(
		"Kirklees capped",
		-100,
		100,
		{"outcome_type": outcome_type("Accommodation secured"), "tariff": 1500, "cap_per_person": 2},
		{"outcome_type": outcome_type("Entered work"), "tariff": 2000},
	).insert()
	rowan, morgan = new_relationship(), new_relationship(name="Morgan")
	for person in (rowan.person, morgan.person):
		frappe.db.set_value("Person", person, "agrees_to_outcome_reporting", 1)
	achievement(rowan, "Accommodation secured", days_ago=60, contract=kirklees.name).insert()
	achievement(rowan, "Accommodation secured", days_ago=10, contract=kirklees.name).insert()
	achievement(rowan, "Entered work", days_ago=60, contract=kirklees.name).insert()
	achievement(morgan, "Accommodation secured", days_ago=60, contract=kirklees.name).insert()
	achievement(morgan, "Entered work", days_ago=10, contract=kirklees.name).insert()
	kirklees.outcomes[0].cap_per_person = 1
	kirklees.save()

	def paid(days: int) -> dict:
		filters = {"from_date": add_days(today(), -days), "to_date": today(), "contract": kirklees.name}
		_columns, rows, *_ = execute(filters)
		# Summed over the period's quarters, which it may span.
		return {
			outcome: tuple(
				sum(row[column] for row in rows if row["outcome_type"] == outcome)
				for column in ("achievements", "paid_for", "total")
			)
			for outcome in {row["outcome_type"] for row in rows}
		}

	assert paid(30) == {"Accommodation secured": (1, 0, 0), "Entered work": (1, 1, 2000)}
	assert paid(90) == {"Accommodation secured": (3, 2, 3000), "Entered work": (2, 2, 4000)}


def test_a_contract_period_cannot_end_before_it_starts():
	with pytest.raises(frappe.ValidationError, match="cannot be before the start"):
		contract(from_days=10, to_days=-10).insert()


def test_a_contract_names_each_outcome_once():
	work = {"outcome_type": outcome_type("Entered work"), "tariff": 2000}
	with pytest.raises(frappe.ValidationError, match=r"Entered work.* is in the contract twice"):
		contract("Twice", -10, 10, work, dict(work, tariff=1000)).insert()


def test_a_tariff_or_a_cap_cannot_be_negative():
	with pytest.raises(frappe.ValidationError, match=r"tariff for .*Entered work.* cannot be less than zero"):
		contract("Negative", -10, 10, {"outcome_type": outcome_type(), "tariff": -1}).insert()
	with pytest.raises(
		frappe.ValidationError, match=r"cap per person for .*Entered work.* cannot be less than zero"
	):
		contract("Negative cap", -10, 10, {"outcome_type": outcome_type(), "cap_per_person": -1}).insert()


def test_a_contract_pays_for_at_least_one_outcome():
	empty = contract("Empty")
	empty.outcomes = []
	with pytest.raises(frappe.MandatoryError, match="outcomes"):
		empty.insert()


def test_a_coach_records_achievements_but_does_not_set_up_contracts(coach, lead):
	frappe.set_user(lead)
	kirklees = contract().insert()
	frappe.set_user(coach)
	with pytest.raises(frappe.PermissionError):
		contract("Another").insert()
	with pytest.raises(frappe.PermissionError):
		frappe.get_doc({"doctype": "Outcome Type", "outcome_name": "Made a friend"}).insert()
	assert (
		achievement(new_relationship(coach), "Entered work", contract=kirklees.name).insert().tariff == 2000
	)


def test_the_example_outcome_types_are_made_on_request_not_on_install():
	assert not frappe.db.exists("Outcome Type", {"name": ("in", list(EXAMPLE_OUTCOME_TYPES))})
	names = make_example_outcome_types()
	assert names == list(EXAMPLE_OUTCOME_TYPES)
	assert set(frappe.get_all("Outcome Type", pluck="name")) >= set(names)
	assert {
		"Accommodation secured",
		"Accommodation sustained for 3 months",
		"Accommodation sustained for 6 months",
		"Entered education or training",
		"Entered work",
		"Wellbeing improved by a meaningful change",
	} == set(names)
	assert all(frappe.db.get_value("Outcome Type", name, "evidence_guidance") for name in names)


def test_making_the_examples_again_keeps_what_a_site_changed():
	make_example_outcome_types()
	frappe.db.set_value("Outcome Type", "Entered work", "description", "Paid work of 16 hours a week or more")
	frappe.delete_doc("Outcome Type", "Entered education or training")
	count = frappe.db.count("Outcome Type")
	make_example_outcome_types()
	assert frappe.db.get_value("Outcome Type", "Entered work", "description") == (
		"Paid work of 16 hours a week or more"
	)
	assert frappe.db.exists("Outcome Type", "Entered education or training")
	assert frappe.db.count("Outcome Type") == count + 1
