import pandas as pd

from pts_coaching.lifecycle import (
	ENDED,
	ENDING_TOGETHER,
	GETTING_TO_KNOW_EACH_OTHER,
	PAUSED,
	PHASES,
	WORKING_TOGETHER,
)
from pts_coaching.report_arithmetic.coaching_relationships_by_phase import PHASES_ON_THE_DAY, by_phase

PHASES_ON_30_APRIL = pd.DataFrame(
	[
		("A", "c1", PAUSED, False, 1),
		("A", "c1", ENDED, False, 1),
		# Ended before the period: history, left out.
		("A", "c1", ENDED, True, 1),
		# Paused since before the period: still here.
		("A", "c1", PAUSED, True, 2),
		(None, "c2", PAUSED, False, 1),
		("B", "c2", ENDING_TOGETHER, False, 1),
	],
	columns=PHASES_ON_THE_DAY,
)


def test_counts_per_team_and_coach_leaving_out_what_ended_before_the_period():
	result = by_phase(PHASES_ON_30_APRIL)
	rows = result.by_coach.set_index(["team", "coach"])
	assert rows.index.tolist() == [("", "c2"), ("A", "c1"), ("B", "c2")]
	assert rows.loc[("", "c2"), list(PHASES)].tolist() == [0, 0, 1, 0, 0]
	assert rows.loc[("A", "c1"), list(PHASES)].tolist() == [0, 0, 3, 0, 1]
	assert rows.loc[("A", "c1"), "relationships"] == 4
	assert rows.loc[("B", "c2"), list(PHASES)].tolist() == [0, 0, 0, 1, 0]
	assert result.by_phase == {
		GETTING_TO_KNOW_EACH_OTHER: 0,
		WORKING_TOGETHER: 0,
		PAUSED: 4,
		ENDING_TOGETHER: 1,
		ENDED: 1,
	}
	assert result.relationships == 6


def test_no_relationships():
	result = by_phase(pd.DataFrame(columns=PHASES_ON_THE_DAY))
	assert result.by_coach.empty
	assert result.relationships == 0
