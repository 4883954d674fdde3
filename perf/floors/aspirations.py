"""Aspirations' table in one query: by theme, a count per status, the share achieved and the median
days to achieve."""

import frappe

from pts_coaching.aspirations import ACHIEVED, STATUSES
from pts_coaching.pts_coaching.report.reporting import period

from . import in_the_team

COMPARED = [
	*(frappe.scrub(status) for status in STATUSES),
	"aspirations",
	"share_achieved",
	"median_days_to_achieve",
]
KEY = "theme"


def floor(filters: dict) -> list[dict]:
	from_date, to_date = period(filters)
	team = in_the_team(filters, "a.person")
	statuses = ",\n\t".join(
		f"sum(status = {frappe.db.escape(status)}) as `{frappe.scrub(status)}`" for status in STATUSES
	)
	rows = frappe.db.sql(
		f"""
select theme,
	{statuses},
	count(*) as aspirations,
	round(100 * sum(status = %(achieved)s) / count(*), 1) as share_achieved,
	round(max(median_days), 1) as median_days_to_achieve
from (
	select ifnull(a.theme, '') as theme, a.status,
		median(if(a.status = %(achieved)s, datediff(a.achieved_on, a.set_on), null))
			over (partition by ifnull(a.theme, '')) as median_days
	from `tabAspiration` a
	where (a.set_on between %(from_date)s and %(to_date)s
		or (a.set_on is null and a.creation >= %(from_date)s and a.creation < %(to_date)s + interval 1 day))
		{team}
) aspirations
group by theme
order by theme""",
		{"from_date": from_date, "to_date": to_date, "team": filters.get("team"), "achieved": ACHIEVED},
		as_dict=True,
	)
	no_theme = frappe._("No theme")
	return [{**row, "theme": row.theme or no_theme} for row in rows]
