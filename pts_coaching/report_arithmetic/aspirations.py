"""Aspirations by theme and status: how many, the share achieved, and how long achieving took.

Every status is counted as it is: changing one's mind or putting an aspiration on hold is a choice,
not a result. Time to achieve runs from the day an aspiration was set to the day it was achieved, in
days, for achieved aspirations with both dates.
"""

from dataclasses import dataclass

import pandas as pd

from pts_coaching.aspirations import ACHIEVED, STATUSES
from pts_coaching.report_arithmetic.over_time import DAY, as_dates, median_or_none, share

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


def by_theme(aspirations: pd.DataFrame) -> Aspirations:
	"""`aspirations`: one row per aspiration with theme, status, set_on and achieved_on."""
	aspirations = aspirations.assign(
		theme=aspirations["theme"].fillna(NO_THEME),
		days_to_achieve=_days_to_achieve(aspirations),
	)
	rows = []
	for theme, in_theme in aspirations.groupby("theme", sort=True):
		counts = in_theme["status"].value_counts()
		achieved = int(counts.get(ACHIEVED, 0))
		rows.append(
			{
				"theme": theme,
				**{status: int(counts.get(status, 0)) for status in STATUSES},
				"aspirations": len(in_theme),
				"share_achieved": share(achieved, len(in_theme)),
				"median_days_to_achieve": median_or_none(in_theme["days_to_achieve"]),
			}
		)
	counts = aspirations["status"].value_counts()
	achieved = int(counts.get(ACHIEVED, 0))
	return Aspirations(
		themes=pd.DataFrame(
			rows,
			columns=["theme", *STATUSES, "aspirations", "share_achieved", "median_days_to_achieve"],
		),
		aspirations=len(aspirations),
		achieved=achieved,
		share_achieved=share(achieved, len(aspirations)),
		median_days_to_achieve=median_or_none(aspirations["days_to_achieve"]),
		by_status={status: int(counts.get(status, 0)) for status in STATUSES},
	)


def _days_to_achieve(aspirations: pd.DataFrame) -> pd.Series:
	days = (as_dates(aspirations["achieved_on"]) - as_dates(aspirations["set_on"])) / DAY
	return days.where(aspirations["status"] == ACHIEVED)
