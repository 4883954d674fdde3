# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt
"""Outcomes for Commissioners: achievements by contract, period and outcome, and the tariffs they earn.

Each contract pays within its period and caps; people who have not agreed to their achievements being
reported are left out, and the summary says how many. The arithmetic is
pts_coaching.report_arithmetic.outcomes_for_commissioners, with the rules of pts_coaching.outcomes.
"""

import frappe
from frappe import _
from frappe.utils import cint, flt, getdate

from pts_coaching.outcomes import Contract, Tariff
from pts_coaching.pts_coaching.report.reporting import (
	child_rows_of,
	coached_within,
	frame,
	nothing_yet,
	period,
	rows_of,
	summary,
	visible,
)
from pts_coaching.report_arithmetic.outcomes_for_commissioners import NO_CONTRACT, claims
from pts_coaching.report_arithmetic.over_time import PERIODS, QUARTER


def execute(filters=None):
	filters = frappe._dict(filters or {})
	from_date, to_date = period(filters)
	grain = filters.period if filters.period in PERIODS else QUARTER
	achievement = frappe.qb.DocType("Achievement")
	person = frappe.qb.DocType("Person")
	query = (
		frappe.qb.from_(achievement)
		.join(person)
		.on(person.name == achievement.person)
		.select(
			achievement.name,
			achievement.person,
			achievement.outcome_type,
			achievement.achieved_on,
			achievement.contract,
			person.agrees_to_outcome_reporting,
		)
		.where(achievement.achieved_on <= to_date)
		# Earlier achievements under a contract count towards its caps.
		.where((achievement.achieved_on >= from_date) | achievement.contract.isnotnull())
	)
	if filters.contract:
		query = query.where(achievement.contract == filters.contract)
	query = visible(visible(query, "Achievement"), "Person")
	query = coached_within(query, achievement.person, filters)
	achievements = frame(query, ["name", "person", "outcome_type", "achieved_on", "contract", "agrees"])
	result = claims(achievements, contracts(), from_date, to_date, grain)
	if not result.achievements and not result.left_out_achievements:
		return nothing_yet(
			columns(), _("No achievements in this period yet."), _("Achievements in this period")
		)
	rows = result.rows.assign(contract=result.rows["contract"].replace({NO_CONTRACT: None}))
	message = None if result.achievements else left_out_message(result)
	return columns(), rows_of(rows), message, chart(result), report_summary(result)


def contracts() -> list[Contract]:
	contract = frappe.qb.DocType("Outcomes Contract")
	tariff = frappe.qb.DocType("Outcomes Contract Outcome")
	rows = (
		frappe.qb.from_(contract)
		.left_join(tariff)
		.on(child_rows_of(contract, tariff, "outcomes"))
		.select(
			contract.name,
			contract.from_date,
			contract.to_date,
			tariff.outcome_type,
			tariff.tariff,
			tariff.cap_per_person,
		)
		.orderby(contract.name)
		.orderby(tariff.idx)
		.run(as_dict=True)
	)
	terms = {}
	for row in rows:
		terms.setdefault(row.name, (row.from_date, row.to_date, []))
		if row.outcome_type:
			terms[row.name][2].append(Tariff(row.outcome_type, flt(row.tariff), cint(row.cap_per_person)))
	return [
		Contract(name, getdate(from_date), getdate(to_date), tuple(tariffs))
		for name, (from_date, to_date, tariffs) in terms.items()
	]


def columns() -> list[dict]:
	return [
		{
			"fieldname": "contract",
			"label": _("Contract"),
			"fieldtype": "Link",
			"options": "Outcomes Contract",
			"width": 160,
		},
		{"fieldname": "period", "label": _("Period"), "fieldtype": "Data", "width": 90},
		{
			"fieldname": "outcome_type",
			"label": _("Outcome"),
			"fieldtype": "Link",
			"options": "Outcome Type",
			"width": 220,
		},
		{"fieldname": "achievements", "label": _("Achievements"), "fieldtype": "Int", "width": 110},
		{"fieldname": "paid_for", "label": _("Paid for"), "fieldtype": "Int", "width": 90},
		{"fieldname": "tariff", "label": _("Tariff"), "fieldtype": "Currency", "width": 110},
		{"fieldname": "total", "label": _("Total"), "fieldtype": "Currency", "width": 120},
	]


def chart(result) -> dict | None:
	paid = result.rows[result.rows["contract"] != NO_CONTRACT]
	if paid.empty:
		return None
	periods = sorted(paid["period"].unique())
	totals = paid.groupby(["contract", "period"])["total"].sum()
	return {
		"title": _("Tariffs earned per period"),
		"data": {
			"labels": periods,
			"datasets": [
				{"name": contract, "values": [float(totals.get((contract, p), 0)) for p in periods]}
				for contract in sorted(paid["contract"].unique())
			],
		},
		"type": "bar",
		"barOptions": {"stacked": 1},
	}


def left_out_message(result) -> str:
	return _(
		"{0} achievements of {1} people are left out: they have not agreed to what they achieve being "
		"reported."
	).format(result.left_out_achievements, result.left_out_people)


def report_summary(result) -> list[dict]:
	return [
		*(
			summary(total, _("{0}: total").format(contract), "Currency", "Green")
			for contract, total in result.totals.items()
		),
		summary(result.achievements, _("Achievements reported")),
		summary(result.people, _("People")),
		summary(
			result.left_out_achievements,
			_("Achievements left out: not agreed to outcome reporting"),
			indicator="Grey",
		),
		summary(
			result.left_out_people, _("People left out: not agreed to outcome reporting"), indicator="Grey"
		),
	]
