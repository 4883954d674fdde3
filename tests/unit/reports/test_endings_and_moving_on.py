from datetime import date

import pandas as pd

from pts_coaching.lifecycle import ENDED, ENDING_TOGETHER, GETTING_TO_KNOW_EACH_OTHER, WORKING_TOGETHER
from pts_coaching.report_arithmetic.endings_and_moving_on import PER_ENDING, Length, endings

GTK = GETTING_TO_KNOW_EACH_OTHER


def test_endings_by_kind_with_length_quartiles_and_coming_back():
	result = endings(
		pd.DataFrame(
			[
				# 59 days
				("R1", date(2026, 3, 1), "Moved on", date(2026, 1, 1), WORKING_TOGETHER, None),
				# 30 days, then came back
				("R2", date(2026, 1, 31), "Chose to stop", date(2026, 1, 1), GTK, WORKING_TOGETHER),
				# 90 days from the first day
				("R2", date(2026, 4, 1), "Moved on", date(2026, 1, 1), WORKING_TOGETHER, None),
				# 62 days, after ending together; kind not said
				("R3", date(2026, 2, 1), None, date(2025, 12, 1), ENDING_TOGETHER, None),
				# Ended again after ending: not coming back
				("R4", date(2026, 5, 1), "Other", date(2026, 4, 1), ENDED, ENDED),
			],
			columns=PER_ENDING,
		)
	)
	by_kind = result.by_kind.set_index("ending_kind")
	# The lifecycle's kinds in its order, then the one not said.
	assert by_kind.index.tolist() == ["Moved on", "Chose to stop", "Other", ""]
	assert by_kind.loc["Moved on"].tolist() == [2, 66.75, 74.5, 82.25, 0, 0]  # 59 and 90 days
	assert by_kind.loc["Chose to stop"].tolist() == [1, 30, 30, 30, 0, 1]
	assert by_kind.loc["Other"].tolist() == [1, 30, 30, 30, 0, 0]
	assert by_kind.loc[""].tolist() == [1, 62, 62, 62, 1, 0]
	# 30, 30, 59, 62 and 90 days
	assert result.length == Length(lower_quartile=30, median=59, upper_quartile=62)
	assert (result.ended_together, result.came_back) == (1, 1)
	assert sorted(result.endings["days"]) == [30, 30, 59, 62, 90]


def test_no_endings():
	result = endings(pd.DataFrame(columns=PER_ENDING))
	assert result.by_kind.empty
	assert result.length == Length(None, None, None)
	assert (result.ended_together, result.came_back) == (0, 0)
