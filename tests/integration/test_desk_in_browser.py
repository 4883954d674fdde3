"""What a coach sees and does in the desk, checked in headless Chromium against the served site."""

import re

import frappe

from pts_coaching import lifecycle
from tests.integration.conftest import screenshot


def test_a_coach_starts_with_a_blank_page_and_moves_the_relationship_on(signed_in_coach, committed):
	email, page = signed_in_coach
	page.goto("/app/start-with-a-conversation")
	page.locator('input[data-fieldname="preferred_name"]').fill("Nia")
	page.locator('select[data-fieldname="channel"]').select_option("Walk")
	page.locator(".ql-editor").first.click()
	page.keyboard.type("We walked to the park. Nia talked about her dog, Biscuit, and wanting to draw again.")
	screenshot(page, "start-with-a-conversation")
	page.locator(".page-actions .primary-action").click()

	page.wait_for_url(re.compile(r"/app/coaching-relationship/REL-"))
	relationship_name = page.url.rsplit("/", 1)[-1]
	frappe.db.rollback()
	relationship = frappe.get_doc("Coaching Relationship", relationship_name)
	[conversation] = frappe.get_all(
		"Coaching Conversation", {"relationship": relationship_name}, ["name", "channel", "conversation"]
	)
	committed.extend(
		[
			("Person", relationship.person),
			("Coaching Relationship", relationship_name),
			("Coaching Conversation", conversation.name),
		]
	)
	assert (relationship.person_name, relationship.coach, relationship.phase) == (
		"Nia",
		email,
		lifecycle.GETTING_TO_KNOW_EACH_OTHER,
	)
	assert conversation.channel == "Walk"
	assert "Biscuit" in conversation.conversation

	page.get_by_text(lifecycle.GETTING_TO_KNOW_EACH_OTHER).first.wait_for()
	page.get_by_role("button", name="Actions").click()
	page.get_by_role("link", name="Start working together").click()
	page.locator(".indicator-pill", has_text=lifecycle.WORKING_TOGETHER).first.wait_for()
	screenshot(page, "relationship-working-together")
	page.get_by_role("tab", name="Phase history").click()
	history = page.locator('[data-fieldname="phase_history"]')
	history.locator(".grid-row").first.wait_for()
	assert history.locator(".grid-add-row").is_hidden(), "the history is kept: no rows added by hand"
	frappe.db.rollback()
	assert (
		frappe.db.get_value("Coaching Relationship", relationship_name, "phase") == lifecycle.WORKING_TOGETHER
	)
