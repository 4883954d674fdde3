import json
from pathlib import Path

import pytest

from pts_coaching import scoring
from pts_coaching.language import find_deficit_words

APP = Path(__file__).resolve().parents[2] / "pts_coaching"
SHIPPED = {
	m["measure_name"]: m
	for m in json.loads((APP / "setup" / "wellbeing_measures.json").read_text())["measures"]
}
SHARED_FACTS = Path(__file__).resolve().parents[3] / "shared" / "wellbeing" / "measures.json"

# SWEMWBS raw score to metric score, as published (Stewart-Brown et al.; shared/wellbeing/measures.json).
SWEMWBS_TABLE = {
	7: 7.00, 8: 9.51, 9: 11.25, 10: 12.40, 11: 13.33, 12: 14.08, 13: 14.75, 14: 15.32, 15: 15.84,
	16: 16.36, 17: 16.88, 18: 17.43, 19: 17.98, 20: 18.59, 21: 19.25, 22: 19.98, 23: 20.73, 24: 21.54,
	25: 22.35, 26: 23.21, 27: 24.11, 28: 25.03, 29: 26.02, 30: 27.03, 31: 28.13, 32: 29.31, 33: 30.70,
	34: 32.55, 35: 35.00,
}  # fmt: skip


def measure(name: str) -> scoring.Measure:
	facts = SHIPPED[name]
	return scoring.Measure(
		name=name,
		items=tuple(
			scoring.Item(i["code"], i["min_value"], i["max_value"], i["statement"]) for i in facts["items"]
		),
		scoring=facts["scoring"],
		conversion=tuple((row["raw_score"], row["score"]) for row in facts["conversion"]),
	)


WEMWBS, SWEMWBS, ONS4 = measure("WEMWBS"), measure("SWEMWBS"), measure("ONS4")


def answers_adding_up_to(m: scoring.Measure, raw: int) -> list[tuple[str, int]]:
	"""Answers within each item's range whose sum is `raw`, filled from the first item on."""
	left = raw - sum(item.min_value for item in m.items)
	answers = []
	for item in m.items:
		extra = min(left, item.max_value - item.min_value)
		answers.append((item.code, item.min_value + extra))
		left -= extra
	assert left == 0
	return answers


# --- the shipped measures are the published ones


def test_the_shipped_conversion_table_is_the_published_one():
	assert dict(SWEMWBS.conversion) == SWEMWBS_TABLE
	assert len(SWEMWBS_TABLE) == 29


def test_the_shipped_facts_match_the_shared_facts():
	if not SHARED_FACTS.exists():
		pytest.skip("shared/wellbeing/measures.json is not beside this checkout")
	facts = json.loads(SHARED_FACTS.read_text())
	assert {int(raw): score for raw, score in facts["SWEMWBS"]["raw_to_metric"].items()} == SWEMWBS_TABLE
	assert [i.code for i in WEMWBS.items] == facts["WEMWBS"]["item_codes"]
	assert [i.code for i in SWEMWBS.items] == facts["SWEMWBS"]["wemwbs_items_used"]
	assert {i.code: i.label for i in ONS4.items} == facts["ONS4"]["questions"]
	for name in ("WEMWBS", "SWEMWBS"):
		assert SHIPPED[name]["meaningful_change"] == facts[name]["meaningful_change"]


def test_the_shipped_measures_have_the_published_shape():
	assert (len(WEMWBS.items), WEMWBS.scoring, scoring.raw_range(WEMWBS)) == (14, scoring.SUM, range(14, 71))
	assert (len(SWEMWBS.items), SWEMWBS.scoring, scoring.raw_range(SWEMWBS)) == (
		7,
		scoring.SUM_THEN_CONVERT,
		range(7, 36),
	)
	assert (len(ONS4.items), ONS4.scoring) == (4, scoring.EACH_ON_ITS_OWN)
	assert {(i.min_value, i.max_value) for i in WEMWBS.items + SWEMWBS.items} == {(1, 5)}
	assert {(i.min_value, i.max_value) for i in ONS4.items} == {(0, 10)}
	for m in (WEMWBS, SWEMWBS, ONS4):
		scoring.check_measure(m)
		scoring.check_answer_labels(m, SHIPPED[m.name]["answer_labels"])


def test_licensed_wording_is_not_shipped():
	for name in ("WEMWBS", "SWEMWBS"):
		assert SHIPPED[name]["wording_is_licensed"] == 1
		assert [i.label for i in measure(name).items] == [
			f"Item {n}" for n in range(1, len(measure(name).items) + 1)
		]
		assert "Warwick" in SHIPPED[name]["licence"]
	assert SHIPPED["ONS4"]["wording_is_licensed"] == 0
	assert all(i.label.startswith("Overall, ") for i in ONS4.items)


def test_the_shipped_words_are_strength_based():
	for facts in SHIPPED.values():
		for text in (facts["title"], facts["instructions"], *(i["statement"] for i in facts["items"])):
			assert find_deficit_words(text) == []


# --- scoring


@pytest.mark.parametrize("raw", sorted(SWEMWBS_TABLE))
def test_swemwbs_converts_every_raw_score_through_the_table(raw):
	result = scoring.score(SWEMWBS, answers_adding_up_to(SWEMWBS, raw))
	assert (result.raw_score, result.score, result.scored) == (raw, SWEMWBS_TABLE[raw], True)


@pytest.mark.parametrize("raw", [14, 15, 42, 69, 70])
def test_wemwbs_is_the_sum_of_its_answers(raw):
	result = scoring.score(WEMWBS, answers_adding_up_to(WEMWBS, raw))
	assert (result.raw_score, result.score) == (raw, float(raw))


def test_ons4_keeps_each_answer_on_its_own_and_never_adds_them_up():
	result = scoring.score(
		ONS4, [("anxiety", 10), ("life_satisfaction", 0), ("worthwhile", "7"), ("happiness", 10)]
	)
	assert result.answers == {"life_satisfaction": 0, "worthwhile": 7, "happiness": 10, "anxiety": 10}
	assert list(result.answers) == [i.code for i in ONS4.items]
	assert (result.raw_score, result.score, result.scored) == (None, None, False)
	assert result.unanswered == ()


@pytest.mark.parametrize("m", [WEMWBS, SWEMWBS, ONS4], ids=lambda m: m.name)
def test_both_ends_of_every_range_are_answers_and_one_beyond_is_not(m):
	for item in m.items:
		for value in (item.min_value, item.max_value):
			others = [(i.code, i.min_value) for i in m.items if i != item]
			assert scoring.score(m, [*others, (item.code, value)]).answers[item.code] == value
		for value in (item.min_value - 1, item.max_value + 1):
			with pytest.raises(scoring.NotAccepted) as refused:
				scoring.score(m, [(item.code, value)])
			assert f"from {item.min_value} to {item.max_value}, not {value}" in str(refused.value)
			assert item.label in str(refused.value)


@pytest.mark.parametrize("m", [WEMWBS, SWEMWBS], ids=lambda m: m.name)
def test_lowest_and_highest_scores(m):
	low = scoring.score(m, [(i.code, i.min_value) for i in m.items])
	high = scoring.score(m, [(i.code, i.max_value) for i in m.items])
	assert (low.score, high.score) == ((14.0, 70.0) if m is WEMWBS else (7.0, 35.0))


@pytest.mark.parametrize("m", [WEMWBS, SWEMWBS], ids=lambda m: m.name)
def test_an_unanswered_item_means_no_score_and_nothing_is_invented(m):
	answers = [(i.code, i.max_value) for i in m.items]
	left_out = scoring.score(m, answers[1:])
	left_empty = scoring.score(m, [(answers[0][0], ""), *answers[1:]])
	for result in (left_out, left_empty):
		assert (result.raw_score, result.score, result.scored) == (None, None, False)
		assert result.unanswered == (m.items[0].code,)
		assert result.answers[m.items[0].code] is None
		assert list(result.answers) == [i.code for i in m.items]
	assert scoring.score(m, []).unanswered == tuple(i.code for i in m.items)


def test_ons4_with_a_question_unanswered_keeps_the_others():
	result = scoring.score(ONS4, [("happiness", 6), ("anxiety", None)])
	assert result.answers == {"life_satisfaction": None, "worthwhile": None, "happiness": 6, "anxiety": None}
	assert result.unanswered == ("life_satisfaction", "worthwhile", "anxiety")


@pytest.mark.parametrize("value", [" 4 ", "+4", 4, 4.0])
def test_a_whole_number_however_written_is_read(value):
	assert scoring.score(ONS4, [("happiness", value)]).answers["happiness"] == 4


@pytest.mark.parametrize("value", ["four", "4.5", 4.5, True, "4 5", "0x4", [4]])
def test_anything_but_a_whole_number_is_refused(value):
	with pytest.raises(scoring.NotAccepted, match="must be a whole number from 0 to 10"):
		scoring.score(ONS4, [("happiness", value)])


def test_an_answer_to_a_question_the_measure_does_not_have_is_refused():
	with pytest.raises(scoring.NotAccepted, match="W15 is not a question of WEMWBS"):
		scoring.score(WEMWBS, [("W01", 3), ("W15", 3)])
	# SWEMWBS uses 7 of the WEMWBS items, and only those.
	with pytest.raises(scoring.NotAccepted, match="W04 is not a question of SWEMWBS"):
		scoring.score(SWEMWBS, [("W04", 3)])
	with pytest.raises(scoring.NotAccepted, match="needs the question it answers"):
		scoring.score(ONS4, [("", 3)])


def test_the_same_question_twice_is_refused_even_with_the_same_answer():
	with pytest.raises(
		scoring.NotAccepted, match=r"Overall, how happy did you feel yesterday.* more than once"
	):
		scoring.score(ONS4, [("happiness", 3), ("happiness", 3)])


def test_a_refusal_keeps_its_message_and_values_apart_for_translation():
	with pytest.raises(scoring.NotAccepted) as refused:
		scoring.score(WEMWBS, [("W01", 9)])
	assert refused.value.message == "The answer to {0} must be a whole number from {1} to {2}, not {3}."
	assert refused.value.values[1:] == (1, 5, 9)


# --- what a measure must be to be scored exactly


def replace(m: scoring.Measure, **changes) -> scoring.Measure:
	return scoring.Measure(
		**{"name": m.name, "items": m.items, "scoring": m.scoring, "conversion": m.conversion, **changes}
	)


@pytest.mark.parametrize(
	"broken, message",
	[
		(replace(SWEMWBS, conversion=SWEMWBS.conversion[:-1]), "it has none for 35"),
		(replace(SWEMWBS, conversion=SWEMWBS.conversion[1:]), "it has none for 7"),
		(replace(SWEMWBS, conversion=(*SWEMWBS.conversion, (36, 36.0))), "cannot have 36"),
		(
			replace(SWEMWBS, conversion=(*SWEMWBS.conversion, (20, 18.6))),
			"more than one score for a raw score of 20",
		),
		(replace(WEMWBS, conversion=((14, 14.0),)), "only used when the scoring is 'Sum then convert'"),
		(replace(WEMWBS, scoring="Average"), "Average is not a way of scoring"),
		(replace(WEMWBS, items=()), "at least one question"),
		(replace(WEMWBS, items=(*WEMWBS.items, WEMWBS.items[0])), "W01 is used more than once"),
		(replace(ONS4, items=(scoring.Item("", 0, 10),)), "Each question needs a code"),
		(replace(ONS4, items=(scoring.Item("happiness", 10, 0),)), "not from 10 to 0"),
		(replace(ONS4, items=(scoring.Item("happiness", 3, 3),)), "not from 3 to 3"),
	],
)
def test_a_measure_that_cannot_be_scored_exactly_is_refused(broken, message):
	with pytest.raises(scoring.NotAccepted, match=message):
		scoring.check_measure(broken)


def test_answer_labels_name_every_answer_of_every_question():
	scoring.check_answer_labels(ONS4, [])
	with pytest.raises(scoring.NotAccepted, match="there must be 5 answer labels, one a line; there are 4"):
		scoring.check_answer_labels(WEMWBS, ["None of the time", "Rarely", "Often", "All of the time"])
	mixed = replace(ONS4, items=(*ONS4.items, scoring.Item("other", 1, 5)))
	with pytest.raises(scoring.NotAccepted, match="same answers"):
		scoring.check_answer_labels(mixed, ["a", "b", "c", "d", "e"])


def test_only_what_scores_tells_two_measures_apart():
	reworded = replace(
		WEMWBS,
		name="WEMWBS (our licence)",
		items=tuple(scoring.Item(i.code, 1, 5, "Licensed words") for i in WEMWBS.items),
	)
	assert reworded == WEMWBS
	assert replace(WEMWBS, items=(*WEMWBS.items[:-1], scoring.Item("W14", 0, 5))) != WEMWBS
