"""A person's story, as the Person form shows it: their latest conversations in their words, their
aspirations and steps, the latest check-in, who is in their life and the phase moves.

Everything is read through frappe.get_list, so the rule of who sees whom (permissions.py) applies, and
only the fields the user may read are asked for: an analyst gets dates, counts and phases, never words.
"""

import frappe

CONVERSATIONS_SHOWN = 5


def readable(doctype: str, fields: list[str], parent: str | None = None) -> list[str]:
	"""The fields the user may read, of those wanted (a child table's, by its parent's rule)."""
	levels = frappe.get_meta(parent or doctype).get_permlevel_access("read")
	meta = frappe.get_meta(doctype)
	return [
		f
		for f in fields
		if f == "name"
		or f in ("parent", "idx")
		or (meta.get_field(f) and meta.get_field(f).permlevel in levels)
	]


def rows_of(child: str, parent_doctype: str, parents: list[str], fields: list[str]) -> dict[str, list]:
	"""Rows of records the user has already been given through get_list, under their record's rule."""
	found = {}
	if parents:
		for row in frappe.get_all(
			child,
			filters={"parent": ("in", parents), "parenttype": parent_doctype},
			fields=readable(child, ["parent", "idx", *fields], parent=parent_doctype),
			order_by="idx",
		):
			found.setdefault(row.parent, []).append(row)
	return found


@frappe.whitelist()
def story_of(person: str) -> dict:
	if not frappe.has_permission("Person", "read", doc=person):
		frappe.throw(frappe._("That is not there, or is not yours to see."), frappe.PermissionError)
	mine = {"person": person}

	conversations = frappe.get_list(
		"Coaching Conversation",
		filters=mine,
		fields=readable(
			"Coaching Conversation", ["name", "date", "channel", "coach", "conversation", "what_matters"]
		),
		order_by="date desc, creation desc",
		limit=CONVERSATIONS_SHOWN,
	)
	conversation_count = frappe.get_list("Coaching Conversation", filters=mine, fields=["count(*) as n"])[0].n

	aspirations = frappe.get_list(
		"Aspiration",
		filters=mine,
		fields=readable("Aspiration", ["name", "in_their_words", "status", "theme", "set_on", "achieved_on"]),
		order_by="creation desc",
		limit=20,
	)
	steps = rows_of(
		"Aspiration Step", "Aspiration", [a.name for a in aspirations], ["step", "done", "done_on"]
	)
	for aspiration in aspirations:
		aspiration.steps = steps.get(aspiration.name, [])

	check_in = next(
		iter(
			frappe.get_list(
				"Wellbeing Check-in",
				filters=mine,
				fields=readable(
					"Wellbeing Check-in",
					["name", "date", "measure", "done_with", "score", "scored", "comment"],
				),
				order_by="date desc, creation desc",
				limit=1,
			)
		),
		None,
	)
	if check_in:
		check_in.answers = rows_of(
			"Wellbeing Answer", "Wellbeing Check-in", [check_in.name], ["statement", "answer"]
		).get(check_in.name, [])

	snapshot = next(
		iter(
			frappe.get_list(
				"Connection Snapshot",
				filters=mine,
				fields=["name", "date", "connection_count", "average_closeness"],
				order_by="date desc, creation desc",
				limit=1,
			)
		),
		None,
	)
	if snapshot:
		snapshot.connections = rows_of(
			"Person Connection", "Connection Snapshot", [snapshot.name], ["who_or_what", "kind", "closeness"]
		).get(snapshot.name, [])

	relationships = frappe.get_list(
		"Coaching Relationship", filters=mine, fields=["name", "coach", "phase"], order_by="started_on desc"
	)
	moves = rows_of(
		"Coaching Phase History",
		"Coaching Relationship",
		[r.name for r in relationships],
		["phase", "from_date", "to_date", "ending_kind", "in_their_words"],
	)
	return {
		"conversations": conversations,
		"conversation_count": conversation_count,
		"aspirations": aspirations,
		"check_in": check_in,
		"snapshot": snapshot,
		"phase_moves": sorted(
			(move for r in relationships for move in moves.get(r.name, [])),
			key=lambda move: (str(move.from_date), move.idx),
			reverse=True,
		),
	}
