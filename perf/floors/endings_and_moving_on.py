"""Endings and Moving On's table in one query: endings in the period by kind, with the quartiles of how
long the relationships had lasted."""

import frappe
from frappe import _

from pts_coaching.lifecycle import ENDED, ENDING_TOGETHER, WORKING_TOGETHER
from pts_coaching.pts_coaching.report.endings_and_moving_on.endings_and_moving_on import said_kind
from pts_coaching.pts_coaching.report.reporting import period

COMPARED = ["endings", "lower_quartile", "median", "upper_quartile", "ended_together", "came_back"]
KEY = "ending_kind"


def floor(filters: dict) -> list[dict]:
	from_date, to_date = period(filters)
	team = "and r.team = %(team)s" if filters.get("team") else ""
	rows = frappe.db.sql(
		f"""
select ending_kind, count(*) as endings,
	max(lower_quartile) as lower_quartile, max(median) as median, max(upper_quartile) as upper_quartile,
	sum(ended_together) as ended_together, sum(came_back) as came_back
from (
	select ending_kind, ended_together, came_back,
		percentile_cont(0.25) within group (order by days) over (partition by ending_kind) as lower_quartile,
		percentile_cont(0.5) within group (order by days) over (partition by ending_kind) as median,
		percentile_cont(0.75) within group (order by days) over (partition by ending_kind) as upper_quartile
	from (
		select ifnull(e.ending_kind, '') as ending_kind,
			datediff(e.from_date, (
				select b.from_date from `tabCoaching Phase History` b
				where b.parent = e.parent and b.parenttype = e.parenttype and b.parentfield = e.parentfield
					and b.from_date is not null
				order by b.idx limit 1
			)) as days,
			ifnull((
				select p.phase from `tabCoaching Phase History` p
				where p.parent = e.parent and p.parenttype = e.parenttype and p.parentfield = e.parentfield
					and p.idx < e.idx
				order by p.idx desc limit 1
			) = %(ending_together)s, 0) as ended_together,
			ifnull((
				select n.phase from `tabCoaching Phase History` n
				where n.parent = e.parent and n.parenttype = e.parenttype and n.parentfield = e.parentfield
					and n.idx > e.idx
				order by n.idx limit 1
			) = %(working_together)s, 0) as came_back
		from `tabCoaching Phase History` e
		join `tabCoaching Relationship` r on r.name = e.parent
		where e.parenttype = 'Coaching Relationship' and e.parentfield = 'phase_history'
			and e.phase = %(ended)s and e.from_date between %(from_date)s and %(to_date)s {team}
	) moves
) endings
group by ending_kind""",
		{
			"from_date": from_date,
			"to_date": to_date,
			"team": filters.get("team"),
			"ended": ENDED,
			"ending_together": ENDING_TOGETHER,
			"working_together": WORKING_TOGETHER,
		},
		as_dict=True,
	)
	return [{**row, "ending_kind": said_kind(row.ending_kind)} for row in rows]
