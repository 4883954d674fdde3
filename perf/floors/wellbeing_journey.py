"""Wellbeing Journey's table in one query: per person and question, the first and latest value in the
period and how many check-ins gave one, on the site's default measure."""

import frappe

from pts_coaching import scoring
from pts_coaching.pts_coaching.report.reporting import period
from pts_coaching.pts_coaching.report.wellbeing_journey.wellbeing_journey import ANSWERED, names_of

from . import in_the_team

COMPARED = ["check_ins", "first_date", "first", "latest_date", "latest", "change"]
KEY = ("person", "question")


def floor(filters: dict) -> list[dict]:
	from_date, to_date = period(filters)
	measure = frappe.get_cached_doc(
		"Wellbeing Measure",
		filters.get("measure") or frappe.db.get_single_value("PTS Coaching Settings", "default_measure"),
	)
	team = in_the_team(filters, "c.person")
	each_on_its_own = measure.scoring == scoring.EACH_ON_ITS_OWN
	if each_on_its_own:
		values = f"""
		select c.person, a.item_code as question, a.answer as value, c.date,
			row_number() over (partition by c.person, a.item_code order by c.date, c.creation, c.name) as nth,
			count(*) over (partition by c.person, a.item_code) as check_ins
		from `tabWellbeing Check-in` c
		join `tabWellbeing Answer` a on a.parent = c.name and a.parenttype = 'Wellbeing Check-in'
			and a.parentfield = 'answers'
		where c.measure = %(measure)s and c.date between %(from_date)s and %(to_date)s
			and a.answer regexp %(answered)s {team}"""
	else:
		values = f"""
		select c.person, '' as question, c.score as value, c.date,
			row_number() over (partition by c.person order by c.date, c.creation, c.name) as nth,
			count(*) over (partition by c.person) as check_ins
		from `tabWellbeing Check-in` c
		where c.measure = %(measure)s and c.date between %(from_date)s and %(to_date)s
			and c.scored = 1 and c.score is not null {team}"""
	rows = frappe.db.sql(
		f"""
select person, question, check_ins, first_date, first,
	if(check_ins > 1, latest_date, null) as latest_date,
	if(check_ins > 1, latest, null) as latest,
	if(check_ins > 1, latest - first, null) as `change`
from (
	select person, question, max(check_ins) as check_ins,
		max(if(nth = 1, date, null)) as first_date,
		max(if(nth = 1, cast(value as double), null)) as first,
		max(if(nth = check_ins, date, null)) as latest_date,
		max(if(nth = check_ins, cast(value as double), null)) as latest
	from ({values}) answered
	where nth = 1 or nth = check_ins
	group by person, question
) ends""",
		{
			"from_date": from_date,
			"to_date": to_date,
			"team": filters.get("team"),
			"measure": measure.name,
			"answered": ANSWERED,
		},
		as_dict=True,
	)
	# The question as the report names it.
	codes = [item.code for item in measure.items] if each_on_its_own else [""]
	names = dict(zip(codes, names_of(measure), strict=True))
	return [{**row, "question": names[row.question]} for row in rows]
