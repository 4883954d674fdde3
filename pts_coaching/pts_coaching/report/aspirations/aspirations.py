# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt
"""Aspirations: by theme and status, the share achieved, and how long achieving took.

The arithmetic is pts_coaching.report_arithmetic.aspirations. Only structured fields are read: the
aspiration in the person's words stays on its form.
"""

import frappe
from frappe import _
from frappe.query_builder import CustomFunction
from frappe.query_builder.functions import Count
from frappe.utils import add_days, get_year_start, getdate, today

from pts_coaching.aspirations import ACHIEVED, CHANGED_MY_MIND, ON_HOLD, STATUSES
from pts_coaching.pts_coaching.report.reporting import (
	coached_within,
	frame,
	nothing_yet,
	number,
	period,
	rows_of,
	summary,
	visible,
)
from pts_coaching.report_arithmetic.aspirations import COUNTED, NO_THEME, by_theme

STATUS_COLOURS = {
	"Thinking about it": "#A6B1B9",
	"Working on it": "#5E64FF",
	ACHIEVED: "#29CD42",
	CHANGED_MY_MIND: "#FFA00A",
	ON_HOLD: "#743EE2",
}


# MariaDB's DATEDIFF, whole days from the second date to the first.
DaysBetween = CustomFunction("DATEDIFF", ["later", "earlier"])


def execute(filters=None):
	filters = frappe._dict(filters or {})
	from_date, to_date = period(filters)
	aspiration = frappe.qb.DocType("Aspiration")
	days = DaysBetween(aspiration.achieved_on, aspiration.set_on)
	query = (
		frappe.qb.from_(aspiration)
		.select(aspiration.theme, aspiration.status, days, Count("*"))
		.where(
			aspiration.set_on.between(from_date, to_date)
			# Without the day it was set, the day it was noted.
			| (
				aspiration.set_on.isnull()
				& (aspiration.creation >= from_date)
				& (aspiration.creation < add_days(to_date, 1))
			)
		)
	)
	if filters.theme:
		query = query.where(aspiration.theme == filters.theme)
	query = coached_within(visible(query, "Aspiration"), aspiration.person, filters)
	query = query.groupby(aspiration.theme, aspiration.status, days)
	result = by_theme(frame(query, COUNTED))
	if not result.aspirations:
		return nothing_yet(
			columns(), _("No aspirations set in this period yet."), _("Aspirations set in this period")
		)
	achieved_in_period = achieved_between(from_date, to_date, filters)
	themes = result.themes.assign(
		theme=result.themes["theme"].replace({NO_THEME: _("No theme")}),
		median_days_to_achieve=result.themes["median_days_to_achieve"].map(number),
	).rename(columns={status: frappe.scrub(status) for status in STATUSES})
	return columns(), rows_of(themes), None, chart(result), report_summary(result, achieved_in_period)


def achieved_between(from_date, to_date, filters) -> int:
	"""Aspirations achieved on a day in the period, whenever they were set: what the workspace's card
	counts for this year."""
	aspiration = frappe.qb.DocType("Aspiration")
	query = (
		frappe.qb.from_(aspiration)
		.select(Count("*"))
		.where((aspiration.status == ACHIEVED) & aspiration.achieved_on.between(from_date, to_date))
	)
	if filters.get("theme"):
		query = query.where(aspiration.theme == filters["theme"])
	[[achieved]] = coached_within(visible(query, "Aspiration"), aspiration.person, filters).run()
	return achieved


@frappe.whitelist()
def aspirations_achieved_this_year(filters=None):
	"""The workspace's "Aspirations achieved this year" card: the same count as the report's "Achieved in
	this period, whenever set" for this calendar year, and it opens the report for that period."""
	from_date, to_date = get_year_start(today()), getdate(today())
	return {
		"value": achieved_between(from_date, to_date, {}),
		"fieldtype": "Int",
		"route": ["query-report", "Aspirations"],
		"route_options": {"from_date": str(from_date), "to_date": str(to_date)},
	}


def columns() -> list[dict]:
	return [
		{"fieldname": "theme", "label": _("Theme"), "fieldtype": "Data", "width": 140},
		*(
			{"fieldname": frappe.scrub(status), "label": _(status), "fieldtype": "Int", "width": 120}
			for status in STATUSES
		),
		{"fieldname": "aspirations", "label": _("Aspirations"), "fieldtype": "Int", "width": 100},
		{"fieldname": "share_achieved", "label": _("Achieved (%)"), "fieldtype": "Percent", "width": 110},
		{
			"fieldname": "median_days_to_achieve",
			"label": _("Median days to achieve"),
			"fieldtype": "Float",
			"precision": 1,
			"width": 170,
		},
	]


def chart(result) -> dict:
	themes = result.themes
	return {
		"title": _("Aspirations by theme and status"),
		"data": {
			"labels": [theme or _("No theme") for theme in themes["theme"]],
			"datasets": [{"name": _(status), "values": themes[status].tolist()} for status in STATUSES],
		},
		"type": "bar",
		"barOptions": {"stacked": 1},
		"colors": [STATUS_COLOURS[status] for status in STATUSES],
	}


def report_summary(result, achieved_in_period: int) -> list[dict]:
	return [
		summary(result.aspirations, _("Aspirations set in this period")),
		summary(result.achieved, _("Of those, achieved"), indicator="Green"),
		summary(result.share_achieved, _("Of those, share achieved"), "Percent", "Green"),
		summary(achieved_in_period, _("Achieved in this period, whenever set"), indicator="Green"),
		summary(number(result.median_days_to_achieve), _("Median days from setting to achieving"), "Float"),
		summary(result.by_status[CHANGED_MY_MIND], _("Changed their mind"), indicator="Grey"),
		summary(result.by_status[ON_HOLD], _("On hold"), indicator="Grey"),
	]
