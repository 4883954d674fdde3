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


def refuse_unseen(doctype: str, name: str, ptype: str = "read") -> None:
	if not name or not frappe.has_permission(doctype, ptype, doc=name):
		frappe.throw(frappe._("That is not there, or is not yours to see."), frappe.PermissionError)


# A person's story, part by part, as the Person form and the coach's app (coach_app.py) each read it:
# the fields each wants, newest first, and only those the user may read.


def conversations_of(person: str, fields: list[str], limit: int | None = None) -> list:
	return frappe.get_list(
		"Coaching Conversation",
		filters={"person": person},
		fields=readable("Coaching Conversation", fields),
		order_by="date desc, creation desc",
		limit=limit,
	)


def aspirations_of(person: str, fields: list[str], limit: int | None = None) -> list:
	"""Their aspirations, each with its steps."""
	aspirations = frappe.get_list(
		"Aspiration",
		filters={"person": person},
		fields=readable("Aspiration", fields),
		order_by="creation desc",
		limit=limit,
	)
	steps = rows_of(
		"Aspiration Step", "Aspiration", [a.name for a in aspirations], ["step", "done", "done_on"]
	)
	for aspiration in aspirations:
		aspiration.steps = steps.get(aspiration.name, [])
	return aspirations


def check_ins_of(person: str, fields: list[str], limit: int | None = None) -> list:
	"""Their check-ins, each with its answers."""
	check_ins = frappe.get_list(
		"Wellbeing Check-in",
		filters={"person": person},
		fields=readable("Wellbeing Check-in", fields),
		order_by="date desc, creation desc",
		limit=limit,
	)
	answers = rows_of(
		"Wellbeing Answer", "Wellbeing Check-in", [c.name for c in check_ins], ["statement", "answer"]
	)
	for check_in in check_ins:
		check_in.answers = answers.get(check_in.name, [])
	return check_ins


def latest_snapshot_of(person: str, fields: list[str]):
	"""Their latest connection snapshot, with the people and places in it; None if there is none."""
	snapshot = next(
		iter(
			frappe.get_list(
				"Connection Snapshot",
				filters={"person": person},
				fields=fields,
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
	return snapshot


def relationships_of(person: str, fields: list[str]) -> list:
	return frappe.get_list(
		"Coaching Relationship", filters={"person": person}, fields=fields, order_by="started_on desc"
	)


def phase_moves_of(relationships: list, fields: list[str]) -> list:
	"""The phase moves of these relationships, newest first."""
	moves = rows_of(
		"Coaching Phase History", "Coaching Relationship", [r.name for r in relationships], fields
	)
	return sorted(
		(move for r in relationships for move in moves.get(r.name, [])),
		key=lambda move: (str(move.from_date), move.idx),
		reverse=True,
	)


@frappe.whitelist()
def story_of(person: str) -> dict:
	"""The story the Person form shows: the latest conversations, aspirations and check-in."""
	refuse_unseen("Person", person)
	relationships = relationships_of(person, ["name", "coach", "phase"])
	return {
		"conversations": conversations_of(
			person,
			["name", "date", "channel", "coach", "conversation", "what_matters"],
			limit=CONVERSATIONS_SHOWN,
		),
		"conversation_count": frappe.get_list(
			"Coaching Conversation", filters={"person": person}, fields=["count(*) as n"]
		)[0].n,
		"aspirations": aspirations_of(
			person, ["name", "in_their_words", "status", "theme", "set_on", "achieved_on"], limit=20
		),
		"check_in": next(
			iter(
				check_ins_of(
					person,
					["name", "date", "measure", "done_with", "score", "scored", "comment"],
					limit=1,
				)
			),
			None,
		),
		"snapshot": latest_snapshot_of(person, ["name", "date", "connection_count", "average_closeness"]),
		"phase_moves": phase_moves_of(
			relationships, ["phase", "from_date", "to_date", "ending_kind", "in_their_words"]
		),
	}
