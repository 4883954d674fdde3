"""Coaching Relationships by Phase's table in one query: each relationship's last move on or before the
period's last day, those that ended before the period left out, counted per team and coach."""

import frappe

from pts_coaching.lifecycle import ENDED, PHASES
from pts_coaching.pts_coaching.report.reporting import period

COMPARED = [*(frappe.scrub(phase) for phase in PHASES), "relationships"]
KEY = ("team", "coach")


def floor(filters: dict) -> list[dict]:
	from_date, to_date = period(filters)
	team = "and r.team = %(team)s" if filters.get("team") else ""
	per_phase = ",\n\t".join(
		f"sum(phase = {frappe.db.escape(phase)}) as `{frappe.scrub(phase)}`" for phase in PHASES
	)
	return frappe.db.sql(
		f"""
select team, coach,
	{per_phase},
	count(*) as relationships
from (
	select r.team, r.coach, h.phase, h.from_date,
		row_number() over (partition by r.name order by h.idx desc) as from_latest
	from `tabCoaching Relationship` r
	join `tabCoaching Phase History` h on h.parent = r.name and h.parenttype = 'Coaching Relationship'
		and h.parentfield = 'phase_history'
	where h.from_date <= %(to_date)s {team}
) moves
where from_latest = 1 and not (phase = %(ended)s and from_date < %(from_date)s)
group by team, coach""",
		{"from_date": from_date, "to_date": to_date, "team": filters.get("team"), "ended": ENDED},
		as_dict=True,
	)
