# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt

import frappe

SAVEPOINT = "start_with_a_conversation"


@frappe.whitelist(methods=["POST"])
def start_with_a_conversation(
	preferred_name: str,
	conversation: str | None = None,
	date: str | None = None,
	channel: str | None = None,
	how_we_met: str | None = None,
	what_matters: str | None = None,
	next_if_they_want: str | None = None,
) -> dict:
	"""A blank page and a conversation: the person, the relationship (with the coach who writes) and
	the conversation are made together, or none of them is."""
	frappe.db.savepoint(SAVEPOINT)
	try:
		person = frappe.get_doc({"doctype": "Person", "preferred_name": preferred_name}).insert()
		relationship = frappe.get_doc(
			{
				"doctype": "Coaching Relationship",
				"person": person.name,
				"coach": frappe.session.user,
				"how_we_met": how_we_met,
			}
		).insert()
		first_conversation = frappe.get_doc(
			{
				"doctype": "Coaching Conversation",
				"relationship": relationship.name,
				"date": date,
				"channel": channel,
				"conversation": conversation,
				"what_matters": what_matters,
				"next_if_they_want": next_if_they_want,
			}
		).insert()
	except Exception:
		frappe.db.rollback(save_point=SAVEPOINT)
		raise
	return {
		"person": person.name,
		"relationship": relationship.name,
		"conversation": first_conversation.name,
	}
