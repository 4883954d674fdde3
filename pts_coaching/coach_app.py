"""The coach's own app at /coach: what it reads and writes, through these methods only.

Every read goes through frappe.get_list or frappe.has_permission and every write through a document's
insert or save, so the rule of who sees whom (permissions.py) and the gate (request_gate.py) apply as
on every other channel; nothing here ignores permissions on the user's behalf. The app is for those
who coach: coaches and their leads (analysts work with reports, and never with words).

A phone that was offline sends what it kept once the network is back, perhaps more than once: each
conversation and check-in carries a key made on the phone, and a key already saved is not saved again.
"""

import html
import re

import frappe
from frappe import _
from frappe.utils import escape_html, strip_html

from pts_coaching import lifecycle
from pts_coaching.request_gate import requested_method
from pts_coaching.story import (
	aspirations_of,
	check_ins_of,
	conversations_of,
	latest_snapshot_of,
	phase_moves_of,
	readable,
	refuse_unseen,
	relationships_of,
)

ROLES_WHO_COACH = ("PTS Coach", "PTS Coaching Lead")
# A Text Editor's paragraphs and line breaks become line breaks: the app shows words, never markup.
LINE_ENDS = re.compile(r"</p>|</li>|<br\s*/?>", re.IGNORECASE)
PLACEHOLDER_STATEMENT = re.compile(r"^Item \d+$")
SIGN_OUT = {"logout", "web_logout", "frappe.handler.logout", "frappe.handler.web_logout"}


def forget_what_the_phone_holds_on_sign_out(response, request) -> None:
	"""after_request: signing out, in the app, the desk or the website, tells the browser to clear what
	this site keeps on it (what the coach app holds waiting in IndexedDB, its worker and their caches),
	so that nothing of one user is left for the next. Browsers do so on https and on localhost."""
	if response is not None and response.status_code < 400 and requested_method() in SIGN_OUT:
		response.headers["Clear-Site-Data"] = '"storage"'


def only_for_those_who_coach() -> None:
	frappe.only_for(ROLES_WHO_COACH)


def words_of(rich_text: str | None) -> str:
	"""What someone typed in a rich text box, as plain words (the app escapes them as it shows them)."""
	return html.unescape(strip_html(LINE_ENDS.sub("\n", rich_text or ""))).strip()


@frappe.whitelist()
def my_people() -> list[dict]:
	"""The open relationships the user coaches and those their team shares with them, by last contact."""
	only_for_those_who_coach()
	relationships = frappe.get_list(
		"Coaching Relationship",
		filters={"phase": ("in", lifecycle.OPEN_PHASES)},
		fields=["name", "person", "person_name", "phase", "coach", "last_contact_on", "contact_count"],
		order_by="last_contact_on desc, modified desc",
	)
	last = last_conversations([r.name for r in relationships], {r.last_contact_on for r in relationships})
	return [
		{
			"relationship": r.name,
			"person": r.person,
			"person_name": r.person_name,
			"phase": r.phase,
			"last_contact_on": r.last_contact_on,
			"last_channel": last.get(r.name, {}).get("channel"),
			"next_if_they_want": last.get(r.name, {}).get("next_if_they_want"),
			"contact_count": r.contact_count,
			"shared": r.coach != frappe.session.user,
		}
		for r in relationships
	]


def last_conversations(relationships: list[str], dates: set) -> dict[str, dict]:
	"""Each relationship's latest conversation: among those on a day that is someone's last contact."""
	dates.discard(None)
	if not relationships or not dates:
		return {}
	latest = {}
	for conversation in frappe.get_list(
		"Coaching Conversation",
		filters={"relationship": ("in", relationships), "date": ("in", list(dates))},
		fields=readable("Coaching Conversation", ["relationship", "channel", "next_if_they_want"]),
		order_by="date asc, creation asc",
	):
		latest[conversation.relationship] = conversation
	return latest


@frappe.whitelist(methods=["POST"])
def log_contact(
	relationship: str,
	channel: str,
	saved_once_key: str,
	date: str | None = None,
	note: str | None = None,
) -> dict:
	"""A contact, counted in every report as a conversation; "we texted today" is the channel alone."""
	only_for_those_who_coach()
	if already := saved_before("Coaching Conversation", saved_once_key):
		return already
	refuse_unseen("Coaching Relationship", relationship)
	conversation = frappe.get_doc(
		{
			"doctype": "Coaching Conversation",
			"relationship": relationship,
			"channel": channel,
			"date": date or frappe.utils.today(),
			"conversation": f"<p>{escape_html(note.strip())}</p>" if (note or "").strip() else None,
			"saved_once_key": saved_once_key,
		}
	).insert()
	return {"name": conversation.name, "already_saved": False}


def saved_before(doctype: str, saved_once_key: str) -> dict | None:
	if not (saved_once_key or "").strip():
		frappe.throw(_("The app sends a key with each record it saves; this one came without."))
	name = frappe.db.get_value(doctype, {"saved_once_key": saved_once_key})
	if not name:
		return None
	refuse_unseen(doctype, name)
	return {"name": name, "already_saved": True}


@frappe.whitelist()
def story(person: str) -> dict:
	"""One scroll of a person's story, newest first, with only what the user may read."""
	only_for_those_who_coach()
	refuse_unseen("Person", person)
	relationships = relationships_of(
		person, ["name", "coach", "phase", "started_on", "last_contact_on", "contact_count"]
	)
	conversations = conversations_of(
		person, ["name", "date", "channel", "coach", "conversation", "what_matters", "next_if_they_want"]
	)
	for conversation in conversations:
		conversation.conversation = words_of(conversation.get("conversation"))
	snapshot = latest_snapshot_of(person, ["name", "date"])
	return {
		"person": person,
		"person_name": frappe.db.get_value("Person", person, "preferred_name"),
		"relationships": [
			{
				**r,
				"moves": [{"to": m.to_phase, "action": m.action} for m in lifecycle.moves_from(r.phase)],
				"yours": r.coach == frappe.session.user,
			}
			for r in relationships
		],
		"conversations": conversations,
		"aspirations": aspirations_of(person, ["name", "in_their_words", "status", "set_on", "achieved_on"]),
		"check_ins": check_ins_of(person, ["name", "date", "measure", "score", "scored", "comment"]),
		"connections": snapshot.connections if snapshot else [],
		"phase_moves": phase_moves_of(relationships, ["phase", "from_date", "ending_kind", "in_their_words"]),
	}


@frappe.whitelist(methods=["POST"])
def move_phase(
	relationship: str,
	phase: str,
	ending_kind: str | None = None,
	ending_in_their_words: str | None = None,
	they_did_not_say: int = 0,
	ended_on: str | None = None,
) -> str:
	"""Pause, come back, start ending together or end, by the lifecycle's rules."""
	only_for_those_who_coach()
	refuse_unseen("Coaching Relationship", relationship, "write")
	moving = frappe.get_doc("Coaching Relationship", relationship)
	moving.phase = phase
	if phase == lifecycle.ENDED:
		moving.update(
			{
				"ending_kind": ending_kind,
				"ending_in_their_words": ending_in_their_words,
				"they_did_not_say": frappe.utils.cint(they_did_not_say),
				"ended_on": ended_on,
			}
		)
	moving.save()
	return moving.phase


@frappe.whitelist()
def measure_to_ask(measure: str | None = None) -> dict:
	"""A measure's questions and the anchors of its scale, and whether its wording has been entered."""
	only_for_those_who_coach()
	measure = measure or frappe.db.get_single_value("PTS Coaching Settings", "default_measure")
	refuse_unseen("Wellbeing Measure", measure)
	asked = frappe.get_doc("Wellbeing Measure", measure)
	return {
		"measure": asked.name,
		"title": asked.title,
		"recall_period": asked.recall_period,
		"instructions": asked.instructions,
		"answer_labels": asked.answer_label_list(),
		"wording_entered": not all(PLACEHOLDER_STATEMENT.match(i.statement or "") for i in asked.items),
		"items": [
			{"code": i.code, "statement": i.statement, "min": i.min_value, "max": i.max_value}
			for i in asked.items
		],
		"measures": frappe.get_list("Wellbeing Measure", fields=["name", "title"], order_by="name"),
	}


@frappe.whitelist(methods=["POST"])
def check_in(
	relationship: str,
	measure: str,
	answers: dict | str,
	saved_once_key: str,
	date: str | None = None,
	comment: str | None = None,
) -> dict:
	"""A check-in done with their coach, one answer a question; the score is worked out on saving."""
	only_for_those_who_coach()
	if already := saved_before("Wellbeing Check-in", saved_once_key):
		return already
	refuse_unseen("Coaching Relationship", relationship)
	answers = frappe.parse_json(answers) or {}
	done = frappe.get_doc(
		{
			"doctype": "Wellbeing Check-in",
			"relationship": relationship,
			"person": frappe.db.get_value("Coaching Relationship", relationship, "person"),
			"measure": measure,
			"date": date or frappe.utils.today(),
			"done_with": "With their coach",
			"comment": comment,
			"saved_once_key": saved_once_key,
			"answers": [{"item_code": code, "answer": str(value)} for code, value in answers.items()],
		}
	).insert()
	return {"name": done.name, "already_saved": False}


@frappe.whitelist(methods=["POST"])
def add_aspiration(relationship: str, in_their_words: str) -> str:
	only_for_those_who_coach()
	refuse_unseen("Coaching Relationship", relationship)
	return (
		frappe.get_doc(
			{
				"doctype": "Aspiration",
				"relationship": relationship,
				"person": frappe.db.get_value("Coaching Relationship", relationship, "person"),
				"in_their_words": in_their_words,
				"set_on": frappe.utils.today(),
			}
		)
		.insert()
		.name
	)


@frappe.whitelist(methods=["POST"])
def change_aspiration(
	aspiration: str, in_their_words: str | None = None, status: str | None = None, step: str | None = None
) -> str:
	"""Reword it, move it on (a new status) or add a step to it."""
	only_for_those_who_coach()
	refuse_unseen("Aspiration", aspiration, "write")
	changing = frappe.get_doc("Aspiration", aspiration)
	if in_their_words:
		changing.in_their_words = in_their_words
	if status:
		changing.status = status
	if step:
		changing.append("steps", {"step": step, "added_on": frappe.utils.today()})
	changing.save()
	return changing.name
