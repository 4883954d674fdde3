"""Bad input of every kind, sent over REST to every field of every doctype of the app and of its child
tables, as a careless user or an attacker would: each gets a 4xx with a plain message naming the field,
leaves no Error Log row and saves nothing. Each doctype's valid record is sent first, as the control."""

import json
import math

import frappe
import pytest
import requests
from frappe.utils import add_days, add_months, now, today

from pts_coaching.check_in_links import hash_of, new_token
from pts_coaching.install import shipped_measures
from tests.integration.records import ons4, outcome_type

BAD_VALUES = {
	"Data": lambda field: " ".join(["word"] * ((field.length or 140) // 5 + 2)),
	"Small Text": lambda field: "word " * 14_000,
	"Text": lambda field: "word " * 14_000,
	"Date": lambda field: ["2026-13-45", "not a date", "31/02/2026"],
	"Int": lambda field: [math.nan, math.inf, 1e15, 1e300, "lots"],
	"Float": lambda field: [math.nan, -math.inf, 1e15, 1e300, "lots"],
	"Currency": lambda field: [math.nan, math.inf, 1e15, 1e300, "lots"],
	"Select": lambda field: "Not one of the options",
	"Link": lambda field: "Nobody Here 0001",
	"Dynamic Link": lambda field: "Nobody Here 0001",
}
OUTCOME = "Entered work"  # what records.outcome_type() makes


def valid_records(person: str, relationship: str) -> dict[str, dict]:
	ons4_facts = next(m for m in shipped_measures() if m["measure_name"] == "ONS4")
	return {
		"Person": {"preferred_name": "Bea Base"},
		"Coaching Relationship": {"person": person, "coach": "Administrator"},
		"Coaching Conversation": {"relationship": relationship, "date": today()},
		"Connection Snapshot": {
			"person": person,
			"relationship": relationship,
			"date": today(),
			"connections": [{"who_or_what": "Mum", "kind": "Family", "closeness": 4}],
		},
		"Service Involvement": {
			"person": person,
			"relationship": relationship,
			"service_kind": "Housing",
			"from_date": today(),
		},
		"Achievement": {
			"person": person,
			"relationship": relationship,
			"outcome_type": outcome_type(),
			"achieved_on": today(),
		},
		"Personal Budget Spend": {
			"person": person,
			"relationship": relationship,
			"amount": 120,
			"what_for": "A bike",
		},
		"Safety Conversation": {"person": person, "relationship": relationship, "date": today()},
		"Aspiration": {
			"person": person,
			"relationship": relationship,
			"in_their_words": "Get back on my bike",
			"status": "Thinking about it",
			"steps": [{"step": "Pump up the tyres"}],
		},
		"Wellbeing Check-in": {
			"person": person,
			"relationship": relationship,
			"measure": "ONS4",
			"date": today(),
			"answers": ons4(6, 3),
		},
		"Check-in Link": {
			"person": person,
			"relationship": relationship,
			"measure": "ONS4",
			"how": "Copied",
			"sent_on": now(),
			"expires_on": add_days(now(), 7),
			"token_hash": hash_of(new_token()),
		},
		"Coach Reflection": {
			"coach": "Administrator",
			"date": today(),
			"what_got_in_the_way": [{"theme": "Paperwork"}],
		},
		"Coaching Team": {"team_name": "Bad input team", "members": [{"user": "Administrator"}]},
		"Outcome Type": {"outcome_name": "Bad input outcome"},
		"Outcomes Contract": {
			"contract_name": "Bad input contract",
			"commissioner": "Kirklees Council",
			"from_date": add_months(today(), -1),
			"to_date": add_months(today(), 11),
			"outcomes": [{"outcome_type": outcome_type(), "tariff": 100, "cap_per_person": 1}],
		},
		"Aspiration Theme": {"theme_name": "Bad input theme"},
		"Reflection Theme": {"theme": "Bad input reflection theme"},
		"Wellbeing Measure": {
			**ons4_facts,
			"measure_name": "Bad input measure",
			"answer_labels": "\n".join(ons4_facts["answer_labels"]),
		},
	}


def app_doctypes() -> list[str]:
	return frappe.get_all("DocType", {"module": "PTS Coaching", "istable": 0, "issingle": 0}, pluck="name")


@pytest.fixture(scope="module")
def admin(desk_server):
	frappe.db.rollback()
	outcome_there_before = frappe.db.exists("Outcome Type", OUTCOME)
	person = frappe.get_doc({"doctype": "Person", "preferred_name": "Ira Input"}).insert()
	relationship = frappe.get_doc(
		{"doctype": "Coaching Relationship", "person": person.name, "coach": "Administrator"}
	).insert()
	records = valid_records(person.name, relationship.name)
	frappe.db.commit()
	session = requests.Session()
	assert session.post(f"{desk_server}/api/method/login", data={"usr": "Administrator", "pwd": "admin"}).ok
	yield session, records
	frappe.db.rollback()
	for doctype in (
		"Check-in Link",
		"Wellbeing Check-in",
		"Aspiration",
		"Coaching Conversation",
		"Achievement",
	):
		for name in frappe.get_all(doctype, {"person": person.name}, pluck="name"):
			frappe.delete_doc(doctype, name, force=True)
	frappe.delete_doc("Coaching Relationship", relationship.name, force=True)
	frappe.delete_doc("Person", person.name, force=True)
	if not outcome_there_before:
		frappe.delete_doc("Outcome Type", OUTCOME, force=True)
	frappe.db.commit()


def post(session, url: str, doctype: str, record: dict) -> requests.Response:
	# allow_nan: NaN and Infinity as JSON literals, which Python's json (and so Frappe) reads as floats
	return session.post(
		f"{url}/api/resource/{doctype}",
		data=json.dumps(record, allow_nan=True),
		headers={"Content-Type": "application/json"},
	)


def forget(doctype: str, name: str) -> None:
	frappe.db.rollback()  # a snapshot from before the server made it would not find it
	frappe.delete_doc(doctype, name, force=True, ignore_permissions=True, ignore_missing=False)
	frappe.db.commit()


def counts(doctype: str) -> tuple[int, int]:
	frappe.db.rollback()  # see what the server process committed
	return frappe.db.count(doctype), frappe.db.count("Error Log")


def bad_inputs(doctype: str, record: dict):
	"""(where, the record with one bad value in it, the field) for every field of the doctype and of
	each of its child tables' rows."""
	meta = frappe.get_meta(doctype)
	parts = [(None, meta)] + [
		(table.fieldname, frappe.get_meta(table.options)) for table in meta.get_table_fields()
	]
	for table, part_meta in parts:
		for field in part_meta.fields:
			make = BAD_VALUES.get(field.fieldtype)
			if not make:
				continue
			values = make(field)
			for value in values if isinstance(values, list) else [values]:
				bad = json.loads(json.dumps(record))
				if table is None:
					bad[field.fieldname] = value
				else:
					bad[table] = [{**(bad.get(table) or [{}])[0], field.fieldname: value}]
				yield (
					f"{doctype}.{table + '.' if table else ''}{field.fieldname} = {str(value)[:30]!r}",
					bad,
					field,
				)


def test_every_field_of_every_doctype_refuses_bad_input_plainly_and_saves_nothing(admin, desk_server):
	session, records = admin
	assert set(app_doctypes()) == set(records), "a doctype of the app has no valid record here"
	problems = []
	for doctype, record in records.items():
		baseline = counts(doctype)[0]
		made = post(session, desk_server, doctype, record)
		assert made.ok, f"the valid {doctype} was refused: {made.text[:500]}"
		forget(doctype, made.json()["data"]["name"])
		for where, bad, field in bad_inputs(doctype, record):
			before = counts(doctype)
			response = post(session, desk_server, doctype, bad)
			after = counts(doctype)
			# The server fills these itself (fetched from a link, or worked out): a bad value sent for
			# one may be replaced rather than refused, but is never kept.
			if response.ok and (field.read_only or field.fetch_from):
				saved = response.json()["data"]
				kept = saved.get(field.fieldname) if field.parent == doctype else None
				forget(doctype, saved["name"])
				if kept is not None and str(kept) == str(bad.get(field.fieldname)):
					problems.append(f"{where}: kept as sent")
				continue
			if not 400 <= response.status_code < 500:
				problems.append(f"{where}: HTTP {response.status_code} {response.text[:200]}")
			elif after[0] != before[0]:
				problems.append(f"{where}: refused, but a record was saved")
			if after[1] != before[1]:
				problems.append(f"{where}: an Error Log row was written")
			if 400 <= response.status_code < 500:
				message = " ".join(
					json.loads(m).get("message", "")
					for m in json.loads(response.json().get("_server_messages", "[]"))
				)
				if len(message) > 600:
					problems.append(f"{where}: the refusal quotes too much ({len(message)} characters)")
		if counts(doctype)[0] != baseline:
			problems.append(f"{doctype}: {counts(doctype)[0] - baseline} records were left behind")
	assert not problems, "\n".join(problems)


def test_a_refusal_names_the_field_and_what_is_allowed(admin, desk_server):
	session, records = admin
	response = post(
		session, desk_server, "Personal Budget Spend", {**records["Personal Budget Spend"], "amount": "lots"}
	)
	assert response.status_code == 417
	message = response.json()["_server_messages"]
	assert "Amount" in message and "not a number" in message


def test_a_date_of_birth_is_not_in_the_future(admin, desk_server):
	session, _ = admin
	before = counts("Person")
	response = post(
		session, desk_server, "Person", {"preferred_name": "Fi Future", "date_of_birth": add_days(today(), 1)}
	)
	assert response.status_code == 417 and "Date of birth" in response.text
	assert counts("Person") == before


def test_a_conversation_on_a_relationship_that_does_not_exist_is_refused(admin, desk_server):
	session, _ = admin
	before = counts("Coaching Conversation")
	response = post(
		session, desk_server, "Coaching Conversation", {"relationship": "REL-99999", "date": today()}
	)
	assert 400 <= response.status_code < 500 and "REL-99999" in response.text
	assert counts("Coaching Conversation") == before


def test_a_check_in_for_someone_who_does_not_exist_says_so(desk_server, committed):
	coach = "ines.input@example.org"
	frappe.get_doc(
		{
			"doctype": "User",
			"email": coach,
			"first_name": "Ines",
			"send_welcome_email": 0,
			"new_password": "Coaching-in-the-open-2026",
			"roles": [{"role": "PTS Coach"}],
		}
	).insert(ignore_permissions=True)
	committed.append(("User", coach))
	frappe.db.commit()
	session = requests.Session()
	assert session.post(
		f"{desk_server}/api/method/login", data={"usr": coach, "pwd": "Coaching-in-the-open-2026"}
	).ok
	response = post(
		session,
		desk_server,
		"Wellbeing Check-in",
		{"person": "PER-99999", "measure": "ONS4", "date": today(), "answers": ons4(5, 5)},
	)
	assert 400 <= response.status_code < 500
	assert (
		"PER-99999" in response.text
		and "Not allowed" not in response.text
		and "permission" not in response.text.lower()
	)


def test_the_phase_history_is_written_only_by_the_lifecycle(admin, desk_server):
	session, records = admin
	relationship = records["Coaching Conversation"]["relationship"]
	url = f"{desk_server}/api/resource/Coaching Relationship/{relationship}"
	history = session.get(url).json()["data"]["phase_history"]
	made_up = [*history, {"phase": "Working together", "from_date": "2020-01-01"}]
	for changed in (
		made_up,
		[],
		[{**history[0], "phase": "Ended"}],
		[{**history[0], "from_date": "2001-01-01"}],
	):
		response = session.put(
			url, data=json.dumps({"phase_history": changed}), headers={"Content-Type": "application/json"}
		)
		assert response.status_code == 417 and "kept as it happened" in response.text
	frappe.db.rollback()
	assert len(frappe.get_doc("Coaching Relationship", relationship).phase_history) == len(history)
	# the words in it may be added to
	worded = [{**history[0], "in_their_words": "We started at the allotment"}]
	assert session.put(
		url, data=json.dumps({"phase_history": worded}), headers={"Content-Type": "application/json"}
	).ok
