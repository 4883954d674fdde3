from datetime import date

import pandas as pd

from pts_coaching.lifecycle import ENDED, ENDING_TOGETHER, GETTING_TO_KNOW_EACH_OTHER, WORKING_TOGETHER
from pts_coaching.report_arithmetic.endings_and_moving_on import Length, endings

COLUMNS = ["relationship", "idx", "phase", "from_date", "ending_kind"]
GTK = GETTING_TO_KNOW_EACH_OTHER


def test_endings_by_kind_with_length_quartiles_and_coming_back():
	result = endings(
		pd.DataFrame(
			[
				("R1", 1, GTK, date(2026, 1, 1), None),
				("R1", 2, WORKING_TOGETHER, date(2026, 1, 11), None),
				("R1", 3, ENDED, date(2026, 3, 1), "Moved on"),  # 59 days
				("R2", 1, GTK, date(2026, 1, 1), None),
				("R2", 2, ENDED, date(2026, 1, 31), "Chose to stop"),  # 30 days, then came back
				("R2", 3, WORKING_TOGETHER, date(2026, 2, 10), None),
				("R2", 4, ENDED, date(2026, 4, 1), "Moved on"),  # 90 days from the first day
				("R3", 1, GTK, date(2025, 12, 1), None),
				("R3", 2, ENDING_TOGETHER, date(2026, 1, 20), None),
				("R3", 3, ENDED, date(2026, 2, 1), None),  # 62 days, after ending together; kind not said
				("R4", 1, GTK, date(2025, 1, 1), None),
				("R4", 2, ENDED, date(2025, 6, 1), "Moved away"),  # before the period
				("R5", 1, GTK, date(2026, 1, 1), None),
				("R5", 2, ENDED, date(2027, 1, 5), "Other"),  # after it
			],
			columns=COLUMNS,
		),
		date(2026, 1, 1),
		date(2026, 12, 31),
	)
	by_kind = result.by_kind.set_index("ending_kind")
	assert by_kind.index.tolist() == ["Moved on", "Chose to stop", ""]
	assert by_kind.loc["Moved on"].tolist() == [2, 66.75, 74.5, 82.25, 0, 0]  # 59 and 90 days
	assert by_kind.loc["Chose to stop"].tolist() == [1, 30, 30, 30, 0, 1]
	assert by_kind.loc[""].tolist() == [1, 62, 62, 62, 1, 0]
	# 30, 59, 62 and 90 days
	assert result.length == Length(lower_quartile=51.75, median=60.5, upper_quartile=69)
	assert (result.ended_together, result.came_back) == (1, 1)
	assert sorted(result.endings["days"]) == [30, 59, 62, 90]


def test_no_endings():
	result = endings(pd.DataFrame(columns=COLUMNS), date(2026, 1, 1), date(2026, 12, 31))
	assert result.by_kind.empty
	assert result.length == Length(None, None, None)
	assert (result.ended_together, result.came_back) == (0, 0)
