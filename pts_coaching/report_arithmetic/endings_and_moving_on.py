"""How relationships ended, how long they had lasted, and who came back.

Each move into Ended in the phase history is an ending, with the kind of ending recorded with it; a
relationship that ended, came back and ended again has two. Its length runs from the first day of the
relationship to the day of that ending, in days. Coming back is the phase history showing Ended
followed by Working together: the same relationship, picked up again. Ending well matters, so the
endings that came after a time of ending together are counted too.
"""

from dataclasses import dataclass

import pandas as pd

from pts_coaching.lifecycle import ENDING_KINDS, ENDING_TOGETHER, WORKING_TOGETHER
from pts_coaching.report_arithmetic.over_time import DAY, as_dates

NOT_SAID = ""
KINDS = (*ENDING_KINDS, NOT_SAID)


@dataclass(frozen=True)
class Length:
	lower_quartile: float | None
	median: float | None
	upper_quartile: float | None


@dataclass(frozen=True)
class Endings:
	# One row per ending: relationship, ended_on, ending_kind, days, ended_together, came_back.
	endings: pd.DataFrame
	# One row per kind of ending that happened: ending_kind, endings, lower_quartile, median,
	# upper_quartile, ended_together, came_back.
	by_kind: pd.DataFrame
	length: Length
	ended_together: int
	came_back: int


# Each move into Ended in the period, as the database finds it in the phase history: its
# relationship, the day of the ending and its kind, the day the relationship began, and the phases
# just before and just after it.
PER_ENDING = ["relationship", "ended_on", "ending_kind", "began", "previous_phase", "next_phase"]


def endings(moves: pd.DataFrame) -> Endings:
	"""`moves`: one row per move into Ended, with the columns of PER_ENDING."""
	ended_on = as_dates(moves["ended_on"])
	all_endings = pd.DataFrame(
		{
			"relationship": moves["relationship"],
			"ended_on": ended_on,
			"ending_kind": moves["ending_kind"].fillna(NOT_SAID),
			"days": (ended_on - as_dates(moves["began"])) / DAY,
			"ended_together": moves["previous_phase"] == ENDING_TOGETHER,
			"came_back": moves["next_phase"] == WORKING_TOGETHER,
		}
	).reset_index(drop=True)
	# Kinds in the lifecycle's order; any other kind an admin has added, after them.
	kinds = [*KINDS, *sorted(set(all_endings["ending_kind"]) - set(KINDS))]
	rows = [
		{
			"ending_kind": kind,
			"endings": len(of_kind),
			**_length(of_kind["days"]).__dict__,
			"ended_together": int(of_kind["ended_together"].sum()),
			"came_back": int(of_kind["came_back"].sum()),
		}
		for kind in kinds
		if len(of_kind := all_endings[all_endings["ending_kind"] == kind])
	]
	return Endings(
		endings=all_endings,
		by_kind=pd.DataFrame(
			rows,
			columns=[
				"ending_kind",
				"endings",
				"lower_quartile",
				"median",
				"upper_quartile",
				"ended_together",
				"came_back",
			],
		),
		length=_length(all_endings["days"]),
		ended_together=int(all_endings["ended_together"].sum()),
		came_back=int(all_endings["came_back"].sum()),
	)


def _length(days: pd.Series) -> Length:
	if days.empty:
		return Length(None, None, None)
	lower, median, upper = (float(q) for q in days.quantile([0.25, 0.5, 0.75]))
	return Length(lower, median, upper)
