# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, today

from pts_coaching import scoring
from pts_coaching.pts_coaching.doctype.wellbeing_measure.wellbeing_measure import as_measure
from pts_coaching.pts_coaching.records import check_not_in_future, check_relationship_is_theirs, said_kindly


class WellbeingCheckin(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from pts_coaching.pts_coaching.doctype.wellbeing_answer.wellbeing_answer import WellbeingAnswer

		answers: DF.Table[WellbeingAnswer]
		comment: DF.SmallText | None
		date: DF.Date
		done_with: DF.Literal["With their coach", "On their own"]
		measure: DF.Link
		person: DF.Link
		person_name: DF.Data | None
		raw_score: DF.Int
		relationship: DF.Link | None
		saved_once_key: DF.Data | None
		score: DF.Float
		score_note: DF.SmallText | None
		scored: DF.Check

	# end: auto-generated types
	def before_validate(self):
		if not self.measure:
			self.measure = frappe.db.get_single_value("PTS Coaching Settings", "default_measure")

	def validate(self):
		check_relationship_is_theirs(self)
		check_not_in_future(self, "date")
		if self.measure:  # without one, Frappe asks for it
			self.score_answers()

	def score_answers(self):
		"""The score is always worked out here from the answers: whatever a client sent is replaced."""
		measure = frappe.get_doc("Wellbeing Measure", self.measure)
		with said_kindly("Check the answers"):
			result = scoring.score(
				as_measure(measure), [((row.item_code or "").strip(), row.answer) for row in self.answers]
			)
		self.arrange_answers(measure, result)
		self.scored = int(result.scored)
		self.raw_score = result.raw_score or 0
		self.score = result.score or 0
		self.score_note = about_the_score(measure, result)

	def arrange_answers(self, measure, result: scoring.Result):
		"""One row per question, in the measure's order, showing the words the measure has now."""
		rows = {(row.item_code or "").strip(): row for row in self.answers}
		self.set("answers", [])
		for idx, item in enumerate(measure.items, start=1):
			answer = result.answers[item.code]
			self.append("answers", rows.get(item.code) or {}).update(
				{
					"idx": idx,
					"item_code": item.code,
					"statement": item.statement,
					"answer": None if answer is None else str(answer),
				}
			)


def on_their_own(person: str, relationship: str | None, answers: dict, measure: str | None = None):
	"""A check-in the person did on their own, on their page or from a link: the caller has made sure
	it is theirs, and it is scored here like any other. Without a measure, the site's default."""
	return frappe.get_doc(
		{
			"doctype": "Wellbeing Check-in",
			"person": person,
			"relationship": relationship,
			"measure": measure,
			"done_with": "On their own",
			"answers": [{"item_code": code, "answer": str(value)} for code, value in answers.items()],
		}
	).insert(ignore_permissions=True)


def about_the_score(measure, result: scoring.Result) -> str | None:
	unanswered = len(result.unanswered)
	if measure.scoring == scoring.EACH_ON_ITS_OWN:
		note = _("{0} questions are reported one by one, never added up, so there is no total score.").format(
			measure.name
		)
		if unanswered:
			note += " " + _("{0} of {1} questions have no answer.").format(unanswered, len(result.answers))
		return note
	if unanswered:
		return _(
			"No score: {0} of {1} questions have no answer. {2} has no official rule for filling in a "
			"missing answer, so none is invented. Add the answers to see the score."
		).format(unanswered, len(result.answers), measure.name)
	return None


@frappe.whitelist()
def wellbeing_over_time(person: str) -> list[dict]:
	"""For the person's form: on each measure they have used, their check-ins over time, with the
	national average as a line. Only the check-ins the user may read are shown."""
	frappe.get_doc("Person", person).check_permission("read")
	return charts_of(person)


def charts_of(person: str, ignore_permissions: bool = False) -> list[dict]:
	"""The person's own page asks for their check-ins with ignore_permissions: it is theirs."""
	check_ins = (frappe.get_all if ignore_permissions else frappe.get_list)(
		"Wellbeing Check-in",
		filters={"person": person},
		fields=["name", "measure", "date", "scored", "score"],
		order_by="date asc, creation asc",
	)
	answers = {}
	for row in frappe.get_all(
		"Wellbeing Answer",
		filters={"parenttype": "Wellbeing Check-in", "parent": ("in", [c.name for c in check_ins] or [""])},
		fields=["parent", "item_code", "answer"],
	):
		answers.setdefault(row.parent, {})[row.item_code] = row.answer
	charts = []
	for measure_name in dict.fromkeys(c.measure for c in check_ins):
		measure = frappe.get_cached_doc("Wellbeing Measure", measure_name)
		used = [c for c in check_ins if c.measure == measure_name]
		if measure.scoring == scoring.EACH_ON_ITS_OWN:
			chart = each_question_over_time(measure, used, answers)
		else:
			chart = score_over_time(measure, used)
		if chart["labels"]:
			charts.append({"measure": measure.name, "title": measure.title, **chart})
	return charts


def score_over_time(measure, check_ins) -> dict:
	scored = [c for c in check_ins if c.scored]
	markers = []
	if measure.population_mean:
		markers.append({"label": _("National average"), "value": measure.population_mean})
	return {
		"labels": [str(c.date) for c in scored],
		"datasets": [{"name": _("Score"), "values": [c.score for c in scored]}],
		"markers": markers,
	}


def each_question_over_time(measure, check_ins, answers) -> dict:
	"""One line per question. A check-in with a question unanswered is left out rather than drawn as
	a made-up value."""
	codes = [item.code for item in measure.items]
	complete = [c for c in check_ins if all(answers.get(c.name, {}).get(code) for code in codes)]
	datasets, markers = [], []
	for item in measure.items:
		name = question_name(item)
		datasets.append({"name": name, "values": [int(answers[c.name][item.code]) for c in complete]})
		if item.population_mean:
			markers.append({"label": _("National average: {0}").format(name), "value": item.population_mean})
	return {"labels": [str(c.date) for c in complete], "datasets": datasets, "markers": markers}


def question_name(item) -> str:
	name = plain_question_name(item.code)
	return _("{0} (lower is better)").format(name) if item.lower_is_better else name


def plain_question_name(code: str) -> str:
	return _(code.replace("_", " ").capitalize())


def on_doctype_update():
	# Wellbeing Journey reads a measure's check-ins person by person, in the order they were given,
	# from this index alone: MariaDB groups them as they come instead of sorting every one.
	frappe.db.add_index("Wellbeing Check-in", ["measure", "person", "date", "creation"])
