from datetime import date

import pandas as pd

from pts_coaching.lifecycle import (
	ENDED,
	ENDING_TOGETHER,
	GETTING_TO_KNOW_EACH_OTHER,
	PAUSED,
	PHASES,
	WORKING_TOGETHER,
)
from pts_coaching.report_arithmetic.coaching_relationships_by_phase import by_phase, phase_on

COLUMNS = ["relationship", "idx", "phase", "from_date", "team", "coach"]
HISTORY = pd.DataFrame(
	[
		("R1", 1, GETTING_TO_KNOW_EACH_OTHER, date(2026, 1, 1), "A", "c1"),
		("R1", 2, WORKING_TOGETHER, date(2026, 1, 15), "A", "c1"),
		("R1", 3, PAUSED, date(2026, 3, 1), "A", "c1"),
		("R2", 1, GETTING_TO_KNOW_EACH_OTHER, date(2026, 1, 5), "A", "c1"),
		("R2", 2, ENDED, date(2026, 2, 1), "A", "c1"),
		# Ended before the period: history, left out.
		("R3", 1, GETTING_TO_KNOW_EACH_OTHER, date(2025, 1, 1), "A", "c1"),
		("R3", 2, ENDED, date(2025, 6, 1), "A", "c1"),
		# Began after the day: not counted yet.
		("R4", 1, GETTING_TO_KNOW_EACH_OTHER, date(2026, 5, 1), None, "c2"),
		# Moved on the day itself: counted in the phase it moved into.
		("R5", 1, GETTING_TO_KNOW_EACH_OTHER, date(2026, 2, 1), "B", "c2"),
		("R5", 2, WORKING_TOGETHER, date(2026, 3, 1), "B", "c2"),
		("R5", 3, ENDING_TOGETHER, date(2026, 4, 30), "B", "c2"),
		# Two moves on one day: the later one, by its place in the history.
		("R6", 1, GETTING_TO_KNOW_EACH_OTHER, date(2026, 1, 1), None, "c2"),
		("R6", 3, WORKING_TOGETHER, date(2026, 4, 1), None, "c2"),
		("R6", 2, PAUSED, date(2026, 4, 1), None, "c2"),
	],
	columns=COLUMNS,
)


def test_the_phase_on_a_day_is_the_last_move_made_by_then():
	on_1_march = phase_on(HISTORY, date(2026, 3, 1)).set_index("relationship")
	assert on_1_march["phase"].to_dict() == {
		"R1": PAUSED,
		"R2": ENDED,
		"R3": ENDED,
		"R5": WORKING_TOGETHER,
		"R6": GETTING_TO_KNOW_EACH_OTHER,
	}
	assert on_1_march.loc["R1", "since"] == date(2026, 3, 1)


def test_counts_per_team_and_coach_leaving_out_what_ended_before_the_period():
	result = by_phase(HISTORY, date(2026, 1, 1), date(2026, 4, 30))
	rows = result.by_coach.set_index(["team", "coach"])
	assert rows.index.tolist() == [("", "c2"), ("A", "c1"), ("B", "c2")]
	assert rows.loc[("", "c2"), list(PHASES)].tolist() == [0, 1, 0, 0, 0]
	assert rows.loc[("A", "c1"), list(PHASES)].tolist() == [0, 0, 1, 0, 1]
	assert rows.loc[("A", "c1"), "relationships"] == 2
	assert rows.loc[("B", "c2"), list(PHASES)].tolist() == [0, 0, 0, 1, 0]
	assert result.by_phase == {
		GETTING_TO_KNOW_EACH_OTHER: 0,
		WORKING_TOGETHER: 1,
		PAUSED: 1,
		ENDING_TOGETHER: 1,
		ENDED: 1,
	}
	assert result.relationships == 4


def test_no_relationships():
	result = by_phase(pd.DataFrame(columns=COLUMNS), date(2026, 1, 1), date(2026, 4, 30))
	assert result.by_coach.empty
	assert result.relationships == 0
