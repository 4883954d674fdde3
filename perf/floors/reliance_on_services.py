"""Reliance on Services' table in one query: each person coached in the period, with the services they
relied on when their coaching began and at the end of the period. Counted per person by the index on
Service Involvement's person: faster here than joining and grouping."""

import frappe
from frappe.utils import getdate, today

from pts_coaching.pts_coaching.report.reporting import period

COMPARED = ["person_name", "started_on", "at_start", "on_the_day", "change"]
KEY = "person"


def floor(filters: dict) -> list[dict]:
	from_date, to_date = period(filters)
	team = "and r.team = %(team)s" if filters.get("team") else ""
	return frappe.db.sql(
		f"""
select person, person_name, started_on, at_start, on_the_day, on_the_day - at_start as `change`
from (
	select p.person, p.person_name, p.started_on,
		(select count(*) from `tabService Involvement` s where s.person = p.person
			and s.from_date <= p.started_on and (s.to_date is null or p.started_on <= s.to_date)) as at_start,
		(select count(*) from `tabService Involvement` s where s.person = p.person
			and s.from_date <= %(on)s and (s.to_date is null or %(on)s <= s.to_date)) as on_the_day
	from (
		select r.person, r.person_name, r.started_on,
			row_number() over (partition by r.person order by r.started_on is null, r.started_on) as nth
		from `tabCoaching Relationship` r
		where r.started_on <= %(to_date)s and (r.ended_on is null or r.ended_on >= %(from_date)s) {team}
	) p
	where p.nth = 1
) people""",
		{
			"from_date": from_date,
			"to_date": to_date,
			"on": min(to_date, getdate(today())),
			"team": filters.get("team"),
		},
		as_dict=True,
	)
