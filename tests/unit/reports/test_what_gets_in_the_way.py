from datetime import date

import pandas as pd

from pts_coaching.report_arithmetic.over_time import QUARTER
from pts_coaching.report_arithmetic.what_gets_in_the_way import (
	COUNTED,
	NAMED_NONE,
	PER_DAY,
	PER_DAY_AND_THEME,
	days_and_themes,
	in_the_way,
)


def test_themes_per_period_most_named_first():
	result = in_the_way(
		pd.DataFrame(
			[
				(date(2026, 1, 10), 1, 1),
				(date(2026, 2, 1), 1, 1),
				(date(2026, 3, 1), 1, 0),  # named nothing
				(date(2026, 4, 15), 1, 1),
				(date(2026, 5, 1), 1, 1),
			],
			columns=PER_DAY,
		),
		pd.DataFrame(
			[
				(date(2026, 1, 10), "Housing rules", 1),
				(date(2026, 1, 10), "Paperwork", 1),
				(date(2026, 2, 1), "Paperwork", 1),
				(date(2026, 4, 15), "Eligibility", 1),
				(date(2026, 4, 15), "Paperwork", 1),
				(date(2026, 5, 1), "Paperwork", 1),
			],
			columns=PER_DAY_AND_THEME,
		),
		date(2026, 1, 1),
		date(2026, 6, 30),
		QUARTER,
	)
	assert result.themes == {"Paperwork": 4, "Eligibility": 1, "Housing rules": 1}
	assert result.periods.columns.tolist() == [
		"period",
		"Paperwork",
		"Eligibility",
		"Housing rules",
		"reflections",
		"naming_something",
	]
	assert result.periods.values.tolist() == [["2026 Q1", 2, 0, 1, 3, 2], ["2026 Q2", 2, 1, 0, 2, 2]]
	assert (result.reflections, result.share_naming_something) == (5, 80.0)


def test_no_reflections():
	result = in_the_way(
		pd.DataFrame(columns=PER_DAY),
		pd.DataFrame(columns=PER_DAY_AND_THEME),
		date(2026, 1, 1),
		date(2026, 3, 31),
		QUARTER,
	)
	assert result.periods.values.tolist() == [["2026 Q1", 0, 0]]
	assert (result.reflections, result.share_naming_something) == (0, None)


def test_each_days_count_of_all_and_of_none_named_gives_its_reflections_and_those_naming_something():
	days, themes_named = days_and_themes(
		pd.DataFrame(
			[
				(date(2026, 1, 10), "Housing rules", 1),
				(date(2026, 1, 10), "Paperwork", 2),
				(date(2026, 1, 10), NAMED_NONE, 1),
				(date(2026, 1, 10), None, 3),  # one named both themes
				(date(2026, 3, 1), NAMED_NONE, 1),
				(date(2026, 3, 1), None, 1),
				(None, None, 4),  # the whole period
			],
			columns=COUNTED,
		)
	)
	assert days.values.tolist() == [[date(2026, 1, 10), 3, 2], [date(2026, 3, 1), 1, 0]]
	assert themes_named.values.tolist() == [
		[date(2026, 1, 10), "Housing rules", 1],
		[date(2026, 1, 10), "Paperwork", 2],
	]


def test_no_day_counted_is_no_reflections():
	days, themes_named = days_and_themes(pd.DataFrame(columns=COUNTED))
	assert days.empty and themes_named.empty
	assert in_the_way(days, themes_named, date(2026, 1, 1), date(2026, 3, 31), QUARTER).reflections == 0
