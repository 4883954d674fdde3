import frappe
import pytest
from frappe.utils import add_days, today

from tests.integration.conftest import new_relationship


def test_a_person_needs_only_the_name_they_want_to_be_called():
	before = frappe.db.count("Person")
	with pytest.raises(frappe.MandatoryError, match="preferred_name"):
		frappe.get_doc({"doctype": "Person", "full_name": "Jane Smith"}).insert()
	assert frappe.db.count("Person") == before
	assert frappe.get_doc({"doctype": "Person", "preferred_name": "Jay"}).insert().name


def test_a_conversation_needs_a_relationship_and_a_date_and_nothing_else():
	before = frappe.db.count("Coaching Conversation")
	with pytest.raises(frappe.MandatoryError, match="relationship"):
		frappe.get_doc({"doctype": "Coaching Conversation", "channel": "Coffee"}).insert()
	assert frappe.db.count("Coaching Conversation") == before

	relationship = new_relationship()
	text = frappe.get_doc(
		{"doctype": "Coaching Conversation", "relationship": relationship.name, "channel": "Text message"}
	).insert()
	assert str(text.date) == today()
	assert text.person == relationship.person


def test_a_conversation_cannot_be_dated_in_the_future():
	relationship = new_relationship()
	with pytest.raises(frappe.ValidationError, match="cannot be in the future"):
		frappe.get_doc(
			{
				"doctype": "Coaching Conversation",
				"relationship": relationship.name,
				"date": add_days(today(), 2),
			}
		).insert()


def test_contact_follows_the_conversations_added_edited_moved_and_deleted():
	relationship = new_relationship()
	other = new_relationship(name="Morgan")

	def contact(rel):
		return frappe.db.get_value("Coaching Relationship", rel.name, ["contact_count", "last_contact_on"])

	assert contact(relationship) == (0, None)
	first = frappe.get_doc(
		{
			"doctype": "Coaching Conversation",
			"relationship": relationship.name,
			"date": add_days(today(), -30),
		}
	).insert()
	second = frappe.get_doc(
		{
			"doctype": "Coaching Conversation",
			"relationship": relationship.name,
			"date": add_days(today(), -3),
			"channel": "Text message",
		}
	).insert()
	assert contact(relationship) == (2, frappe.utils.getdate(add_days(today(), -3)))

	first.date = add_days(today(), -1)
	first.save()
	assert contact(relationship) == (2, frappe.utils.getdate(add_days(today(), -1)))

	first.relationship = other.name
	first.save()
	assert contact(relationship) == (1, frappe.utils.getdate(add_days(today(), -3)))
	assert contact(other) == (1, frappe.utils.getdate(add_days(today(), -1)))

	second.delete()
	assert contact(relationship) == (0, None)


def test_a_coach_cannot_delete_history(coach):
	relationship = new_relationship(coach)
	conversation = frappe.get_doc(
		{"doctype": "Coaching Conversation", "relationship": relationship.name}
	).insert()
	frappe.set_user(coach)
	for doctype, name in [
		("Coaching Conversation", conversation.name),
		("Coaching Relationship", relationship.name),
		("Person", relationship.person),
	]:
		with pytest.raises(frappe.PermissionError):
			frappe.delete_doc(doctype, name)
		assert frappe.db.exists(doctype, name)


def test_a_coach_can_record_and_an_analyst_can_only_read(coach, analyst):
	frappe.set_user(coach)
	relationship = new_relationship(coach)
	frappe.get_doc({"doctype": "Coaching Conversation", "relationship": relationship.name}).insert()

	frappe.set_user(analyst)
	assert frappe.get_doc("Coaching Relationship", relationship.name).has_permission("read")
	with pytest.raises(frappe.PermissionError):
		frappe.get_doc({"doctype": "Person", "preferred_name": "Lee"}).insert()


def test_deleting_a_person_with_a_relationship_is_refused_with_a_link_error():
	relationship = new_relationship()
	with pytest.raises(frappe.LinkExistsError):
		frappe.delete_doc("Person", relationship.person)


def test_saving_a_relationship_opened_before_a_conversation_keeps_the_new_count():
	relationship = new_relationship()
	opened_earlier = frappe.get_doc("Coaching Relationship", relationship.name)
	frappe.get_doc({"doctype": "Coaching Conversation", "relationship": relationship.name}).insert()
	opened_earlier.how_we_met = "At the food bank's Tuesday lunch"
	opened_earlier.save()
	assert frappe.db.get_value("Coaching Relationship", relationship.name, "contact_count") == 1
