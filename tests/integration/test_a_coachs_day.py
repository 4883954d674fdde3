"""A coach's day in the desk, tried as a new team would try it: in headless Chromium at laptop and phone
width, and over HTTP. No one vanishes from their team, no note is lost, a record started from a person
is filed under their relationship, ending asks for their words, and their story is on their page."""

import re
from types import SimpleNamespace

import frappe
import pytest
import requests

from pts_coaching import lifecycle
from tests.integration.conftest import COACH_PASSWORD, screenshot
from tests.integration.records import ons4

LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
BLANK_PAGE = "pts_coaching.pts_coaching.page.start_with_a_conversation.start_with_a_conversation"


def user(email: str, role: str, committed) -> str:
	frappe.get_doc(
		{
			"doctype": "User",
			"email": email,
			"first_name": email.split(".")[0].title(),
			"send_welcome_email": 0,
			"new_password": COACH_PASSWORD,
			"roles": [{"role": role}],
		}
	).insert(ignore_permissions=True)
	committed.append(("User", email))
	return email


def team(name: str, committed, lead: str | None = None, members: tuple[str, ...] = ()) -> str:
	doc = frappe.get_doc(
		{
			"doctype": "Coaching Team",
			"team_name": name,
			"lead": lead,
			"members": [{"user": m} for m in members],
		}
	).insert()
	committed.append(("Coaching Team", doc.name))
	return doc.name


@pytest.fixture
def day(committed):
	"""Two teams: Wren coaches in Harbour only, Kit in Harbour and Hill; Harbour is led by Jude."""
	people = SimpleNamespace(
		wren=user("wren.day@example.org", "PTS Coach", committed),
		kit=user("kit.day@example.org", "PTS Coach", committed),
		jude=user("jude.day@example.org", "PTS Coaching Lead", committed),
		ana=user("ana.day@example.org", "PTS Analyst", committed),
	)
	people.harbour = team("Harbour", committed, lead=people.jude, members=(people.wren, people.kit))
	people.hill = team("Hill", committed, members=(people.kit,))
	frappe.db.commit()
	return people


def signed_in(browser, desk_server, email: str, viewport=LAPTOP):
	context = browser.new_context(base_url=desk_server, viewport=viewport)
	response = context.request.post("/api/method/login", form={"usr": email, "pwd": COACH_PASSWORD})
	assert response.ok, response.text()
	page = context.new_page()
	page.errors = []
	page.on("pageerror", lambda error: page.errors.append(str(error)))
	return context, page


def session(desk_server, email: str) -> requests.Session:
	signed = requests.Session()
	assert signed.post(f"{desk_server}/api/method/login", data={"usr": email, "pwd": COACH_PASSWORD}).ok
	desk = signed.get(f"{desk_server}/app").text
	signed.headers["X-Frappe-CSRF-Token"] = re.search(r'csrf_token = "([^"]+)"', desk).group(1)
	return signed


def kept(committed, relationship: str) -> frappe._dict:
	"""What one save on the blank page made, put down to be removed after the test."""
	frappe.db.rollback()
	made = frappe.get_doc("Coaching Relationship", relationship)
	for conversation in frappe.get_all("Coaching Conversation", {"relationship": relationship}, pluck="name"):
		committed.append(("Coaching Conversation", conversation))
	committed.extend([("Person", made.person), ("Coaching Relationship", relationship)])
	return made


def journey(
	committed, coach: str, team_name: str | None, name: str = "Rowan", phase_moves=()
) -> frappe._dict:
	frappe.set_user(coach)
	person = frappe.get_doc({"doctype": "Person", "preferred_name": name}).insert()
	relationship = frappe.get_doc(
		{"doctype": "Coaching Relationship", "person": person.name, "coach": coach, "team": team_name}
	).insert()
	frappe.set_user("Administrator")
	committed.extend([("Person", person.name), ("Coaching Relationship", relationship.name)])
	return frappe._dict(person=person.name, relationship=relationship.name)


# 1. No one vanishes from their team.


def test_a_new_person_belongs_to_their_coachs_team(day, desk_server, committed):
	wren = session(desk_server, day.wren)
	made = wren.post(
		f"{desk_server}/api/method/{BLANK_PAGE}.start_with_a_conversation", data={"preferred_name": "Ola"}
	)
	assert made.ok, made.text
	relationship = kept(committed, made.json()["message"]["relationship"])
	assert relationship.team == day.harbour and relationship.share_with_team
	# So their lead and their teammate see them, in lists and reports alike.
	for teammate in (day.jude, day.kit):
		listed = session(desk_server, teammate).get(
			f"{desk_server}/api/resource/Person", params={"filters": '[["preferred_name", "=", "Ola"]]'}
		)
		assert [p["name"] for p in listed.json()["data"]] == [relationship.person], teammate


def test_a_coach_in_two_teams_chooses_and_the_choice_is_remembered(day, browser, desk_server, committed):
	kit = session(desk_server, day.kit)
	pips = frappe.db.count("Person", {"preferred_name": "Pip"})
	unchosen = kit.post(
		f"{desk_server}/api/method/{BLANK_PAGE}.start_with_a_conversation", data={"preferred_name": "Pip"}
	)
	assert unchosen.status_code == 417 and "choose the team" in unchosen.text
	frappe.db.rollback()
	assert frappe.db.count("Person", {"preferred_name": "Pip"}) == pips, "nothing is half made"

	context, page = signed_in(browser, desk_server, day.kit)
	try:
		for name, chosen in (("Pip", day.hill), ("Quin", None)):
			page.goto("/app/start-with-a-conversation")
			team_choice = page.locator('select[data-fieldname="team"]')
			team_choice.wait_for()
			if chosen:
				team_choice.select_option(chosen)
			else:
				assert team_choice.input_value() == day.hill, "the team chosen last is offered first"
			page.locator('input[data-fieldname="preferred_name"]').fill(name)
			screenshot(page, f"blank-page-two-teams-{name.lower()}")
			page.locator(".page-actions .primary-action").click()
			page.wait_for_url(re.compile(r"/app/coaching-relationship/REL-"))
			assert kept(committed, page.url.rsplit("/", 1)[-1]).team == day.hill
	finally:
		context.close()


def test_relationships_with_no_team_are_given_one_or_listed_for_admins(day, committed):
	from pts_coaching.patches import give_each_relationship_its_team

	wrens = journey(committed, day.wren, day.harbour, "Sol")
	kits = journey(committed, day.kit, day.hill, "Tam")
	for made in (wrens, kits):  # as they were before every relationship had a team
		frappe.db.set_value("Coaching Relationship", made.relationship, "team", None)
	frappe.db.commit()
	give_each_relationship_its_team.execute()
	assert frappe.db.get_value("Coaching Relationship", wrens.relationship, "team") == day.harbour
	assert frappe.db.get_value("Coaching Relationship", kits.relationship, "team") is None
	[notice] = frappe.get_all(
		"Notification Log",
		{"for_user": "Administrator", "link": give_each_relationship_its_team.WITH_NO_TEAM},
		["name", "subject"],
		order_by="creation desc",
		limit=1,
	)
	committed.append(("Notification Log", notice.name))
	assert "have no team" in notice.subject
	frappe.db.commit()


# 2. No unsaved words are ever lost.


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_words_typed_and_saved_at_once_are_kept(day, browser, desk_server, committed, viewport):
	made = journey(committed, day.wren, day.harbour, "Uma")
	frappe.db.commit()
	context, page = signed_in(browser, desk_server, day.wren, viewport)
	try:
		page.goto(f"/app/coaching-relationship/{made.relationship}")
		page.locator(".page-title", has_text="Uma").first.wait_for()
		page.evaluate(
			"([r, p]) => frappe.new_doc('Coaching Conversation', {relationship: r, person: p})",
			[made.relationship, made.person],
		)
		editor = page.locator('[data-fieldname="conversation"] .ql-editor[contenteditable="true"]')
		editor.wait_for()
		page.wait_for_function("cur_frm && cur_frm.doc.relationship")
		said = []
		for turn in range(4):
			words = f"Uma said thing number {turn} about her allotment"
			said.append(words)
			last_saved = page.evaluate("cur_frm.doc.modified || ''")
			editor.click()
			page.keyboard.press("Control+End")
			page.keyboard.type(f" {words}.")
			page.keyboard.press("Control+s")  # straight away: within Frappe's 300 ms
			page.wait_for_function(
				"(last) => cur_frm && !cur_frm.is_new() && cur_frm.doc.modified !== last && !cur_frm.saving",
				arg=last_saved,
				timeout=20000,
			)
			frappe.db.rollback()
			saved = frappe.db.get_value("Coaching Conversation", page.url.rsplit("/", 1)[-1], "conversation")
			if turn == 0:
				committed.append(("Coaching Conversation", page.url.rsplit("/", 1)[-1]))
			assert all(w in (saved or "") for w in said), (turn, saved)
		screenshot(page, f"words-kept-{viewport['width']}")
		assert not page.errors, page.errors
	finally:
		context.close()


def test_ctrl_s_saves_the_blank_page_with_every_word(day, browser, desk_server, committed):
	context, page = signed_in(browser, desk_server, day.wren)
	try:
		page.goto("/app/start-with-a-conversation")
		page.locator('input[data-fieldname="preferred_name"]').fill("Vic")
		page.locator(".ql-editor").first.click()
		page.keyboard.type("Vic wants to get back to swimming")
		page.keyboard.press("Control+s")
		page.wait_for_url(re.compile(r"/app/coaching-relationship/REL-"))
		relationship = kept(committed, page.url.rsplit("/", 1)[-1])
		[words] = frappe.get_all(
			"Coaching Conversation", {"relationship": relationship.name}, pluck="conversation"
		)
		assert "back to swimming" in words
	finally:
		context.close()


# 4. From a person, records start under their relationship.


def test_from_a_person_a_record_starts_under_their_relationship(day, browser, desk_server, committed):
	mine = journey(committed, day.wren, day.harbour, "Wes")
	other = journey(committed, day.wren, day.harbour, "Xan")
	frappe.db.commit()
	context, page = signed_in(browser, desk_server, day.wren)
	try:
		for label, doctype in (
			("Conversation", "Coaching Conversation"),
			("Aspiration", "Aspiration"),
			("Wellbeing check-in", "Wellbeing Check-in"),
		):
			page.goto(f"/app/person/{mine.person}")
			page.locator(".page-title", has_text="Wes").first.wait_for()
			add = page.locator('.inner-group-button[data-label="Add"]')
			add.locator("button").first.click()
			add.locator(".dropdown-menu").get_by_text(label, exact=True).click()
			page.wait_for_function(f"cur_frm && cur_frm.doctype === '{doctype}' && cur_frm.doc.relationship")
			assert page.evaluate("cur_frm.doc.relationship") == mine.relationship, doctype
			query = page.evaluate("cur_frm.fields_dict.relationship.get_query()")
			assert query["filters"] == {"person": mine.person}, doctype
		screenshot(page, "started-from-the-person")
		# The picker's query offers theirs only.
		found = page.evaluate(
			"""(person) => frappe.xcall('frappe.desk.search.search_link', {
				doctype: 'Coaching Relationship', txt: '', filters: {person}})""",
			mine.person,
		)
		assert {r["value"] for r in found} == {mine.relationship}
		assert other.relationship not in str(found)
		assert not page.errors, page.errors
	finally:
		context.close()


# 5. Ending asks for their words.


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_ending_asks_for_their_words_and_the_dialogs_save_is_the_move(
	day, browser, desk_server, committed, viewport
):
	made = journey(committed, day.wren, day.harbour, "Yas")
	frappe.db.commit()
	context, page = signed_in(browser, desk_server, day.wren, viewport)
	try:
		page.goto(f"/app/coaching-relationship/{made.relationship}")
		page.locator(".page-title", has_text="Yas").first.wait_for()
		actions = page.get_by_role("button", name="Actions")
		actions.wait_for()  # the moves are there, and named, on this screen
		actions.click()
		page.get_by_role("link", name="End", exact=True).click()
		dialog = page.locator(".modal.show", has_text="End coaching with Yas")
		dialog.wait_for()
		dialog.get_by_role("button", name="End").click()
		page.locator(".modal.show", has_text="How did it end?").wait_for()
		page.locator(".modal.show", has_text="How did it end?").locator(".btn-modal-close").first.click()
		frappe.db.rollback()
		assert frappe.db.get_value("Coaching Relationship", made.relationship, "phase") != lifecycle.ENDED
		dialog.get_by_role("checkbox", name="They did not say").check()
		dialog.locator('select[data-fieldname="ending_kind"]').select_option("Moved on")
		screenshot(page, f"ending-dialog-{viewport['width']}")
		dialog.get_by_role("button", name="End").click()
		page.locator(".indicator-pill", has_text=lifecycle.ENDED).first.wait_for()
		frappe.db.rollback()
		ended = frappe.db.get_value(
			"Coaching Relationship",
			made.relationship,
			["phase", "they_did_not_say", "ending_kind", "ended_on"],
			as_dict=True,
		)
		assert (ended.phase, ended.they_did_not_say, ended.ending_kind) == (lifecycle.ENDED, 1, "Moved on")
		assert ended.ended_on
		assert not page.errors, page.errors
	finally:
		context.close()


# 6. Their story on their page.


def story_for(committed, coach: str, team_name: str) -> frappe._dict:
	made = journey(committed, coach, team_name, "Zia")
	frappe.set_user(coach)
	for day_of_month in range(1, 8):
		conversation = frappe.get_doc(
			{
				"doctype": "Coaching Conversation",
				"relationship": made.relationship,
				"date": f"2026-11-{day_of_month:02d}",
				"channel": "Walk",
				"conversation": f"<p>Zia talked on day {day_of_month} <img src=x onerror=window.pwned=1></p>",
			}
		).insert()
		committed.append(("Coaching Conversation", conversation.name))
	aspiration = frappe.get_doc(
		{
			"doctype": "Aspiration",
			"relationship": made.relationship,
			"in_their_words": "Zia wants to run a market stall",
			"steps": [{"step": "Zia asks about a pitch"}],
		}
	).insert()
	committed.append(("Aspiration", aspiration.name))
	relationship = frappe.get_doc("Coaching Relationship", made.relationship)
	for doctype, values in (
		("Wellbeing Check-in", {"measure": "ONS4", "date": "2026-11-03", "answers": ons4(7, 2)}),
		(
			"Connection Snapshot",
			{"connections": [{"who_or_what": "Zia's nan", "kind": "Family", "closeness": 5}]},
		),
	):
		record = frappe.get_doc({"doctype": doctype, "relationship": made.relationship, **values}).insert()
		committed.append((doctype, record.name))
	relationship.phase = lifecycle.WORKING_TOGETHER
	relationship.save()
	frappe.set_user("Administrator")
	frappe.db.commit()
	return made


def test_their_story_is_on_their_page_with_the_same_rules(day, browser, desk_server, committed):
	made = story_for(committed, day.wren, day.harbour)
	context, page = signed_in(browser, desk_server, day.wren)
	try:
		page.goto(f"/app/person/{made.person}")
		story = page.locator(".form-dashboard-section", has_text="Conversations")
		story.locator(".pts-their-words").first.wait_for()
		words = story.locator(".pts-their-words").all_inner_texts()
		assert words == [f"Zia talked on day {d}" for d in (7, 6, 5, 4, 3)], words
		assert story.get_by_text("All 7 conversations").is_visible()
		assert page.get_by_text("Zia asks about a pitch").is_visible()
		assert (
			page.locator(".form-dashboard-section", has_text="Phase moves")
			.get_by_text(lifecycle.WORKING_TOGETHER)
			.first.is_visible()
		)
		latest = page.locator(".form-dashboard-section", has_text="Latest check-in")
		assert latest.get_by_text("ONS4").first.is_visible() and latest.get_by_text("7").first.is_visible()
		assert page.get_by_text("Zia's nan").is_visible()
		# One check-in is shown as its answers; a line over time waits for a second.
		assert not page.locator(".pts-wellbeing-chart").count()
		screenshot(page, "their-story")
		assert page.evaluate("window.pwned") is None
		assert not page.errors, page.errors
	finally:
		context.close()

	method = f"{desk_server}/api/method/pts_coaching.story.story_of"
	as_analyst = session(desk_server, day.ana).get(method, params={"person": made.person}).json()["message"]
	assert as_analyst["conversation_count"] == 7
	assert "Zia" not in str(as_analyst["conversations"]) and "market stall" not in str(as_analyst)
	assert as_analyst["phase_moves"] and "pitch" not in str(as_analyst) and "nan" not in str(as_analyst)
	assert as_analyst["snapshot"]["connection_count"] == 1
	outsider = user("yul.day@example.org", "PTS Coach", committed)
	frappe.db.commit()
	assert session(desk_server, outsider).get(method, params={"person": made.person}).status_code == 403


# 7. Finding someone.


def test_the_search_bar_finds_a_person_by_either_name_among_their_own(day, desk_server, committed):
	from frappe.utils.global_search import sync_global_search

	made = journey(committed, day.wren, day.harbour, "Bea")
	frappe.db.set_value("Person", made.person, "full_name", "Beatrice Quillfeather")
	frappe.get_doc("Person", made.person).save()
	frappe.db.commit()
	sync_global_search()
	frappe.db.commit()
	search = "frappe.utils.global_search.search"
	for text in ("Bea", "Quillfeather"):
		found = session(desk_server, day.wren).get(
			f"{desk_server}/api/method/{search}", params={"text": text}
		)
		assert made.person in {r["name"] for r in found.json()["message"]}, text
	outsider = user("zed.day@example.org", "PTS Coach", committed)
	frappe.db.commit()
	found = session(desk_server, outsider).get(
		f"{desk_server}/api/method/{search}", params={"text": "Quillfeather"}
	)
	assert found.ok and made.person not in found.text and "Quillfeather" not in found.text


def test_starting_someone_new_asks_whether_it_is_someone_they_know(day, browser, desk_server, committed):
	journey(committed, day.wren, day.harbour, "Cass")
	frappe.db.commit()
	context, page = signed_in(browser, desk_server, day.wren, PHONE)
	try:
		page.goto("/app/start-with-a-conversation")
		name = page.locator('input[data-fieldname="preferred_name"]')
		name.fill("Cass")
		name.blur()
		hint = page.locator(".pts-who-they-may-be")
		hint.wait_for()
		assert re.search(r"Is this Cass, coached by you since \w+ \d{4}\?", hint.inner_text()), (
			hint.inner_text()
		)
		screenshot(page, "is-this-someone-you-know")
		page.locator(".page-actions .primary-action").click()  # never blocks
		page.wait_for_url(re.compile(r"/app/coaching-relationship/REL-"))
		kept(committed, page.url.rsplit("/", 1)[-1])
	finally:
		context.close()


# 8. The smaller points.


def test_openings_are_logged_but_shown_once_a_day(day, browser, desk_server, committed):
	made = journey(committed, day.wren, day.harbour, "Dot")
	frappe.db.commit()
	wren = session(desk_server, day.wren)
	logged = {"reference_name": made.person, "viewed_by": day.wren}
	before = frappe.db.count("View Log", logged)
	for _ in range(3):
		opened = wren.get(
			f"{desk_server}/api/method/frappe.desk.form.load.getdoc",
			params={"doctype": "Person", "name": made.person},
		)
		assert opened.ok, opened.text
	frappe.db.rollback()
	assert frappe.db.count("View Log", logged) == before + 3
	assert [view["owner"] for view in opened.json()["docinfo"]["views"]] == [day.wren]


def test_print_everything_opens_everything_about_this_person(day, browser, desk_server, committed):
	made = journey(committed, day.wren, day.harbour, "Eli")
	frappe.db.commit()
	context, page = signed_in(browser, desk_server, day.wren)
	try:
		page.goto(f"/app/person/{made.person}")
		page.locator(".page-title", has_text="Eli").first.wait_for()
		everything = page.locator('.inner-group-button[data-label="Everything%20we%20hold"]')
		everything.locator("button").first.click()
		with context.expect_page() as opened:
			everything.locator(".dropdown-menu").get_by_text("Print everything").click()
		printed = opened.value
		printed.wait_for_load_state()
		assert "format=Everything+about+this+person" in printed.url
		assert "Everything about" in printed.content() or "Eli" in printed.content()
	finally:
		context.close()


def test_an_analysts_pick_columns_offers_no_notes(day, browser, desk_server, committed):
	story_for(committed, day.wren, day.harbour)
	context, page = signed_in(browser, desk_server, day.ana)
	try:
		page.goto("/app/coaching-conversation/view/report")
		page.wait_for_function("cur_list && cur_list.data && cur_list.data.length")
		offered = page.evaluate(
			"Object.values(cur_list.get_columns_for_picker()).flat().map((df) => df.fieldname)"
		)
		assert "date" in offered and "channel" in offered
		assert not {"conversation", "what_matters", "strengths_noticed", "next_if_they_want"} & set(offered)
	finally:
		context.close()
