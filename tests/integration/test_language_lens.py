"""The language lens: a gentle hint, from one list, that never stops anyone saving."""

import re

import frappe
import pytest

from pts_coaching.language_lens import hints, turn_off_for_me
from tests.integration.conftest import new_relationship, screenshot


def test_a_deficit_word_gets_a_strength_based_offer():
	assert hints("<p>Sam was a <b>no show</b> again</p>") == [
		{"word": "no show", "instead": "didn't make it"}
	]
	assert hints("<p>We walked by the river.</p>") == []


def test_welsh_notes_get_welsh_offers():
	# "bregus" is found as written and as it mutates after "yn" ("yn fregus").
	assert hints("Roedd hi'n teimlo'n fregus, ond nid yn bregus") == [
		{"word": "fregus", "instead": "mynd trwy gyfnod anodd"},
		{"word": "bregus", "instead": "mynd trwy gyfnod anodd"},
	]


def test_an_organisation_adds_its_own_words():
	settings = frappe.get_single("PTS Coaching Settings")
	settings.append("lens_words", {"instead_of": "hard to reach", "say_instead": "not met yet"})
	settings.save()
	assert hints("He is hard to reach") == [{"word": "hard to reach", "instead": "not met yet"}]


def test_the_lens_can_be_switched_off_for_the_site_and_for_one_coach(coach):
	frappe.db.set_single_value("PTS Coaching Settings", "language_lens", 0)
	assert hints("a no show") == []
	frappe.db.set_single_value("PTS Coaching Settings", "language_lens", 1)
	frappe.set_user(coach)
	assert hints("a no show")
	turn_off_for_me()
	assert hints("a no show") == []


def test_a_hint_never_stops_a_save():
	relationship = new_relationship()
	saved = frappe.get_doc(
		{
			"doctype": "Coaching Conversation",
			"relationship": relationship.name,
			"conversation": "<p>a no show</p>",
		}
	).insert()
	assert frappe.db.exists("Coaching Conversation", saved.name)


def test_a_coach_sees_the_hint_as_they_write(signed_in_coach, committed):
	email, page = signed_in_coach
	relationship = new_relationship(email, name="Jordan")
	committed += [("Person", relationship.person), ("Coaching Relationship", relationship.name)]
	frappe.db.commit()

	page.goto(f"/app/coaching-conversation/new?relationship={relationship.name}")
	page.locator(".ql-editor").first.click()
	page.keyboard.type("Jordan said the last support session felt like a case review.")
	hint = page.locator(".pts-language-lens")
	hint.wait_for()
	assert "“support session”: you could say “conversation”." in hint.inner_text()
	screenshot(page, "language-lens")
	page.keyboard.press("Control+s")
	page.wait_for_url(re.compile(r"/app/coaching-conversation/CONV-"))
	saved = page.url.rsplit("/", 1)[-1]
	committed.append(("Coaching Conversation", saved))
	frappe.db.rollback()
	assert "support session" in frappe.db.get_value("Coaching Conversation", saved, "conversation")
