"""Coaching relationships by phase, per team and coach, on a given day.

A relationship's phase on a day is the one its phase history had then: the last move recorded on or
before that day (of two on one day, the later in the history). The report's query finds it, with a
window over each relationship's history, and counts the relationships per team, coach, phase and
whether they moved into that phase before the period began. Every phase is a place a person may be,
on their terms: pausing is not dropping out, and ending together or moving on is good news.
Relationships that ended before the period began are history and are left out; those that began after
the day are not counted yet.
"""

from dataclasses import dataclass
from datetime import date

import pandas as pd

from pts_coaching.lifecycle import ENDED, PHASES

NO_TEAM = ""

# What the report's query hands over: per team, coach, phase on the day and whether the relationship
# moved into it before the period began, how many relationships.
PHASES_ON_THE_DAY = ["team", "coach", "phase", "since_before_the_period", "relationships"]


@dataclass(frozen=True)
class Phases:
	# One row per team and coach: team, coach, a count per phase (columns named as PHASES),
	# relationships.
	by_coach: pd.DataFrame
	by_phase: dict[str, int]
	relationships: int


def by_phase(phases_on_the_day: pd.DataFrame) -> Phases:
	"""The relationships in each phase on the period's last day, leaving out those that had ended
	before the period began."""
	ended_before = (phases_on_the_day["phase"] == ENDED) & phases_on_the_day[
		"since_before_the_period"
	].astype(bool)
	counted = phases_on_the_day[~ended_before].assign(
		team=phases_on_the_day["team"].fillna(NO_TEAM).replace({None: NO_TEAM}),
		relationships=phases_on_the_day["relationships"].astype(int),
	)
	table = (
		counted.pivot_table(
			index=["team", "coach"], columns="phase", values="relationships", aggfunc="sum", fill_value=0
		)
		.reindex(columns=list(PHASES), fill_value=0)
		.astype(int)
		.sort_index()
	)
	table = table.assign(relationships=table.sum(axis=1)).rename_axis(columns=None).reset_index()
	return Phases(
		by_coach=table[["team", "coach", *PHASES, "relationships"]],
		by_phase={phase: int(table[phase].sum()) for phase in PHASES},
		relationships=int(table["relationships"].sum()),
	)
