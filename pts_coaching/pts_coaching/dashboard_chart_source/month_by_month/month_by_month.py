# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt
"""The workspace's charts of conversations and check-ins per month over the last twelve months, with the
month in progress drawn apart as "this month so far": Frappe's own count charts draw it as a whole
month, which looks like a fall at the start of every month.

Counted with the same rule that keeps lists and reports to the people the user may see. Not cached:
Frappe's chart cache is one per chart for every user, and each user sees their own people.
"""

import frappe
from frappe import _
from frappe.query_builder import CustomFunction
from frappe.query_builder.functions import Count
from frappe.utils import add_months, formatdate, get_first_day, getdate, today

from pts_coaching.pts_coaching.report.reporting import visible
from pts_coaching.report_arithmetic.over_time import MONTH, SO_FAR, partial_periods, periods_between

COUNTED = ("Coaching Conversation", "Wellbeing Check-in")
DateFormat = CustomFunction("DATE_FORMAT", ["date", "format"])


@frappe.whitelist()
def get(
	chart_name=None,
	chart=None,
	no_cache=None,
	filters=None,
	from_date=None,
	to_date=None,
	timespan=None,
	time_interval=None,
	heatmap_year=None,
):
	doctype = (frappe.parse_json(filters) or {}).get("records")
	if doctype not in COUNTED:
		frappe.throw(_("Choose what to count: conversations or wellbeing check-ins."))
	frappe.has_permission(doctype, "read", throw=True)
	to_date = getdate(today())
	from_date = get_first_day(add_months(to_date, -11))
	table = frappe.qb.DocType(doctype)
	month = DateFormat(table.date, "%Y-%m")
	query = (
		frappe.qb.from_(table)
		.select(month, Count("*"))
		.where(table.date.between(from_date, to_date))
		.groupby(month)
	)
	counts = dict(visible(query, doctype).run())
	months = periods_between(from_date, to_date, MONTH)
	so_far = [
		month for month, mark in partial_periods(from_date, to_date, MONTH, to_date).items() if mark == SO_FAR
	]
	whole = [0 if month in so_far else counts.get(month, 0) for month in months]
	datasets = [{"name": _("Whole months"), "values": whole}]
	if so_far:
		# Its own colour in the same column, named in the legend, at any width: a label can be cut.
		datasets.append(
			{
				"name": _("This month so far"),
				"values": [counts.get(month, 0) if month in so_far else 0 for month in months],
			}
		)
	return {
		"labels": [formatdate(f"{month}-01", "MMM") for month in months],
		"datasets": datasets,
	}
