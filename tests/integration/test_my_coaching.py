"""The person's own page, /my-coaching, and everything else a person signed in to the website can reach,
asked over HTTP as that person and seen in headless Chromium at phone and laptop widths."""

import json
import re
from types import SimpleNamespace
from urllib.parse import urlparse

import frappe
import pytest
import requests

from pts_coaching.permissions import SCOPED_DOCTYPES
from pts_coaching.portal import invite
from tests.integration.conftest import screenshot
from tests.integration.records import minimal
from tests.integration.test_welsh import welsh

PASSWORD = "My-own-page-2026"
DEES_WORDS = "Grow tomatoes on the allotment"
SHARED = "We talked about Dee's allotment and her neighbour Pat"
NOT_SHARED = "Coach's note: ask about the rent arrears letter"
SKYS_WORDS = "Sky wants to see her brother again"


@pytest.fixture(scope="module")
def dee(desk_server):
	"""Dee, invited to her page by her coach; Sky, someone else. Committed for the served site."""
	frappe.db.rollback()
	made = []
	try:
		people = {}
		for name in ("Dee", "Sky"):
			person = frappe.get_doc(
				{"doctype": "Person", "preferred_name": name, "email": f"{name.lower()}.person@example.org"}
			).insert()
			relationship = frappe.get_doc(
				{"doctype": "Coaching Relationship", "person": person.name}
			).insert()
			made += [("Person", person.name), ("Coaching Relationship", relationship.name)]
			people[name] = SimpleNamespace(person=person, relationship=relationship)
		for text, shared in ((SHARED, 1), (NOT_SHARED, 0)):
			conversation = frappe.get_doc(
				{
					"doctype": "Coaching Conversation",
					"relationship": people["Dee"].relationship.name,
					"conversation": f"<p>{text}</p>",
					"shared_with_person": shared,
				}
			).insert()
			made.append(("Coaching Conversation", conversation.name))
		for name, words in (("Dee", DEES_WORDS), ("Sky", SKYS_WORDS)):
			aspiration = minimal("Aspiration", people[name].relationship, in_their_words=words).insert()
			made.append(("Aspiration", aspiration.name))
			people[name].aspiration = aspiration.name
		snapshot = minimal(
			"Connection Snapshot",
			people["Dee"].relationship,
			connections=[{"who_or_what": "Pat next door", "kind": "Neighbour", "closeness": 4}],
		).insert()
		made.append(("Connection Snapshot", snapshot.name))

		link = invite(people["Dee"].person.name)
		user = frappe.get_doc("User", "dee.person@example.org")
		user.new_password = PASSWORD
		user.save(ignore_permissions=True)
		made.append(("User", user.name))
		frappe.db.commit()

		session = requests.Session()
		response = session.post(f"{desk_server}/api/method/login", data={"usr": user.name, "pwd": PASSWORD})
		assert response.ok, response.text
		yield SimpleNamespace(url=desk_server, session=session, link=link, user=user.name, **people)
	finally:
		frappe.db.rollback()
		dee_person = frappe.db.get_value("Person", {"preferred_name": "Dee"})
		for doctype in ("Wellbeing Check-in", "Aspiration"):
			for name in frappe.get_all(doctype, {"person": dee_person}, pluck="name"):
				frappe.delete_doc(doctype, name, force=True, ignore_permissions=True)
		for doctype, name in reversed(made):
			frappe.delete_doc(doctype, name, force=True, ignore_permissions=True, ignore_missing=True)
		frappe.db.commit()


def get(dee, path, **params):
	return dee.session.get(f"{dee.url}{path}", params=params)


def call(dee, method, **args):
	return dee.session.post(f"{dee.url}/api/method/pts_coaching.portal.{method}", data=args)


def test_a_coach_invites_them_and_they_land_on_their_own_page(dee):
	assert "/update-password?key=" in dee.link
	roles = frappe.get_roles(dee.user)
	assert "PTS Person" in roles and frappe.db.get_value("User", dee.user, "user_type") == "Website User"
	assert frappe.db.get_value("Person", dee.Dee.person.name, "user") == dee.user
	desk = get(dee, "/app")
	assert desk.status_code == 403 or not urlparse(desk.url).path.startswith("/app"), "no desk for them"


def test_their_page_shows_their_own_things_and_only_what_was_shared(dee):
	page = get(dee, "/my-coaching")
	assert page.status_code == 200
	for shown in (
		"Hello, Dee",
		DEES_WORDS,
		SHARED,
		"Pat next door",
		"Overall, how satisfied are you with your life",
	):
		assert shown in page.text, shown
	for hidden in (NOT_SHARED, SKYS_WORDS, "Sky"):
		assert hidden not in page.text, hidden


def test_a_visitor_who_is_not_signed_in_is_asked_to_sign_in(dee):
	page = requests.get(f"{dee.url}/my-coaching", allow_redirects=False)
	assert page.status_code in (301, 302) and "/login" in page.headers["Location"]


@pytest.mark.parametrize("doctype", SCOPED_DOCTYPES)
def test_no_api_route_gives_them_a_record_not_meant_for_them(dee, doctype):
	sky_records = {"Person": dee.Sky.person.name, "Aspiration": dee.Sky.aspiration}
	name = sky_records.get(doctype, "")
	answers = [
		get(dee, f"/api/resource/{doctype}"),
		get(dee, f"/api/resource/{doctype}/{name}"),
		get(dee, "/api/method/frappe.client.get_list", doctype=doctype, fields='["*"]'),
		get(dee, "/api/method/frappe.client.get_count", doctype=doctype),
		get(dee, "/api/method/frappe.desk.reportview.get", doctype=doctype, fields='["*"]'),
		get(dee, "/api/method/frappe.desk.search.search_link", doctype=doctype, txt=""),
		get(dee, "/api/method/frappe.desk.form.load.getdoc", doctype=doctype, name=name),
	]
	for answer in answers:
		assert answer.status_code in (403, 404, 417) or not json.loads(answer.text).get("message"), (
			answer.text
		)
		for secret in (SKYS_WORDS, NOT_SHARED, SHARED, DEES_WORDS):
			assert secret not in answer.text


def test_they_add_reword_and_move_on_their_aspirations(dee):
	response = call(dee, "add_aspiration", in_their_words="Walk to the sea front", theme="Health")
	assert response.ok, response.text
	added = response.json()["message"]
	assert call(
		dee, "change_aspiration", aspiration=added, in_their_words="Walk to the pier", status="Working on it"
	).ok
	assert call(dee, "add_step", aspiration=added, step="Round the park first").ok
	frappe.db.rollback()
	aspiration = frappe.get_doc("Aspiration", added)
	assert (aspiration.person, aspiration.in_their_words, aspiration.status) == (
		dee.Dee.person.name,
		"Walk to the pier",
		"Working on it",
	)
	assert [step.step for step in aspiration.steps] == ["Round the park first"]


def test_they_cannot_touch_someone_elses_aspiration(dee):
	for method, args in (
		("change_aspiration", {"in_their_words": "changed", "status": "Achieved"}),
		("add_step", {"step": "a step"}),
	):
		assert call(dee, method, aspiration=dee.Sky.aspiration, **args).status_code == 403
	frappe.db.rollback()
	assert frappe.db.get_value("Aspiration", dee.Sky.aspiration, "in_their_words") == SKYS_WORDS


def test_they_check_in_on_their_own_and_the_server_scores_it(dee):
	answers = {"life_satisfaction": 7, "worthwhile": 8, "happiness": 6, "anxiety": 3}
	response = call(dee, "check_in", answers=json.dumps(answers))
	assert response.ok, response.text
	frappe.db.rollback()
	[check_in] = frappe.get_all(
		"Wellbeing Check-in", {"person": dee.Dee.person.name}, ["name", "measure", "done_with"]
	)
	assert (check_in.measure, check_in.done_with) == ("ONS4", "On their own")
	saved = frappe.get_all("Wellbeing Answer", {"parent": check_in.name}, ["item_code", "answer"])
	assert {a.item_code: int(a.answer) for a in saved} == answers
	refused = call(dee, "check_in", answers=json.dumps({**answers, "anxiety": 11}))
	assert refused.status_code == 417


def test_they_download_everything_held_about_them_and_nothing_else(dee):
	download = get(dee, "/api/method/pts_coaching.portal.download_everything")
	assert download.ok
	everything = download.json()
	assert DEES_WORDS in download.text and NOT_SHARED in download.text
	assert SKYS_WORDS not in download.text
	assert {p["preferred_name"] for p in everything["Person"]} == {"Dee"}


@pytest.mark.parametrize("width,height,name", [(390, 844, "phone"), (1280, 900, "laptop")])
def test_their_page_works_on_a_phone_and_a_laptop(dee, browser, width, height, name):
	context = browser.new_context(base_url=dee.url, viewport={"width": width, "height": height})
	context.add_cookies(
		[{"name": c.name, "value": c.value, "url": dee.url} for c in dee.session.cookies if c.name == "sid"]
	)
	page = context.new_page()
	page.goto("/my-coaching")
	page.locator(".aspiration-words", has_text=DEES_WORDS).wait_for()
	assert page.evaluate("document.documentElement.scrollWidth") <= width, "nothing runs off the screen"
	screenshot(page, f"my-coaching-{name}")
	context.close()


def test_their_page_speaks_welsh_when_welsh_is_their_language(dee):
	frappe.db.set_value("User", dee.user, "language", "cy")
	frappe.db.commit()
	try:
		page = get(dee, "/my-coaching")
		cymraeg = welsh()
		for english in ("What I want to work towards", "How I am doing", "Everything you hold about me"):
			assert cymraeg[english] in page.text, english
		assert cymraeg["Hello, {0}"].format("Dee") in page.text
	finally:
		frappe.db.set_value("User", dee.user, "language", "en")
		frappe.db.commit()


def their_page(dee, browser, width: int, height: int):
	context = browser.new_context(base_url=dee.url, viewport={"width": width, "height": height})
	context.add_cookies(
		[{"name": c.name, "value": c.value, "url": dee.url} for c in dee.session.cookies if c.name == "sid"]
	)
	page = context.new_page()
	page.goto("/my-coaching")
	page.locator(".aspiration-words", has_text=DEES_WORDS).wait_for()
	return context, page


def test_on_a_phone_each_ons4_question_asks_about_its_own_time_and_saving_says_so(dee, browser):
	context, page = their_page(dee, browser, 360, 740)
	try:
		wellbeing = page.locator("#wellbeing")
		assert "the last two weeks" not in wellbeing.inner_text()
		for question in ("with your life nowadays?", "how happy did you feel yesterday?"):
			wellbeing.locator("legend", has_text=question).wait_for()
		for question in wellbeing.locator("fieldset.question").all():
			answers = question.locator("label.answer")
			assert answers.first.inner_text().strip() == "0 · Not at all"
			assert answers.last.inner_text().strip() == "10 · Completely"
			answers.nth(7).click()
		wellbeing.get_by_role("button", name="Save my answers").click()
		page.locator(".check-in-saved", has_text="Your answers are saved").wait_for()
		history = page.locator("table.over-time").first
		history.wait_for()
		assert history.bounding_box()["width"] <= 360
		assert page.evaluate("document.documentElement.scrollWidth") <= 360, "nothing runs off the screen"
		page.locator("#wellbeing").scroll_into_view_if_needed()
		screenshot(page, "my-coaching-check-in-phone")
	finally:
		context.close()


# Words that are English and never Welsh; a text node holding one is English.
ENGLISH_WORDS = {
	"the", "you", "your", "and", "of", "my", "what", "how", "with", "this", "here", "nothing", "yet",
	"not", "have", "are", "did", "feel", "life", "coach", "page", "save", "download", "answer",
	"yesterday", "nowadays", "overall", "home", "money", "interests", "community", "other", "completely",
	"satisfaction", "worthwhile", "happiness", "anxiety", "lower", "better", "change", "step", "account",
	"logout", "login", "powered", "by", "switch", "desk", "built", "personal", "wellbeing",
}  # fmt: skip


def english_in(texts: list[str]) -> list[str]:
	return [text for text in texts if ENGLISH_WORDS & set(re.findall(r"[a-z]+", text.lower()))]


def test_every_word_of_their_page_is_welsh_when_welsh_is_their_language(dee, browser):
	frappe.db.set_value("User", dee.user, "language", "cy")
	frappe.db.commit()
	try:
		context, page = their_page(dee, browser, 1280, 800)
		page.locator("table.over-time").first.wait_for()  # their check-ins' history, shown too
		texts = page.evaluate(
			"""() => {
				const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
					acceptNode: (node) =>
						node.parentElement.closest("script, style, [data-their-words]")
							? NodeFilter.FILTER_REJECT
							: NodeFilter.FILTER_ACCEPT,
				});
				const texts = [];
				while (walker.nextNode()) {
					const text = walker.currentNode.textContent.trim();
					if (text) texts.push(text);
				}
				return texts;
			}"""
		)
		screenshot(page, "my-coaching-welsh")
		context.close()
	finally:
		frappe.db.set_value("User", dee.user, "language", "en")
		frappe.db.commit()
	assert welsh()["What I want to work towards"] in texts
	assert not english_in(texts), "\n".join(english_in(texts))
