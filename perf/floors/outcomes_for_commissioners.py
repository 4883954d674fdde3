"""Outcomes for Commissioners' table in one query: achievements per contract, quarter and outcome, and
the tariffs they earn within each contract's period and caps."""

import frappe

from pts_coaching.pts_coaching.report.reporting import period

from . import in_the_team

COMPARED = ["achievements", "paid_for", "tariff", "total"]
# A row is a contract, a quarter and an outcome: no one column tells them apart.
KEY = ("contract", "period", "outcome_type")


def floor(filters: dict) -> list[dict]:
	from_date, to_date = period(filters)
	team = in_the_team(filters, "a.person")
	return frappe.db.sql(
		f"""
select nullif(contract, '') as contract, concat(year(achieved_on), ' Q', quarter(achieved_on)) as period,
	outcome_type, count(*) as achievements, sum(paid) as paid_for,
	max(if(paid, tariff, null)) as tariff, sum(if(paid, tariff, 0)) as total
from (
	select achievement.*,
		payable and (not cap_per_person or row_number() over (
			partition by contract, person, outcome_type, payable order by achieved_on, name
		) <= cap_per_person) as paid
	from (
		select a.name, a.person, a.outcome_type, a.achieved_on, ifnull(a.contract, '') as contract,
			t.tariff, t.cap_per_person,
			ifnull(t.name is not null
				and a.achieved_on between k.from_date and ifnull(k.to_date, a.achieved_on), 0) as payable
		from `tabAchievement` a
		join `tabPerson` p on p.name = a.person
		left join `tabOutcomes Contract` k on k.name = a.contract
		left join `tabOutcomes Contract Outcome` t on t.parent = k.name
			and t.parenttype = 'Outcomes Contract' and t.parentfield = 'outcomes'
			and t.outcome_type = a.outcome_type
		where p.agrees_to_outcome_reporting = 1 and a.achieved_on <= %(to_date)s
			and (a.achieved_on >= %(from_date)s or exists (
				select 1 from `tabAchievement` again
				where again.person = a.person and again.contract = a.contract
					and again.outcome_type = a.outcome_type
					and again.achieved_on between %(from_date)s and %(to_date)s
					and again.name != a.name
			)) {team}
	) achievement
) counted
where achieved_on >= %(from_date)s
group by contract, period, outcome_type
order by contract, period, outcome_type""",
		{"from_date": from_date, "to_date": to_date, "team": filters.get("team")},
		as_dict=True,
	)
