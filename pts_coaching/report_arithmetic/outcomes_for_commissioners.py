"""Achievements a commissioner pays for, per contract and period, and what they add up to.

A contract pays its tariff for the outcome types it names, for achievements within its period, at
most `cap_per_person` times for one person (outcomes.check_achievement, the rule the Achievement form
uses). Earlier achievements count towards a cap even when they fall before the report's period, so the
caller passes them in too. People who have not agreed to their achievements being reported are left
out altogether, and how many were left out is said.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd

from pts_coaching.outcomes import Contract, RuleBroken, Tariff, check_achievement
from pts_coaching.report_arithmetic.over_time import as_dates, period_of

NO_CONTRACT = ""


@dataclass(frozen=True)
class Claims:
	# One row per contract, period and outcome type: contract, period, outcome_type, achievements,
	# paid_for, tariff, total.
	rows: pd.DataFrame
	# Per contract: its total for the period.
	totals: dict[str, float]
	achievements: int
	people: int
	left_out_achievements: int
	left_out_people: int


def claims(
	achievements: pd.DataFrame,
	contracts: Sequence[Contract],
	from_date: date,
	to_date: date,
	grain: str,
) -> Claims:
	"""`achievements`: one row per achievement with name, person, outcome_type, achieved_on, contract
	(or nothing) and agrees (to outcome reporting), including any achieved before `from_date` under a
	contract, which count towards its caps."""
	achievements = achievements.assign(
		achieved_on=as_dates(achievements["achieved_on"]),
		contract=achievements["contract"].fillna(NO_CONTRACT),
	).sort_values(["achieved_on", "name"], kind="stable")
	in_period = (achievements["achieved_on"] >= pd.Timestamp(from_date)) & (
		achievements["achieved_on"] <= pd.Timestamp(to_date)
	)
	agrees = achievements["agrees"].fillna(0).astype(bool)
	left_out = achievements[in_period & ~agrees]

	reported = achievements[agrees].copy()
	reported["tariff"] = tariffs_earned(reported, contracts)
	reported = reported[in_period[agrees]].assign(period=lambda a: period_of(a["achieved_on"], grain))

	rows = (
		reported.assign(paid_for=reported["tariff"].notna(), tariff_paid=reported["tariff"].fillna(0))
		.groupby(["contract", "period", "outcome_type"], sort=True)
		.agg(
			achievements=("name", "count"),
			paid_for=("paid_for", "sum"),
			tariff=("tariff", "max"),
			total=("tariff_paid", "sum"),
		)
		.reset_index()
	)
	rows["paid_for"] = rows["paid_for"].astype(int)
	return Claims(
		rows=rows,
		totals={
			contract: float(total)
			for contract, total in rows.groupby("contract")["total"].sum().items()
			if contract != NO_CONTRACT
		},
		achievements=len(reported),
		people=reported["person"].nunique(),
		left_out_achievements=len(left_out),
		left_out_people=left_out["person"].nunique(),
	)


def tariff_of_each(achievements: pd.DataFrame, contracts: Sequence[Contract]) -> dict[str, float]:
	"""What each achievement (name, person, outcome_type, achieved_on, contract) earns, 0 when its
	contract does not pay for it: the value kept on the Achievement, so that sums of it agree with
	this report."""
	achievements = achievements.assign(achieved_on=as_dates(achievements["achieved_on"])).sort_values(
		["achieved_on", "name"], kind="stable"
	)
	earned = tariffs_earned(achievements, contracts)
	return {name: tariff or 0.0 for name, tariff in zip(achievements["name"], earned, strict=True)}


def tariffs_earned(achievements: pd.DataFrame, contracts: Sequence[Contract]) -> list[float | None]:
	"""The tariff each achievement earns, or None when its contract does not pay for it (not an
	outcome it names, outside its period, or over the cap). `achievements` (name, person,
	outcome_type, achieved_on as Timestamps, contract) are in the order they were achieved."""
	by_name = {contract.name: contract for contract in contracts}
	days = achievements["achieved_on"].dt.date.tolist()
	kinds = list(zip(achievements["contract"], achievements["outcome_type"], days, strict=True))

	# Whether a contract pays for an outcome on a day, asked once for each: a year of achievements
	# under one contract is a few thousand of them.
	def payable(contract_name, outcome_type, day) -> Tariff | None:
		contract = by_name.get(contract_name)
		try:
			return check_achievement(contract, outcome_type, day, 0) if contract else None
		except RuleBroken:
			return None

	tariffs = {kind: payable(*kind) for kind in set(kinds)}
	tariff_of_each = [tariffs[kind] for kind in kinds]
	# Each payable achievement is paid while the person's earlier ones, all paid until the cap, leave
	# room under it.
	counted_before = (
		achievements.assign(payable=[tariff is not None for tariff in tariff_of_each])
		.groupby(["contract", "person", "outcome_type", "payable"], sort=False, dropna=False)
		.cumcount()
		.tolist()
	)
	return [
		float(tariff.tariff) if tariff and tariff.pays_after(counted) else None
		for tariff, counted in zip(tariff_of_each, counted_before, strict=True)
	]


@dataclass(frozen=True)
class Claim:
	"""What a contract is claimed for over a period: every achievement under it, of the people who
	agreed to outcome reporting."""

	# One row per achievement, in the order achieved: person, outcome_type, achieved_on,
	# evidence_recorded, paid_for, tariff.
	rows: pd.DataFrame
	total: float
	left_out_achievements: int
	left_out_people: int


def claim(achievements: pd.DataFrame, contract: Contract, from_date: date, to_date: date) -> Claim:
	"""`achievements`: under `contract`, as for `claims`, with evidence_recorded; the earlier ones count
	towards its caps."""
	achievements = achievements.assign(achieved_on=as_dates(achievements["achieved_on"])).sort_values(
		["achieved_on", "name"], kind="stable"
	)
	in_period = (achievements["achieved_on"] >= pd.Timestamp(from_date)) & (
		achievements["achieved_on"] <= pd.Timestamp(to_date)
	)
	agrees = achievements["agrees"].fillna(0).astype(bool)
	left_out = achievements[in_period & ~agrees]
	reported = achievements[agrees].assign(tariff=lambda a: tariffs_earned(a, [contract]))
	reported = reported[in_period[agrees]]
	rows = pd.DataFrame(
		{
			"person": reported["person"],
			"outcome_type": reported["outcome_type"],
			"achieved_on": reported["achieved_on"].dt.date,
			"evidence_recorded": reported["evidence_recorded"].fillna(0).astype(bool),
			"paid_for": reported["tariff"].notna(),
			"tariff": reported["tariff"].fillna(0).astype(float),
		}
	).reset_index(drop=True)
	return Claim(
		rows=rows,
		total=float(rows["tariff"].sum()),
		left_out_achievements=len(left_out),
		left_out_people=left_out["person"].nunique(),
	)
