from datetime import date

import pandas as pd

from pts_coaching.report_arithmetic.over_time import QUARTER
from pts_coaching.report_arithmetic.what_gets_in_the_way import in_the_way

COLUMNS = ["reflection", "date", "theme"]


def test_themes_per_period_most_named_first():
	result = in_the_way(
		pd.DataFrame(
			[
				("F1", date(2026, 1, 10), "Housing rules"),
				("F1", date(2026, 1, 10), "Paperwork"),
				("F2", date(2026, 2, 1), "Paperwork"),
				("F3", date(2026, 3, 1), None),  # named nothing
				("F4", date(2026, 4, 15), "Eligibility"),
				("F4", date(2026, 4, 15), "Paperwork"),
				("F5", date(2026, 5, 1), "Paperwork"),
				("F5", date(2026, 5, 1), "Paperwork"),  # once per reflection
			],
			columns=COLUMNS,
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
	result = in_the_way(pd.DataFrame(columns=COLUMNS), date(2026, 1, 1), date(2026, 3, 31), QUARTER)
	assert result.periods.values.tolist() == [["2026 Q1", 0, 0]]
	assert (result.reflections, result.share_naming_something) == (0, None)
