import frappe
import pytest
from frappe.utils import add_days, getdate, today

from pts_coaching import aspirations
from pts_coaching.pts_coaching.doctype.aspiration.aspiration import note_aspiration, note_step
from tests.integration.conftest import new_relationship


def new_aspiration(relationship, **values):
	return frappe.get_doc(
		{
			"doctype": "Aspiration",
			"relationship": relationship.name,
			"in_their_words": "Get back on my bike and ride to the coast",
			**values,
		}
	).insert()


def conversation_with(relationship, **values):
	return frappe.get_doc(
		{"doctype": "Coaching Conversation", "relationship": relationship.name, **values}
	).insert()


def test_an_aspiration_needs_only_their_words_and_starts_as_thinking_about_it():
	relationship = new_relationship()
	before = frappe.db.count("Aspiration")
	with pytest.raises(frappe.MandatoryError, match="in_their_words"):
		frappe.get_doc({"doctype": "Aspiration", "relationship": relationship.name}).insert()
	assert frappe.db.count("Aspiration") == before

	aspiration = new_aspiration(relationship)
	assert aspiration.person == relationship.person  # from the relationship
	assert aspiration.status == aspirations.THINKING_ABOUT_IT
	assert str(aspiration.set_on) == today()
	assert aspiration.achieved_on is None


def test_achieved_gets_a_date_and_moving_away_from_it_clears_the_date():
	aspiration = new_aspiration(new_relationship())
	aspiration.status = aspirations.ACHIEVED
	aspiration.save()
	assert str(aspiration.achieved_on) == today()

	aspiration.status = aspirations.ON_HOLD
	aspiration.save()
	assert aspiration.achieved_on is None
	assert frappe.db.get_value("Aspiration", aspiration.name, "achieved_on") is None

	aspiration.update(
		{
			"status": aspirations.ACHIEVED,
			"set_on": add_days(today(), -9),
			"achieved_on": add_days(today(), -2),
		}
	)
	aspiration.save()
	assert str(aspiration.achieved_on) == add_days(today(), -2)

	# An achieved date sent with another status is not kept.
	aspiration.update({"status": aspirations.WORKING_ON_IT, "achieved_on": today()})
	aspiration.save()
	assert aspiration.achieved_on is None


def test_every_status_change_is_kept():
	aspiration = new_aspiration(new_relationship())
	for status in (aspirations.WORKING_ON_IT, aspirations.CHANGED_MY_MIND):
		aspiration.status = status
		aspiration.save()
	changes = [
		change[1:]
		for version in frappe.get_all(
			"Version",
			{"ref_doctype": "Aspiration", "docname": aspiration.name},
			["data"],
			order_by="creation",
		)
		for change in frappe.parse_json(version.data).get("changed", [])
		if change[0] == "status"
	]
	assert changes == [
		[aspirations.THINKING_ABOUT_IT, aspirations.WORKING_ON_IT],
		[aspirations.WORKING_ON_IT, aspirations.CHANGED_MY_MIND],
	]


def in_days(days: int) -> str:
	return add_days(today(), days)


# Values are made when each test runs: dates need the site's own today.
REFUSED = {
	"a status that is not one": (
		lambda: {"status": "Failed"},
		"<strong>Failed</strong> is not a status of an aspiration",
	),
	"achieved in the future": (
		lambda: {"status": aspirations.ACHIEVED, "achieved_on": in_days(1)},
		"cannot be in the future",
	),
	"set in the future": (lambda: {"set_on": in_days(1)}, "cannot be in the future"),
	"achieved before it was set": (
		lambda: {"status": aspirations.ACHIEVED, "set_on": today(), "achieved_on": in_days(-1)},
		"cannot be achieved before it was set",
	),
	"a step done in the future": (
		lambda: {"steps": [{"step": "Fix the chain", "done": 1, "done_on": in_days(1)}]},
		"future",
	),
}


@pytest.mark.parametrize("values, message", REFUSED.values(), ids=REFUSED.keys())
def test_what_cannot_be_is_refused_and_nothing_is_written(values, message):
	relationship = new_relationship()
	before = frappe.db.count("Aspiration")
	with pytest.raises(frappe.ValidationError, match=message):
		new_aspiration(relationship, **values())
	assert frappe.db.count("Aspiration") == before

	kept = new_aspiration(relationship)
	kept.update(values())
	with pytest.raises(frappe.ValidationError, match=message):
		kept.save()
	assert frappe.db.get_value("Aspiration", kept.name, "status") == aspirations.THINKING_ABOUT_IT


def test_a_step_done_has_its_date_and_undone_has_none():
	aspiration = new_aspiration(
		new_relationship(), steps=[{"step": "Fix the chain"}, {"step": "Ride to the park"}]
	)
	assert [str(step.added_on) for step in aspiration.steps] == [today(), today()]
	aspiration.steps[0].done = 1
	aspiration.save()
	assert str(aspiration.steps[0].done_on) == today()
	assert aspiration.steps[1].done_on is None
	aspiration.steps[0].done = 0
	aspiration.save()
	assert aspiration.steps[0].done_on is None


def test_an_aspiration_is_about_the_person_of_its_relationship():
	relationship = new_relationship()
	someone_else = new_relationship(name="Morgan")
	before = frappe.db.count("Aspiration")
	with pytest.raises(frappe.ValidationError, match="is with someone else"):
		new_aspiration(relationship, person=someone_else.person)
	assert frappe.db.count("Aspiration") == before


def test_themes_are_shipped_and_admins_can_add_one():
	relationship = new_relationship()
	assert new_aspiration(relationship, theme="Work").theme == "Work"
	frappe.get_doc({"doctype": "Aspiration Theme", "theme_name": "Making things"}).insert()
	assert new_aspiration(relationship, theme="Making things").theme == "Making things"


def test_the_person_and_relationship_forms_count_their_aspirations(coach):
	relationship = new_relationship(coach)
	new_aspiration(relationship)
	new_aspiration(relationship, in_their_words="Learn to cook for friends")
	frappe.get_doc(
		{"doctype": "Aspiration", "person": relationship.person, "in_their_words": "Before coaching"}
	).insert()
	frappe.set_user(coach)

	def count(doctype, name):
		from frappe.desk.notifications import get_open_count

		found = get_open_count(doctype, name)["count"]["external_links_found"]
		return {row["doctype"]: row["count"] for row in found}

	assert count("Person", relationship.person)["Aspiration"] == 3
	assert count("Coaching Relationship", relationship.name)["Aspiration"] == 2


# --- noting from a conversation


def test_a_coach_notes_an_aspiration_from_a_conversation(coach):
	relationship = new_relationship(coach)
	conversation = conversation_with(relationship, date=add_days(today(), -1))
	frappe.set_user(coach)
	name = note_aspiration(conversation.name, "Have my grandchildren to stay", theme="Relationships")
	aspiration = frappe.get_doc("Aspiration", name)
	assert (aspiration.relationship, aspiration.person, aspiration.conversation) == (
		relationship.name,
		relationship.person,
		conversation.name,
	)
	assert (aspiration.in_their_words, aspiration.theme, aspiration.status) == (
		"Have my grandchildren to stay",
		"Relationships",
		aspirations.THINKING_ABOUT_IT,
	)
	assert aspiration.set_on == getdate(add_days(today(), -1))
	assert aspiration.owner == coach


def test_a_coach_notes_a_step_from_a_later_conversation(coach):
	relationship = new_relationship(coach)
	aspiration = new_aspiration(relationship, steps=[{"step": "Fix the chain"}])
	later = conversation_with(relationship)
	frappe.set_user(coach)
	assert note_step(later.name, aspiration.name, "Ride to the park on Sunday") == aspiration.name
	steps = frappe.get_doc("Aspiration", aspiration.name).steps
	assert [(s.step, s.conversation, str(s.added_on)) for s in steps] == [
		("Fix the chain", None, today()),
		("Ride to the park on Sunday", later.name, today()),
	]


def test_noting_without_words_writes_nothing(coach):
	conversation = conversation_with(new_relationship(coach))
	before = frappe.db.count("Aspiration")
	frappe.set_user(coach)
	with pytest.raises(frappe.MandatoryError):
		note_aspiration(conversation.name, "")
	assert frappe.db.count("Aspiration") == before


def test_a_step_cannot_go_on_someone_elses_aspiration(coach):
	conversation = conversation_with(new_relationship(coach))
	theirs = new_aspiration(new_relationship(coach, name="Morgan"))
	frappe.set_user(coach)
	with pytest.raises(frappe.ValidationError, match="someone else's"):
		note_step(conversation.name, theirs.name, "A step")
	assert frappe.get_doc("Aspiration", theirs.name).steps == []


def test_an_analyst_cannot_note_anything(analyst):
	relationship = new_relationship()
	conversation = conversation_with(relationship)
	aspiration = new_aspiration(relationship)
	before = frappe.db.count("Aspiration")
	frappe.set_user(analyst)
	with pytest.raises(frappe.PermissionError):
		note_aspiration(conversation.name, "Something")
	with pytest.raises(frappe.PermissionError):
		note_step(conversation.name, aspiration.name, "A step")
	frappe.set_user("Administrator")
	assert frappe.db.count("Aspiration") == before
	assert frappe.get_doc("Aspiration", aspiration.name).steps == []


def test_someone_who_cannot_read_the_conversation_cannot_note_from_it(visitor):
	conversation = conversation_with(new_relationship())
	frappe.set_user(visitor)
	with pytest.raises(frappe.PermissionError):
		note_aspiration(conversation.name, "Something")
