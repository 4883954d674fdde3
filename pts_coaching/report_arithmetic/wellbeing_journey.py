"""Wellbeing over time: each person's first and latest check-in on a measure, compared.

What is compared is a measure's total score or, for a measure whose questions are each reported on
their own (ONS4), each of its questions apart. Only what has a value counts: a check-in without a
score (a question left unanswered) is not a zero. Someone with one check-in in the period has nothing
to compare: they are counted apart, never dropped.

A change counts as meaningful when it is at least the measure's meaningful-change threshold; where a
lower answer means more wellbeing (ONS4's anxiety), a fall is the change for the better. Means are of
the people with two or more check-ins, so that first and latest are of the same people.

The report's query finds each person's first and latest value (by date, then as noted) and counts
their check-ins; here they are compared.
"""

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from pts_coaching.report_arithmetic.over_time import share

# The question code that stands for a measure's total score.
TOTAL = ""

WELLBEING_UP = "Wellbeing up"
ABOUT_THE_SAME = "About the same"
WELLBEING_DOWN = "Wellbeing down"
ONE_CHECK_IN = "One check-in in this period"

# Scores are stored to 9 decimal places: a change is rounded to them before it meets the threshold, so
# that 20.98 - 19.98 is a change of 1.
PLACES = 9


@dataclass(frozen=True)
class Question:
	code: str = TOTAL
	population_mean: float | None = None
	meaningful_change: float | None = None
	lower_is_better: bool = False


@dataclass(frozen=True)
class Change:
	"""How a question's answers changed between first and latest check-in."""

	question: Question
	people: int
	people_with_one_check_in: int
	mean_first: float | None
	mean_latest: float | None
	mean_change: float | None
	share_up: float | None
	share_about_the_same: float | None
	share_down: float | None
	latest_against_population_mean: float | None


@dataclass(frozen=True)
class Journey:
	# One row per person and question: person, question, check_ins, first_date, first, latest_date,
	# latest, change, what_changed.
	people: pd.DataFrame
	questions: tuple[Change, ...]


# What the report's query hands over: per person and question (a code, or TOTAL), how many check-ins
# in the period gave it a value, and the first and latest of those values.
ENDS = ["person", "question", "check_ins", "first_date", "first", "latest_date", "latest"]
COLUMNS = [*ENDS, "change"]


# How the report's query lists each person's values of a question, to take the first and latest
# from: each "YYYY-MM-DD value", in order, apart by commas (a number has neither).
APART = ","
DATE_APART = " "


def ends_of(in_order: pd.DataFrame, codes: Sequence[str]) -> pd.DataFrame:
	"""`in_order`: one row per person, with the person, any columns carried along and, for each question
	code, a column of their values of it in order (as APART and DATE_APART say; None where they gave it
	none). One row per person and question with a value, as ENDS and the columns carried: the people in
	the order they came, each person's questions in the order of `codes`."""
	carried = [c for c in in_order.columns if c not in codes]
	# Plain Python, list by list: a year of check-ins is a hundred thousand lists, and pandas' own
	# string methods (or a melt) cost more than the lists' parsing.
	people, questions, texts = [], [], []
	for row, lists in enumerate(zip(*(in_order[code].tolist() for code in codes), strict=True)):
		for code, text in zip(codes, lists, strict=True):
			if text is not None and text == text:  # None, or NaN from pandas, is no value
				people.append(row)
				questions.append(code)
				texts.append(str(text))
	if not texts:
		return pd.DataFrame(columns=[*ENDS, *(c for c in carried if c != "person")])
	first = [text.partition(APART)[0].partition(DATE_APART) for text in texts]
	latest = [text.rpartition(APART)[2].partition(DATE_APART) for text in texts]
	return pd.DataFrame(
		{
			"person": in_order["person"].to_numpy()[people],
			"question": questions,
			"check_ins": [text.count(APART) + 1 for text in texts],
			"first_date": [date.fromisoformat(day) for day, _, _ in first],
			"first": [float(value) for _, _, value in first],
			"latest_date": [date.fromisoformat(day) for day, _, _ in latest],
			"latest": [float(value) for _, _, value in latest],
			**{column: in_order[column].to_numpy()[people] for column in carried if column != "person"},
		}
	)


def journey(ends: pd.DataFrame, questions: Sequence[Question]) -> Journey:
	"""`ends`: one row per person and question, as ENDS; any other column (a name) is carried along.
	The people's rows stay in the order of `ends`."""
	carried = [c for c in ends.columns if c not in ENDS]
	asked = {question.code: question for question in questions}
	people = ends.loc[ends["question"].isin(list(asked)), [*ENDS, *carried]].reset_index(drop=True)
	if people.empty:
		people = pd.DataFrame(columns=[*COLUMNS, *carried, "what_changed"])
	else:
		people = _compared(people, asked)
	return Journey(people, tuple(_change(q, people[people["question"] == q.code]) for q in questions))


def _compared(people: pd.DataFrame, asked: dict[str, Question]) -> pd.DataFrame:
	"""Every question's rows at once, each against its own threshold and direction."""
	once = (people["check_ins"].astype(int) < 2).to_numpy()
	first = people["first"].astype(float)
	latest = people["latest"].astype(float).mask(once)
	change = (latest - first).round(PLACES)
	threshold = (
		people["question"].map({c: q.meaningful_change or math.nan for c, q in asked.items()}).astype(float)
	).to_numpy()
	lower_is_better = people["question"].map({c: q.lower_is_better for c, q in asked.items()}).astype(bool)
	better = change.where(~lower_is_better, -change).to_numpy()
	with np.errstate(invalid="ignore"):
		what_changed = np.select(
			[once, np.isnan(threshold), better >= threshold, better <= -threshold],
			[ONE_CHECK_IN, None, WELLBEING_UP, WELLBEING_DOWN],
			ABOUT_THE_SAME,
		)
	return people.assign(
		check_ins=people["check_ins"].astype(int),
		first=first,
		latest_date=people["latest_date"].where(~once, None),
		latest=latest,
		change=change,
		what_changed=what_changed,
	)


def _change(question: Question, people: pd.DataFrame) -> Change:
	compared = people[people["check_ins"] >= 2]
	count = len(compared)
	measured = bool(question.meaningful_change)

	def shared(what: str) -> float | None:
		return share(int((compared["what_changed"] == what).sum()), count) if measured else None

	mean_first = _mean(compared["first"])
	mean_latest = _mean(compared["latest"])
	return Change(
		question=question,
		people=count,
		people_with_one_check_in=int((people["check_ins"] == 1).sum()),
		mean_first=mean_first,
		mean_latest=mean_latest,
		mean_change=None if mean_first is None else round(mean_latest - mean_first, PLACES),
		share_up=shared(WELLBEING_UP),
		share_about_the_same=shared(ABOUT_THE_SAME),
		share_down=shared(WELLBEING_DOWN),
		latest_against_population_mean=(
			round(mean_latest - question.population_mean, PLACES)
			if mean_latest is not None and question.population_mean
			else None
		),
	)


def _mean(values: pd.Series) -> float | None:
	return float(values.astype(float).mean()) if len(values) else None


@dataclass(frozen=True)
class Band:
	low: float
	high: float  # not included, except in the last band

	def label(self, whole_numbers: bool) -> str:
		top = self.high - 1 if whole_numbers else self.high - 0.01
		return f"{self.low:g}–{top:g}"


def bands(lowest: float, highest: float, at_most: int = 10) -> list[Band]:
	"""Equal bands of a round width (1, 2, 5, 10, 20...) from a multiple of it, covering lowest to
	highest in at most `at_most` bands."""
	width = next(
		w
		for w in (step * 10**power for power in range(6) for step in (1, 2, 5))
		if math.floor(highest / w) - math.floor(lowest / w) + 1 <= at_most
	)
	start = math.floor(lowest / width) * width
	count = math.floor(highest / width) - math.floor(lowest / width) + 1
	return [Band(start + i * width, start + (i + 1) * width) for i in range(count)]


def count_in_bands(values: Iterable[float], in_bands: list[Band]) -> list[int]:
	"""How many values fall in each band; the highest value of the last band counts in it."""
	counts = [0] * len(in_bands)
	for value in values:
		index = sum(1 for band in in_bands[1:] if value >= band.low)
		counts[index] += 1
	return counts
