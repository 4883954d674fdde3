from datetime import date

import pandas as pd

from pts_coaching.report_arithmetic.reliance_on_services import PER_KIND, PER_PERSON, reliance


def test_services_when_coaching_began_and_on_the_day():
	result = reliance(
		pd.DataFrame(
			[
				("P1", date(2026, 1, 10), 3, 1),
				("P2", date(2026, 2, 1), 0, 1),
				("P3", date(2026, 2, 1), None, None),  # no services at all
			],
			columns=PER_PERSON,
		),
		pd.DataFrame(
			[
				("Money and debt", 0, 0),  # relied on between the two days only
				("Mental health", 1, 0),
				("Pets", 0, 1),  # a kind an admin added
				("Housing", 1, 2),
				("Health", 1, 0),
			],
			columns=PER_KIND,
		),
		kind_order=("Housing", "Health", "Mental health", "Money and debt"),
	)
	people = result.people.set_index("person")
	assert people.loc["P1", ["at_start", "on_the_day", "change"]].tolist() == [3, 1, -2]
	assert people.loc["P2", ["at_start", "on_the_day", "change"]].tolist() == [0, 1, 1]
	assert people.loc["P3", ["at_start", "on_the_day", "change"]].tolist() == [0, 0, 0]
	assert people.loc["P1", "started_on"] == pd.Timestamp(2026, 1, 10)
	assert result.mean_at_start == 1.0
	assert result.mean_on_the_day == 2 / 3
	assert (result.fewer, result.the_same, result.more) == (1, 1, 1)
	assert result.kinds.values.tolist() == [
		["Housing", 1, 2],
		["Health", 1, 0],
		["Mental health", 1, 0],
		["Money and debt", 0, 0],
		["Pets", 0, 1],
	]


def test_no_services_is_none_at_start_and_none_now():
	result = reliance(
		pd.DataFrame([("P1", date(2026, 1, 1), 0, 0)], columns=PER_PERSON), pd.DataFrame(columns=PER_KIND)
	)
	assert result.people[["at_start", "on_the_day"]].values.tolist() == [[0, 0]]
	assert result.kinds.empty


def test_no_people():
	result = reliance(pd.DataFrame(columns=PER_PERSON), pd.DataFrame(columns=PER_KIND))
	assert result.people.empty
	assert (result.mean_at_start, result.fewer) == (None, 0)
