# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt
"""Connections Over Time: each person's network at their first and latest Connection Snapshot.

Only the kind and closeness of each connection are read: who they are, in the person's words, stays on
the snapshot. The arithmetic is pts_coaching.report_arithmetic.connections_over_time.
"""

import frappe
import pandas as pd
from frappe import _
from frappe.query_builder import Case
from frappe.query_builder.functions import Count, Max, Sum
from pypika.analytics import Count as WindowCount
from pypika.analytics import RowNumber

from pts_coaching.pts_coaching.report.reporting import (
	coached_within,
	frame,
	nothing_yet,
	number,
	options,
	period,
	rows_of,
	summary,
	then_and_now_chart,
	visible,
)
from pts_coaching.report_arithmetic.connections_over_time import PER_PERSON, TO_COMPARE, over_time


def execute(filters=None):
	filters = frappe._dict(filters or {})
	from_date, to_date = period(filters)
	snapshots = in_the_period(from_date, to_date, filters)
	result = over_time(per_person(snapshots), kinds(snapshots), options("Person Connection", "kind"))
	if result.people.empty:
		return nothing_yet(
			columns(),
			_("No connection snapshots in this period yet."),
			_("Connection snapshots in this period"),
		)
	people = result.people.sort_values(["person_name", "person"], kind="stable")
	return columns(), rows_of(people), None, chart(result), report_summary(result)


def in_the_period(from_date, to_date, filters):
	"""The period's snapshots the user may see: each with its person, date and name, which of the
	person's it is counting from their first (from_first), and how many the person has (snapshots)."""
	snapshot = frappe.qb.DocType("Connection Snapshot")
	query = (
		frappe.qb.from_(snapshot)
		.select(
			snapshot.name,
			snapshot.person,
			snapshot.date,
			snapshot.person_name,
			RowNumber()
			.over(snapshot.person)
			.orderby(snapshot.date)
			.orderby(snapshot.creation)
			.orderby(snapshot.name)
			.as_("from_first"),
			WindowCount(snapshot.name).over(snapshot.person).as_("snapshots"),
		)
		.where(snapshot.date.between(from_date, to_date))
	)
	return coached_within(visible(query, "Connection Snapshot"), snapshot.person, filters)


def per_person(snapshots) -> pd.DataFrame:
	"""Each person's first and latest snapshot, their connections counted and their closeness added up
	in the database: one row per person."""
	connection = frappe.qb.DocType("Person Connection")
	first = snapshots.from_first == 1
	latest = snapshots.from_first == snapshots.snapshots

	def network(at):
		return (
			Max(Case().when(at, snapshots.date)),
			Count(Case().when(at, connection.kind)),
			Sum(Case().when(at, connection.closeness)),
			Count(Case().when(at, connection.closeness)),
		)

	query = (
		frappe.qb.from_(snapshots)
		.left_join(connection)
		.on(connections_of(snapshots, connection))
		.select(
			snapshots.person,
			Max(snapshots.snapshots),
			*network(first),
			*network(latest),
			Max(Case().when(latest, snapshots.person_name)),
		)
		.where(first | latest)
		.groupby(snapshots.person)
		.orderby(snapshots.person)
	)
	return frame(query, [*PER_PERSON, "person_name"])


def kinds(snapshots) -> pd.DataFrame:
	"""How many connections of each kind the people compared had at their first and latest snapshot."""
	connection = frappe.qb.DocType("Person Connection")
	first = snapshots.from_first == 1
	latest = snapshots.from_first == snapshots.snapshots
	query = (
		frappe.qb.from_(snapshots)
		.join(connection)
		.on(connections_of(snapshots, connection))
		.select(connection.kind, Sum(first), Sum(latest))
		.where(snapshots.snapshots >= TO_COMPARE)
		.where(first | latest)
		.where(connection.kind.isnotnull())
		.groupby(connection.kind)
	)
	return frame(query, ["kind", "first", "latest"])


def connections_of(snapshots, connection):
	return (
		(connection.parent == snapshots.name)
		& (connection.parenttype == "Connection Snapshot")
		& (connection.parentfield == "connections")
	)


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
