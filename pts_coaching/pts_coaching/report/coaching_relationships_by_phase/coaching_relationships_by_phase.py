# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt
"""Coaching Relationships by Phase: per team and coach, how many relationships are in each phase.

A phase is where a person is, on their terms: a pause is not dropping out, and ending together or
moving on is good news. The phase on the report's day comes from the phase history, so a past day
shows the phases as they were then. The arithmetic is
pts_coaching.report_arithmetic.coaching_relationships_by_phase.
"""

import frappe
from frappe import _
from frappe.query_builder import Case, Order
from frappe.query_builder.functions import Count
from pypika.analytics import RowNumber

from pts_coaching.lifecycle import (
	ENDED,
	ENDING_TOGETHER,
	GETTING_TO_KNOW_EACH_OTHER,
	PAUSED,
	PHASES,
	WORKING_TOGETHER,
)
from pts_coaching.pts_coaching.report.reporting import (
	child_rows_of,
	frame,
	nothing_yet,
	period,
	rows_of,
	summary,
	visible,
	within_relationships,
)
from pts_coaching.report_arithmetic.coaching_relationships_by_phase import (
	NO_TEAM,
	PHASES_ON_THE_DAY,
	by_phase,
)

# No phase is shown as a warning: ending together and moving on are good news.
PHASE_COLOURS = {
	GETTING_TO_KNOW_EACH_OTHER: "#A6B1B9",
	WORKING_TOGETHER: "#5E64FF",
	PAUSED: "#743EE2",
	ENDING_TOGETHER: "#48BB74",
	ENDED: "#29CD42",
}
PHASE_INDICATORS = {
	GETTING_TO_KNOW_EACH_OTHER: "Blue",
	WORKING_TOGETHER: "Blue",
	PAUSED: "Blue",
	ENDING_TOGETHER: "Green",
	ENDED: "Green",
}


def execute(filters=None):
	filters = frappe._dict(filters or {})
	from_date, to_date = period(filters)
	result = by_phase(frame(phases_on(from_date, to_date, filters), PHASES_ON_THE_DAY))
	if not result.relationships:
		return nothing_yet(
			columns(), _("No coaching relationships in this period yet."), _("Coaching relationships")
		)
	coaches = result.by_coach.rename(columns={phase: frappe.scrub(phase) for phase in PHASES})
	coaches = coaches.assign(
		team=coaches["team"].replace({NO_TEAM: None}),
		coach_name=coaches["coach"].map(lambda user: frappe.utils.get_fullname(user)),
	)
	return columns(), rows_of(coaches), None, chart(result), report_summary(result)


def phases_on(from_date, to_date, filters):
	"""Each relationship's phase on `to_date`, the last move in its history by then (of two on one day,
	the later in the history), counted per team, coach, phase and whether it moved in before `from_date`."""
	relationship = frappe.qb.DocType("Coaching Relationship")
	history = frappe.qb.DocType("Coaching Phase History")
	moves = (
		frappe.qb.from_(relationship)
		.join(history)
		.on(child_rows_of(relationship, history, "phase_history"))
		.select(
			relationship.team,
			relationship.coach,
			history.phase,
			history.from_date,
			RowNumber().over(relationship.name).orderby(history.idx, order=Order.desc).as_("from_latest"),
		)
		.where(history.from_date <= to_date)
	)
	moves = within_relationships(visible(moves, "Coaching Relationship"), relationship, filters).as_("moves")
	since_before = Case().when(moves.from_date < from_date, 1).else_(0)
	return (
		frappe.qb.from_(moves)
		.select(moves.team, moves.coach, moves.phase, since_before, Count("*"))
		.where(moves.from_latest == 1)
		.groupby(moves.team, moves.coach, moves.phase, since_before)
	)


def columns() -> list[dict]:
	return [
		{
			"fieldname": "team",
			"label": _("Team"),
			"fieldtype": "Link",
			"options": "Coaching Team",
			"width": 140,
		},
		{"fieldname": "coach", "label": _("Coach"), "fieldtype": "Link", "options": "User", "width": 180},
		{"fieldname": "coach_name", "label": _("Coach's name"), "fieldtype": "Data", "width": 140},
		*(
			{"fieldname": frappe.scrub(phase), "label": _(phase), "fieldtype": "Int", "width": 130}
			for phase in PHASES
		),
		{"fieldname": "relationships", "label": _("Relationships"), "fieldtype": "Int", "width": 110},
	]


def chart(result) -> dict:
	return {
		"title": _("Coaching relationships by phase"),
		"data": {
			"labels": [_(phase) for phase in PHASES],
			"datasets": [
				{"name": _("Relationships"), "values": [result.by_phase[phase] for phase in PHASES]}
			],
		},
		"type": "donut",
		"colors": [PHASE_COLOURS[phase] for phase in PHASES],
	}


def report_summary(result) -> list[dict]:
	# Counted on the period's last day, as the columns are: one that ended and came back is not here.
	labels = {ENDED: _("Ended in this period and still ended on its last day")}
	return [
		summary(result.relationships, _("Coaching relationships")),
		*(
			summary(result.by_phase[phase], labels.get(phase, _(phase)), indicator=PHASE_INDICATORS[phase])
			for phase in PHASES
		),
	]


@frappe.whitelist()
def people_you_coach_now(filters=None):
	"""The "People you coach now" card: people in a relationship not ended whose coach is the user."""
	return coached_now(filters, coach=("=", frappe.session.user))


@frappe.whitelist()
def people_others_coach_now(filters=None):
	"""The "People others coach now, that you see" card: the rest of the people the user may see in a
	relationship not ended, such as those a coach's team shares with them, or a lead's teams'."""
	return coached_now(filters, coach=("!=", frappe.session.user))


def coached_now(filters, coach: tuple[str, str]) -> dict:
	"""Counted with the same rule as the list the card opens, so the two agree."""
	filters = frappe.parse_json(filters)
	# A card's own filters are a list of conditions; anything else is not a card's.
	conditions = [*(filters if isinstance(filters, list) else []), ["phase", "!=", ENDED], ["coach", *coach]]
	[[people]] = frappe.get_list(
		"Coaching Relationship", filters=conditions, fields=["count(distinct person)"], as_list=True
	)
	return {
		"value": people,
		"fieldtype": "Int",
		"route": ["List", "Coaching Relationship"],
		"route_options": {"phase": ["!=", ENDED], "coach": list(coach)},
	}
