"""Aspirations: what a person wants, in their words, at their pace.

An aspiration can be changed, parked or dropped without being "failed": no status means failure.
Plain Python on purpose: the aspiration's controller uses these rules, and they are read and tested
without Frappe.
"""

from datetime import date

from pts_coaching.rules import RuleBroken

THINKING_ABOUT_IT = "Thinking about it"
WORKING_ON_IT = "Working on it"
ACHIEVED = "Achieved"
CHANGED_MY_MIND = "Changed my mind"
ON_HOLD = "On hold"

STATUSES = (THINKING_ABOUT_IT, WORKING_ON_IT, ACHIEVED, CHANGED_MY_MIND, ON_HOLD)
FIRST_STATUS = THINKING_ABOUT_IT
# Where a new step can still be noted: an achieved or dropped aspiration is left as it is.
OPEN_STATUSES = (THINKING_ABOUT_IT, WORKING_ON_IT, ON_HOLD)


class NotAccepted(RuleBroken):
	"""What the aspiration rules refuse."""


def achieved_date(status: str, given: date | None, today: date) -> date | None:
	"""An achieved aspiration has the date it was achieved (today unless said); any other has none,
	so that moving away from Achieved leaves no date behind."""
	if status not in STATUSES:
		raise NotAccepted(
			"{0} is not a status of an aspiration. Choose one of: {1}.", status, ", ".join(STATUSES)
		)
	if status != ACHIEVED:
		return None
	return given or today


def check_dates(set_on: date | None, achieved_on: date | None, today: date) -> None:
	if set_on and set_on > today:
		raise NotAccepted(
			"An aspiration is noted once it is said: the date it was set cannot be in the future."
		)
	if achieved_on and achieved_on > today:
		raise NotAccepted("The date it was achieved cannot be in the future.")
	if set_on and achieved_on and achieved_on < set_on:
		raise NotAccepted("An aspiration cannot be achieved before it was set.")


def step_done_date(done: bool, given: date | None, added_on: date | None, today: date) -> date | None:
	"""A done step has the date it was done (today unless said); a step not done has none."""
	if not done:
		return None
	if given and given > today:
		raise NotAccepted("A step is done once it has happened: the date cannot be in the future.")
	if given and added_on and given < added_on:
		raise NotAccepted("A step cannot be done before it was added.")
	return given or today
