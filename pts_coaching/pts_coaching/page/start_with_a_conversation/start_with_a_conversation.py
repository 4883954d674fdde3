# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt

import frappe
from frappe.utils import format_date, get_fullname

from pts_coaching.pts_coaching.doctype.coaching_team.coaching_team import (
	chosen_last,
	team_for,
	teams_coached_in,
)

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
	team: str | None = None,
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
				"team": team_for(frappe.session.user, team),
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


@frappe.whitelist()
def teams_to_choose_from() -> dict:
	"""The blank page asks which team only of a coach who works in more than one."""
	teams = teams_coached_in(frappe.session.user)
	return {"teams": teams, "chosen_last": chosen_last(frappe.session.user, teams) if teams else None}


@frappe.whitelist()
def people_with_this_name(preferred_name: str) -> list[dict]:
	"""People the user may already see whose name is like the one typed: the blank page asks whether
	it is one of them, and never stops anyone starting someone new."""
	like = f"%{preferred_name.strip()}%"
	people = frappe.get_list(
		"Person",
		or_filters={"preferred_name": ("like", like), "full_name": ("like", like)},
		fields=["name", "preferred_name"],
		order_by="modified desc",
		limit=5,
	)
	found = []
	for person in people:
		relationship = frappe.get_list(
			"Coaching Relationship",
			filters={"person": person.name},
			fields=["coach", "started_on"],
			order_by="started_on desc",
			limit=1,
		)
		coach, since = (relationship[0].coach, relationship[0].started_on) if relationship else (None, None)
		found.append(
			{
				"person": person.name,
				"person_name": person.preferred_name,
				"coach_name": frappe._("you")
				if coach == frappe.session.user
				else coach and get_fullname(coach),
				"since": since and format_date(since, "MMMM yyyy"),
			}
		)
	return found
