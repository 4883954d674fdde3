import pandas as pd

from pts_coaching.aspirations import ACHIEVED, CHANGED_MY_MIND, ON_HOLD, STATUSES, WORKING_ON_IT
from pts_coaching.report_arithmetic.aspirations import COUNTED, by_theme


def test_by_theme_and_status_with_the_share_achieved_and_days_to_achieve():
	result = by_theme(
		pd.DataFrame(
			[
				("Home", ACHIEVED, 30, 1),
				("Home", WORKING_ON_IT, None, 1),
				("Home", CHANGED_MY_MIND, None, 1),
				("Work", ACHIEVED, 60, 2),
				("Work", ACHIEVED, 10, 1),
				("Work", ACHIEVED, None, 1),  # no day it was set: no time to achieve
				("Work", ON_HOLD, 20, 1),  # achieved, then put on hold: not achieved now
				(None, ON_HOLD, None, 1),
			],
			columns=COUNTED,
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
		5,
		80.0,
		60,  # of 10, 60 and 60
	]
	assert themes.loc["", ON_HOLD] == 1
	assert themes.loc["", "share_achieved"] == 0.0
	assert pd.isna(themes.loc["", "median_days_to_achieve"])

	assert (result.aspirations, result.achieved, result.share_achieved) == (9, 5, 55.6)
	assert result.median_days_to_achieve == 45  # of 10, 30, 60 and 60
	assert result.by_status == {
		"Thinking about it": 0,
		WORKING_ON_IT: 1,
		ACHIEVED: 5,
		CHANGED_MY_MIND: 1,
		ON_HOLD: 2,
	}


def test_no_aspirations():
	result = by_theme(pd.DataFrame(columns=COUNTED))
	assert result.themes.empty
	assert (result.aspirations, result.share_achieved, result.median_days_to_achieve) == (0, None, None)
