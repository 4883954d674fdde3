from datetime import date

import pandas as pd

from pts_coaching.outcomes import Contract, Tariff
from pts_coaching.report_arithmetic.outcomes_for_commissioners import claim, claims, tariff_of_each
from pts_coaching.report_arithmetic.over_time import QUARTER

COLUMNS = ["name", "person", "outcome_type", "achieved_on", "contract", "agrees"]
HOME = "Accommodation secured"
WORK = "Entered work"
LEARNING = "Entered education or training"
CONTRACTS = (
	Contract("K", date(2026, 4, 1), date(2027, 3, 31), (Tariff(HOME, 1500, 1), Tariff(WORK, 2000, 0))),
	Contract("L", date(2026, 1, 1), date(2026, 12, 31), (Tariff(WORK, 500, 2),)),
)


def test_tariffs_per_contract_period_and_outcome_within_caps_leaving_out_people_who_did_not_agree():
	result = claims(
		pd.DataFrame(
			[
				("A01", "P1", HOME, date(2026, 5, 1), "K", 1),  # before the period, but uses the cap
				("A02", "P1", HOME, date(2026, 8, 1), "K", 1),  # over the cap of 1
				("A03", "P2", HOME, date(2026, 8, 15), "K", 1),
				("A04", "P2", WORK, date(2026, 10, 1), "K", 1),
				("A05", "P3", WORK, date(2026, 9, 1), "L", 1),
				("A06", "P3", WORK, date(2026, 9, 20), "L", 1),
				("A07", "P3", WORK, date(2026, 11, 1), "L", 1),  # over the cap of 2
				("A08", "P4", WORK, date(2026, 8, 1), "K", 0),  # did not agree
				("A09", "P4", HOME, date(2026, 9, 1), None, 0),  # did not agree
				("A10", "P5", WORK, date(2026, 5, 1), "K", 0),  # did not agree, before the period
				("A11", "P5", LEARNING, date(2026, 7, 10), None, 1),  # no contract
				("A12", "P2", LEARNING, date(2026, 9, 1), "K", 1),  # not an outcome K pays for
			],
			columns=COLUMNS,
		),
		CONTRACTS,
		date(2026, 7, 1),
		date(2026, 12, 31),
		QUARTER,
	)
	rows = result.rows.fillna({"tariff": 0})
	assert rows.values.tolist() == [
		["", "2026 Q3", LEARNING, 1, 0, 0, 0],
		["K", "2026 Q3", HOME, 2, 1, 1500, 1500],
		["K", "2026 Q3", LEARNING, 1, 0, 0, 0],
		["K", "2026 Q4", WORK, 1, 1, 2000, 2000],
		["L", "2026 Q3", WORK, 2, 2, 500, 1000],
		["L", "2026 Q4", WORK, 1, 0, 0, 0],
	]
	assert result.totals == {"K": 3500, "L": 1000}
	assert (result.achievements, result.people) == (8, 4)
	assert (result.left_out_achievements, result.left_out_people) == (2, 1)


def test_no_achievements():
	result = claims(pd.DataFrame(columns=COLUMNS), CONTRACTS, date(2026, 7, 1), date(2026, 12, 31), QUARTER)
	assert result.rows.empty
	assert result.totals == {}
	assert (result.achievements, result.left_out_achievements, result.left_out_people) == (0, 0, 0)


def test_each_achievement_keeps_what_it_earns_and_nothing_where_the_contract_does_not_pay():
	earned = tariff_of_each(
		pd.DataFrame(
			[
				("A02", "P1", HOME, date(2026, 8, 1), "K"),  # second under a cap of 1
				("A01", "P1", HOME, date(2026, 5, 1), "K"),
				("A03", "P2", WORK, date(2026, 3, 1), "K"),  # before K began
			],
			columns=COLUMNS[:5],
		),
		CONTRACTS,
	)
	assert earned == {"A01": 1500.0, "A02": 0.0, "A03": 0.0}


def test_a_claim_lists_every_achievement_in_its_period_and_counts_the_people_left_out():
	result = claim(
		pd.DataFrame(
			[
				("A01", "P1", HOME, date(2026, 5, 1), "K", 1, 1),  # before the period, uses the cap
				("A02", "P1", HOME, date(2026, 8, 1), "K", 1, 0),  # over the cap
				("A03", "P2", HOME, date(2026, 8, 15), "K", 1, 1),
				("A04", "P2", WORK, date(2026, 9, 1), "K", 1, 0),
				("A05", "P4", WORK, date(2026, 8, 1), "K", 0, 1),  # did not agree
				("A06", "P5", WORK, date(2026, 8, 2), "K", 0, 1),  # did not agree
			],
			columns=[*COLUMNS, "evidence_recorded"],
		),
		CONTRACTS[0],
		date(2026, 7, 1),
		date(2026, 9, 30),
	)
	assert result.rows.to_dict("records") == [
		{
			"person": "P1",
			"outcome_type": HOME,
			"achieved_on": date(2026, 8, 1),
			"evidence_recorded": False,
			"paid_for": False,
			"tariff": 0.0,
		},
		{
			"person": "P2",
			"outcome_type": HOME,
			"achieved_on": date(2026, 8, 15),
			"evidence_recorded": True,
			"paid_for": True,
			"tariff": 1500.0,
		},
		{
			"person": "P2",
			"outcome_type": WORK,
			"achieved_on": date(2026, 9, 1),
			"evidence_recorded": False,
			"paid_for": True,
			"tariff": 2000.0,
		},
	]
	assert result.total == 3500.0
	assert (result.left_out_achievements, result.left_out_people) == (2, 2)
