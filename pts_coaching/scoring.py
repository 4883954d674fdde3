"""Scoring wellbeing check-ins exactly as each scale's authors say, and nothing more.

WEMWBS is the sum of its 14 answers; SWEMWBS sums its 7 answers and converts the raw score through
its published table; ONS4's four questions are each reported on their own and never added up
(anxiety runs the other way). No scale has an official rule for a missing answer, so a check-in
with an unanswered question has no score rather than an invented one.

Plain Python on purpose: the check-in's controller uses these rules, and they are read and tested
without Frappe.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from pts_coaching.rules import RuleBroken

SUM = "Sum"
SUM_THEN_CONVERT = "Sum then convert"
EACH_ON_ITS_OWN = "Each question on its own"
SCORINGS = (SUM, SUM_THEN_CONVERT, EACH_ON_ITS_OWN)

WHOLE_NUMBER = re.compile(r"[+-]?\d+")


class NotAccepted(RuleBroken):
	"""Input the scoring rules refuse."""


@dataclass(frozen=True)
class Item:
	code: str
	min_value: int
	max_value: int
	# The statement, where known: messages name the question the way the person saw it.
	label: str = field(default="", compare=False)

	def __str__(self):
		return self.label or self.code


@dataclass(frozen=True)
class Measure:
	# What the measure is called names it in messages; it takes no part in how answers are scored.
	name: str = field(compare=False)
	items: tuple[Item, ...]
	scoring: str
	# (raw score, score) pairs, as entered: a pair given twice is refused rather than picked from.
	conversion: tuple[tuple[int, float], ...] = ()


@dataclass(frozen=True)
class Result:
	# Every question of the measure, in its order: the answer, or None where there is none.
	answers: dict[str, int | None]
	raw_score: int | None
	score: float | None

	@property
	def unanswered(self) -> tuple[str, ...]:
		return tuple(code for code, value in self.answers.items() if value is None)

	@property
	def scored(self) -> bool:
		return self.score is not None


def raw_range(measure: Measure) -> range:
	return range(
		sum(item.min_value for item in measure.items), sum(item.max_value for item in measure.items) + 1
	)


def check_measure(measure: Measure) -> None:
	"""Refuse a measure whose answers could not be scored exactly."""
	if measure.scoring not in SCORINGS:
		raise NotAccepted(
			"{0} is not a way of scoring. Choose one of: {1}.", measure.scoring, ", ".join(SCORINGS)
		)
	if not measure.items:
		raise NotAccepted("A measure needs at least one question.")
	codes = [item.code for item in measure.items]
	if not all(codes):
		raise NotAccepted("Each question needs a code.")
	twice = sorted({code for code in codes if codes.count(code) > 1})
	if twice:
		raise NotAccepted("Each question needs its own code: {0} is used more than once.", ", ".join(twice))
	for item in measure.items:
		if item.min_value >= item.max_value:
			raise NotAccepted(
				"The answers to {0} must run from a lower to a higher number, not from {1} to {2}.",
				item,
				item.min_value,
				item.max_value,
			)
	if measure.scoring == SUM_THEN_CONVERT:
		check_conversion(measure)
	elif measure.conversion:
		raise NotAccepted("A conversion table is only used when the scoring is '{0}'.", SUM_THEN_CONVERT)


def check_conversion(measure: Measure) -> None:
	raws = [raw for raw, _ in measure.conversion]
	twice = sorted({raw for raw in raws if raws.count(raw) > 1})
	if twice:
		raise NotAccepted(
			"The conversion table gives more than one score for a raw score of {0}.",
			", ".join(map(str, twice)),
		)
	reachable = raw_range(measure)
	missing = [raw for raw in reachable if raw not in raws]
	if missing:
		raise NotAccepted(
			"The conversion table needs a score for every raw score from {0} to {1}; it has none for {2}.",
			reachable.start,
			reachable.stop - 1,
			", ".join(map(str, missing)),
		)
	unreachable = sorted(raw for raw in raws if raw not in reachable)
	if unreachable:
		raise NotAccepted(
			"The raw score runs from {0} to {1}, so the conversion table cannot have {2}.",
			reachable.start,
			reachable.stop - 1,
			", ".join(map(str, unreachable)),
		)


def check_answer_labels(measure: Measure, labels: list[str]) -> None:
	"""Labels name each answer from the lowest up, so every question must offer the same answers."""
	if not labels:
		return
	ranges = {(item.min_value, item.max_value) for item in measure.items}
	if len(ranges) > 1:
		raise NotAccepted("Answer labels can only be used when every question has the same answers.")
	((low, high),) = ranges
	if len(labels) != high - low + 1:
		raise NotAccepted(
			"Answers run from {0} to {1}, so there must be {2} answer labels, one a line; there are {3}.",
			low,
			high,
			high - low + 1,
			len(labels),
		)


def read_answer(item: Item, value) -> int | None:
	"""The answer as a whole number within the question's range, or None if there is no answer."""
	if value is None or (isinstance(value, str) and not value.strip()):
		return None
	if isinstance(value, bool):
		number = None
	elif isinstance(value, int):
		number = value
	elif isinstance(value, float) and value.is_integer():
		number = int(value)
	elif isinstance(value, str) and WHOLE_NUMBER.fullmatch(value.strip()):
		number = int(value.strip())
	else:
		number = None
	if number is None or not item.min_value <= number <= item.max_value:
		raise NotAccepted(
			"The answer to {0} must be a whole number from {1} to {2}, not {3}.",
			item,
			item.min_value,
			item.max_value,
			value,
		)
	return number


def score(measure: Measure, answers: Iterable[tuple[str, object]]) -> Result:
	"""Score (question code, answer) pairs on a measure, or raise NotAccepted saying what is wrong.

	A question left out, or given an empty answer, is unanswered: the check-in has no score.
	"""
	items = {item.code: item for item in measure.items}
	given: dict[str, int | None] = {}
	for code, value in answers:
		if not code:
			raise NotAccepted("Each answer needs the question it answers.")
		if code not in items:
			raise NotAccepted("{0} is not a question of {1}.", code, measure.name)
		if code in given:
			raise NotAccepted("{0} is answered more than once: keep one answer.", items[code])
		given[code] = read_answer(items[code], value)

	in_order = {code: given.get(code) for code in items}
	if measure.scoring == EACH_ON_ITS_OWN or None in in_order.values():
		return Result(in_order, None, None)
	raw = sum(in_order.values())
	if measure.scoring == SUM:
		return Result(in_order, raw, float(raw))
	converted = dict(measure.conversion).get(raw)
	if converted is None:
		raise NotAccepted(
			"The conversion table of {0} has no score for a raw score of {1}.", measure.name, raw
		)
	return Result(in_order, raw, float(converted))
