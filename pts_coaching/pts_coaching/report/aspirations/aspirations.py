# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt
"""Aspirations: by theme and status, the share achieved, and how long achieving took.

The arithmetic is pts_coaching.report_arithmetic.aspirations. Only structured fields are read: the
aspiration in the person's words stays on its form.
"""

import frappe
from frappe import _
from frappe.utils import add_days

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
from pts_coaching.report_arithmetic.aspirations import NO_THEME, by_theme

STATUS_COLOURS = {
	"Thinking about it": "#A6B1B9",
	"Working on it": "#5E64FF",
	ACHIEVED: "#29CD42",
	CHANGED_MY_MIND: "#FFA00A",
	ON_HOLD: "#743EE2",
}


def execute(filters=None):
	filters = frappe._dict(filters or {})
	from_date, to_date = period(filters)
	aspiration = frappe.qb.DocType("Aspiration")
	query = (
		frappe.qb.from_(aspiration)
		.select(aspiration.theme, aspiration.status, aspiration.set_on, aspiration.achieved_on)
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
	result = by_theme(frame(query, ["theme", "status", "set_on", "achieved_on"]))
	if not result.aspirations:
		return nothing_yet(
			columns(), _("No aspirations set in this period yet."), _("Aspirations set in this period")
		)
	themes = result.themes.assign(
		theme=result.themes["theme"].replace({NO_THEME: _("No theme")}),
		median_days_to_achieve=result.themes["median_days_to_achieve"].map(number),
	).rename(columns={status: frappe.scrub(status) for status in STATUSES})
	return columns(), rows_of(themes), None, chart(result), report_summary(result)


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


def report_summary(result) -> list[dict]:
	return [
		summary(result.aspirations, _("Aspirations set")),
		summary(result.achieved, _("Achieved"), indicator="Green"),
		summary(result.share_achieved, _("Share achieved"), "Percent", "Green"),
		summary(number(result.median_days_to_achieve), _("Median days from setting to achieving"), "Float"),
		summary(result.by_status[CHANGED_MY_MIND], _("Changed their mind"), indicator="Grey"),
		summary(result.by_status[ON_HOLD], _("On hold"), indicator="Grey"),
	]
