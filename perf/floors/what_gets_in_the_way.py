"""What Gets in the Way's table in one query: per month, how many reflections named each theme, how
many there were and how many named something."""

import frappe

from pts_coaching.pts_coaching.report.reporting import marked_if_partial, period
from pts_coaching.pts_coaching.report.what_gets_in_the_way.what_gets_in_the_way import fieldname
from pts_coaching.report_arithmetic.over_time import MONTH, periods_between

KEY = "period"


def themes() -> list[str]:
	return frappe.get_all("Reflection Theme", pluck="name", order_by="name")


# The themes' columns are the themes named in the period, so not known before: the floor's rows hold
# them (a theme named by no one in the period left out), and these two are compared.
COMPARED = ["reflections", "naming_something"]


def floor(filters: dict) -> list[dict]:
	from_date, to_date = period(filters)
	team = (
		"and r.coach in (select m.user from `tabCoaching Team Member` m where m.parent = %(team)s "
		"and m.parenttype = 'Coaching Team' union select t.lead from `tabCoaching Team` t "
		"where t.name = %(team)s)"
		if filters.get("team")
		else ""
	)
	per_theme = ",\n\t".join(
		f"count(distinct if(t.theme = {frappe.db.escape(theme)}, r.name, null)) as `{fieldname(theme)}`"
		for theme in themes()
	)
	rows = frappe.db.sql(
		f"""
select date_format(r.date, '%%Y-%%m') as period,
	{per_theme},
	count(distinct r.name) as reflections,
	count(distinct if(t.theme is not null, r.name, null)) as naming_something
from `tabCoach Reflection` r
left join `tabCoach Reflection Theme` t on t.parent = r.name and t.parenttype = 'Coach Reflection'
	and t.parentfield = 'what_got_in_the_way'
where r.date between %(from_date)s and %(to_date)s {team}
group by period
order by period""",
		{"from_date": from_date, "to_date": to_date, "team": filters.get("team")},
		as_dict=True,
	)
	named = {column for row in rows for column, value in row.items() if column.startswith("theme_") and value}
	# Every month of the period, those without a reflection too, labelled as the report labels them:
	# the month in progress "so far", one the dates cut "part".
	counted = {row.period: row for row in rows}
	months = periods_between(from_date, to_date, MONTH)
	labels = marked_if_partial(months, from_date, to_date, MONTH)
	none = dict.fromkeys(COMPARED, 0)
	return [
		{
			**none,
			**{c: v for c, v in counted.get(month, {}).items() if not c.startswith("theme_") or c in named},
			"period": label,
		}
		for month, label in zip(months, labels, strict=True)
	]
