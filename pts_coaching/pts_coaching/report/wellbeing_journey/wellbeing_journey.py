# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt
"""Wellbeing Journey: each person's first and latest check-in on a measure, and what changed.

The arithmetic is pts_coaching.report_arithmetic.wellbeing_journey; this module fetches the check-ins
the user may see and says the results in words.
"""

import frappe
import pandas as pd
from frappe import _
from frappe.query_builder import Case
from frappe.query_builder.functions import Concat

from pts_coaching import scoring
from pts_coaching.pts_coaching.doctype.wellbeing_check_in.wellbeing_check_in import (
	plain_question_name,
	question_name,
)
from pts_coaching.pts_coaching.report.reporting import (
	Listed,
	child_rows_of,
	coached_within,
	frame,
	nothing_yet,
	number,
	period,
	rows_of,
	summary,
	then_and_now_chart,
	visible,
)
from pts_coaching.report_arithmetic.wellbeing_journey import (
	APART,
	DATE_APART,
	TOTAL,
	WELLBEING_UP,
	Journey,
	Question,
	bands,
	count_in_bands,
	ends_of,
	journey,
)


def execute(filters=None):
	filters = frappe._dict(filters or {})
	from_date, to_date = period(filters)
	measure_name = filters.measure or frappe.db.get_single_value("PTS Coaching Settings", "default_measure")
	if not measure_name:
		return nothing_yet(
			columns(False), _("Choose a wellbeing measure to see how wellbeing changed."), _("Check-ins")
		)
	measure = frappe.get_cached_doc("Wellbeing Measure", measure_name)
	each_on_its_own = measure.scoring == scoring.EACH_ON_ITS_OWN
	result = journey(first_and_latest(measure, filters, from_date, to_date), questions_of(measure))
	if result.people.empty:
		return nothing_yet(
			columns(each_on_its_own),
			_("No check-ins on {0} in this period yet.").format(measure.name),
			_("Check-ins on {0} in this period").format(measure.name),
		)
	names = dict(zip((question.code for question in questions_of(measure)), names_of(measure), strict=True))
	# Each of the few things said is translated once, not once a row.
	said = {what: _(what) for what in result.people["what_changed"].dropna().unique()}
	people = result.people.assign(
		question=result.people["question"].map(names),
		what_changed=result.people["what_changed"].map(said),
	)
	return (
		columns(each_on_its_own),
		rows_of(people),
		None,
		chart(measure, result),
		report_summary(measure, result),
	)


def questions_of(measure) -> list[Question]:
	threshold = measure.meaningful_change or None
	if measure.scoring == scoring.EACH_ON_ITS_OWN:
		return [
			Question(item.code, item.population_mean or None, threshold, bool(item.lower_is_better))
			for item in measure.items
		]
	return [Question(TOTAL, measure.population_mean or None, threshold)]


def names_of(measure) -> list[str]:
	if measure.scoring == scoring.EACH_ON_ITS_OWN:
		return [question_name(item) for item in measure.items]
	return [_("Score")]


def first_and_latest(measure, filters, from_date, to_date) -> pd.DataFrame:
	"""Each person's first and latest value in the period, and how many check-ins gave one: of each
	scored check-in's score or, for a measure whose questions stand on their own, of each question's
	answer. An answer is stored as the choice made; none chosen is no answer, not a zero."""
	check_in = frappe.qb.DocType("Wellbeing Check-in")
	person = frappe.qb.DocType("Person")
	query = (
		frappe.qb.from_(check_in)
		.where(check_in.measure == measure.name)
		.where(check_in.date.between(from_date, to_date))
	)
	query = coached_within(visible(query, "Wellbeing Check-in"), check_in.person, filters)
	if measure.scoring == scoring.EACH_ON_ITS_OWN:
		answer = frappe.qb.DocType("Wellbeing Answer")
		query = (
			query.join(answer)
			.on(child_rows_of(check_in, answer, "answers"))
			# The check-in's scoring stores each answer as the number chosen, or nothing when none was.
			.where(answer.answer != "")
		)
		values = {
			question.code: Case().when(answer.item_code == question.code, answer.answer)
			for question in questions_of(measure)
		}
	else:
		query = query.where((check_in.scored == 1) & check_in.score.isnotnull())
		values = {TOTAL: check_in.score}
	# The name they go by now, which the check-ins' own copies may not all say: looked up once a person,
	# after grouping, where a join would look it up once a check-in and lead MariaDB to read every
	# person and sort their check-ins.
	person_name = frappe.qb.from_(person).select(person.preferred_name).where(person.name == check_in.person)
	# A row per person, not per value: MariaDB sorts each person's few values, not everyone's.
	by_person = query.select(
		check_in.person,
		person_name,
		*(values_in_order(value, check_in) for value in values.values()),
	).groupby(check_in.person)
	# In the report's order, a person at a time: ends_of and journey keep it, each person's questions in
	# the measure's order, so the report need not sort a row per answer.
	in_order = frame(by_person, ["person", "person_name", *values]).sort_values(
		["person_name", "person"], kind="stable"
	)
	return ends_of(in_order, list(values))


def values_in_order(value, check_in):
	"""A person's values, each with its day ("YYYY-MM-DD value"), in the order they were given."""
	return Listed(
		Concat(check_in.date, DATE_APART, value),
		APART,
		order=(check_in.date, check_in.creation, check_in.name),
	)


def columns(each_on_its_own: bool) -> list[dict]:
	return [
		{"fieldname": "person", "label": _("Person"), "fieldtype": "Link", "options": "Person", "width": 110},
		{"fieldname": "person_name", "label": _("Name"), "fieldtype": "Data", "width": 150},
		*(
			[{"fieldname": "question", "label": _("Question"), "fieldtype": "Data", "width": 200}]
			if each_on_its_own
			else []
		),
		{"fieldname": "check_ins", "label": _("Check-ins"), "fieldtype": "Int", "width": 90},
		{"fieldname": "first_date", "label": _("First check-in"), "fieldtype": "Date", "width": 110},
		{"fieldname": "first", "label": _("First"), "fieldtype": "Float", "precision": 2, "width": 80},
		{"fieldname": "latest_date", "label": _("Latest check-in"), "fieldtype": "Date", "width": 110},
		{"fieldname": "latest", "label": _("Latest"), "fieldtype": "Float", "precision": 2, "width": 80},
		{"fieldname": "change", "label": _("Change"), "fieldtype": "Float", "precision": 2, "width": 80},
		{"fieldname": "what_changed", "label": _("What changed"), "fieldtype": "Data", "width": 170},
	]


def chart(measure, result: Journey) -> dict:
	if measure.scoring == scoring.EACH_ON_ITS_OWN:
		return means_chart(measure, result)
	compared = result.people[result.people["check_ins"] >= 2]
	lowest, highest = score_range(measure)
	score_bands = bands(lowest, highest)
	whole_numbers = measure.scoring == scoring.SUM
	return then_and_now_chart(
		_("People by score, at their first and latest check-in"),
		[band.label(whole_numbers) for band in score_bands],
		(_("First check-in"), count_in_bands(compared["first"], score_bands)),
		(_("Latest check-in"), count_in_bands(compared["latest"], score_bands)),
	)


def means_chart(measure, result: Journey) -> dict:
	"""Each question's mean at first and latest check-in: one chart cannot hold four distributions."""
	datasets = [
		{"name": _("First check-in"), "values": [number(c.mean_first, 2) or 0 for c in result.questions]},
		{"name": _("Latest check-in"), "values": [number(c.mean_latest, 2) or 0 for c in result.questions]},
	]
	if all(c.question.population_mean for c in result.questions):
		datasets.append(
			{"name": _("National average"), "values": [c.question.population_mean for c in result.questions]}
		)
	return {
		"title": _("Mean answer to each question, at first and latest check-in"),
		"data": {"labels": names_of(measure), "datasets": datasets},
		"type": "bar",
		"colors": ["#A6B1B9", "#5E64FF", "#FFA00A"],
	}


def score_range(measure) -> tuple[float, float]:
	if measure.scoring == scoring.SUM_THEN_CONVERT and measure.conversion:
		scores = [row.score for row in measure.conversion]
		return min(scores), max(scores)
	return sum(item.min_value for item in measure.items), sum(item.max_value for item in measure.items)


def report_summary(measure, result: Journey) -> list[dict]:
	people = result.people
	compared = set(people.loc[people["check_ins"] >= 2, "person"])
	items = [
		summary(len(compared), _("People with two or more check-ins in this period")),
		summary(
			len(set(people["person"]) - compared),
			_("People with one check-in in this period"),
			indicator="Grey",
		),
	]
	each_on_its_own = measure.scoring == scoring.EACH_ON_ITS_OWN
	if not measure.meaningful_change:
		items.append(
			summary(
				_("Your organisation has not set one"),
				_("Meaningful change on {0}: an admin sets it on the Wellbeing Measure").format(measure.name),
				"Data",
				"Grey",
			)
		)
	for change in result.questions:
		question = change.question
		name = plain_question_name(question.code) if each_on_its_own else None
		better = _("lower is better") if question.lower_is_better else _("higher is better")

		def said(label: str, name=name) -> str:
			return f"{name}: {label}" if name else label

		if not each_on_its_own:
			items += [
				summary(number(change.mean_first, 2), said(_("Mean at first check-in")), "Float"),
				summary(number(change.mean_latest, 2), said(_("Mean at latest check-in")), "Float"),
			]
		items.append(
			summary(
				number(change.mean_change, 2),
				said(_("Mean change ({0})").format(better)),
				"Float",
				for_the_better(change.mean_change, question),
			)
		)
		if question.population_mean:
			items.append(
				summary(
					number(change.latest_against_population_mean, 2),
					said(
						_("Latest mean against the national average of {0} ({1})").format(
							question.population_mean, better
						)
					),
					"Float",
					for_the_better(change.latest_against_population_mean, question),
				)
			)
		if change.share_up is not None:
			threshold = f"{question.meaningful_change:g}"
			items += [
				summary(
					change.share_up,
					said(_("Wellbeing up by {0} or more").format(threshold)),
					"Percent",
					"Green",
				),
				summary(change.share_about_the_same, said(_("About the same")), "Percent"),
				summary(
					change.share_down,
					said(_("Wellbeing down by {0} or more").format(threshold)),
					"Percent",
					"Orange",
				),
			]
	if measure.population_mean_source and any(c.question.population_mean for c in result.questions):
		items.append(
			summary(measure.population_mean_source, _("The national average is from"), "Data", "Grey")
		)
	return items


def for_the_better(difference: float | None, question: Question) -> str:
	"""Green where the difference is for the better, whichever way the question runs."""
	if not difference:
		return "Blue"
	better = -difference if question.lower_is_better else difference
	return "Green" if better > 0 else "Orange"


# The "Mean wellbeing change" card's measure and question, which its label names: every site has ONS4,
# and life satisfaction is the question the ONS leads with.
CARD_MEASURE = "ONS4"
CARD_QUESTION = "life_satisfaction"


@frappe.whitelist()
def mean_wellbeing_change(filters=None):
	"""The "Mean change in life satisfaction (ONS4, 0 to 10)" number card: the mean change between first
	and latest answer over the last twelve months, among the people the user may see."""
	if not frappe.db.exists("Wellbeing Measure", CARD_MEASURE):
		return "–"
	measure = frappe.get_cached_doc("Wellbeing Measure", CARD_MEASURE)
	filters = frappe.parse_json(filters)
	# A card's own filters are a list of conditions; a coach or team chosen for it, a dict.
	filters = frappe._dict(filters if isinstance(filters, dict) else {})
	from_date, to_date = period({})
	question = [q for q in questions_of(measure) if q.code == CARD_QUESTION]
	result = journey(first_and_latest(measure, filters, from_date, to_date), question)
	if not result.questions or result.questions[0].mean_change is None:
		return "–"
	return {
		"value": number(result.questions[0].mean_change, 2),
		"fieldtype": "Float",
		"precision": 2,
		"route": ["query-report", "Wellbeing Journey"],
		"route_options": {"measure": measure.name},
	}
