"""Connections Over Time's table in one query: each person's first and latest snapshot in the period."""

import frappe

from pts_coaching.pts_coaching.report.reporting import period

from . import in_the_team

COMPARED = [
	"person_name",
	"snapshots",
	"first_date",
	"first_size",
	"first_closeness",
	"latest_date",
	"latest_size",
	"latest_closeness",
	"size_change",
	"closeness_change",
]
KEY = "person"


def floor(filters: dict) -> list[dict]:
	from_date, to_date = period(filters)
	team = in_the_team(filters, "s.person")
	return frappe.db.sql(
		f"""
select person, person_name, snapshots, first_date, first_size, first_closeness,
	if(snapshots > 1, latest_date, null) as latest_date,
	if(snapshots > 1, latest_size, null) as latest_size,
	if(snapshots > 1, latest_closeness, null) as latest_closeness,
	if(snapshots > 1, latest_size - first_size, null) as size_change,
	if(snapshots > 1, latest_closeness - first_closeness, null) as closeness_change
from (
	select s.person,
		max(if(s.nth = s.snapshots, s.person_name, null)) as person_name,
		max(s.snapshots) as snapshots,
		max(if(s.nth = 1, s.date, null)) as first_date,
		count(if(s.nth = 1, c.kind, null)) as first_size,
		cast(sum(if(s.nth = 1, c.closeness, null)) as double) / count(if(s.nth = 1, c.closeness, null))
			as first_closeness,
		max(if(s.nth = s.snapshots, s.date, null)) as latest_date,
		count(if(s.nth = s.snapshots, c.kind, null)) as latest_size,
		cast(sum(if(s.nth = s.snapshots, c.closeness, null)) as double)
			/ count(if(s.nth = s.snapshots, c.closeness, null)) as latest_closeness
	from (
		select s.name, s.person, s.person_name, s.date,
			row_number() over (partition by s.person order by s.date, s.creation, s.name) as nth,
			count(*) over (partition by s.person) as snapshots
		from `tabConnection Snapshot` s
		where s.date between %(from_date)s and %(to_date)s {team}
	) s
	left join `tabPerson Connection` c on c.parent = s.name and c.parenttype = 'Connection Snapshot'
		and c.parentfield = 'connections'
	where s.nth = 1 or s.nth = s.snapshots
	group by s.person
) people""",
		{"from_date": from_date, "to_date": to_date, "team": filters.get("team")},
		as_dict=True,
	)
