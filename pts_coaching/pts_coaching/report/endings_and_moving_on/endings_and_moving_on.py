# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt
"""Endings and Moving On: how relationships ended, how long they had lasted, and who came back.

Every ending in the period is read from the phase history, with its kind as recorded then. The
arithmetic is pts_coaching.report_arithmetic.endings_and_moving_on; the ending in the person's own
words stays on the relationship.
"""

import frappe
import pandas as pd
from frappe import _
from frappe.query_builder import Order

from pts_coaching.lifecycle import ENDED
from pts_coaching.pts_coaching.report.reporting import (
	child_rows_of,
	frame,
	nothing_yet,
	number,
	period,
	rows_of,
	summary,
	visible,
	within_relationships,
)
from pts_coaching.report_arithmetic.endings_and_moving_on import NOT_SAID, PER_ENDING, endings


def execute(filters=None):
	filters = frappe._dict(filters or {})
	from_date, to_date = period(filters)
	result = endings(moves_into_ended(from_date, to_date, filters))
	if result.endings.empty:
		return nothing_yet(
			columns(), _("No relationships ended in this period."), _("Endings in this period")
		)
	by_kind = result.by_kind.assign(ending_kind=result.by_kind["ending_kind"].map(said_kind))
	return columns(), rows_of(by_kind), None, chart(by_kind), report_summary(result)


def moves_into_ended(from_date, to_date, filters) -> pd.DataFrame:
	"""Each move into Ended in the period, found in the phase history of the relationships the user may
	see, with the phases either side of it and the first day of the relationship (its history's first).
	Those are looked up beside each ending, so that the report reads the endings, not every history
	they are in."""
	relationship = frappe.qb.DocType("Coaching Relationship")
	history = frappe.qb.DocType("Coaching Phase History")
	ending, began, previous, following = (
		history.as_(alias) for alias in ("ending", "began", "previous", "following")
	)
	query = visible(
		frappe.qb.from_(ending)
		.join(relationship)
		.on(child_rows_of(relationship, ending, "phase_history"))
		.select(
			relationship.name,
			ending.from_date,
			ending.ending_kind,
			# The first day noted, as the first row may have none.
			in_the_history_of(ending, began)
			.select(began.from_date)
			.where(began.from_date.isnotnull())
			.orderby(began.idx),
			in_the_history_of(ending, previous)
			.select(previous.phase)
			.where(previous.idx < ending.idx)
			.orderby(previous.idx, order=Order.desc),
			in_the_history_of(ending, following)
			.select(following.phase)
			.where(following.idx > ending.idx)
			.orderby(following.idx),
		)
		.where(ending.phase == ENDED)
		.where(ending.from_date.between(from_date, to_date)),
		"Coaching Relationship",
	)
	return frame(within_relationships(query, relationship, filters), PER_ENDING)


def in_the_history_of(ending, row):
	"""A sub-query for one row, `row`, of the same history as `ending`: its caller says which."""
	return (
		frappe.qb.from_(row)
		.where(row.parent == ending.parent)
		.where(row.parenttype == ending.parenttype)
		.where(row.parentfield == ending.parentfield)
		.limit(1)
	)


def said_kind(kind: str) -> str:
	return _("No kind chosen") if kind == NOT_SAID else _(kind)


def columns() -> list[dict]:
	days = {"fieldtype": "Float", "precision": 1, "width": 140}
	return [
		{"fieldname": "ending_kind", "label": _("How it ended"), "fieldtype": "Data", "width": 150},
		{"fieldname": "endings", "label": _("Endings"), "fieldtype": "Int", "width": 90},
		{"fieldname": "lower_quartile", "label": _("Days together: lower quartile"), **days},
		{"fieldname": "median", "label": _("Days together: median"), **days},
		{"fieldname": "upper_quartile", "label": _("Days together: upper quartile"), **days},
		{
			"fieldname": "ended_together",
			"label": _("After ending together"),
			"fieldtype": "Int",
			"width": 160,
		},
		{"fieldname": "came_back", "label": _("Came back"), "fieldtype": "Int", "width": 100},
	]


def chart(by_kind) -> dict:
	return {
		"title": _("How relationships ended"),
		"data": {
			"labels": by_kind["ending_kind"].tolist(),
			"datasets": [
				{"name": _("Endings"), "values": by_kind["endings"].tolist()},
				{"name": _("Came back"), "values": by_kind["came_back"].tolist()},
			],
		},
		"type": "bar",
		"colors": ["#29CD42", "#5E64FF"],
	}


def report_summary(result) -> list[dict]:
	return [
		summary(len(result.endings), _("Endings in this period (one that ended twice counts twice)")),
		summary(
			result.endings["relationship"].nunique(),
			_("Relationships that ended in this period"),
			indicator="Green",
		),
		summary(number(result.length.median), _("Median days together"), "Float"),
		summary(number(result.length.lower_quartile), _("Lower quartile (days)"), "Float"),
		summary(number(result.length.upper_quartile), _("Upper quartile (days)"), "Float"),
		summary(result.ended_together, _("Ended after a time of ending together"), indicator="Green"),
		summary(result.came_back, _("Came back since")),
	]
