"""Coaching relationships by phase, per team and coach, on a given day.

A relationship's phase on a day is the one its phase history had then: the last move recorded on or
before that day. Every phase is a place a person may be, on their terms: pausing is not dropping out,
and ending together or moving on is good news. Relationships that ended before the period began are
history and are left out; those that began after the day are not counted yet.
"""

from dataclasses import dataclass
from datetime import date

import pandas as pd

from pts_coaching.lifecycle import ENDED, PHASES
from pts_coaching.report_arithmetic.over_time import as_dates

NO_TEAM = ""


@dataclass(frozen=True)
class Phases:
	# One row per team and coach: team, coach, a count per phase (columns named as PHASES),
	# relationships.
	by_coach: pd.DataFrame
	by_phase: dict[str, int]
	relationships: int


def phase_on(history: pd.DataFrame, on: date) -> pd.DataFrame:
	"""`history`: one row per phase history row with relationship, idx, phase, from_date and any other
	column of the relationship (team, coach...). One row per relationship started by `on`, with its
	phase on that day and the day it moved into it (since)."""
	moved = history[as_dates(history["from_date"]) <= pd.Timestamp(on)]
	latest = moved.sort_values(["relationship", "idx"], kind="stable").groupby("relationship").tail(1)
	return latest.rename(columns={"from_date": "since"}).drop(columns="idx").reset_index(drop=True)


def by_phase(history: pd.DataFrame, from_date: date, to_date: date) -> Phases:
	"""Each relationship's phase on `to_date`, leaving out those that had ended before `from_date`."""
	phases = phase_on(history, to_date)
	ended_before = (phases["phase"] == ENDED) & (as_dates(phases["since"]) < pd.Timestamp(from_date))
	phases = phases[~ended_before].assign(team=phases["team"].fillna(NO_TEAM))
	rows = []
	for (team, coach), with_coach in phases.groupby(["team", "coach"], sort=True):
		counts = with_coach["phase"].value_counts()
		rows.append(
			{
				"team": team,
				"coach": coach,
				**{phase: int(counts.get(phase, 0)) for phase in PHASES},
				"relationships": len(with_coach),
			}
		)
	counts = phases["phase"].value_counts()
	return Phases(
		by_coach=pd.DataFrame(rows, columns=["team", "coach", *PHASES, "relationships"]),
		by_phase={phase: int(counts.get(phase, 0)) for phase in PHASES},
		relationships=len(phases),
	)
