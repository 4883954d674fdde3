"""What several reports share: a person's first and latest record, and the period a date falls in."""

from datetime import date

import pandas as pd

MONTH = "Month"
QUARTER = "Quarter"
YEAR = "Year"
PERIODS = (MONTH, QUARTER, YEAR)

# Lengths of time are said in whole days, the unit every date field shares.
DAY = pd.Timedelta(days=1)


def as_dates(values: pd.Series) -> pd.Series:
	return pd.to_datetime(values, errors="coerce")


def period_of(dates: pd.Series, grain: str) -> pd.Series:
	"""The period each date falls in, labelled so that labels sort as the periods do: 2026-03, 2026 Q1,
	2026."""
	# Each period labelled once, not each date: a year of conversations is half a million dates.
	periods = as_dates(dates).dt.to_period(_FREQUENCY[grain])
	return periods.map({period: _label(period, grain) for period in periods.dropna().unique()})


def periods_between(from_date: date, to_date: date, grain: str) -> list[str]:
	"""Every period from the one `from_date` falls in to the one `to_date` falls in, empty ones too."""
	return [label for label, _first_day, _last_day in days_of_periods(from_date, to_date, grain)]


def days_of_periods(from_date: date, to_date: date, grain: str) -> list[tuple[str, date, date]]:
	"""The periods of periods_between, each with its first and last day."""
	return [
		(_label(period, grain), period.start_time.date(), period.end_time.date())
		for period in pd.period_range(pd.Timestamp(from_date), pd.Timestamp(to_date), freq=_FREQUENCY[grain])
	]


_FREQUENCY = {MONTH: "M", QUARTER: "Q", YEAR: "Y"}

# How a period that the report covers only part of is marked, so that fewer contacts in it do not read
# as a fall: the one in progress, and one that the period's dates cut.
SO_FAR = "so far"
PART = "part"


def partial_periods(from_date: date, to_date: date, grain: str, today: date) -> dict[str, str]:
	"""The periods from `from_date` to `to_date` that the report covers only part of: SO_FAR for the one
	in progress on `today`, PART for one the dates cut; whole periods are left out."""
	covered_to = min(to_date, today)
	partial = {}
	for label, first_day, last_day in days_of_periods(from_date, to_date, grain):
		if first_day <= today <= last_day and covered_to < last_day:
			partial[label] = SO_FAR
		elif first_day < from_date or covered_to < last_day:
			partial[label] = PART
	return partial


def _label(period: pd.Period, grain: str) -> str:
	if grain == MONTH:
		return f"{period.year}-{period.month:02d}"
	if grain == QUARTER:
		return f"{period.year} Q{period.quarter}"
	return str(period.year)


def share(part: int, whole: int) -> float | None:
	"""part of whole as a percentage, or None when there is nothing to take a share of."""
	return round(100 * part / whole, 1) if whole else None


def median_or_none(values: pd.Series) -> float | None:
	values = values.dropna()
	return float(values.median()) if len(values) else None
