"""The person-led lifecycle of a coaching relationship.

The person begins, pauses and ends coaching on their own terms. These rules say which moves between
phases exist and what each move needs; nothing here (or anywhere in the app) moves a phase by itself,
so a long silence changes nothing.

Plain Python on purpose: the relationship's controller enforces these rules whatever an admin does
to the shipped Workflow (a test keeps that fixture in step with MOVES), and they are read and tested
without Frappe.
"""

from dataclasses import dataclass

from pts_coaching.rules import RuleBroken

GETTING_TO_KNOW_EACH_OTHER = "Getting to know each other"
WORKING_TOGETHER = "Working together"
PAUSED = "Paused"
ENDING_TOGETHER = "Ending together"
ENDED = "Ended"

PHASES = (GETTING_TO_KNOW_EACH_OTHER, WORKING_TOGETHER, PAUSED, ENDING_TOGETHER, ENDED)
FIRST_PHASE = GETTING_TO_KNOW_EACH_OTHER
OPEN_PHASES = (GETTING_TO_KNOW_EACH_OTHER, WORKING_TOGETHER, PAUSED, ENDING_TOGETHER)

# Never "disengaged", "non-compliant" or "evicted": an ending is described, not judged.
ENDING_KINDS = ("Moved on", "Chose to stop", "Moved away", "Other")


@dataclass(frozen=True)
class Move:
	from_phase: str
	to_phase: str
	action: str


MOVES = (
	Move(GETTING_TO_KNOW_EACH_OTHER, WORKING_TOGETHER, "Start working together"),
	Move(GETTING_TO_KNOW_EACH_OTHER, PAUSED, "Pause"),
	Move(WORKING_TOGETHER, PAUSED, "Pause"),
	Move(PAUSED, WORKING_TOGETHER, "Come back"),
	Move(ENDED, WORKING_TOGETHER, "Come back"),
	Move(GETTING_TO_KNOW_EACH_OTHER, ENDING_TOGETHER, "Start ending together"),
	Move(WORKING_TOGETHER, ENDING_TOGETHER, "Start ending together"),
	Move(PAUSED, ENDING_TOGETHER, "Start ending together"),
	Move(ENDING_TOGETHER, WORKING_TOGETHER, "Carry on working together"),
	# A person may end at any time on their own terms, not only after an ending phase.
	Move(GETTING_TO_KNOW_EACH_OTHER, ENDED, "End"),
	Move(WORKING_TOGETHER, ENDED, "End"),
	Move(PAUSED, ENDED, "End"),
	Move(ENDING_TOGETHER, ENDED, "End"),
)


class MoveNotAllowed(RuleBroken):
	"""A move between phases the rules do not allow."""


def moves_from(phase: str) -> tuple[Move, ...]:
	return tuple(move for move in MOVES if move.from_phase == phase)


def find_move(from_phase: str, to_phase: str) -> Move | None:
	return next((m for m in MOVES if (m.from_phase, m.to_phase) == (from_phase, to_phase)), None)


def is_coming_back(from_phase: str, to_phase: str) -> bool:
	return from_phase in (PAUSED, ENDED) and to_phase == WORKING_TOGETHER


def check_start(phase: str) -> None:
	"""Every relationship begins by getting to know each other; it moves on from there."""
	if phase != FIRST_PHASE:
		raise MoveNotAllowed("A relationship begins with {0}; it can move on from there.", FIRST_PHASE)


def check_move(
	from_phase: str, to_phase: str, ending_in_their_words: str = "", they_did_not_say: bool = False
) -> Move:
	"""Return the move from one phase to another, or raise MoveNotAllowed saying why not."""
	if to_phase not in PHASES:
		raise MoveNotAllowed("{0} is not a phase of a coaching relationship.", to_phase)
	move = find_move(from_phase, to_phase)
	if not move:
		raise MoveNotAllowed(_why_not(from_phase, to_phase), from_phase, to_phase)
	if to_phase == ENDED:
		check_ending(ending_in_their_words, they_did_not_say)
	return move


def check_ending(ending_in_their_words: str, they_did_not_say: bool) -> None:
	if not (ending_in_their_words or "").strip() and not they_did_not_say:
		raise MoveNotAllowed(
			"Before the relationship ends, write how it ended in their words, or tick 'They did not say'."
		)


def _why_not(from_phase: str, to_phase: str) -> str:
	if to_phase == GETTING_TO_KNOW_EACH_OTHER:
		return "A relationship cannot go back to {1}: it began once. From {0}, choose another phase."
	if from_phase == ENDED:
		return "A relationship that has ended can only come back to Working together, not move to {1}."
	return "A relationship cannot move from {0} to {1}."
