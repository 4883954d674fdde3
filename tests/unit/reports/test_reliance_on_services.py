from datetime import date

import pandas as pd

from pts_coaching.report_arithmetic.reliance_on_services import KINDS_APART, PER_PERSON, reliance


def kinds(*names: str) -> str | None:
	"""As the database lists a person's kinds of service."""
	return KINDS_APART.join(names) if names else None


def test_services_when_coaching_began_and_on_the_day():
	result = reliance(
		pd.DataFrame(
			[
				(
					"P1",
					date(2026, 1, 10),
					3,
					1,
					kinds("Housing", "Mental health", "Health"),
					kinds("Housing"),
					# Money and debt: relied on between the two days only
					kinds("Housing", "Mental health", "Health", "Money and debt"),
				),
				("P2", date(2026, 2, 1), 0, 1, None, kinds("Housing"), kinds("Housing")),
				# a kind an admin added
				("P3", date(2026, 2, 1), 0, 1, None, kinds("Pets"), kinds("Pets")),
				("P4", date(2026, 2, 1), None, None, None, None, None),  # no services at all
			],
			columns=PER_PERSON,
		),
		kind_order=("Housing", "Health", "Mental health", "Money and debt", "Probation"),
	)
	people = result.people.set_index("person")
	assert people.loc["P1", ["at_start", "on_the_day", "change"]].tolist() == [3, 1, -2]
	assert people.loc["P2", ["at_start", "on_the_day", "change"]].tolist() == [0, 1, 1]
	assert people.loc["P4", ["at_start", "on_the_day", "change"]].tolist() == [0, 0, 0]
	assert people.loc["P1", "started_on"] == pd.Timestamp(2026, 1, 10)
	assert list(result.people.columns) == ["person", "started_on", "at_start", "on_the_day", "change"]
	assert result.mean_at_start == 3 / 4
	assert result.mean_on_the_day == 3 / 4
	assert (result.fewer, result.the_same, result.more) == (1, 1, 2)
	assert result.kinds.values.tolist() == [
		["Housing", 1, 2],
		["Health", 1, 0],
		["Mental health", 1, 0],
		["Money and debt", 0, 0],
		["Pets", 0, 1],
	]


def test_no_services_is_none_at_start_and_none_now():
	result = reliance(pd.DataFrame([("P1", date(2026, 1, 1), 0, 0, None, None, None)], columns=PER_PERSON))
	assert result.people[["at_start", "on_the_day"]].values.tolist() == [[0, 0]]
	assert result.kinds.empty


def test_no_people():
	result = reliance(pd.DataFrame(columns=PER_PERSON))
	assert result.people.empty
	assert result.kinds.empty
	assert (result.mean_at_start, result.fewer) == (None, 0)
