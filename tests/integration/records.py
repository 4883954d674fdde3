"""Small makers of valid records, so that each test says only what it is about."""

import frappe
from frappe.utils import add_months, getdate, today

from pts_coaching.check_in_links import hash_of, new_token


def outcome_type(name: str = "Entered work") -> str:
	if not frappe.db.exists("Outcome Type", name):
		# Setup a lead looks after, made here whoever the test is acting as.
		frappe.get_doc({"doctype": "Outcome Type", "outcome_name": name}).insert(ignore_permissions=True)
	return name


def minimal(doctype: str, within, **values) -> "frappe.model.document.Document":
	"""A record within a relationship, about its person, with only what the doctype asks for."""
	asks_for = {
		"Connection Snapshot": {"connections": [{"who_or_what": "Mum", "kind": "Family", "closeness": 4}]},
		"Service Involvement": {"service_kind": "Housing"},
		"Personal Budget Spend": {"amount": 120, "what_for": "A bike to get to work"},
		"Safety Conversation": {"what_keeps_me_safe": "My sister's number in my phone"},
		"Aspiration": {"in_their_words": "Get back on my bike"},
		"Wellbeing Check-in": {"measure": "ONS4"},
		"Check-in Link": {"measure": "ONS4", "how": "Copied", "token_hash": hash_of(new_token())},
	}
	if doctype == "Achievement":
		# Only for an achievement: an Outcome Type made for any other record outlives the test that
		# committed it, and a fresh site then seems to have been given the example outcome types.
		asks_for[doctype] = {"outcome_type": outcome_type()}
	return frappe.get_doc(
		{
			"doctype": doctype,
			"person": within.person,
			"relationship": within.name,
			**asks_for[doctype],
			**values,
		}
	)


PERSON_RECORDS = (
	"Connection Snapshot",
	"Service Involvement",
	"Achievement",
	"Personal Budget Spend",
	"Safety Conversation",
)


def outcomes_contract(name: str = "Kirklees outcomes", tariff: float = 1000, cap_per_person: int = 1) -> str:
	"""A contract that pays for work entered, over the year either side of today."""
	if not frappe.db.exists("Outcomes Contract", name):
		frappe.get_doc(
			{
				"doctype": "Outcomes Contract",
				"contract_name": name,
				"commissioner": "Kirklees Council",
				"from_date": add_months(today(), -12),
				"to_date": add_months(today(), 12),
				"outcomes": [
					{"outcome_type": outcome_type(), "tariff": tariff, "cap_per_person": cap_per_person}
				],
			}
		).insert(ignore_permissions=True)
	return name


def ons4(life_satisfaction: int, anxiety: int) -> list[dict]:
	answers = {"life_satisfaction": life_satisfaction, "worthwhile": 6, "happiness": 6, "anxiety": anxiety}
	return [{"item_code": code, "answer": str(value)} for code, value in answers.items()]


def a_little_coaching(
	coach: str,
	name: str,
	*,
	life_satisfaction: tuple[int, int] = (5, 7),
	agrees_to_outcome_reporting: bool = True,
	contract: str | None = None,
) -> list[tuple[str, str]]:
	"""Eight months of coaching with a little of everything the reports read: three contacts (the last
	today), two ONS4 check-ins, an aspiration achieved today, two connection snapshots, a service still
	active, and an achievement under `contract` if one is given. Returns what it made, in that order."""
	now = getdate(today())
	began = add_months(now, -8)
	made = []

	def make(doc):
		doc.insert()
		made.append((doc.doctype, doc.name))
		return doc

	person = make(
		frappe.get_doc(
			{
				"doctype": "Person",
				"preferred_name": name,
				"agrees_to_outcome_reporting": int(agrees_to_outcome_reporting),
			}
		)
	)
	relationship = make(
		frappe.get_doc(
			{"doctype": "Coaching Relationship", "person": person.name, "coach": coach, "started_on": began}
		)
	)
	for when, channel in ((began, "Walk"), (add_months(now, -4), "Text message"), (now, "Phone call")):
		make(
			frappe.get_doc(
				{
					"doctype": "Coaching Conversation",
					"relationship": relationship.name,
					"date": when,
					"channel": channel,
					"coach": coach,
				}
			)
		)
	first, latest = life_satisfaction
	make(minimal("Wellbeing Check-in", relationship, date=add_months(began, 1), answers=ons4(first, 6)))
	make(minimal("Wellbeing Check-in", relationship, date=add_months(now, -1), answers=ons4(latest, 3)))
	make(minimal("Aspiration", relationship, theme="Home", status="Achieved", set_on=began, achieved_on=now))
	make(minimal("Connection Snapshot", relationship, date=add_months(began, 1)))
	make(
		minimal(
			"Connection Snapshot",
			relationship,
			date=add_months(now, -1),
			connections=[
				{"who_or_what": "Mum", "kind": "Family", "closeness": 5},
				{"who_or_what": "Running club", "kind": "Group", "closeness": 3},
			],
		)
	)
	make(minimal("Service Involvement", relationship, from_date=add_months(began, -6)))
	if contract:
		make(minimal("Achievement", relationship, achieved_on=add_months(now, -1), contract=contract))
	return made
