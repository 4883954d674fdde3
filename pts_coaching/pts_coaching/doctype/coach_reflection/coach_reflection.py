# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt
"""A coach's reflection: their own, and shared with their team when they choose.

Who sees which reflection is decided here for every channel (list, report, search, form, API):
a coach sees their own and those shared by people in a Coaching Team they are in or lead. An analyst
sees every reflection's structured fields (one limited to a delivery partner's teams by a User
Permission, those of the partner's coaches): the reflection itself is at permlevel 1, for coaches only.
"""

import frappe
from frappe.model.document import Document
from frappe.permissions import get_user_permissions
from frappe.query_builder import Criterion

from pts_coaching.pts_coaching.records import check_not_in_future

COACHING_ROLES = {"PTS Coach", "PTS Coaching Lead"}
READING = {"read", "select", "report", "export", "print", "email"}


class CoachReflection(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from pts_coaching.pts_coaching.doctype.coach_reflection_theme.coach_reflection_theme import (
			CoachReflectionTheme,
		)

		coach: DF.Link
		coach_name: DF.Data | None
		date: DF.Date
		reflection: DF.TextEditor | None
		share_with_team: DF.Check
		what_got_in_the_way: DF.TableMultiSelect[CoachReflectionTheme]

	# end: auto-generated types
	def before_validate(self):
		self.coach = self.coach or frappe.session.user

	def validate(self):
		check_not_in_future(self, "date")


def sees_every_reflection(user: str) -> bool:
	if user == "Administrator":
		return True
	roles = set(frappe.get_roles(user))
	return "PTS Analyst" in roles and not roles & COACHING_ROLES and not partner_teams(user)


def partner_teams(user: str) -> list[str]:
	"""The Coaching Teams a User Permission limits a delivery partner's staff to."""
	return [permission.doc for permission in get_user_permissions(user).get("Coaching Team", [])]


def coaches_in(teams: list[str]) -> set[str]:
	members = frappe.get_all(
		"Coaching Team Member", {"parent": ("in", teams), "parenttype": "Coaching Team"}, pluck="user"
	)
	leads = frappe.get_all("Coaching Team", {"name": ("in", teams), "lead": ("is", "set")}, pluck="lead")
	return {*members, *leads}


def partner_analyst_sees(user: str) -> set[str] | None:
	"""For an analyst limited to a partner's teams: the coaches whose reflections they see."""
	roles = set(frappe.get_roles(user))
	if "PTS Analyst" in roles and not roles & COACHING_ROLES and partner_teams(user):
		return coaches_in(partner_teams(user))
	return None


def teammates(user: str) -> set[str]:
	"""The user and everyone in a Coaching Team they are in or lead."""
	teams = set(
		frappe.get_all("Coaching Team Member", {"user": user, "parenttype": "Coaching Team"}, pluck="parent")
	) | set(frappe.get_all("Coaching Team", {"lead": user}, pluck="name"))
	return {user, *coaches_in(sorted(teams))} if teams else {user}


def get_permission_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	criterion = visible_reflections(user or frappe.session.user)
	return "" if criterion is None else f"({criterion.get_sql(quote_char='`', with_namespace=True)})"


def visible_reflections(user: str) -> Criterion | None:
	"""Which reflections the user may see, as a query criterion (lists and reports use the same one);
	None when they may see every one."""
	if sees_every_reflection(user):
		return None
	reflection = frappe.qb.DocType("Coach Reflection")
	partner_coaches = partner_analyst_sees(user)
	if partner_coaches is not None:
		return reflection.coach.isin(sorted(partner_coaches) or [""])
	own = reflection.coach == user
	others = sorted(teammates(user) - {user})
	if not others:
		return own
	return own | ((reflection.share_with_team == 1) & reflection.coach.isin(others))


def has_permission(doc, ptype: str | None = None, user: str | None = None) -> bool:
	user = user or frappe.session.user
	if user == "Administrator" or not doc.coach or doc.coach == user:
		return True
	# A coach writes, changes and deletes only their own reflections.
	if ptype not in READING:
		return False
	partner_coaches = partner_analyst_sees(user)
	if partner_coaches is not None:
		return doc.coach in partner_coaches
	return sees_every_reflection(user) or bool(doc.share_with_team and doc.coach in teammates(user))
