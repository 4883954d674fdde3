import frappe
import pytest
from frappe.utils import add_days, today

from pts_coaching import lifecycle
from pts_coaching.pts_coaching.page.start_with_a_conversation.start_with_a_conversation import (
	start_with_a_conversation,
)

RECORDS = ("Person", "Coaching Relationship", "Coaching Conversation")


def counts():
	return {doctype: frappe.db.count(doctype) for doctype in RECORDS}


def test_a_blank_page_makes_one_person_relationship_and_conversation(coach):
	before = counts()
	frappe.set_user(coach)
	made = start_with_a_conversation(
		preferred_name="Dee",
		conversation="<p>We walked by the canal. Dee talked about her allotment.</p>",
		channel="Walk",
	)
	frappe.set_user("Administrator")

	assert counts() == {doctype: before[doctype] + 1 for doctype in RECORDS}
	person = frappe.get_doc("Person", made["person"])
	relationship = frappe.get_doc("Coaching Relationship", made["relationship"])
	conversation = frappe.get_doc("Coaching Conversation", made["conversation"])
	assert person.preferred_name == "Dee"
	assert relationship.person == person.name
	assert relationship.coach == coach
	assert relationship.phase == lifecycle.GETTING_TO_KNOW_EACH_OTHER
	assert [(row.phase, str(row.from_date), row.recorded_by) for row in relationship.phase_history] == [
		(lifecycle.GETTING_TO_KNOW_EACH_OTHER, today(), coach)
	]
	assert (conversation.relationship, conversation.person, conversation.person_name) == (
		relationship.name,
		person.name,
		"Dee",
	)
	assert str(conversation.date) == today()
	assert (relationship.contact_count, str(relationship.last_contact_on)) == (1, today())


def test_the_name_they_want_to_be_called_is_all_it_needs(coach):
	frappe.set_user(coach)
	made = start_with_a_conversation(preferred_name="J")
	assert (
		frappe.db.get_value("Coaching Conversation", made["conversation"], "relationship")
		== made["relationship"]
	)


def test_failing_half_way_leaves_nobody_behind(coach):
	before = counts()
	frappe.set_user(coach)
	with pytest.raises(frappe.ValidationError, match="cannot be in the future"):
		start_with_a_conversation(preferred_name="Ash", date=add_days(today(), 1))
	assert counts() == before


def test_without_a_name_nothing_is_written(coach):
	before = counts()
	frappe.set_user(coach)
	with pytest.raises(frappe.MandatoryError, match="preferred_name"):
		start_with_a_conversation(preferred_name="")
	assert counts() == before


def test_someone_without_a_coaching_role_cannot_start_one(visitor):
	before = counts()
	frappe.set_user(visitor)
	with pytest.raises(frappe.PermissionError):
		start_with_a_conversation(preferred_name="Pat")
	assert counts() == before
