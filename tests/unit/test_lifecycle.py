from itertools import permutations

import pytest

from pts_coaching import lifecycle as lc


def test_every_phase_but_the_first_can_be_reached_and_every_open_phase_can_end():
	reachable = {lc.FIRST_PHASE}
	while True:
		more = {m.to_phase for m in lc.MOVES if m.from_phase in reachable} - reachable
		if not more:
			break
		reachable |= more
	assert reachable == set(lc.PHASES)
	for phase in lc.OPEN_PHASES:
		assert lc.find_move(phase, lc.ENDED), f"{phase} must be able to end"


@pytest.mark.parametrize("move", lc.MOVES, ids=lambda m: f"{m.from_phase}->{m.to_phase}")
def test_every_allowed_move_is_allowed(move):
	assert lc.check_move(move.from_phase, move.to_phase, they_did_not_say=True) == move


FORBIDDEN = [pair for pair in permutations(lc.PHASES, 2) if not lc.find_move(*pair)]


@pytest.mark.parametrize("from_phase,to_phase", FORBIDDEN)
def test_every_other_move_is_refused_saying_why(from_phase, to_phase):
	with pytest.raises(lc.MoveNotAllowed) as refused:
		lc.check_move(from_phase, to_phase, they_did_not_say=True)
	assert to_phase in str(refused.value)


def test_the_forbidden_moves_are_the_ones_the_practice_rules_out():
	assert set(FORBIDDEN) == {
		(lc.WORKING_TOGETHER, lc.GETTING_TO_KNOW_EACH_OTHER),
		(lc.PAUSED, lc.GETTING_TO_KNOW_EACH_OTHER),
		(lc.ENDING_TOGETHER, lc.GETTING_TO_KNOW_EACH_OTHER),
		(lc.ENDED, lc.GETTING_TO_KNOW_EACH_OTHER),
		(lc.ENDING_TOGETHER, lc.PAUSED),
		(lc.ENDED, lc.PAUSED),
		(lc.ENDED, lc.ENDING_TOGETHER),
	}


def test_going_back_to_the_start_says_a_relationship_began_once():
	with pytest.raises(lc.MoveNotAllowed, match="began once"):
		lc.check_move(lc.PAUSED, lc.GETTING_TO_KNOW_EACH_OTHER)


def test_an_ended_relationship_can_only_come_back():
	with pytest.raises(lc.MoveNotAllowed, match="can only come back to Working together"):
		lc.check_move(lc.ENDED, lc.PAUSED)
	assert lc.check_move(lc.ENDED, lc.WORKING_TOGETHER).action == "Come back"
	assert lc.is_coming_back(lc.ENDED, lc.WORKING_TOGETHER)
	assert lc.is_coming_back(lc.PAUSED, lc.WORKING_TOGETHER)
	assert not lc.is_coming_back(lc.ENDING_TOGETHER, lc.WORKING_TOGETHER)


def test_a_pause_needs_no_reason_and_no_date():
	for phase in (lc.GETTING_TO_KNOW_EACH_OTHER, lc.WORKING_TOGETHER):
		assert lc.check_move(phase, lc.PAUSED).action == "Pause"


@pytest.mark.parametrize("words", ["", "   ", None])
def test_ending_needs_their_words_or_they_did_not_say(words):
	with pytest.raises(lc.MoveNotAllowed, match="in their words"):
		lc.check_move(lc.ENDING_TOGETHER, lc.ENDED, ending_in_their_words=words)
	assert lc.check_move(lc.ENDING_TOGETHER, lc.ENDED, words, they_did_not_say=True)
	assert lc.check_move(lc.ENDING_TOGETHER, lc.ENDED, "Got my own place and a job. Ta for everything.")


def test_an_unknown_phase_is_refused():
	with pytest.raises(lc.MoveNotAllowed, match="is not a phase"):
		lc.check_move(lc.WORKING_TOGETHER, "Closed")


def test_a_relationship_begins_by_getting_to_know_each_other():
	lc.check_start(lc.GETTING_TO_KNOW_EACH_OTHER)
	for phase in lc.PHASES[1:]:
		with pytest.raises(lc.MoveNotAllowed, match="begins with"):
			lc.check_start(phase)


def test_messages_keep_their_placeholders_for_translation():
	with pytest.raises(lc.MoveNotAllowed) as refused:
		lc.check_move(lc.ENDED, lc.ENDING_TOGETHER)
	assert "{1}" in refused.value.message
	assert refused.value.values == (lc.ENDED, lc.ENDING_TOGETHER)


def test_ending_kinds_describe_and_never_judge():
	judging = {"disengaged", "non-compliant", "evicted", "failed", "discharged"}
	assert not {kind.lower() for kind in lc.ENDING_KINDS} & judging
