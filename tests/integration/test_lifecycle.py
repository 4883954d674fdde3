from itertools import permutations

import frappe
import pytest
from frappe.model.workflow import apply_workflow

from pts_coaching import lifecycle as lc
from pts_coaching.install import LIFECYCLE_WORKFLOW
from tests.integration.conftest import new_relationship

FORBIDDEN = [pair for pair in permutations(lc.PHASES, 2) if not lc.find_move(*pair)]


def path_to(phase: str) -> list[str]:
	"""The shortest run of allowed moves from the first phase to `phase`."""
	paths = {lc.FIRST_PHASE: []}
	queue = [lc.FIRST_PHASE]
	while queue:
		here = queue.pop(0)
		for move in lc.moves_from(here):
			if move.to_phase not in paths:
				paths[move.to_phase] = [*paths[here], move.to_phase]
				queue.append(move.to_phase)
	return paths[phase]


def move(relationship, phase: str):
	relationship.phase = phase
	if phase == lc.ENDED:
		relationship.they_did_not_say = 1
	relationship.save()


def relationship_in(phase: str, coach: str = "Administrator"):
	relationship = new_relationship(coach)
	for step in path_to(phase):
		move(relationship, step)
	return relationship


@pytest.mark.parametrize("allowed", lc.MOVES, ids=lambda m: f"{m.from_phase}->{m.to_phase}")
def test_every_allowed_move_is_saved_and_kept_in_the_history(allowed):
	relationship = relationship_in(allowed.from_phase)
	rows_before = len(relationship.phase_history)
	move(relationship, allowed.to_phase)

	saved = frappe.get_doc("Coaching Relationship", relationship.name)
	assert saved.phase == allowed.to_phase
	assert len(saved.phase_history) == rows_before + 1
	assert saved.phase_history[-1].phase == allowed.to_phase
	assert saved.phase_history[-1].recorded_by == "Administrator"
	assert all(row.to_date for row in saved.phase_history[:-1])
	assert not saved.phase_history[-1].to_date


@pytest.mark.parametrize("from_phase,to_phase", FORBIDDEN)
def test_every_forbidden_move_is_refused_saying_why_and_nothing_is_saved(from_phase, to_phase):
	relationship = relationship_in(from_phase)
	rows_before = len(relationship.phase_history)
	relationship.phase = to_phase
	with pytest.raises(frappe.ValidationError) as refused:
		relationship.save()
	assert to_phase in str(refused.value)
	assert frappe.db.get_value("Coaching Relationship", relationship.name, "phase") == from_phase
	assert frappe.db.count("Coaching Phase History", {"parent": relationship.name}) == rows_before


def test_the_workflow_actions_make_the_same_moves_for_a_coach(coach):
	relationship = new_relationship(coach)
	frappe.set_user(coach)
	for action, phase in [
		("Start working together", lc.WORKING_TOGETHER),
		("Pause", lc.PAUSED),
		("Come back", lc.WORKING_TOGETHER),
		("Start ending together", lc.ENDING_TOGETHER),
	]:
		relationship = apply_workflow(relationship.as_dict(), action)
		assert relationship.phase == phase
	assert [row.phase for row in relationship.phase_history] == [
		lc.GETTING_TO_KNOW_EACH_OTHER,
		lc.WORKING_TOGETHER,
		lc.PAUSED,
		lc.WORKING_TOGETHER,
		lc.ENDING_TOGETHER,
	]


def test_the_rules_hold_when_an_admin_switches_the_workflow_off():
	frappe.db.set_value("Workflow", LIFECYCLE_WORKFLOW, "is_active", 0)
	frappe.cache.hdel("workflow", "Coaching Relationship")
	frappe.clear_cache(doctype="Coaching Relationship")
	try:
		relationship = relationship_in(lc.ENDED)
		relationship.phase = lc.PAUSED
		with pytest.raises(frappe.ValidationError, match="can only come back"):
			relationship.save()
	finally:
		frappe.db.rollback()
		frappe.cache.hdel("workflow", "Coaching Relationship")
		frappe.clear_cache(doctype="Coaching Relationship")


def test_ending_needs_their_words_or_they_did_not_say():
	relationship = relationship_in(lc.ENDING_TOGETHER)
	relationship.phase = lc.ENDED
	with pytest.raises(frappe.ValidationError, match="in their words"):
		relationship.save()

	relationship.reload()
	relationship.update(
		{
			"phase": lc.ENDED,
			"ending_kind": "Moved on",
			"ending_in_their_words": "I've got my own flat now and my sister nearby.",
		}
	)
	relationship.save()
	assert relationship.ended_on
	ended_row = relationship.phase_history[-1]
	assert (ended_row.phase, ended_row.ending_kind, ended_row.in_their_words) == (
		lc.ENDED,
		"Moved on",
		"I've got my own flat now and my sister nearby.",
	)


def test_coming_back_reopens_the_same_relationship_and_keeps_its_history():
	relationship = relationship_in(lc.ENDING_TOGETHER)
	relationship.update(
		{"phase": lc.ENDED, "ending_kind": "Chose to stop", "ending_in_their_words": "Need a break"}
	)
	relationship.save()
	history_before = [(row.name, row.phase) for row in relationship.phase_history]

	relationship.phase = lc.WORKING_TOGETHER
	relationship.save()

	saved = frappe.get_doc("Coaching Relationship", relationship.name)
	assert saved.phase == lc.WORKING_TOGETHER
	assert (saved.ended_on, saved.ending_kind, saved.ending_in_their_words) == (None, None, None)
	assert [(row.name, row.phase) for row in saved.phase_history[:-1]] == history_before
	assert saved.phase_history[-2].in_their_words == "Need a break"
	assert saved.phase_history[-1].phase == lc.WORKING_TOGETHER
	assert frappe.db.count("Coaching Relationship", {"person": saved.person}) == 1


def test_a_pause_needs_no_reason_and_no_date():
	relationship = relationship_in(lc.WORKING_TOGETHER)
	relationship.phase = lc.PAUSED
	relationship.save()
	assert relationship.phase == lc.PAUSED


def test_the_history_is_kept_as_it_happened():
	relationship = relationship_in(lc.PAUSED)
	relationship.phase_history[0].phase = lc.WORKING_TOGETHER
	with pytest.raises(frappe.ValidationError, match="kept as it happened"):
		relationship.save()

	relationship.reload()
	relationship.phase_history.pop(0)
	with pytest.raises(frappe.ValidationError, match="kept as it happened"):
		relationship.save()

	relationship.reload()
	relationship.phase_history[-1].in_their_words = "Wants to focus on his exams for a while"
	relationship.save()
	assert relationship.phase_history[-1].in_their_words == "Wants to focus on his exams for a while"


def test_a_relationship_begins_by_getting_to_know_each_other():
	person = frappe.get_doc({"doctype": "Person", "preferred_name": "Kit"}).insert()
	with pytest.raises(frappe.ValidationError, match="begins with"):
		frappe.get_doc(
			{"doctype": "Coaching Relationship", "person": person.name, "phase": lc.WORKING_TOGETHER}
		).insert()


def test_the_only_scheduled_jobs_never_move_a_phase():
	assert frappe.get_hooks("scheduler_events", app_name="pts_coaching") == {
		"daily": ["pts_coaching.privacy.anonymise_after_retention"],
		"hourly": ["pts_coaching.permissions.let_go_of_follows_no_longer_theirs"],
	}
	silent = relationship_in(lc.WORKING_TOGETHER)
	frappe.db.set_value("Coaching Relationship", silent.name, "last_contact_on", "2019-01-01")
	for job in frappe.get_all("Scheduled Job Type", {"method": ("like", "pts_coaching.%")}, pluck="method"):
		frappe.get_attr(job)()
	assert frappe.db.get_value("Coaching Relationship", silent.name, "phase") == lc.WORKING_TOGETHER
