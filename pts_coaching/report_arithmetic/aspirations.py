"""Aspirations by theme and status: how many, the share achieved, and how long achieving took.

Every status is counted as it is: changing one's mind or putting an aspiration on hold is a choice,
not a result. Time to achieve runs from the day an aspiration was set to the day it was achieved, in
days, for achieved aspirations with both dates.
"""

from dataclasses import dataclass

import pandas as pd

from pts_coaching.aspirations import ACHIEVED, STATUSES
from pts_coaching.report_arithmetic.over_time import median_or_none, share

NO_THEME = ""


@dataclass(frozen=True)
class Aspirations:
	# One row per theme: theme, a count per status (columns named as STATUSES), aspirations,
	# share_achieved, median_days_to_achieve.
	themes: pd.DataFrame
	aspirations: int
	achieved: int
	share_achieved: float | None
	median_days_to_achieve: float | None
	by_status: dict[str, int]


# Aspirations as the database counts them: how many of a theme and status took the same number of
# days from the day set to the day achieved (none when either day is missing).
COUNTED = ["theme", "status", "days", "aspirations"]


def by_theme(counted: pd.DataFrame) -> Aspirations:
	"""`counted`: the columns of COUNTED, one row per theme, status and number of days."""
	counted = counted.assign(
		theme=counted["theme"].fillna(NO_THEME),
		aspirations=counted["aspirations"].astype(int),
		days_to_achieve=_days_to_achieve(counted),
	)
	rows = []
	for theme, in_theme in counted.groupby("theme", sort=True):
		counts = in_theme.groupby("status")["aspirations"].sum()
		achieved = int(counts.get(ACHIEVED, 0))
		total = int(in_theme["aspirations"].sum())
		rows.append(
			{
				"theme": theme,
				**{status: int(counts.get(status, 0)) for status in STATUSES},
				"aspirations": total,
				"share_achieved": share(achieved, total),
				"median_days_to_achieve": median_or_none(_each(in_theme)),
			}
		)
	counts = counted.groupby("status")["aspirations"].sum()
	achieved = int(counts.get(ACHIEVED, 0))
	total = int(counted["aspirations"].sum())
	return Aspirations(
		themes=pd.DataFrame(
			rows,
			columns=["theme", *STATUSES, "aspirations", "share_achieved", "median_days_to_achieve"],
		),
		aspirations=total,
		achieved=achieved,
		share_achieved=share(achieved, total),
		median_days_to_achieve=median_or_none(_each(counted)),
		by_status={status: int(counts.get(status, 0)) for status in STATUSES},
	)


def _days_to_achieve(counted: pd.DataFrame) -> pd.Series:
	return counted["days"].astype(float).where(counted["status"] == ACHIEVED)


def _each(counted: pd.DataFrame) -> pd.Series:
	"""The days to achieve of each aspiration, as many times as aspirations took them."""
	return counted["days_to_achieve"].repeat(counted["aspirations"])
