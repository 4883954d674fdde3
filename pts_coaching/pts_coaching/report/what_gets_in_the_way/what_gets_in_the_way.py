# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt
"""What Gets in the Way: the themes coaches name in their reflections, period by period, so that an
organisation learns what in the system gets in the way.

A coach sees their own reflections and those their team shares (coach_reflection.py decides, for this
report as for every list). Only the themes are read: the reflection itself stays with the coaches.
The arithmetic is pts_coaching.report_arithmetic.what_gets_in_the_way.
"""

import frappe
from frappe import _
from frappe.query_builder.functions import Count, IfNull

from pts_coaching.pts_coaching.doctype.coach_reflection.coach_reflection import visible_reflections
from pts_coaching.pts_coaching.report.reporting import (
	child_rows_of,
	frame,
	marked_if_partial,
	nothing_yet,
	period,
	rows_of,
	summary,
)
from pts_coaching.report_arithmetic.over_time import MONTH, PERIODS, QUARTER
from pts_coaching.report_arithmetic.what_gets_in_the_way import (
	COUNTED,
	NAMED_NONE,
	days_and_themes,
	in_the_way,
)


def execute(filters=None):
	filters = frappe._dict(filters or {})
	from_date, to_date = period(filters)
	grain = filters.period if filters.period in PERIODS else MONTH
	reflection = frappe.qb.DocType("Coach Reflection")
	theme = frappe.qb.DocType("Coach Reflection Theme")
	named = IfNull(theme.theme, NAMED_NONE)
	# One pass: each day's count of each theme named, of none named, and, rolled up, of all.
	query = (
		frappe.qb.from_(reflection)
		.left_join(theme)
		.on(child_rows_of(reflection, theme, "what_got_in_the_way"))
		.select(reflection.date, named, Count(reflection.name).distinct())
		.where(reflection.date.between(from_date, to_date))
		.groupby(reflection.date, named)
		.rollup(vendor="mysql")
	)
	if (criterion := visible_reflections(frappe.session.user)) is not None:
		query = query.where(criterion)
	if filters.coach:
		query = query.where(reflection.coach == filters.coach)
	if filters.team:
		query = query.where(reflection.coach.isin(coaches_in(filters.team)))
	result = in_the_way(*days_and_themes(frame(query, COUNTED)), from_date, to_date, grain)
	if not result.reflections:
		return nothing_yet(
			columns([]), _("No reflections in this period yet."), _("Reflections in this period")
		)
	labels = marked_if_partial(result.periods["period"].tolist(), from_date, to_date, grain)
	periods = result.periods.rename(columns={name: fieldname(name) for name in result.themes})
	periods = periods.assign(period=labels)
	return columns(result.themes), rows_of(periods), None, chart(result, labels), report_summary(result)


def fieldname(theme: str) -> str:
	# Themes are an admin's words: kept apart from the report's own columns.
	return f"theme_{frappe.scrub(theme)}"


def coaches_in(team: str):
	"""The coaches of a team and its lead."""
	member = frappe.qb.DocType("Coaching Team Member")
	coaching_team = frappe.qb.DocType("Coaching Team")
	return (
		frappe.qb.from_(member)
		.select(member.user)
		.where((member.parent == team) & (member.parenttype == "Coaching Team"))
	) + frappe.qb.from_(coaching_team).select(coaching_team.lead).where(coaching_team.name == team)


def columns(themes) -> list[dict]:
	return [
		{"fieldname": "period", "label": _("Period"), "fieldtype": "Data", "width": 90},
		*(
			{"fieldname": fieldname(name), "label": _(name), "fieldtype": "Int", "width": 130}
			for name in themes
		),
		{"fieldname": "reflections", "label": _("Reflections"), "fieldtype": "Int", "width": 100},
		{
			"fieldname": "naming_something",
			"label": _("Naming something that got in the way"),
			"fieldtype": "Int",
			"width": 250,
		},
	]


def chart(result, labels: list[str]) -> dict:
	return {
		"title": _("What got in the way, per period"),
		"data": {
			"labels": labels,
			"datasets": [
				{"name": _(name), "values": result.periods[name].tolist()} for name in result.themes
			],
		},
		"type": "bar",
		"barOptions": {"stacked": 1},
	}


def report_summary(result) -> list[dict]:
	most_named = next(iter(result.themes), None)
	return [
		summary(result.reflections, _("Reflections")),
		summary(result.share_naming_something, _("Naming something that got in the way"), "Percent"),
		*([summary(_(most_named), _("Named most often"), "Data", "Orange")] if most_named else []),
	]
