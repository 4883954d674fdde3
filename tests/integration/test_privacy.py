"""The person's data: everything about them on request, anonymised when they ask or after the retention
period, and never hard-deleted by the app."""

import json

import frappe
import pytest
from freezegun import freeze_time

from pts_coaching.privacy import anonymise_after_retention, download_everything
from tests.integration.conftest import make_user, new_relationship
from tests.integration.records import minimal

WORDS = "wants to get back into the choir"


def a_full_record(coach="Administrator", name="Rowan"):
	relationship = new_relationship(coach, name)
	relationship.started_on = "2024-09-01"
	relationship.save()
	person = frappe.get_doc("Person", relationship.person)
	person.update({"full_name": f"{name} Jones", "phone": "07700 900123", "about_me": f"Rowan {WORDS}"})
	person.save()
	frappe.get_doc(
		{
			"doctype": "Coaching Conversation",
			"relationship": relationship.name,
			"conversation": f"<p>{WORDS}</p>",
		}
	).insert()
	minimal(
		"Aspiration", relationship, in_their_words=f"I {WORDS}", steps=[{"step": "Ask at the church hall"}]
	).insert()
	answers = [
		{"item_code": code, "answer": "7"}
		for code in ("life_satisfaction", "worthwhile", "happiness", "anxiety")
	]
	minimal("Wellbeing Check-in", relationship, answers=answers, comment=f"Said she {WORDS}").insert()
	minimal("Connection Snapshot", relationship).insert()
	person.add_comment("Comment", f"Rowan {WORDS}")
	return person, relationship


def test_a_coach_downloads_everything_about_a_person_they_coach(coach, other_coach):
	frappe.set_user(coach)
	person, _ = a_full_record(coach)
	download_everything(person.name)
	everything = json.loads(frappe.response.filecontent)
	assert frappe.response.type == "download"
	assert {
		"Person",
		"Coaching Relationship",
		"Coaching Conversation",
		"Aspiration",
		"Wellbeing Check-in",
	} <= set(everything)
	assert WORDS in everything["Coaching Conversation"][0]["conversation"]
	assert everything["Aspiration"][0]["steps"][0]["step"] == "Ask at the church hall"

	frappe.set_user(other_coach)
	with pytest.raises(frappe.PermissionError):
		download_everything(person.name)


def test_everything_prints_readably_for_a_subject_access_request(coach):
	from frappe.www.printview import get_html_and_style

	frappe.set_user(coach)
	person, _ = a_full_record(coach)
	html = get_html_and_style("Person", person.name, print_format="Everything about this person")["html"]
	assert "Everything we hold about Rowan" in html
	assert WORDS in html and "Ask at the church hall" in html and "Coaching Conversation" in html


def anonymised(person_name):
	person = frappe.get_doc("Person", person_name)
	return person.anonymised_on is not None


def test_retention_anonymises_people_whose_relationships_all_ended_long_ago():
	person, relationship = a_full_record()
	other, still_open = a_full_record(name="Sky")
	relationship.update({"phase": "Ended", "they_did_not_say": 1, "ended_on": "2026-01-10"})
	relationship.save()
	phases = {
		r: frappe.db.get_value("Coaching Relationship", r, "phase")
		for r in (relationship.name, still_open.name)
	}

	with freeze_time("2031-12-31"):
		assert anonymise_after_retention() == []
	with freeze_time("2032-01-11"):
		assert anonymise_after_retention() == [person.name]
		assert anonymise_after_retention() == []

	kept = frappe.get_doc("Person", person.name)
	assert kept.preferred_name == f"Anonymised {person.name}"
	assert (kept.full_name, kept.phone, kept.about_me, kept.user) == (None, None, None, None)
	held = json.dumps(
		[
			frappe.get_all(doctype, {"person": person.name}, ["*"])
			for doctype in (
				"Coaching Conversation",
				"Aspiration",
				"Wellbeing Check-in",
				"Coaching Relationship",
			)
		]
		+ [frappe.get_all("Aspiration Step", {"parenttype": "Aspiration"}, ["step"])]
		+ [frappe.get_all("Version", {"docname": person.name}, ["data"])]
		+ [frappe.get_all("Comment", {"reference_name": person.name}, ["content"])],
		default=str,
	)
	assert WORDS not in held and "Rowan" not in held and "Jones" not in held and "07700" not in held
	# the numbers stay for reports, and nothing changed a phase
	check_in = frappe.get_all("Wellbeing Check-in", {"person": person.name}, ["measure", "date"])
	assert check_in and check_in[0].measure == "ONS4"
	assert (
		frappe.db.count(
			"Wellbeing Answer",
			{"parent": frappe.get_all("Wellbeing Check-in", {"person": person.name}, pluck="name")[0]},
		)
		== 4
	)
	assert frappe.db.get_value("Coaching Relationship", relationship.name, "contact_count") == 1
	assert {r: frappe.db.get_value("Coaching Relationship", r, "phase") for r in phases} == phases
	assert not anonymised(other.name)
	assert "Anonymised: every relationship ended more than 6 years ago" in json.dumps(
		frappe.get_all("Comment", {"reference_name": person.name, "comment_type": "Info"}, pluck="content")
	)


def test_retention_is_off_when_set_to_zero():
	person, relationship = a_full_record()
	relationship.update({"phase": "Ended", "they_did_not_say": 1, "ended_on": "2025-01-10"})
	relationship.save()
	frappe.db.set_single_value("PTS Coaching Settings", "retention_years", 0)
	assert anonymise_after_retention() == []
	assert not anonymised(person.name)


def test_a_deletion_request_anonymises_everything_about_them():
	email = make_user("rowan.person@example.org")
	person, _ = a_full_record()
	frappe.db.set_value("Person", person.name, "user", email)
	# As the approved request's background job finds it (inserting one sends a confirmation email).
	request = frappe.get_doc(
		{"doctype": "Personal Data Deletion Request", "email": email, "status": "Pending Approval"}
	)
	request.name = "deleted-user-test@pts-test.localhost"
	request.db_insert()
	request._anonymize_data()
	assert anonymised(person.name)
	assert WORDS not in json.dumps(
		frappe.get_all("Coaching Conversation", {"person": person.name}, ["conversation"])
	)


def test_a_download_request_attaches_everything_about_them():
	email = make_user("rowan.person@example.org")
	person, _ = a_full_record()
	frappe.db.set_value("Person", person.name, "user", email)
	frappe.set_user(email)
	request = frappe.get_doc({"doctype": "Personal Data Download Request", "user": email}).insert(
		ignore_permissions=True
	)
	frappe.set_user("Administrator")
	[attached] = frappe.get_all(
		"File",
		{
			"attached_to_doctype": request.doctype,
			"attached_to_name": request.name,
			"file_name": ("like", f"{person.name}%"),
		},
		pluck="name",
	)
	assert WORDS in frappe.get_doc("File", attached).get_content()
