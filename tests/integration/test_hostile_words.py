"""Nothing a person types runs as code. Hostile words (script tags, event handlers, `javascript:`
links, SVG, CSS, HTML wrapped in JSON, template syntax) go into every text field of every record
about a person and of their rows, saved as a user saves them, and, for the app's own pages, also
written straight into the database as a data import might leave them. Every surface that shows them
is opened in headless Chromium: if any script runs, a flag is set, and the test fails."""

import json
from types import SimpleNamespace

import frappe
import pytest
from frappe.utils import today

from tests.integration.conftest import screenshot
from tests.integration.records import ons4, outcome_type

RUNS = "window.__hostile = (window.__hostile || 0) + 1"
HOSTILE = [
	f"<script>{RUNS}</script>",
	f'<img src=x onerror="{RUNS}">',
	f'["<img src=x onerror=\\"{RUNS}\\">"]',
	f'{{"words": "<svg onload=\\"{RUNS}\\"></svg>"}}',
	f'<a href="javascript:{RUNS}">a link</a>',
	f"<svg><script>{RUNS}</script></svg>",
	f'<style>body {{ background: url("javascript:{RUNS}") }}</style>',
	f'<iframe srcdoc="<script>parent.{RUNS}</script>"></iframe>',
	"{{ 7 * 191 }} {% if 1 %}1337{% endif %}",
]
TEXT = ("Data", "Small Text", "Text", "Long Text", "Text Editor")
# Frappe's Standard print and desk form are opened for the payloads that pass Frappe's own sanitiser
# (markup wrapped in JSON) and one it cleans; the app's own pages for every payload.
THROUGH_FRAPPES_SANITISER = (1, 2, 3)
PASSWORD = "Hostile-words-2026"


def hostile_in_every_text_field(doc, words: str):
	for part in (doc, *doc.get_all_children()):
		for field in part.meta.fields:
			if field.fieldtype in TEXT and not field.read_only and field.fieldname not in ("email", "phone"):
				# a field they must fill keeps some words once the sanitiser has taken the script out
				typed = f"Words {words}" if field.reqd else words
				part.set(
					field.fieldname, typed[: (field.length or 140) if field.fieldtype == "Data" else None]
				)
	return doc


@pytest.fixture(scope="module")
def hostile_records(desk_server):
	"""One person per payload, with every kind of record, saved as a user would; returns their names."""
	frappe.db.rollback()
	made, people = [], []
	if not frappe.db.exists("Outcome Type", "Entered work"):
		made.append(("Outcome Type", outcome_type()))
	for number, words in enumerate(HOSTILE):
		person = hostile_in_every_text_field(frappe.new_doc("Person"), words)
		person.preferred_name = f"Hostile {number} {words}"[:140]
		person.email = f"hostile{number}@example.org"
		person.insert()
		relationship = frappe.get_doc(
			{"doctype": "Coaching Relationship", "person": person.name, "coach": "Administrator"}
		)
		hostile_in_every_text_field(relationship, words).insert()
		records = [("Person", person.name), ("Coaching Relationship", relationship.name)]
		within = {"person": person.name, "relationship": relationship.name}
		for values in (
			{"doctype": "Coaching Conversation", "date": today(), "shared_with_person": 1},
			{"doctype": "Aspiration", "steps": [{"step": "x"}]},
			{
				"doctype": "Connection Snapshot",
				"date": today(),
				"connections": [{"who_or_what": "x", "kind": "Family", "closeness": 3}],
			},
			{"doctype": "Wellbeing Check-in", "measure": "ONS4", "date": today(), "answers": ons4(6, 3)},
			{"doctype": "Safety Conversation", "date": today()},
			{"doctype": "Service Involvement", "service_kind": "Housing", "from_date": today()},
			{"doctype": "Achievement", "outcome_type": outcome_type(), "achieved_on": today()},
			{"doctype": "Personal Budget Spend", "amount": 10},
		):
			doc = hostile_in_every_text_field(frappe.get_doc({**within, **values}), words)
			if values["doctype"] == "Wellbeing Check-in":
				doc.set("answers", ons4(6, 3))  # the answers are scored: they stay numbers
			doc.insert()
			records.append((doc.doctype, doc.name))
		user = frappe.get_doc(
			{
				"doctype": "User",
				"email": person.email,
				"first_name": "Hostile",
				"user_type": "Website User",
				"send_welcome_email": 0,
				"new_password": PASSWORD,
				"roles": [{"role": "PTS Person"}],
			}
		).insert(ignore_permissions=True)
		person.db_set("user", user.name)
		made += [*records, ("User", user.name)]
		people.append(SimpleNamespace(person=person.name, user=user.name, records=records, words=words))
	frappe.db.commit()
	yield people
	frappe.db.rollback()
	for doctype, name in reversed(made):
		frappe.delete_doc(doctype, name, force=True, ignore_permissions=True, ignore_missing=True)
	frappe.db.commit()


def write_straight_into_the_database(people):
	"""As a data import or an old bug might have left them: past every check made on saving."""
	for someone in people:
		for doctype, name in someone.records:
			meta = frappe.get_meta(doctype)
			raw = {
				f.fieldname: someone.words
				for f in meta.fields
				if f.fieldtype in ("Small Text", "Text", "Text Editor")
			}
			if raw:
				frappe.db.set_value(doctype, name, raw, update_modified=False)
	frappe.db.commit()


def opened(context, url: str, name: str):
	page = context.new_page()
	ran = []
	page.on("dialog", lambda dialog: (ran.append(dialog.message), dialog.dismiss()))
	page.goto(url)
	page.wait_for_load_state("networkidle" if url.startswith("/app/") else "load")
	page.wait_for_timeout(200)
	flag = page.evaluate("window.__hostile || 0")
	frames = sum(
		frame.evaluate("window.__hostile || 0") for frame in page.frames[1:] if not frame.is_detached()
	)
	text = page.inner_text("body")
	javascript_links = page.locator('a[href^="javascript:"]').count()
	shot = screenshot(page, name)
	page.close()
	return SimpleNamespace(
		ran=flag + frames + len(ran), text=text, javascript_links=javascript_links, shot=shot
	)


def admin_context(browser, desk_server, width=1280, height=900):
	context = browser.new_context(base_url=desk_server, viewport={"width": width, "height": height})
	assert context.request.post("/api/method/login", form={"usr": "Administrator", "pwd": "admin"}).ok
	return context


def test_no_print_format_runs_what_a_person_typed(browser, desk_server, hostile_records):
	context = admin_context(browser, desk_server)
	problems = []
	for someone in hostile_records:
		surfaces = [
			(
				f"/printview?doctype=Person&name={someone.person}&format=Everything%20about%20this%20person",
				"everything",
			),
			*[
				(f"/printview?doctype={doctype}&name={name}&format=Standard", doctype)
				for doctype, name in someone.records
				if HOSTILE.index(someone.words) in THROUGH_FRAPPES_SANITISER
			],
		]
		for url, what in surfaces:
			seen = opened(context, url, f"hostile-print-{what}".replace(" ", "-").lower())
			if seen.ran or seen.javascript_links:
				problems.append(
					f"{what} ({someone.words[:30]}): ran {seen.ran}, javascript links {seen.javascript_links}"
				)
			if "1337" in seen.text and "{%" not in seen.text:
				problems.append(f"{what}: template syntax was run")
	context.close()
	assert not problems, "\n".join(problems)


def test_no_desk_form_runs_what_a_person_typed(browser, desk_server, hostile_records):
	context = admin_context(browser, desk_server)
	problems = []
	for someone in [hostile_records[number] for number in THROUGH_FRAPPES_SANITISER[:2]]:
		for doctype, name in someone.records:
			route = frappe.scrub(doctype).replace("_", "-")
			seen = opened(context, f"/app/{route}/{name}", f"hostile-form-{route}")
			if seen.ran or seen.javascript_links:
				problems.append(
					f"{doctype} ({someone.words[:30]}): ran {seen.ran}, javascript links {seen.javascript_links}"
				)
	context.close()
	assert not problems, "\n".join(problems)


def test_their_own_page_runs_nothing_they_or_anyone_typed(browser, desk_server, hostile_records):
	problems = []
	for stored in ("as saved", "straight into the database"):
		if stored != "as saved":
			write_straight_into_the_database(hostile_records)
		for someone in hostile_records:
			context = browser.new_context(base_url=desk_server, viewport={"width": 390, "height": 844})
			assert context.request.post("/api/method/login", form={"usr": someone.user, "pwd": PASSWORD}).ok
			seen = opened(context, "/my-coaching", "hostile-my-coaching")
			context.close()
			if seen.ran or seen.javascript_links:
				problems.append(f"/my-coaching {stored} ({someone.words[:30]}): ran {seen.ran}")
			if "1337" in seen.text and "{%" not in seen.text:
				problems.append(f"/my-coaching {stored}: template syntax was run")
	context = admin_context(browser, desk_server)
	for someone in hostile_records:
		seen = opened(
			context,
			f"/printview?doctype=Person&name={someone.person}&format=Everything%20about%20this%20person",
			"hostile-everything-raw",
		)
		if seen.ran or seen.javascript_links:
			problems.append(
				f"Everything about this person, straight into the database ({someone.words[:30]}): ran {seen.ran}"
			)
	context.close()
	assert not problems, "\n".join(problems)


def test_words_wrapped_in_json_are_cleaned_when_saved():
	person = frappe.get_doc({"doctype": "Person", "preferred_name": "Jay", "about_me": HOSTILE[2]}).insert()
	assert "onerror" not in person.about_me
	assert json.loads(person.about_me)  # still the words they wrote, as JSON
