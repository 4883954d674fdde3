# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint, flt

from pts_coaching import scoring
from pts_coaching.pts_coaching.records import said_kindly


class WellbeingMeasure(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from pts_coaching.pts_coaching.doctype.wellbeing_conversion.wellbeing_conversion import (
			WellbeingConversion,
		)
		from pts_coaching.pts_coaching.doctype.wellbeing_measure_item.wellbeing_measure_item import (
			WellbeingMeasureItem,
		)

		answer_labels: DF.SmallText | None
		conversion: DF.Table[WellbeingConversion]
		instructions: DF.SmallText | None
		items: DF.Table[WellbeingMeasureItem]
		licence: DF.SmallText | None
		meaningful_change: DF.Float
		measure_name: DF.Data
		notes: DF.Text | None
		population_mean: DF.Float
		population_mean_source: DF.Data | None
		recall_period: DF.Data | None
		scoring: DF.Literal["Sum", "Sum then convert", "Each question on its own"]
		title: DF.Data
		wording_is_licensed: DF.Check

	# end: auto-generated types
	def validate(self):
		for item in self.items:
			item.code = (item.code or "").strip()
		measure = as_measure(self)
		self.keep_scoring_once_used(measure)
		with said_kindly("Check the measure"):
			scoring.check_measure(measure)
			scoring.check_answer_labels(measure, self.answer_label_list())

	def answer_label_list(self) -> list[str]:
		return [line.strip() for line in (self.answer_labels or "").splitlines() if line.strip()]

	def keep_scoring_once_used(self, measure: scoring.Measure):
		"""Scores already given stay exact: once check-ins use a measure, only its words may change."""
		previous = self.get_doc_before_save()
		if (
			previous
			and as_measure(previous) != measure
			and frappe.db.exists("Wellbeing Check-in", {"measure": self.name})
		):
			frappe.throw(
				_(
					"Check-ins already use {0}, so its codes, answers and scoring stay as they are: only the "
					"words can change. To score another way, make a new measure."
				).format(frappe.bold(self.name)),
				title=_("This measure is in use"),
			)


def as_measure(doc) -> scoring.Measure:
	return scoring.Measure(
		name=doc.name or doc.measure_name,
		items=tuple(
			scoring.Item(row.code, cint(row.min_value), cint(row.max_value), row.statement)
			for row in doc.items
		),
		scoring=doc.scoring,
		conversion=tuple((cint(row.raw_score), flt(row.score)) for row in doc.conversion),
	)
