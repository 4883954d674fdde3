"""Aspirations' floor: the report's table by theme in one query, the median inside MariaDB."""

import frappe
from frappe import _

from pts_coaching.aspirations import ACHIEVED, STATUSES

KEY = "theme"
COMPARED = [
	*(frappe.scrub(status) for status in STATUSES),
	"aspirations",
	"share_achieved",
	"median_days_to_achieve",
]

TEAM = "and a.person in (select r.person from `tabCoaching Relationship` r where r.team = %(team)s)"


def floor(filters: dict) -> list[dict]:
	by_status = ",\n\t\t".join(
		f"sum(status = {frappe.db.escape(status)}) as `{frappe.scrub(status)}`" for status in STATUSES
	)
	rows = frappe.db.sql(
		f"""
	select theme,
		{by_status},
		count(*) as aspirations,
		round(100 * sum(status = %(achieved)s) / count(*), 1) as share_achieved,
		round(max(median_days), 1) as median_days_to_achieve
	from (
		select ifnull(a.theme, '') as theme, a.status,
			median(if(a.status = %(achieved)s, datediff(a.achieved_on, a.set_on), null))
				over (partition by ifnull(a.theme, '')) as median_days
		from `tabAspiration` a
		where (a.set_on between %(from_date)s and %(to_date)s
			or (a.set_on is null and a.creation >= %(from_date)s
				and a.creation < %(to_date)s + interval 1 day))
			{TEAM if filters.get("team") else ""}
	) aspirations
	group by theme
	order by theme""",
		{**filters, "achieved": ACHIEVED},
		as_dict=True,
	)
	for row in rows:
		row.theme = row.theme or _("No theme")
	return rows
