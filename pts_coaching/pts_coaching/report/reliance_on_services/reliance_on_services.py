# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt
"""Reliance on Services: how many services each person relied on when coaching began, and later.

People coached during the period are compared between the day their coaching began and the end of the
period. The arithmetic is pts_coaching.report_arithmetic.reliance_on_services, with the active-on-a-day
rule of pts_coaching.outcomes.
"""

import frappe
from frappe import _
from frappe.utils import getdate, today

from pts_coaching.pts_coaching.report.reporting import (
	frame,
	nothing_yet,
	number,
	options,
	period,
	rows_of,
	summary,
	then_and_now_chart,
	visible,
	within_relationships,
)
from pts_coaching.report_arithmetic.reliance_on_services import reliance


def execute(filters=None):
	filters = frappe._dict(filters or {})
	from_date, to_date = period(filters)
	on = min(to_date, getdate(today()))
	relationship = frappe.qb.DocType("Coaching Relationship")
	coached = within_relationships(
		visible(
			frappe.qb.from_(relationship)
			.where(relationship.started_on <= to_date)
			.where(relationship.ended_on.isnull() | (relationship.ended_on >= from_date)),
			"Coaching Relationship",
		),
		relationship,
		filters,
	)
	people = frame(
		coached.select(relationship.person, relationship.started_on, relationship.person_name),
		["person", "started_on", "person_name"],
	)
	if people.empty:
		return nothing_yet(
			columns(), _("No one was coached in this period yet."), _("People coached in this period")
		)
	service = frappe.qb.DocType("Service Involvement")
	services = frame(
		visible(
			frappe.qb.from_(service)
			.select(service.person, service.service_kind, service.from_date, service.to_date)
			.where(service.person.isin(coached.select(relationship.person)))
			.where(service.from_date <= on),
			"Service Involvement",
		),
		["person", "service_kind", "from_date", "to_date"],
	)
	result = reliance(people, services, on, kind_order=options("Service Involvement", "service_kind"))
	rows = result.people.sort_values(["person_name", "person"], kind="stable")
	return columns(), rows_of(rows), None, chart(result), report_summary(result)


def columns() -> list[dict]:
	return [
		{"fieldname": "person", "label": _("Person"), "fieldtype": "Link", "options": "Person", "width": 110},
		{"fieldname": "person_name", "label": _("Name"), "fieldtype": "Data", "width": 150},
		{"fieldname": "started_on", "label": _("Coaching began"), "fieldtype": "Date", "width": 120},
		{"fieldname": "at_start", "label": _("Services then"), "fieldtype": "Int", "width": 120},
		{
			"fieldname": "on_the_day",
			"label": _("Services at the end of the period"),
			"fieldtype": "Int",
			"width": 220,
		},
		{"fieldname": "change", "label": _("Change"), "fieldtype": "Int", "width": 90},
	]


def chart(result) -> dict:
	return then_and_now_chart(
		_("People relying on each kind of service"),
		[_(kind) for kind in result.kinds["service_kind"]],
		(_("When coaching began"), result.kinds["at_start"].tolist()),
		(_("At the end of the period"), result.kinds["on_the_day"].tolist()),
	)


def report_summary(result) -> list[dict]:
	return [
		summary(len(result.people), _("People coached")),
		summary(number(result.mean_at_start, 2), _("Mean services when coaching began"), "Float"),
		summary(number(result.mean_on_the_day, 2), _("Mean services at the end of the period"), "Float"),
		summary(result.fewer, _("Relying on fewer services"), indicator="Green"),
		summary(result.the_same, _("As many services")),
		summary(result.more, _("More services")),
	]
