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
	# Each person's first and latest snapshot by MIN and MAX of CONCAT(date, creation, name), which
	# need no sort; then the connections of those two.
	return frappe.db.sql(
		f"""
select person, person_name, snapshots, first_date, first_size, first_closeness,
	if(snapshots > 1, latest_date, null) as latest_date,
	if(snapshots > 1, latest_size, null) as latest_size,
	if(snapshots > 1, latest_closeness, null) as latest_closeness,
	if(snapshots > 1, latest_size - first_size, null) as size_change,
	if(snapshots > 1, latest_closeness - first_closeness, null) as closeness_change
from (
	select e.person, max(l.person_name) as person_name, max(e.snapshots) as snapshots,
		max(e.first_date) as first_date,
		count(case when x.end_of = 'first' then c.kind end) as first_size,
		sum(case when x.end_of = 'first' then c.closeness end)
			/ count(case when x.end_of = 'first' then c.closeness end) as first_closeness,
		max(e.latest_date) as latest_date,
		count(case when x.end_of = 'latest' then c.kind end) as latest_size,
		sum(case when x.end_of = 'latest' then c.closeness end)
			/ count(case when x.end_of = 'latest' then c.closeness end) as latest_closeness
	from (
		select person, count(*) as snapshots, min(date) as first_date, max(date) as latest_date,
			substring(min(concat(date, creation, name)), 37) as first,
			substring(max(concat(date, creation, name)), 37) as latest
		from `tabConnection Snapshot` s
		where date between %(from_date)s and %(to_date)s {team}
		group by person
	) e
	join `tabConnection Snapshot` l on l.name = e.latest
	cross join (select 'first' as end_of union all select 'latest') x
	left join `tabPerson Connection` c on c.parent = case when x.end_of = 'first' then e.first else e.latest end
		and c.parenttype = 'Connection Snapshot' and c.parentfield = 'connections'
	group by e.person
) people""",
		{"from_date": from_date, "to_date": to_date, "team": filters.get("team")},
		as_dict=True,
	)
