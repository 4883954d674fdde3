"""What coaches say got in the way, period by period, from their reflections' themes.

A reflection may name several themes, or none: each theme counts once for each reflection naming it,
and reflections that named none still count as reflections.
"""

from dataclasses import dataclass
from datetime import date

import pandas as pd

from pts_coaching.report_arithmetic.over_time import period_of, periods_between, share


@dataclass(frozen=True)
class InTheWay:
	# One row per period: period, a count per theme (columns named as the themes), reflections,
	# naming_something (reflections that named at least one theme).
	periods: pd.DataFrame
	themes: dict[str, int]
	reflections: int
	share_naming_something: float | None


def in_the_way(rows: pd.DataFrame, from_date: date, to_date: date, grain: str) -> InTheWay:
	"""`rows`: one row per reflection and theme it names (reflection, date, theme), or one row with no
	theme for a reflection that named none."""
	rows = rows.assign(period=period_of(rows["date"], grain))
	named = rows.dropna(subset=["theme"]).drop_duplicates(["reflection", "theme"])
	counts = named["theme"].value_counts()
	themes = sorted(counts.index, key=lambda theme: (-counts[theme], theme))
	periods = []
	for period in periods_between(from_date, to_date, grain):
		in_period = rows[rows["period"] == period]
		named_in_period = named[named["period"] == period]
		theme_counts = named_in_period["theme"].value_counts()
		periods.append(
			{
				"period": period,
				**{theme: int(theme_counts.get(theme, 0)) for theme in themes},
				"reflections": in_period["reflection"].nunique(),
				"naming_something": named_in_period["reflection"].nunique(),
			}
		)
	reflections = rows["reflection"].nunique()
	return InTheWay(
		periods=pd.DataFrame(periods, columns=["period", *themes, "reflections", "naming_something"]),
		themes={theme: int(counts[theme]) for theme in themes},
		reflections=reflections,
		share_naming_something=share(named["reflection"].nunique(), reflections),
	)
