from datetime import date

import pandas as pd

from pts_coaching.report_arithmetic.reliance_on_services import reliance

PEOPLE = ["person", "started_on"]
SERVICES = ["person", "service_kind", "from_date", "to_date"]
ON = date(2026, 6, 30)


def test_active_services_when_coaching_began_and_on_the_day():
	result = reliance(
		pd.DataFrame(
			[
				("P1", date(2026, 3, 1)),
				("P1", date(2026, 1, 10)),  # their earliest relationship is when coaching began
				("P2", date(2026, 2, 1)),
				("P3", date(2026, 2, 1)),
			],
			columns=PEOPLE,
		),
		pd.DataFrame(
			[
				("P1", "Housing", date(2025, 6, 1), None),  # still active
				("P1", "Mental health", date(2025, 12, 1), date(2026, 2, 28)),
				("P1", "Health", date(2026, 1, 10), date(2026, 1, 10)),  # one day: the first of coaching
				("P2", "Housing", date(2026, 3, 1), None),
				("P2", "Money and debt", date(2026, 1, 1), date(2026, 1, 31)),  # over before coaching began
			],
			columns=SERVICES,
		),
		ON,
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
	]


def test_no_services_is_none_at_start_and_none_now():
	result = reliance(
		pd.DataFrame([("P1", date(2026, 1, 1))], columns=PEOPLE), pd.DataFrame(columns=SERVICES), ON
	)
	assert result.people[["at_start", "on_the_day"]].values.tolist() == [[0, 0]]
	assert result.kinds.empty


def test_no_people():
	result = reliance(pd.DataFrame(columns=PEOPLE), pd.DataFrame(columns=SERVICES), ON)
	assert result.people.empty
	assert (result.mean_at_start, result.fewer) == (None, 0)
