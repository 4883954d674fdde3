"""Small makers of valid records, so that each test says only what it is about."""

import frappe


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
		"Achievement": {"outcome_type": outcome_type()},
		"Personal Budget Spend": {"amount": 120, "what_for": "A bike to get to work"},
		"Safety Conversation": {"what_keeps_me_safe": "My sister's number in my phone"},
		"Aspiration": {"in_their_words": "Get back on my bike"},
		"Wellbeing Check-in": {"measure": "ONS4"},
	}
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
