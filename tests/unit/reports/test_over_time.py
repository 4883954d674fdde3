from datetime import date

import pandas as pd

from pts_coaching.report_arithmetic.over_time import (
	MONTH,
	PART,
	QUARTER,
	SO_FAR,
	YEAR,
	days_of_periods,
	partial_periods,
	period_of,
	periods_between,
	share,
)


def test_periods_are_labelled_so_that_they_sort_in_order():
	days = pd.Series([date(2026, 1, 31), date(2026, 11, 1)])
	assert period_of(days, MONTH).tolist() == ["2026-01", "2026-11"]
	assert period_of(days, QUARTER).tolist() == ["2026 Q1", "2026 Q4"]
	assert period_of(days, YEAR).tolist() == ["2026", "2026"]


def test_every_period_between_two_days_empty_ones_too():
	assert periods_between(date(2025, 11, 30), date(2026, 2, 1), MONTH) == [
		"2025-11",
		"2025-12",
		"2026-01",
		"2026-02",
	]
	assert periods_between(date(2025, 12, 31), date(2026, 4, 1), QUARTER) == ["2025 Q4", "2026 Q1", "2026 Q2"]


def test_a_share_is_a_percentage_to_one_place_or_nothing_of_nothing():
	assert share(1, 3) == 33.3
	assert share(0, 0) is None


def test_the_month_in_progress_is_marked_so_far_and_a_month_the_dates_cut_is_marked_part():
	# The default period: twelve months up to today, which starts and ends inside a month.
	assert partial_periods(date(2025, 12, 3), date(2026, 12, 2), MONTH, today=date(2026, 12, 2)) == {
		"2025-12": PART,
		"2026-12": SO_FAR,
	}
	assert partial_periods(date(2026, 1, 1), date(2026, 12, 31), QUARTER, today=date(2026, 12, 2)) == {
		"2026 Q4": SO_FAR
	}


def test_whole_periods_in_the_past_are_not_marked():
	assert partial_periods(date(2026, 1, 1), date(2026, 6, 30), MONTH, today=date(2026, 12, 2)) == {}
	assert partial_periods(date(2026, 1, 1), date(2026, 6, 15), MONTH, today=date(2026, 12, 2)) == {
		"2026-06": PART
	}


def test_each_period_has_its_first_and_last_day():
	assert days_of_periods(date(2026, 1, 15), date(2026, 3, 2), MONTH) == [
		("2026-01", date(2026, 1, 1), date(2026, 1, 31)),
		("2026-02", date(2026, 2, 1), date(2026, 2, 28)),
		("2026-03", date(2026, 3, 1), date(2026, 3, 31)),
	]
	assert days_of_periods(date(2025, 12, 31), date(2026, 1, 1), QUARTER) == [
		("2025 Q4", date(2025, 10, 1), date(2025, 12, 31)),
		("2026 Q1", date(2026, 1, 1), date(2026, 3, 31)),
	]
