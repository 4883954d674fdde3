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
		select ifnull(h.ending_kind, '') as ending_kind, h.phase, h.from_date,
			datediff(h.from_date, first_value(h.from_date) over began) as days,
			ifnull(lag(h.phase) over moves = %(ending_together)s, 0) as ended_together,
			ifnull(lead(h.phase) over moves = %(working_together)s, 0) as came_back
		from `tabCoaching Relationship` r
		join `tabCoaching Phase History` h on h.parent = r.name and h.parenttype = 'Coaching Relationship'
			and h.parentfield = 'phase_history'
		where r.name in (
			select e.parent from `tabCoaching Phase History` e
			where e.parenttype = 'Coaching Relationship' and e.parentfield = 'phase_history'
				and e.phase = %(ended)s and e.from_date between %(from_date)s and %(to_date)s
		) {team}
		window moves as (partition by h.parent order by h.idx),
			began as (partition by h.parent order by h.from_date is null, h.idx)
	) moves
	where phase = %(ended)s and from_date between %(from_date)s and %(to_date)s
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
