# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt
"""Connections Over Time: each person's network at their first and latest Connection Snapshot.

Only the kind and closeness of each connection are read: who they are, in the person's words, stays on
the snapshot. The arithmetic is pts_coaching.report_arithmetic.connections_over_time.
"""

import frappe
import pandas as pd
from frappe import _
from frappe.query_builder import Case, CustomFunction
from frappe.query_builder.functions import Concat, Count, Max, Min, Sum
from pypika.terms import ValueWrapper

from pts_coaching.pts_coaching.report.reporting import (
	Listed,
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
from pts_coaching.report_arithmetic.connections_over_time import KINDS_APART, PER_PERSON, over_time


def execute(filters=None):
	filters = frappe._dict(filters or {})
	from_date, to_date = period(filters)
	result = over_time(per_person(from_date, to_date, filters), options("Person Connection", "kind"))
	if result.people.empty:
		return nothing_yet(
			columns(),
			_("No connection snapshots in this period yet."),
			_("Connection snapshots in this period"),
		)
	people = result.people.sort_values(["person_name", "person"], kind="stable")
	return columns(), rows_of(people), None, chart(result), report_summary(result)


# A snapshot's place among a person's: CONCAT(date, creation, name), the first and latest of which
# MariaDB finds as it counts, with no sort (a window over them sorts every snapshot). The name follows
# the day (10 characters) and the moment (26, to the microsecond).
NAME_FROM = 37
FIRST, LATEST = "first", "latest"
Substring = CustomFunction("SUBSTRING", ["text", "start"])


def per_person(from_date, to_date, filters) -> pd.DataFrame:
	"""Each person's snapshots in the period the user may see, counted, and their first and latest
	snapshots' connections counted, their closeness added up and their kinds listed, in the database:
	one row per person."""
	snapshot = frappe.qb.DocType("Connection Snapshot")
	in_order = Concat(snapshot.date, snapshot.creation, snapshot.name)
	ends = coached_within(
		visible(
			frappe.qb.from_(snapshot)
			.select(
				snapshot.person,
				Count("*").as_("snapshots"),
				Min(snapshot.date).as_("first_date"),
				Substring(Min(in_order), NAME_FROM).as_(FIRST),
				Max(snapshot.date).as_("latest_date"),
				Substring(Max(in_order), NAME_FROM).as_(LATEST),
			)
			.where(snapshot.date.between(from_date, to_date)),
			"Connection Snapshot",
		),
		snapshot.person,
		filters,
	)
	ends = ends.groupby(snapshot.person).as_("ends")
	# Each person's row twice, once for each end, to meet that snapshot's connections.
	each_end = frappe.qb.select(ValueWrapper(FIRST).as_("end_of")).union_all(
		frappe.qb.select(ValueWrapper(LATEST))
	)
	each_end = each_end.as_("each_end")
	latest_snapshot = frappe.qb.DocType("Connection Snapshot").as_("latest_snapshot")
	connection = frappe.qb.DocType("Person Connection")
	at_the_end = Case().when(each_end.end_of == FIRST, ends.first).else_(ends.latest)

	def network(end):
		at = each_end.end_of == end
		return (
			Max(getattr(ends, f"{end}_date")),
			Count(Case().when(at, connection.kind)),
			Sum(Case().when(at, connection.closeness)),
			Count(Case().when(at, connection.closeness)),
			Listed(Case().when(at, connection.kind), KINDS_APART),
		)

	query = (
		frappe.qb.from_(ends)
		.join(latest_snapshot)
		.on(latest_snapshot.name == ends.latest)
		.join(each_end)
		.cross()
		.left_join(connection)
		.on(
			(connection.parent == at_the_end)
			& (connection.parenttype == "Connection Snapshot")
			& (connection.parentfield == "connections")
		)
		.select(
			ends.person,
			Max(ends.snapshots),
			*network(FIRST),
			*network(LATEST),
			Max(latest_snapshot.person_name),
		)
		.groupby(ends.person)
	)
	return frame(query, [*PER_PERSON, "person_name"])


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
