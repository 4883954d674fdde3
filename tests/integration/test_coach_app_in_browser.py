"""The coach's app, /coach, as a coach uses it on a phone and a laptop, in headless Chromium."""

from types import SimpleNamespace

import frappe
import pytest

from pts_coaching import lifecycle
from tests.integration.conftest import screenshot

PASSWORD = "Coach-app-in-the-open-2026"
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}
WORDS = "Juniper wants to learn to swim this summer"


@pytest.fixture
def juniper(committed):
	"""Robin (North) coaches Juniper; Quinn coaches in South."""

	def keep(doc):
		committed.append((doc.doctype, doc.name))
		return doc

	users = {}
	for first_name in ("Robin", "Quinn"):
		users[first_name] = keep(
			frappe.get_doc(
				{
					"doctype": "User",
					"email": f"{first_name.lower()}.app@example.org",
					"first_name": first_name,
					"send_welcome_email": 0,
					"new_password": PASSWORD,
					"roles": [{"role": "PTS Coach"}],
				}
			).insert(ignore_permissions=True)
		).name
	for team, coach in (("App North", "Robin"), ("App South", "Quinn")):
		keep(
			frappe.get_doc(
				{"doctype": "Coaching Team", "team_name": team, "members": [{"user": users[coach]}]}
			).insert()
		)
	person = keep(frappe.get_doc({"doctype": "Person", "preferred_name": "Juniper"}).insert())
	relationship = keep(
		frappe.get_doc(
			{
				"doctype": "Coaching Relationship",
				"person": person.name,
				"coach": users["Robin"],
				"team": "App North",
			}
		).insert()
	)
	keep(
		frappe.get_doc(
			{
				"doctype": "Coaching Conversation",
				"relationship": relationship.name,
				"channel": "Walk",
				"conversation": f"<p>{WORDS}</p>",
			}
		).insert()
	)
	frappe.db.commit()
	made = SimpleNamespace(person=person.name, relationship=relationship.name, users=users)
	yield made
	# What the app saved goes before the relationship it belongs to.
	frappe.db.rollback()
	for name in frappe.get_all("Coaching Conversation", {"relationship": relationship.name}, pluck="name"):
		if ("Coaching Conversation", name) not in committed:
			committed.append(("Coaching Conversation", name))


@pytest.fixture
def open_app(browser, desk_server):
	contexts = []

	def signed_in(user: str, viewport=PHONE):
		context = browser.new_context(base_url=desk_server, viewport=viewport)
		contexts.append(context)
		response = context.request.post("/api/method/login", form={"usr": user, "pwd": PASSWORD})
		assert response.ok, response.text()
		return context, context.new_page()

	yield signed_in
	for context in contexts:
		context.close()


def contacts(relationship: str) -> int:
	frappe.db.rollback()
	return frappe.db.get_value("Coaching Relationship", relationship, "contact_count")


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_we_texted_is_two_taps_and_counted_on_the_relationship(juniper, open_app, viewport):
	_, page = open_app(juniper.users["Robin"], viewport)
	page.goto("/coach")
	row = page.locator("[data-person]", has_text="Juniper")
	row.wait_for()
	assert "walk" in row.locator("[data-last-contact]").inner_text().lower()
	screenshot(page, f"coach-app-my-people-{'phone' if viewport == PHONE else 'laptop'}")
	before = contacts(juniper.relationship)

	row.get_by_role("button", name="Contact").click()
	sheet = page.get_by_role("dialog")
	sheet.get_by_role("button", name="Text message").wait_for()
	screenshot(page, f"coach-app-contact-{'phone' if viewport == PHONE else 'laptop'}")
	sheet.get_by_role("button", name="Text message").click()
	sheet.wait_for(state="detached")

	assert contacts(juniper.relationship) == before + 1
	[texted] = frappe.get_all(
		"Coaching Conversation",
		{"relationship": juniper.relationship, "channel": "Text message"},
		["date", "coach"],
	)
	assert (str(texted.date), texted.coach) == (frappe.utils.today(), juniper.users["Robin"])
	assert "text message" in row.locator("[data-last-contact]").inner_text().lower()


def test_a_story_shows_its_words_to_its_coach_and_not_to_another_team(juniper, open_app):
	_, page = open_app(juniper.users["Robin"])
	page.goto(f"/coach/person/{juniper.person}")
	page.locator("[data-conversation]", has_text=WORDS).wait_for()
	screenshot(page, "coach-app-story-phone")

	_, other = open_app(juniper.users["Quinn"])
	other.goto(f"/coach/person/{juniper.person}")
	other.get_by_role("alert").wait_for()
	assert WORDS not in other.content() and "Juniper" not in other.locator("main").inner_text()
	other.goto("/coach")
	other.get_by_text("No one here yet.").wait_for()


def test_ending_asks_for_their_words(juniper, open_app):
	_, page = open_app(juniper.users["Robin"])
	page.goto(f"/coach/person/{juniper.person}")
	page.get_by_role("button", name="End", exact=True).click()
	dialog = page.get_by_role("dialog")
	dialog.get_by_role("button", name="End", exact=True).click()
	assert "in their words" in dialog.get_by_role("alert").inner_text()
	frappe.db.rollback()
	assert frappe.db.get_value("Coaching Relationship", juniper.relationship, "phase") != lifecycle.ENDED

	dialog.locator("textarea").fill("I'm ready to go it alone")
	screenshot(page, "coach-app-ending-phone")
	dialog.get_by_role("button", name="End", exact=True).click()
	page.get_by_text("“I'm ready to go it alone”").wait_for()
	frappe.db.rollback()
	ended = frappe.get_doc("Coaching Relationship", juniper.relationship)
	assert ended.phase == lifecycle.ENDED and ended.ending_in_their_words == "I'm ready to go it alone"


def test_a_contact_logged_offline_is_saved_once_when_back_online(juniper, open_app):
	context, page = open_app(juniper.users["Robin"])
	page.goto("/coach")
	row = page.locator("[data-person]", has_text="Juniper")
	row.wait_for()
	before = contacts(juniper.relationship)

	context.set_offline(True)
	row.get_by_role("button", name="Contact").click()
	page.get_by_role("dialog").get_by_role("button", name="Phone call").click()
	page.locator("[data-waiting]", has_text="1 waiting").wait_for()
	screenshot(page, "coach-app-waiting-phone")
	assert contacts(juniper.relationship) == before

	context.set_offline(False)
	page.locator("[data-waiting]").wait_for(state="detached")
	assert contacts(juniper.relationship) == before + 1

	# A second sync sends nothing: nothing is waiting, and the kept key is refused as a repeat.
	[key] = frappe.get_all(
		"Coaching Conversation",
		{"relationship": juniper.relationship, "channel": "Phone call"},
		pluck="saved_once_key",
	)
	page.evaluate("window.dispatchEvent(new Event('online'))")
	again = page.evaluate(
		"""([relationship, key]) => fetch('/api/method/pts_coaching.coach_app.log_contact', {method: 'POST',
			headers: {'X-Frappe-CSRF-Token': window.csrf_token},
			body: new URLSearchParams({relationship, channel: 'Phone call', saved_once_key: key})
		}).then(r => r.json())""",
		[juniper.relationship, key],
	)
	assert again["message"]["already_saved"]
	assert contacts(juniper.relationship) == before + 1


def test_a_coach_whose_language_is_welsh_sees_the_app_in_welsh(juniper, open_app):
	frappe.db.set_value("User", juniper.users["Robin"], "language", "cy")
	frappe.db.commit()
	_, page = open_app(juniper.users["Robin"])
	page.goto("/coach")
	page.get_by_role("link", name="Fy mhobl").wait_for()
	page.locator("[data-person]", has_text="Juniper").get_by_role("button", name="Cyswllt").click()
	page.get_by_role("dialog").get_by_text("Cyswllt â Juniper").wait_for()
	screenshot(page, "coach-app-welsh-phone")
