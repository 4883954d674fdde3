"""A check-in by link, end to end: a coach sends it from the Person, by email through a real SMTP server
(conftest's mailbox) and by text message through a real HTTP gateway started here; the person opens
what arrived in headless Chromium at phone width and answers; the check-in is on the person, scored.
Then the link is turned down when used, expired or withdrawn, with the same reply as a token that was
never made here."""

import http.server
import json
import re
import secrets
import socket
import threading
from types import SimpleNamespace
from urllib.parse import parse_qs

import frappe
import pytest
import requests
from frappe.utils import add_to_date, now_datetime
from markupsafe import escape

from pts_coaching.check_in_links import hash_of
from tests.integration.conftest import BENCH, SITE, screenshot
from tests.integration.test_welsh import welsh

PASSWORD = "Links-by-text-2026"
LINK = re.compile(r"/check-in#([A-Za-z0-9_-]{43})")
TURNED_DOWN = "This link has been used or has expired. Your coach can send you a new one."
ONS4 = {"life_satisfaction": 7, "worthwhile": 8, "happiness": 6, "anxiety": 3}
SEND = "pts_coaching.pts_coaching.doctype.check_in_link.check_in_link.send_check_in_link"
WITHDRAW = "pts_coaching.pts_coaching.doctype.check_in_link.check_in_link.withdraw"
GUEST = "pts_coaching.check_in_by_link"


def free_port() -> int:
	with socket.socket() as free:
		free.bind(("127.0.0.1", 0))
		return free.getsockname()[1]


class Coach:
	"""A coach signed in to the served site, posting as the desk does."""

	def __init__(self, url: str, email_address: str):
		self.url = url
		self.session = requests.Session()
		assert self.session.post(f"{url}/api/method/login", data={"usr": email_address, "pwd": PASSWORD}).ok
		desk = self.session.get(f"{url}/app").text
		self.csrf_token = re.search(r'csrf_token = "([^"]+)"', desk).group(1)

	def post(self, method: str, **data) -> requests.Response:
		return self.session.post(
			f"{self.url}/api/method/{method}", data=data, headers={"X-Frappe-CSRF-Token": self.csrf_token}
		)


def as_guest(url: str, method: str, address: str = "198.51.100.1", **data) -> requests.Response:
	"""A phone on the internet: each test its own address, so rate limits do not reach across tests."""
	return requests.post(
		f"{url}/api/method/{GUEST}.{method}", data=data, headers={"X-Forwarded-For": address}
	)


@pytest.fixture(autouse=True)
def a_new_hour():
	"""Each test starts with the page's rate limits as they are at the start of a new hour."""
	frappe.cache.delete_keys(f"rl:{GUEST}.")


@pytest.fixture(scope="module")
def sms_gateway():
	"""A real HTTP server on 127.0.0.1 that takes text messages as an SMS gateway does."""
	received = []

	class Gateway(http.server.BaseHTTPRequestHandler):
		def do_POST(self):
			body = self.rfile.read(int(self.headers["Content-Length"])).decode()
			received.append({k: v[0] for k, v in parse_qs(body).items()})
			self.send_response(200)
			self.end_headers()
			self.wfile.write(b"queued")

		def log_message(self, *args):
			pass

	server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), Gateway)
	threading.Thread(target=server.serve_forever, daemon=True).start()
	yield SimpleNamespace(url=f"http://127.0.0.1:{server.server_port}/send", received=received)
	server.shutdown()


def set_up_sms(gateway_url: str | None) -> None:
	"""Frappe's SMS Settings with the gateway, or as a site that has never set them up."""
	if not gateway_url:
		frappe.db.set_single_value("SMS Settings", "sms_gateway_url", None)
		frappe.db.commit()
		return
	settings = frappe.get_doc("SMS Settings")
	settings.sms_gateway_url = gateway_url
	settings.message_parameter = "text"
	settings.receiver_parameter = "to"
	settings.use_post = 1
	settings.save(ignore_permissions=True)
	frappe.db.commit()


@pytest.fixture(scope="module")
def links(desk_server, sms_gateway):
	"""Kit coaches Dee (email, English) and Eli (text messages, Welsh); Lou coaches in another team.
	Committed, because the served site is another process; removed when the module is done."""
	frappe.db.rollback()
	made = []
	try:
		for address, name in (("kit.links@example.org", "Kit"), ("lou.links@example.org", "Lou")):
			user = frappe.get_doc(
				{
					"doctype": "User",
					"email": address,
					"first_name": name,
					"send_welcome_email": 0,
					"new_password": PASSWORD,
					"roles": [{"role": "PTS Coach"}],
				}
			).insert(ignore_permissions=True)
			made.append(("User", user.name))
		people = {}
		for name, contact, language in (("Dee", "Email", "English"), ("Eli", "Text message", "Welsh")):
			person = frappe.get_doc(
				{
					"doctype": "Person",
					"preferred_name": name,
					"full_name": f"{name} Hidden-Surname",
					"about_me": f"{name} has a secret about the allotment",
					"language": language,
					"preferred_contact": contact,
					"email": f"{name.lower()}.links@example.org",
					"phone": "07700 900123",
				}
			).insert()
			relationship = frappe.get_doc(
				{"doctype": "Coaching Relationship", "person": person.name, "coach": "kit.links@example.org"}
			).insert()
			made += [("Person", person.name), ("Coaching Relationship", relationship.name)]
			people[name] = person.name
		set_up_sms(sms_gateway.url)
		frappe.db.commit()
		yield SimpleNamespace(
			url=desk_server,
			kit=Coach(desk_server, "kit.links@example.org"),
			lou=Coach(desk_server, "lou.links@example.org"),
			sms=sms_gateway,
			**people,
		)
	finally:
		frappe.db.rollback()
		set_up_sms(None)
		for person in [name for doctype, name in made if doctype == "Person"]:
			for doctype in ("Check-in Link", "Wellbeing Check-in"):
				for name in frappe.get_all(doctype, {"person": person}, pluck="name"):
					frappe.delete_doc(doctype, name, force=True, ignore_permissions=True)
		for doctype, name in reversed(made):
			frappe.delete_doc(doctype, name, force=True, ignore_permissions=True, ignore_missing=True)
		frappe.db.commit()


def copied_link(links, person: str) -> str:
	sent = links.kit.post(SEND, person=person, how="Copied")
	assert sent.ok, sent.text
	return LINK.search(sent.json()["message"]["link"]).group(1)


def answer_in_chromium(browser, url: str, width: int, height: int, name: str):
	"""Opens the link as a phone would, taps one answer to each question and saves; returns the page,
	its browser context and every address the browser asked the server for."""
	context = browser.new_context(viewport={"width": width, "height": height})
	page = context.new_page()
	asked = []
	page.on("request", lambda request: asked.append(request.url))
	page.goto(url)
	page.locator("fieldset.question").first.wait_for()
	assert page.evaluate("document.documentElement.scrollWidth") <= width, "nothing runs off the screen"
	screenshot(page, f"check-in-by-link-{name}")
	for code, value in ONS4.items():
		page.locator(f"label.answer:has(input[name='{code}'][value='{value}'])").click()
	screenshot(page, f"check-in-by-link-{name}-answered")
	page.get_by_role("button").last.click()
	page.locator("#check-in").wait_for(state="detached")
	screenshot(page, f"check-in-by-link-{name}-thanks")
	return page, context, asked


def the_check_in_made(person: str):
	frappe.db.rollback()
	[link] = frappe.get_all("Check-in Link", {"person": person}, ["name", "answered_on", "check_in"], limit=1)
	return link, frappe.get_doc("Wellbeing Check-in", link.check_in)


def test_an_emailed_link_is_answered_on_a_phone_and_scored_on_the_person(links, browser, mailbox):
	sent = links.kit.post(SEND, person=links.Dee, how="Email", measure="ONS4")
	assert sent.ok, sent.text
	assert "dee.links@example.org" in sent.json()["message"]["sent"]
	assert "link" not in sent.json()["message"], "the coach never sees a link that was sent"

	frappe.db.rollback()
	mailbox.deliver()
	token = LINK.search(mailbox.text_to("dee.links@example.org")).group(1)
	url = f"{links.url}/check-in#{token}"

	page, context, asked = answer_in_chromium(browser, url, 360, 740, "email-360")
	assert page.locator("p.lead").inner_text() == "Thank you. Your coach will see your answers."
	assert not any(token in address for address in asked), "the token never reaches the server in an address"
	assert "#" not in page.url, "nor stays in the browser's history"
	context.close()

	link, check_in = the_check_in_made(links.Dee)
	assert link.answered_on and check_in.person == links.Dee
	assert (check_in.measure, check_in.done_with) == ("ONS4", "On their own")
	assert {row.item_code: int(row.answer) for row in check_in.answers} == ONS4
	# Scored as scoring.py scores ONS4: each answer on its own, and no total.
	assert check_in.scored == 0 and check_in.score_note.startswith("ONS4 questions are reported one by one")

	again = as_guest(links.url, "questions", token=token)
	assert again.json()["message"] == {"turned_down": TURNED_DOWN}
	assert "Dee" not in again.text


def test_a_texted_link_opens_in_their_language_and_is_answered(links, browser):
	sent = links.kit.post(SEND, person=links.Eli, how="Text message")
	assert sent.ok, sent.text
	[text] = [m for m in links.sms.received if m["to"] == "07700900123" and "Eli" in m["text"]]
	cymraeg = welsh()
	assert cymraeg["The link works once, for {0} days."].format(7) in text["text"]
	token = LINK.search(text["text"]).group(1)

	opened = as_guest(links.url, "questions", token=token).json()["message"]
	assert opened["lang"] == "cy"
	assert cymraeg["Hello, {0}"].format("Eli") in opened["html"]
	assert str(escape(cymraeg["Overall, how happy did you feel yesterday?"])) in opened["html"]
	for not_for_the_page in ("Hidden-Surname", "secret", "PER-", "kit.links"):
		assert not_for_the_page not in json.dumps(opened)

	page, context, _asked = answer_in_chromium(browser, f"{links.url}/check-in#{token}", 390, 844, "text-390")
	assert page.locator("p.lead").inner_text() == cymraeg["Thank you. Your coach will see your answers."]
	assert page.evaluate("document.documentElement.lang") == "cy"
	context.close()
	_link, check_in = the_check_in_made(links.Eli)
	assert (check_in.person, check_in.done_with) == (links.Eli, "On their own")


def test_without_an_sms_gateway_the_coach_is_told_and_can_copy_the_link(links, sms_gateway):
	set_up_sms(None)
	try:
		refused = links.kit.post(SEND, person=links.Eli, how="Text message")
		assert refused.status_code == 417 and "SMS Settings" in refused.text
		copied = links.kit.post(SEND, person=links.Eli, how="Copied")
		assert copied.ok, copied.text
		token = LINK.search(copied.json()["message"]["link"]).group(1)
		assert "html" in as_guest(links.url, "questions", token=token).json()["message"]
	finally:
		set_up_sms(sms_gateway.url)


def test_a_link_goes_only_the_way_they_like_to_keep_in_touch(links):
	frappe.db.rollback()
	before = frappe.db.count("Check-in Link")
	by_text = links.kit.post(SEND, person=links.Dee, how="Text message")
	assert by_text.status_code == 417 and "keep in touch by text message" in by_text.text
	by_email = links.kit.post(SEND, person=links.Eli, how="Email")
	assert by_email.status_code == 417 and "keep in touch by email" in by_email.text
	frappe.db.rollback()
	assert frappe.db.count("Check-in Link") == before


def test_used_expired_withdrawn_made_up_and_other_sites_links_get_one_same_reply(links):
	address = "198.51.100.2"
	frappe.db.rollback()
	check_ins_before = frappe.db.count("Wellbeing Check-in", {"person": links.Dee})
	answered = copied_link(links, links.Dee)
	assert as_guest(links.url, "answer", address, token=answered, answers=json.dumps(ONS4)).ok
	expired = copied_link(links, links.Dee)
	frappe.db.rollback()
	frappe.db.set_value(
		"Check-in Link",
		{"token_hash": hash_of(expired)},
		"expires_on",
		add_to_date(now_datetime(), minutes=-1),
	)
	frappe.db.commit()
	withdrawn = copied_link(links, links.Dee)
	frappe.db.rollback()
	[withdrawn_name] = frappe.get_all("Check-in Link", {"token_hash": hash_of(withdrawn)}, pluck="name")
	assert links.kit.post(WITHDRAW, link=withdrawn_name).ok
	# Another site's link: a real token whose record is not on this site, as it would be on another.
	elsewhere = copied_link(links, links.Dee)
	frappe.db.rollback()
	frappe.db.delete("Check-in Link", {"token_hash": hash_of(elsewhere)})
	frappe.db.commit()
	made_up = secrets.token_urlsafe(32)

	for method, data in (("questions", {}), ("answer", {"answers": json.dumps(ONS4)})):
		replies = {
			why: as_guest(links.url, method, address, token=token, **data).content
			for why, token in {
				"used": answered,
				"expired": expired,
				"withdrawn": withdrawn,
				"another site's": elsewhere,
				"made up": made_up,
				"not a token": "' or 1=1 --",
				"none": "",
			}.items()
		}
		assert len(set(replies.values())) == 1, replies
		assert json.loads(replies["made up"]) == {"message": {"turned_down": TURNED_DOWN}}
	frappe.db.rollback()
	assert frappe.db.count("Wellbeing Check-in", {"person": links.Dee}) == check_ins_before + 1, (
		"only the first"
	)


def test_each_token_and_each_address_is_rate_limited(links):
	token = secrets.token_urlsafe(32)
	replies = [as_guest(links.url, "questions", "198.51.100.3", token=token).status_code for _ in range(11)]
	assert replies == [200] * 10 + [429]
	from pts_coaching.check_in_by_link import TRIES_PER_ADDRESS_AN_HOUR

	address = "198.51.100.4"
	replies = [
		as_guest(links.url, "questions", address, token=secrets.token_urlsafe(32)).status_code
		for _ in range(TRIES_PER_ADDRESS_AN_HOUR + 1)
	]
	assert replies == [200] * TRIES_PER_ADDRESS_AN_HOUR + [429]


def test_the_token_is_in_no_error_log_version_or_request_log(links):
	token = copied_link(links, links.Dee)
	assert as_guest(links.url, "questions", "198.51.100.5", token=token).ok
	assert (
		as_guest(
			links.url, "answer", "198.51.100.5", token=token, answers=json.dumps({"anxiety": 11})
		).status_code
		== 417
	)
	assert as_guest(links.url, "answer", "198.51.100.5", token=token, answers="[1, 2]").status_code == 417
	assert as_guest(links.url, "answer", "198.51.100.5", token=token, answers=json.dumps(ONS4)).ok
	frappe.db.rollback()
	for doctype, field in (
		("Error Log", "error"),
		("Version", "data"),
		("Access Log", "filters"),
		("Activity Log", "content"),
		("Check-in Link", "token_hash"),
		("Wellbeing Check-in", "score_note"),
	):
		assert not frappe.get_all(doctype, {field: ("like", f"%{token}%")}), doctype
	for log in [*(BENCH / "logs").glob("*.log*"), *(BENCH / "sites" / SITE / "logs").glob("*.log*")]:
		assert token not in log.read_text(errors="replace"), log


def test_a_coach_withdraws_a_link_and_another_teams_coach_can_do_nothing_with_it(links):
	token = copied_link(links, links.Dee)
	frappe.db.rollback()
	[name] = frappe.get_all("Check-in Link", {"token_hash": hash_of(token)}, pluck="name")
	assert links.lou.post(SEND, person=links.Dee, how="Copied").status_code == 403
	assert links.lou.post(WITHDRAW, link=name).status_code == 403
	listed = links.lou.post(
		"frappe.client.get_list", doctype="Check-in Link", filters=json.dumps({"name": name})
	)
	assert listed.json()["message"] == []
	assert links.kit.post(WITHDRAW, link=name).ok
	assert as_guest(links.url, "questions", "198.51.100.6", token=token).json()["message"] == {
		"turned_down": TURNED_DOWN
	}


def test_on_the_person_a_coach_sends_sees_and_withdraws_check_in_links(links, signed_in_coach, committed):
	"""In the desk: without a gateway the coach is told, copies the link instead, sees it listed on the
	person, waiting, and withdraws it."""
	robin, page = signed_in_coach
	person = frappe.get_doc(
		{
			"doctype": "Person",
			"preferred_name": "Fen",
			"preferred_contact": "Text message",
			"phone": "07700 900456",
		}
	).insert()
	relationship = frappe.get_doc(
		{"doctype": "Coaching Relationship", "person": person.name, "coach": robin}
	).insert()
	committed.extend([("Person", person.name), ("Coaching Relationship", relationship.name)])
	set_up_sms(None)
	try:
		page.goto(f"/app/person/{person.name}")
		page.get_by_role("button", name="Send a check-in link").click()
		dialog = page.locator(".modal.show", has_text="Send a check-in link")
		assert dialog.locator('select[data-fieldname="how"]').input_value() == "Text message"
		assert dialog.locator('input[data-fieldname="measure"]').input_value() == "ONS4"
		dialog.locator(".modal-footer .btn-primary").click()
		told = page.locator(".modal.show", has_text="Text messages are not set up")
		told.wait_for()
		assert "send it from your own phone" in told.inner_text()
		screenshot(page, "send-a-check-in-link-no-gateway")
		told.locator(".btn-modal-close").click()

		dialog.locator('select[data-fieldname="how"]').select_option("Copied")
		dialog.locator(".modal-footer .btn-primary").click()
		copy = page.locator(".modal.show", has_text="Copy the check-in link")
		copy.wait_for()
		assert re.search(r"/check-in#[A-Za-z0-9_-]{43}", copy.inner_text())
		screenshot(page, "send-a-check-in-link-to-copy")
		copy.locator(".modal-footer .btn-primary").click()

		frappe.db.rollback()
		[link] = frappe.get_all("Check-in Link", {"person": person.name}, ["name", "how", "sent_to"])
		committed.append(("Check-in Link", link.name))
		assert (link.how, link.sent_to) == ("Copied", None)
		listed = page.locator(".pts-check-in-link")
		listed.filter(has_text="Waiting for an answer").wait_for()
		page.wait_for_function("!document.querySelector('.modal-backdrop')")
		screenshot(page, "check-in-links-on-the-person")
		page.set_viewport_size({"width": 390, "height": 844})
		listed.first.scroll_into_view_if_needed()
		screenshot(page, "check-in-links-on-the-person-phone")
		page.set_viewport_size({"width": 1280, "height": 800})

		listed.get_by_role("button", name="Withdraw").click()
		page.locator(".modal.show", has_text="Withdraw this check-in link?").get_by_role(
			"button", name="Yes"
		).click()
		listed.filter(has_text="Withdrawn").wait_for()
		frappe.db.rollback()
		assert frappe.db.get_value("Check-in Link", link.name, "withdrawn_on")
	finally:
		set_up_sms(links.sms.url)


def test_once_they_are_anonymised_their_links_open_nothing_and_where_they_went_is_cleared(
	links, committed, mailbox
):
	from pts_coaching.privacy import anonymise_person
	from pts_coaching.pts_coaching.doctype.check_in_link.check_in_link import send_check_in_link

	person = frappe.get_doc(
		{
			"doctype": "Person",
			"preferred_name": "Gwen",
			"preferred_contact": "Email",
			"email": "gwen@example.org",
		}
	).insert()
	relationship = frappe.get_doc(
		{"doctype": "Coaching Relationship", "person": person.name, "coach": "kit.links@example.org"}
	).insert()
	committed.extend([("Person", person.name), ("Coaching Relationship", relationship.name)])
	frappe.set_user("kit.links@example.org")
	token = LINK.search(send_check_in_link(person.name, "Copied")["link"]).group(1)
	send_check_in_link(person.name, "Email")
	frappe.set_user("Administrator")
	committed.extend(
		("Check-in Link", name)
		for name in frappe.get_all("Check-in Link", {"person": person.name}, pluck="name")
	)
	frappe.db.commit()
	assert "html" in as_guest(links.url, "questions", token=token).json()["message"]

	anonymise_person(person.name, "Retention")
	frappe.db.commit()
	assert as_guest(links.url, "questions", token=token).json()["message"] == {"turned_down": TURNED_DOWN}
	assert frappe.get_all("Check-in Link", {"person": person.name}, pluck="sent_to") == [None, None]
	again = links.kit.post(SEND, person=person.name, how="Copied")
	assert again.status_code == 417 and "anonymised" in again.text
