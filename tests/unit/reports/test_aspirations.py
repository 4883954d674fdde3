from datetime import date

import pandas as pd

from pts_coaching.aspirations import ACHIEVED, CHANGED_MY_MIND, ON_HOLD, STATUSES, WORKING_ON_IT
from pts_coaching.report_arithmetic.aspirations import by_theme

COLUMNS = ["theme", "status", "set_on", "achieved_on"]


def test_by_theme_and_status_with_the_share_achieved_and_days_to_achieve():
	result = by_theme(
		pd.DataFrame(
			[
				("Home", ACHIEVED, date(2026, 1, 1), date(2026, 1, 31)),  # 30 days
				("Home", WORKING_ON_IT, date(2026, 2, 1), None),
				("Home", CHANGED_MY_MIND, date(2026, 2, 1), None),
				("Work", ACHIEVED, date(2026, 1, 1), date(2026, 3, 2)),  # 60 days
				("Work", ACHIEVED, date(2026, 2, 1), date(2026, 2, 11)),  # 10 days
				("Work", ACHIEVED, None, date(2026, 3, 1)),  # no day it was set: no time to achieve
				(None, ON_HOLD, date(2026, 3, 1), None),
			],
			columns=COLUMNS,
		)
	)
	themes = result.themes.set_index("theme")
	assert themes.index.tolist() == ["", "Home", "Work"]
	assert themes.loc["Home", list(STATUSES)].tolist() == [0, 1, 1, 1, 0]
	assert themes.loc["Home", ["aspirations", "share_achieved", "median_days_to_achieve"]].tolist() == [
		3,
		33.3,
		30,
	]
	assert themes.loc["Work", ["aspirations", "share_achieved", "median_days_to_achieve"]].tolist() == [
		3,
		100.0,
		35,
	]
	assert themes.loc["", ON_HOLD] == 1
	assert themes.loc["", "share_achieved"] == 0.0
	assert pd.isna(themes.loc["", "median_days_to_achieve"])

	assert (result.aspirations, result.achieved, result.share_achieved) == (7, 4, 57.1)
	assert result.median_days_to_achieve == 30  # of 10, 30 and 60
	assert result.by_status == {
		"Thinking about it": 0,
		WORKING_ON_IT: 1,
		ACHIEVED: 4,
		CHANGED_MY_MIND: 1,
		ON_HOLD: 1,
	}


def test_no_aspirations():
	result = by_theme(pd.DataFrame(columns=COLUMNS))
	assert result.themes.empty
	assert (result.aspirations, result.share_achieved, result.median_days_to_achieve) == (0, None, None)
