# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document


class CoachingTeam(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from pts_coaching.pts_coaching.doctype.coaching_team_member.coaching_team_member import (
			CoachingTeamMember,
		)

		delivery_partner: DF.Data | None
		lead: DF.Link | None
		members: DF.Table[CoachingTeamMember]
		team_name: DF.Data
	# end: auto-generated types
	pass


def teams_coached_in(coach: str) -> list[str]:
	"""The teams a coach works in: those they are a member of, or else those they lead."""
	return sorted(
		frappe.get_all(
			"Coaching Team Member", filters={"user": coach, "parenttype": "Coaching Team"}, pluck="parent"
		)
		or frappe.get_all("Coaching Team", filters={"lead": coach}, pluck="name")
	)


def chosen_last(coach: str, teams: list[str]) -> str | None:
	"""The team of the coach's latest relationship among their teams: the choice they made last, kept
	where it was made rather than in a cache of defaults that a concurrent request can make stale."""
	latest = frappe.get_all(
		"Coaching Relationship",
		filters={"coach": coach, "team": ("in", teams)},
		pluck="team",
		order_by="creation desc",
		limit=1,
	)
	return latest[0] if latest else None


def team_for(coach: str, chosen: str | None = None) -> str | None:
	"""The team a new relationship of this coach belongs to: theirs, if they are in one; the one they
	chose, if they are in more; or else the one they chose last."""
	teams = teams_coached_in(coach)
	if chosen:
		if chosen not in teams:
			frappe.throw(_("Choose one of the teams you work in."), title=_("Which team?"))
		return chosen
	if len(teams) == 1:
		return teams[0]
	return chosen_last(coach, teams) if teams else None
