"""What coaches say got in the way, period by period, from their reflections' themes.

A reflection may name several themes, or none: each theme counts once for each reflection naming it,
and reflections that named none still count as reflections. The database counts them day by day (see
the report); the days are gathered into periods here.
"""

from dataclasses import dataclass
from datetime import date

import pandas as pd

from pts_coaching.report_arithmetic.over_time import period_of, periods_between, share

# What the report's query counts, day by day: how many reflections named each theme, how many named
# none (theme NAMED_NONE) and how many there were (theme None).
COUNTED = ["date", "theme", "reflections"]
NAMED_NONE = ""

# Each day's reflections, and those of them that named something.
PER_DAY = ["date", "reflections", "naming_something"]
# Each day and theme: how many reflections that day named it.
PER_DAY_AND_THEME = ["date", "theme", "reflections"]


@dataclass(frozen=True)
class InTheWay:
	# One row per period: period, a count per theme (columns named as the themes), reflections,
	# naming_something (reflections that named at least one theme).
	periods: pd.DataFrame
	themes: dict[str, int]
	reflections: int
	share_naming_something: float | None


def days_and_themes(counted: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
	"""`counted`: the columns of COUNTED (a row of no day, the whole period's, is left aside). The same
	as PER_DAY and PER_DAY_AND_THEME."""
	counted = counted[counted["date"].notna()]
	every = counted[counted["theme"].isna()].set_index("date")["reflections"]
	named_none = counted[counted["theme"] == NAMED_NONE].set_index("date")["reflections"]
	days = pd.DataFrame(
		{
			"date": every.index,
			"reflections": every.to_numpy(),
			"naming_something": (every - named_none.reindex(every.index, fill_value=0)).to_numpy(),
		},
		columns=PER_DAY,
	)
	themes_named = counted[counted["theme"].notna() & (counted["theme"] != NAMED_NONE)]
	return days, themes_named[PER_DAY_AND_THEME].reset_index(drop=True)


def in_the_way(
	days: pd.DataFrame, themes_named: pd.DataFrame, from_date: date, to_date: date, grain: str
) -> InTheWay:
	"""`days`: the columns of PER_DAY; `themes_named`: those of PER_DAY_AND_THEME."""
	days = days.assign(period=period_of(days["date"], grain))
	themes_named = themes_named.assign(period=period_of(themes_named["date"], grain))
	counts = themes_named.groupby("theme")["reflections"].sum()
	themes = sorted(counts.index, key=lambda theme: (-counts[theme], theme))
	per_period = days.groupby("period")[["reflections", "naming_something"]].sum()
	per_period_and_theme = themes_named.groupby(["period", "theme"])["reflections"].sum()
	periods = [
		{
			"period": period,
			**{theme: int(per_period_and_theme.get((period, theme), 0)) for theme in themes},
			**{
				column: int(per_period[column].get(period, 0))
				for column in ("reflections", "naming_something")
			},
		}
		for period in periods_between(from_date, to_date, grain)
	]
	reflections = int(days["reflections"].sum())
	return InTheWay(
		periods=pd.DataFrame(periods, columns=["period", *themes, "reflections", "naming_something"]),
		themes={theme: int(counts[theme]) for theme in themes},
		reflections=reflections,
		share_naming_something=share(int(days["naming_something"].sum()), reflections),
	)
