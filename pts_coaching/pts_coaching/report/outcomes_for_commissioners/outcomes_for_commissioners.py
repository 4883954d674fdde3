# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt
"""Outcomes for Commissioners: achievements by contract, period and outcome, and the tariffs they earn.

Each contract pays within its period and caps; people who have not agreed to their achievements being
reported are left out, and the summary says how many. The arithmetic is
pts_coaching.report_arithmetic.outcomes_for_commissioners, with the rules of pts_coaching.outcomes.
"""

from datetime import datetime, time

import frappe
import pandas as pd
from frappe import _
from frappe.query_builder import Case
from frappe.query_builder.functions import Cast_
from frappe.utils import cint, flt, formatdate, getdate
from frappe.utils.xlsxutils import make_xlsx
from pypika.terms import ExistsCriterion

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
from pts_coaching.report_arithmetic.outcomes_for_commissioners import NO_CONTRACT, claim, claims
from pts_coaching.report_arithmetic.over_time import PERIODS, QUARTER
from pts_coaching.workbooks import fixed_in_time


def execute(filters=None):
	filters = frappe._dict(filters or {})
	from_date, to_date = period(filters)
	grain = filters.period if filters.period in PERIODS else QUARTER
	achievements = achievements_counted(from_date, to_date, filters)
	result = claims(achievements, contracts(), from_date, to_date, grain)
	if not result.achievements and not result.left_out_achievements:
		return nothing_yet(
			columns(), _("No achievements in this period yet."), _("Achievements in this period")
		)
	rows = result.rows.assign(contract=result.rows["contract"].replace({NO_CONTRACT: None}))
	currencies = currency_of_each_contract()
	rows = rows.assign(currency=rows["contract"].map(lambda contract: currencies.get(contract)))
	message = None if result.achievements else left_out_message(result)
	return columns(), rows_of(rows), message, chart(result), report_summary(result, currencies)


def achievements_counted(from_date, to_date, filters, with_evidence: bool = False) -> pd.DataFrame:
	"""The achievements of the period the user may see, with whether the person agreed to outcome
	reporting (and, for a claim, whether evidence was recorded), and the earlier ones under a contract
	that count towards its caps. A contract pays for achievements one by one, in the order they were
	achieved, up to its cap for each person, so each is read (they are few beside conversations and
	check-ins)."""
	achievement = frappe.qb.DocType("Achievement")
	person = frappe.qb.DocType("Person")
	again = frappe.qb.DocType("Achievement").as_("again")
	achieved_again_in_the_period = ExistsCriterion(
		frappe.qb.from_(again)
		.select(1)
		.where(again.person == achievement.person)
		.where(again.contract == achievement.contract)
		.where(again.outcome_type == achievement.outcome_type)
		.where(again.achieved_on[from_date:to_date])
		# Said although a later achievement is always another one: with a column of its own compared
		# with another's, MariaDB looks up the person's achievements by their index for each earlier one,
		# instead of first gathering every achievement of the period (90 ms for a team of 200 people).
		.where(again.name != achievement.name)
	)
	query = (
		frappe.qb.from_(achievement)
		.join(person)
		.on(person.name == achievement.person)
		.select(
			achievement.name,
			achievement.person,
			achievement.outcome_type,
			# As text, which pandas reads as dates all at once, where the driver makes a date of each.
			Cast_(achievement.achieved_on, "varchar"),
			achievement.contract,
			person.agrees_to_outcome_reporting,
		)
		.where(achievement.achieved_on <= to_date)
		# An earlier achievement under a contract counts towards the person's cap for that outcome, so it
		# is read where they achieved it again in the period: only there can it change what is paid.
		.where(
			(achievement.achieved_on >= from_date)
			| (achievement.contract.isnotnull() & achieved_again_in_the_period)
		)
	)
	if filters.get("contract"):
		query = query.where(achievement.contract == filters["contract"])
	query = visible(visible(query, "Achievement"), "Person")
	query = coached_within(query, achievement.person, filters)
	columns = ["name", "person", "outcome_type", "achieved_on", "contract", "agrees"]
	if with_evidence:
		evidence = (achievement.evidence.isnotnull() & (achievement.evidence != "")) | (
			achievement.verified_by.isnotnull()
		)
		query = query.select(Case().when(evidence, 1).else_(0))
		columns.append("evidence_recorded")
	return frame(query, columns)


def currency_of_each_contract() -> dict[str, str]:
	"""Each contract's tariffs are in its own currency; one without says nothing, and the site's is shown."""
	return dict(frappe.get_all("Outcomes Contract", fields=["name", "currency"], as_list=True))


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
		*(
			{
				"fieldname": fieldname,
				"label": label,
				"fieldtype": "Currency",
				"options": "currency",
				"width": 120,
			}
			for fieldname, label in (("tariff", _("Tariff")), ("total", _("Total")))
		),
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


def report_summary(result, currencies: dict[str, str]) -> list[dict]:
	return [
		*(
			{
				**summary(total, _("{0}: total").format(contract), "Currency", "Green"),
				"currency": currencies.get(contract),
			}
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


@frappe.whitelist()
def download_claim(contract: str, from_date: str, to_date: str):
	"""The claim for a contract and a period as a spreadsheet: every achievement under it of the people
	the user may see who agreed to outcome reporting. The same claim made twice is the same file."""
	if not frappe.get_cached_doc("Report", "Outcomes for Commissioners").is_permitted():
		raise frappe.PermissionError
	contract = frappe.get_doc("Outcomes Contract", contract)
	contract.check_permission("read")
	from_date, to_date = period({"from_date": from_date, "to_date": to_date})
	achievements = achievements_counted(from_date, to_date, {"contract": contract.name}, with_evidence=True)
	result = claim(achievements, contract.terms(), from_date, to_date)
	yes_or_no = {True: _("Yes"), False: _("No")}
	sheet = [
		[_("Claim"), contract.contract_name],
		[_("Commissioner"), contract.commissioner],
		[_("Achieved from"), formatdate(from_date)],
		[_("Achieved to"), formatdate(to_date)],
		[_("Currency"), contract.currency],
		[],
		[_("Person"), _("Outcome"), _("Achieved on"), _("Evidence recorded"), _("Paid for"), _("Tariff")],
		*(
			[
				row.person,
				row.outcome_type,
				formatdate(row.achieved_on),
				yes_or_no[row.evidence_recorded],
				yes_or_no[row.paid_for],
				row.tariff,
			]
			for row in result.rows.itertuples()
		),
		[_("Total"), None, None, None, None, result.total],
		[],
		[_("Achievements left out: not agreed to outcome reporting"), result.left_out_achievements],
		[_("People left out: not agreed to outcome reporting"), result.left_out_people],
	]
	workbook = make_xlsx(sheet, _("Claim"))
	frappe.response["filename"] = f"{contract.name} {from_date} {to_date}.xlsx"
	frappe.response["filecontent"] = fixed_in_time(workbook.getvalue(), datetime.combine(to_date, time()))
	frappe.response["type"] = "binary"
