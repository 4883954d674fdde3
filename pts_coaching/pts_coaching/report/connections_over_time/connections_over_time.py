# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt
"""Connections Over Time: each person's network at their first and latest Connection Snapshot.

Only the kind and closeness of each connection are read: who they are, in the person's words, stays on
the snapshot. The arithmetic is pts_coaching.report_arithmetic.connections_over_time.
"""

import frappe
from frappe import _

from pts_coaching.pts_coaching.report.reporting import (
	child_rows_of,
	coached_within,
	frame,
	in_order,
	nothing_yet,
	number,
	options,
	period,
	rows_of,
	summary,
	then_and_now_chart,
	visible,
)
from pts_coaching.report_arithmetic.connections_over_time import over_time


def execute(filters=None):
	filters = frappe._dict(filters or {})
	from_date, to_date = period(filters)
	snapshot = frappe.qb.DocType("Connection Snapshot")
	connection = frappe.qb.DocType("Person Connection")
	query = (
		frappe.qb.from_(snapshot)
		.left_join(connection)
		.on(child_rows_of(snapshot, connection, "connections"))
		.select(
			snapshot.name,
			snapshot.person,
			snapshot.date,
			in_order(snapshot.creation),
			connection.kind,
			connection.closeness,
			snapshot.person_name,
		)
		.where(snapshot.date.between(from_date, to_date))
	)
	query = coached_within(visible(query, "Connection Snapshot"), snapshot.person, filters)
	result = over_time(
		frame(query, ["snapshot", "person", "date", "order", "kind", "closeness", "person_name"]),
		kind_order=options("Person Connection", "kind"),
	)
	if result.people.empty:
		return nothing_yet(
			columns(),
			_("No connection snapshots in this period yet."),
			_("Connection snapshots in this period"),
		)
	people = result.people.sort_values(["person_name", "person"], kind="stable")
	return columns(), rows_of(people), None, chart(result), report_summary(result)


def columns() -> list[dict]:
	closeness = {"fieldtype": "Float", "precision": 1, "width": 120}
	return [
		{"fieldname": "person", "label": _("Person"), "fieldtype": "Link", "options": "Person", "width": 110},
		{"fieldname": "person_name", "label": _("Name"), "fieldtype": "Data", "width": 150},
		{"fieldname": "snapshots", "label": _("Snapshots"), "fieldtype": "Int", "width": 90},
		{"fieldname": "first_date", "label": _("First snapshot"), "fieldtype": "Date", "width": 110},
		{"fieldname": "first_size", "label": _("Connections then"), "fieldtype": "Int", "width": 130},
		{"fieldname": "first_closeness", "label": _("Closeness then"), **closeness},
		{"fieldname": "latest_date", "label": _("Latest snapshot"), "fieldtype": "Date", "width": 110},
		{"fieldname": "latest_size", "label": _("Connections now"), "fieldtype": "Int", "width": 130},
		{"fieldname": "latest_closeness", "label": _("Closeness now"), **closeness},
		{"fieldname": "size_change", "label": _("Change in connections"), "fieldtype": "Int", "width": 160},
		{"fieldname": "closeness_change", "label": _("Change in closeness"), **closeness},
	]


def chart(result) -> dict:
	return then_and_now_chart(
		_("Connections of each kind, at the first and latest snapshot"),
		[_(kind) for kind in result.kinds["kind"]],
		(_("First snapshot"), result.kinds["first"].tolist()),
		(_("Latest snapshot"), result.kinds["latest"].tolist()),
	)


def report_summary(result) -> list[dict]:
	return [
		summary(result.people_compared, _("People with two or more snapshots")),
		summary(
			result.people_with_one_snapshot, _("People with one snapshot in this period"), indicator="Grey"
		),
		summary(number(result.mean_first_size), _("Mean connections at first"), "Float"),
		summary(number(result.mean_latest_size), _("Mean connections at latest"), "Float"),
		summary(number(result.mean_first_closeness), _("Mean closeness at first (1 to 5)"), "Float"),
		summary(number(result.mean_latest_closeness), _("Mean closeness at latest (1 to 5)"), "Float"),
		summary(result.share_larger, _("More connections than at first"), "Percent", "Green"),
	]
