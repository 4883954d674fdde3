# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt
"""Reliance on Services: how many services each person relied on when coaching began, and later.

People coached during the period are compared between the day their coaching began and the end of the
period. The arithmetic is pts_coaching.report_arithmetic.reliance_on_services, with the active-on-a-day
rule of pts_coaching.outcomes.
"""

import frappe
import pandas as pd
from frappe import _
from frappe.query_builder import Case
from frappe.query_builder.functions import Sum
from frappe.utils import getdate, today
from pypika.analytics import RowNumber

from pts_coaching.pts_coaching.report.reporting import (
	Listed,
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
from pts_coaching.report_arithmetic.reliance_on_services import KINDS_APART, PER_PERSON, reliance


def execute(filters=None):
	filters = frappe._dict(filters or {})
	from_date, to_date = period(filters)
	on = min(to_date, getdate(today()))
	people = coached(from_date, to_date, filters)
	result = reliance(
		per_person(people, relied_on(people, on)), kind_order=options("Service Involvement", "service_kind")
	)
	if result.people.empty:
		return nothing_yet(
			columns(), _("No one was coached in this period yet."), _("People coached in this period")
		)
	rows = result.people.sort_values(["person_name", "person"], kind="stable")
	return columns(), rows_of(rows), None, chart(result), report_summary(result)


def coached(from_date, to_date, filters):
	"""The people the user may see coached in the period, each with the day their coaching began (their
	earliest relationship's) and the name on it."""
	relationship = frappe.qb.DocType("Coaching Relationship")
	relationships = within_relationships(
		visible(
			frappe.qb.from_(relationship)
			.select(
				relationship.person,
				relationship.started_on,
				relationship.person_name,
				RowNumber()
				.over(relationship.person)
				.orderby(relationship.started_on.isnull())
				.orderby(relationship.started_on)
				.as_("earliest"),
			)
			.where(relationship.started_on <= to_date)
			.where(relationship.ended_on.isnull() | (relationship.ended_on >= from_date)),
			"Coaching Relationship",
		),
		relationship,
		filters,
	)
	return frappe.qb.from_(relationships).select("*").where(relationships.earliest == 1)


def relied_on(people, on):
	"""The services the user may see of those people, begun by the day the report looks at, each with
	whether it was active when the person's coaching began and on that day (outcomes.is_active_on)."""
	service = frappe.qb.DocType("Service Involvement")
	services = visible(
		frappe.qb.from_(service)
		.select(service.person, service.service_kind, service.from_date, service.to_date)
		.where(service.from_date <= on),
		"Service Involvement",
	)
	return services, {
		"at_start": (services.from_date <= people.started_on)
		& (services.to_date.isnull() | (services.to_date >= people.started_on)),
		"on_the_day": (services.from_date <= on) & (services.to_date.isnull() | (services.to_date >= on)),
	}


def per_person(people, relied_on) -> pd.DataFrame:
	services, active = relied_on
	query = (
		frappe.qb.from_(people)
		.left_join(services)
		.on(services.person == people.person)
		.select(
			people.person,
			people.started_on,
			Sum(active["at_start"]),
			Sum(active["on_the_day"]),
			kinds_of(services.service_kind, when=active["at_start"]),
			kinds_of(services.service_kind, when=active["on_the_day"]),
			kinds_of(services.service_kind),
			people.person_name,
		)
		.groupby(people.person)
		.orderby(people.person)
	)
	return frame(query, [*PER_PERSON, "person_name"])


def kinds_of(kind, when=None):
	"""A person's kinds of service, each once. Listing them also lets MariaDB group the people by
	sorting them, which here is three times faster than its temporary table."""
	return Listed(kind if when is None else Case().when(when, kind), KINDS_APART, distinct=True)


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
