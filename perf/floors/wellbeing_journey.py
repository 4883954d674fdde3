"""Wellbeing Journey's table in one query: per person and question, the first and latest value in the
period and how many check-ins gave one, on the site's default measure."""

import frappe

from pts_coaching import scoring
from pts_coaching.pts_coaching.report.reporting import period
from pts_coaching.pts_coaching.report.wellbeing_journey.wellbeing_journey import names_of

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
	# Each person's values of each question in order, "date value" apart by commas, read person by
	# person from the index (measure, person, date, creation); then a row per person and question.
	codes = [item.code for item in measure.items] if each_on_its_own else [""]
	if each_on_its_own:
		in_order = ", ".join(
			f"group_concat(concat(c.date, ' ', if(a.item_code = {frappe.db.escape(code)}, a.answer, null)) "
			f"order by c.date, c.creation, c.name) as listed_{n}"
			for n, code in enumerate(codes)
		)
		lists = f"""
		select c.person, {in_order}
		from `tabWellbeing Check-in` c
		join `tabWellbeing Answer` a on a.parent = c.name and a.parenttype = 'Wellbeing Check-in'
			and a.parentfield = 'answers'
		where c.measure = %(measure)s and c.date between %(from_date)s and %(to_date)s
			and a.answer <> '' {team}
		group by c.person"""
	else:
		lists = f"""
		select c.person,
			group_concat(concat(c.date, ' ', c.score) order by c.date, c.creation, c.name) as listed_0
		from `tabWellbeing Check-in` c
		where c.measure = %(measure)s and c.date between %(from_date)s and %(to_date)s
			and c.scored = 1 and c.score is not null {team}
		group by c.person"""
	questions = " union all ".join(
		f"select {n + 1} as n, {frappe.db.escape(code)} as question" for n, code in enumerate(codes)
	)
	lists_in_order = ", ".join(f"lists.listed_{n}" for n in range(len(codes)))
	listed = f"""
		select lists.person, q.question, elt(q.n, {lists_in_order}) as listed
		from ({lists}) lists
		cross join ({questions}) q"""
	rows = frappe.db.sql(
		f"""
select person, question, check_ins, first_date, first,
	if(check_ins > 1, latest_date, null) as latest_date,
	if(check_ins > 1, latest, null) as latest,
	if(check_ins > 1, latest - first, null) as `change`
from (
	select person, question,
		length(listed) - length(replace(listed, ',', '')) + 1 as check_ins,
		cast(substring_index(listed, ' ', 1) as date) as first_date,
		cast(substring_index(substring_index(listed, ',', 1), ' ', -1) as double) as first,
		cast(substring_index(substring_index(listed, ',', -1), ' ', 1) as date) as latest_date,
		cast(substring_index(listed, ' ', -1) as double) as latest
	from ({listed}) listed
	where listed is not null
) ends""",
		{
			"from_date": from_date,
			"to_date": to_date,
			"team": filters.get("team"),
			"measure": measure.name,
		},
		as_dict=True,
	)
	# The question as the report names it.
	names = dict(zip(codes, names_of(measure), strict=True))
	return [{**row, "question": names[row.question]} for row in rows]
