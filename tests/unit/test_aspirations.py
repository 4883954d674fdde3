from datetime import date, timedelta

import pytest

from pts_coaching import aspirations as asp
from pts_coaching.language import find_deficit_words

TODAY = date(2026, 11, 24)
YESTERDAY = TODAY - timedelta(days=1)
TOMORROW = TODAY + timedelta(days=1)


def test_no_status_means_failure():
	assert asp.STATUSES == ("Thinking about it", "Working on it", "Achieved", "Changed my mind", "On hold")
	for status in asp.STATUSES:
		assert find_deficit_words(status) == []


def test_achieved_takes_today_unless_a_date_is_given():
	assert asp.achieved_date(asp.ACHIEVED, None, TODAY) == TODAY
	assert asp.achieved_date(asp.ACHIEVED, YESTERDAY, TODAY) == YESTERDAY


@pytest.mark.parametrize("status", [s for s in asp.STATUSES if s != asp.ACHIEVED])
def test_any_other_status_has_no_achieved_date(status):
	assert asp.achieved_date(status, YESTERDAY, TODAY) is None
	assert asp.achieved_date(status, None, TODAY) is None


def test_a_status_that_is_not_one_is_refused():
	with pytest.raises(asp.NotAccepted, match="Failed is not a status of an aspiration"):
		asp.achieved_date("Failed", None, TODAY)


@pytest.mark.parametrize(
	"set_on, achieved_on, message",
	[
		(TOMORROW, None, "date it was set cannot be in the future"),
		(YESTERDAY, TOMORROW, "achieved cannot be in the future"),
		(TODAY, YESTERDAY, "cannot be achieved before it was set"),
	],
)
def test_dates_that_cannot_be_are_refused(set_on, achieved_on, message):
	with pytest.raises(asp.NotAccepted, match=message):
		asp.check_dates(set_on, achieved_on, TODAY)


def test_dates_that_can_be_are_accepted():
	asp.check_dates(YESTERDAY, TODAY, TODAY)
	asp.check_dates(TODAY, TODAY, TODAY)
	asp.check_dates(None, None, TODAY)


def test_a_done_step_has_the_day_it_was_done_and_an_undone_step_has_none():
	assert asp.step_done_date(True, None, YESTERDAY, TODAY) == TODAY
	assert asp.step_done_date(True, YESTERDAY, YESTERDAY, TODAY) == YESTERDAY
	assert asp.step_done_date(False, YESTERDAY, YESTERDAY, TODAY) is None
	with pytest.raises(asp.NotAccepted, match="cannot be in the future"):
		asp.step_done_date(True, TOMORROW, None, TODAY)
	with pytest.raises(asp.NotAccepted, match="cannot be done before it was added"):
		asp.step_done_date(True, YESTERDAY, TODAY, TODAY)
