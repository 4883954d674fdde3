"""The coach's app (/coach): its methods, asked over HTTP as each user of test_who_sees_what's two
delivery partners. Ash coaches Rowan (not shared) and sees Morgan (Bo's, shared); Cat (South) coaches
Sky; the lead sees North; analysts work with reports and get nothing here.
"""

import uuid

import frappe
import pytest

from pts_coaching import lifecycle
from tests.integration import test_who_sees_what
from tests.integration.test_who_sees_what import SECRET, USERS

# The same two partners, made afresh for this module.
partners = test_who_sees_what.partners
clients = test_who_sees_what.clients

APP = "pts_coaching.coach_app"
SEES_IN_THE_APP = {
	"ash": {"Rowan", "Morgan"},
	"bo": {"Morgan"},
	"lead": {"Rowan", "Morgan"},
	"cat": {"Sky"},
}


def key() -> str:
	return str(uuid.uuid4())


def relationship_of(partners, name: str) -> str:
	return partners.journeys[name].records["Coaching Relationship"]


def person_of(partners, name: str) -> str:
	return partners.journeys[name].records["Person"]


@pytest.fixture
def made_here():
	"""What a test saves through the app, taken away again so the partners' records can go."""
	made = []
	yield made
	frappe.db.rollback()
	for doctype, name in reversed(made):
		frappe.delete_doc(doctype, name, force=True, ignore_permissions=True)
	frappe.db.commit()


@pytest.mark.parametrize("who", SEES_IN_THE_APP)
def test_my_people_are_theirs_and_their_teams_shared_ones(partners, clients, who):
	status, answer = clients[who].call(f"{APP}.my_people")
	assert status == 200, answer
	people = {row["person_name"]: row for row in answer["message"]}
	assert set(people) == SEES_IN_THE_APP[who]
	email = USERS[who][0]
	for row in people.values():
		coach = frappe.db.get_value("Coaching Relationship", row["relationship"], "coach")
		assert row["shared"] == (coach != email)
		assert row["phase"] in lifecycle.OPEN_PHASES and row["last_channel"] == "Coffee"


@pytest.mark.parametrize("who", ["analyst", "north_analyst"])
def test_analysts_get_nothing_from_the_app(partners, clients, who):
	rowan = person_of(partners, "Rowan")
	for method, arguments in [("my_people", {}), ("story", {"person": rowan}), ("measure_to_ask", {})]:
		status, answer = clients[who].call(f"{APP}.{method}", **arguments)
		assert status == 403 and "Rowan" not in str(answer) and SECRET not in str(answer)
	refused = clients[who].post(
		f"{APP}.log_contact",
		relationship=relationship_of(partners, "Rowan"),
		channel="Text message",
		saved_once_key=key(),
	)
	assert refused.status_code == 403


def test_a_story_shows_its_words_to_its_coach_and_nothing_to_another_team(partners, clients):
	rowan = person_of(partners, "Rowan")
	status, answer = clients["ash"].call(f"{APP}.story", person=rowan)
	assert status == 200, answer
	story = answer["message"]
	[conversation] = story["conversations"]
	assert conversation["conversation"] == f"{SECRET} Rowan wants to go back to college"
	assert story["person_name"] == "Rowan" and story["phase_moves"]
	assert story["relationships"][0]["yours"]
	for who in ("bo", "cat"):
		status, answer = clients[who].call(f"{APP}.story", person=rowan)
		assert status == 403 and "Rowan" not in str(answer) and SECRET not in str(answer)


def test_we_texted_is_saved_once_however_often_it_is_sent(partners, clients, made_here):
	relationship = relationship_of(partners, "Rowan")
	count_before = frappe.db.get_value("Coaching Relationship", relationship, "contact_count")
	once = key()
	answers = [
		clients["ash"]
		.post(f"{APP}.log_contact", relationship=relationship, channel="Text message", saved_once_key=once)
		.json()["message"]
		for _ in range(2)
	]
	made_here.append(("Coaching Conversation", answers[0]["name"]))
	assert [a["already_saved"] for a in answers] == [False, True]
	assert answers[0]["name"] == answers[1]["name"]
	frappe.db.rollback()
	assert frappe.db.get_value("Coaching Relationship", relationship, "contact_count") == count_before + 1
	saved = frappe.get_doc("Coaching Conversation", answers[0]["name"])
	assert (saved.channel, str(saved.date), saved.coach) == (
		"Text message",
		frappe.utils.today(),
		USERS["ash"][0],
	)


@pytest.mark.parametrize("who", ["bo", "cat"])
def test_nobody_else_writes_into_rowans_story(partners, clients, made_here, who):
	relationship = relationship_of(partners, "Rowan")
	frappe.db.rollback()
	before = frappe.db.count("Coaching Conversation", {"relationship": relationship})
	writes = [
		("log_contact", {"channel": "Walk", "saved_once_key": key(), "note": "mine now"}),
		("check_in", {"measure": "ONS4", "answers": {"happiness": 7}, "saved_once_key": key()}),
		("add_aspiration", {"in_their_words": "mine now"}),
		("move_phase", {"phase": lifecycle.PAUSED}),
	]
	for method, arguments in writes:
		refused = clients[who].post(f"{APP}.{method}", relationship=relationship, **arguments)
		assert refused.status_code == 403, f"{method}: {refused.text[:300]}"
		assert "Rowan" not in refused.text and SECRET not in refused.text
	aspiration = partners.journeys["Rowan"].records["Aspiration"]
	refused = clients[who].post(f"{APP}.change_aspiration", aspiration=aspiration, status="Achieved")
	assert refused.status_code == 403
	frappe.db.rollback()
	assert frappe.db.count("Coaching Conversation", {"relationship": relationship}) == before
	assert frappe.db.get_value("Coaching Relationship", relationship, "phase") != lifecycle.PAUSED
	assert frappe.db.get_value("Aspiration", aspiration, "status") != "Achieved"


def test_a_check_in_is_scored_and_saved_once(partners, clients, made_here):
	relationship = relationship_of(partners, "Morgan")
	status, asked = clients["ash"].call(f"{APP}.measure_to_ask", measure="ONS4")
	assert status == 200 and asked["message"]["wording_entered"]
	codes = [item["code"] for item in asked["message"]["items"]]
	once = key()
	for _ in range(2):
		answer = clients["ash"].post(
			f"{APP}.check_in",
			relationship=relationship,
			measure="ONS4",
			answers={code: 6 for code in codes},
			saved_once_key=once,
		)
		assert answer.ok, answer.text
	made_here.append(("Wellbeing Check-in", answer.json()["message"]["name"]))
	frappe.db.rollback()
	assert frappe.db.count("Wellbeing Check-in", {"saved_once_key": once}) == 1
	status, wemwbs = clients["ash"].call(f"{APP}.measure_to_ask", measure="WEMWBS")
	assert status == 200 and not wemwbs["message"]["wording_entered"]


def test_ending_asks_for_their_words_then_ends(partners, clients):
	relationship = relationship_of(partners, "Morgan")
	ended = {"relationship": relationship, "phase": lifecycle.ENDED, "ending_kind": "Moved on"}
	refused = clients["bo"].post(f"{APP}.move_phase", **ended)
	assert refused.status_code == 417 and "in their words" in refused.text
	try:
		moved = clients["bo"].post(f"{APP}.move_phase", **ended, ending_in_their_words="I got the job")
		assert moved.ok, moved.text
		frappe.db.rollback()
		relationship_now = frappe.get_doc("Coaching Relationship", relationship)
		assert relationship_now.phase == lifecycle.ENDED
		assert relationship_now.phase_history[-1].in_their_words == "I got the job"
		back = clients["bo"].post(
			f"{APP}.move_phase", relationship=relationship, phase=lifecycle.WORKING_TOGETHER
		)
		assert back.ok, back.text
	finally:
		frappe.db.rollback()


def test_aspirations_are_added_reworded_moved_on_and_given_steps(partners, clients, made_here):
	relationship = relationship_of(partners, "Rowan")
	added = clients["ash"].post(f"{APP}.add_aspiration", relationship=relationship, in_their_words="A bike")
	assert added.ok, added.text
	aspiration = added.json()["message"]
	made_here.append(("Aspiration", aspiration))
	for change in (
		{"in_their_words": "A bike to get to work"},
		{"status": "Working on it"},
		{"step": "Ask Sam"},
	):
		assert clients["ash"].post(f"{APP}.change_aspiration", aspiration=aspiration, **change).ok
	frappe.db.rollback()
	saved = frappe.get_doc("Aspiration", aspiration)
	assert (saved.in_their_words, saved.status, [s.step for s in saved.steps]) == (
		"A bike to get to work",
		"Working on it",
		["Ask Sam"],
	)
