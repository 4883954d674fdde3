"""What every record about a person shares: whose it is, when it happened, who may add it, and that it
is found from the person."""

import frappe
import pytest
from frappe.desk.notifications import get_open_count
from frappe.utils import add_days, today

from tests.integration.conftest import new_relationship
from tests.integration.records import PERSON_RECORDS, minimal


@pytest.mark.parametrize("doctype", PERSON_RECORDS)
def test_a_coach_adds_each_record_about_a_person_they_coach(doctype, coach):
	frappe.set_user(coach)
	relationship = new_relationship(coach)
	record = minimal(doctype, relationship).insert()
	assert frappe.db.get_value(doctype, record.name, "person") == relationship.person
	assert record.person_name == "Rowan"


@pytest.mark.parametrize("doctype", PERSON_RECORDS)
def test_the_person_is_taken_from_the_relationship_when_left_empty(doctype):
	relationship = new_relationship()
	record = minimal(doctype, relationship, person=None).insert()
	assert record.person == relationship.person


@pytest.mark.parametrize("doctype", PERSON_RECORDS)
def test_a_relationship_with_someone_else_is_not_accepted(doctype):
	relationship = new_relationship()
	someone_else = new_relationship(name="Morgan")
	before = frappe.db.count(doctype)
	with pytest.raises(frappe.ValidationError, match="is with someone else"):
		minimal(doctype, relationship, relationship=someone_else.name).insert()
	assert frappe.db.count(doctype) == before


@pytest.mark.parametrize(
	("doctype", "fieldname"),
	[("Connection Snapshot", "date"), ("Achievement", "achieved_on"), ("Safety Conversation", "date")],
)
def test_what_has_happened_cannot_be_dated_in_the_future(doctype, fieldname):
	relationship = new_relationship()
	with pytest.raises(frappe.ValidationError, match="cannot be in the future"):
		minimal(doctype, relationship, **{fieldname: add_days(today(), 1)}).insert()
	assert minimal(doctype, relationship, **{fieldname: today()}).insert().name


@pytest.mark.parametrize("doctype", PERSON_RECORDS)
def test_an_analyst_reads_but_does_not_add(doctype, analyst):
	relationship = new_relationship()
	record = minimal(doctype, relationship).insert()
	frappe.set_user(analyst)
	assert frappe.get_doc(doctype, record.name).has_permission("read")
	with pytest.raises(frappe.PermissionError):
		minimal(doctype, relationship).insert()


def test_every_record_is_found_from_the_person_and_the_relationship():
	relationship = new_relationship()
	for doctype in PERSON_RECORDS:
		minimal(doctype, relationship).insert()
	new_relationship(name="Morgan")  # someone else's records are not counted

	def counts(doctype, name):
		found = get_open_count(doctype, name)["count"]["external_links_found"]
		return {link["doctype"]: link["count"] for link in found}

	from_person = counts("Person", relationship.person)
	assert {doctype: from_person[doctype] for doctype in PERSON_RECORDS} == dict.fromkeys(PERSON_RECORDS, 1)
	from_relationship = counts("Coaching Relationship", relationship.name)
	assert {doctype: from_relationship[doctype] for doctype in PERSON_RECORDS} == dict.fromkeys(
		PERSON_RECORDS, 1
	)


def test_a_person_with_records_is_not_deleted_from_under_them():
	person = frappe.get_doc({"doctype": "Person", "preferred_name": "Kit"}).insert()
	for doctype in PERSON_RECORDS:
		record = minimal(doctype, frappe._dict(person=person.name, name=None)).insert()
		with pytest.raises(frappe.LinkExistsError):
			frappe.delete_doc("Person", person.name)
		record.delete()
	frappe.delete_doc("Person", person.name)
