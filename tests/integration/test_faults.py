"""What happens when two people edit at once, or a save fails half-way: nothing is lost or left behind."""

import frappe
import pytest
import requests

from pts_coaching.pts_coaching.page.start_with_a_conversation.start_with_a_conversation import (
	start_with_a_conversation,
)
from tests.integration.conftest import LEAD_TEAM

PASSWORD = "Two-at-once-2026"


@pytest.fixture
def two_signed_in(desk_server, committed):
	"""A coach and their lead, both signed in to the served site, with one relationship between them."""
	users = {"coach": "mo.coach@example.org", "lead": "ria.lead@example.org"}
	for who, email in users.items():
		role = "PTS Coach" if who == "coach" else "PTS Coaching Lead"
		frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": who.title(),
				"send_welcome_email": 0,
				"new_password": PASSWORD,
				"roles": [{"role": role}],
			}
		).insert(ignore_permissions=True)
		committed.append(("User", email))
	frappe.get_doc({"doctype": "Coaching Team", "team_name": LEAD_TEAM, "lead": users["lead"]}).insert()
	committed.append(("Coaching Team", LEAD_TEAM))
	person = frappe.get_doc({"doctype": "Person", "preferred_name": "Ola"}).insert()
	relationship = frappe.get_doc(
		{
			"doctype": "Coaching Relationship",
			"person": person.name,
			"coach": users["coach"],
			"team": LEAD_TEAM,
		}
	).insert()
	committed += [("Person", person.name), ("Coaching Relationship", relationship.name)]
	frappe.db.commit()
	sessions = {}
	for who, email in users.items():
		sessions[who] = requests.Session()
		assert sessions[who].post(f"{desk_server}/api/method/login", data={"usr": email, "pwd": PASSWORD}).ok
	return desk_server, sessions, relationship.name


def test_the_second_of_two_saves_is_told_the_record_changed_and_nothing_is_lost(two_signed_in):
	url, sessions, name = two_signed_in
	opened = {
		who: s.get(f"{url}/api/resource/Coaching Relationship/{name}").json()["data"]
		for who, s in sessions.items()
	}

	opened["coach"]["how_we_met"] = "At the community garden"
	first = sessions["coach"].post(
		f"{url}/api/method/frappe.client.save", data={"doc": frappe.as_json(opened["coach"])}
	)
	assert first.ok, first.text

	opened["lead"]["how_we_met"] = "Introduced by her neighbour"
	second = sessions["lead"].post(
		f"{url}/api/method/frappe.client.save", data={"doc": frappe.as_json(opened["lead"])}
	)
	assert second.status_code == 417
	assert "Document has been modified after you have opened it" in second.text
	frappe.db.rollback()
	assert frappe.db.get_value("Coaching Relationship", name, "how_we_met") == "At the community garden"


def test_a_blank_page_that_fails_half_way_leaves_no_one_behind():
	counts = {d: frappe.db.count(d) for d in ("Person", "Coaching Relationship", "Coaching Conversation")}
	with pytest.raises(frappe.ValidationError):
		start_with_a_conversation(preferred_name="Ash", channel="Carrier pigeon")
	assert {d: frappe.db.count(d) for d in counts} == counts
