from datetime import date

import pandas as pd
import pytest

from pts_coaching.report_arithmetic.wellbeing_journey import (
	ABOUT_THE_SAME,
	ENDS,
	ONE_CHECK_IN,
	TOTAL,
	WELLBEING_DOWN,
	WELLBEING_UP,
	Band,
	Question,
	bands,
	count_in_bands,
	ends_of,
	journey,
)

WEMWBS = Question(TOTAL, population_mean=49.85, meaningful_change=3)


def ends(*rows):
	"""Per person and question: check-ins, first date and value, latest date and value."""
	return pd.DataFrame(rows, columns=ENDS)


def test_first_and_latest_score_of_each_person_compared_with_the_threshold_and_the_national_average():
	result = journey(
		ends(
			("P1", TOTAL, 3, date(2026, 1, 1), 40, date(2026, 6, 1), 47),
			("P2", TOTAL, 2, date(2026, 2, 1), 50, date(2026, 5, 1), 48),
			("P3", TOTAL, 2, date(2026, 1, 10), 55, date(2026, 4, 1), 51),
			("P4", TOTAL, 1, date(2026, 3, 3), 44, date(2026, 3, 3), 44),
			# A change of exactly 3 is meaningful.
			("P5", TOTAL, 2, date(2026, 2, 2), 30, date(2026, 2, 2), 33),
		),
		[WEMWBS],
	)
	people = result.people.set_index("person")
	assert people.loc["P1", ["first", "latest", "change", "what_changed"]].tolist() == [
		40,
		47,
		7,
		WELLBEING_UP,
	]
	assert people.loc["P1", "check_ins"] == 3
	assert people.loc["P2", "what_changed"] == ABOUT_THE_SAME
	assert people.loc["P3", ["change", "what_changed"]].tolist() == [-4, WELLBEING_DOWN]
	assert people.loc["P5", ["first", "latest", "what_changed"]].tolist() == [30, 33, WELLBEING_UP]
	# One check-in so far: in the rows, counted apart, and left out of the comparison.
	assert people.loc["P4", "what_changed"] == ONE_CHECK_IN
	assert pd.isna(people.loc["P4", "latest"]) and pd.isna(people.loc["P4", "change"])

	[change] = result.questions
	assert change.people == 4
	assert change.people_with_one_check_in == 1
	assert change.mean_first == 43.75  # (40 + 50 + 55 + 30) / 4
	assert change.mean_latest == 44.75  # (47 + 48 + 51 + 33) / 4
	assert change.mean_change == 1.0
	assert (change.share_up, change.share_about_the_same, change.share_down) == (50.0, 25.0, 25.0)
	assert change.latest_against_population_mean == pytest.approx(-5.1)


def test_ons4_questions_each_on_their_own_and_less_anxiety_is_wellbeing_up():
	life = Question("life_satisfaction", population_mean=7.45, meaningful_change=1)
	anxiety = Question("anxiety", population_mean=3.12, meaningful_change=1, lower_is_better=True)
	result = journey(
		ends(
			("P1", "life_satisfaction", 2, date(2026, 1, 1), 5, date(2026, 4, 1), 7),
			("P1", "anxiety", 2, date(2026, 1, 1), 6, date(2026, 4, 1), 3),
			("P2", "life_satisfaction", 2, date(2026, 1, 2), 8, date(2026, 5, 1), 8),
			("P2", "anxiety", 2, date(2026, 1, 2), 2, date(2026, 5, 1), 4),
			# Anxiety left unanswered: P3 has no row for it.
			("P3", "life_satisfaction", 1, date(2026, 2, 1), 6, date(2026, 2, 1), 6),
		),
		[life, anxiety],
	)
	by_question = {change.question.code: change for change in result.questions}
	assert by_question["life_satisfaction"].people == 2
	assert by_question["life_satisfaction"].people_with_one_check_in == 1
	assert by_question["life_satisfaction"].mean_first == 6.5
	assert by_question["life_satisfaction"].mean_latest == 7.5
	assert by_question["life_satisfaction"].mean_change == 1.0
	assert by_question["life_satisfaction"].share_up == 50.0
	assert by_question["life_satisfaction"].share_about_the_same == 50.0
	assert by_question["life_satisfaction"].latest_against_population_mean == pytest.approx(0.05)

	assert by_question["anxiety"].people == 2
	assert by_question["anxiety"].people_with_one_check_in == 0
	assert by_question["anxiety"].mean_first == 4.0
	assert by_question["anxiety"].mean_latest == 3.5
	assert by_question["anxiety"].mean_change == -0.5
	assert (by_question["anxiety"].share_up, by_question["anxiety"].share_down) == (50.0, 50.0)
	assert by_question["anxiety"].latest_against_population_mean == pytest.approx(0.38)

	# The rows stay in the order they came, which is the report's.
	assert result.people[["person", "question"]].values.tolist() == [
		["P1", "life_satisfaction"],
		["P1", "anxiety"],
		["P2", "life_satisfaction"],
		["P2", "anxiety"],
		["P3", "life_satisfaction"],
	]
	anxious = result.people[result.people["question"] == "anxiety"].set_index("person")
	assert anxious.loc["P1", "what_changed"] == WELLBEING_UP  # 6 to 3
	assert anxious.loc["P2", "what_changed"] == WELLBEING_DOWN  # 2 to 4
	assert "P3" not in anxious.index


def test_a_converted_score_one_threshold_up_is_meaningful_despite_floating_point():
	swemwbs = Question(TOTAL, population_mean=23.45, meaningful_change=1)
	result = journey(
		ends(("P1", TOTAL, 2, date(2026, 1, 1), 7.03, date(2026, 2, 1), 8.03)),
		[swemwbs],
	)
	assert result.people["what_changed"].tolist() == [WELLBEING_UP]


def test_without_a_threshold_change_is_shown_but_nothing_is_called_meaningful():
	result = journey(
		ends(("P1", TOTAL, 2, date(2026, 1, 1), 40, date(2026, 2, 1), 52)),
		[Question(TOTAL)],
	)
	[change] = result.questions
	assert change.mean_change == 12
	assert (change.share_up, change.share_down, change.latest_against_population_mean) == (None, None, None)
	assert result.people["what_changed"].tolist() == [None]


def test_no_check_ins_is_no_one_and_no_means():
	result = journey(ends(), [WEMWBS])
	assert result.people.empty
	[change] = result.questions
	assert (change.people, change.people_with_one_check_in, change.mean_first, change.share_up) == (
		0,
		0,
		None,
		None,
	)


def test_bands_of_a_round_width_cover_the_scale():
	assert bands(14, 70) == [Band(low, low + 10) for low in range(10, 80, 10)]
	assert bands(7, 35) == [Band(low, low + 5) for low in range(5, 40, 5)]
	assert bands(0, 10)[0] == Band(0, 2)
	assert Band(10, 20).label(whole_numbers=True) == "10–19"
	assert Band(10, 15).label(whole_numbers=False) == "10–14.99"


def test_each_value_in_its_band_and_the_top_of_the_scale_in_the_last():
	assert count_in_bands([14, 19.5, 20, 70], bands(14, 70)) == [2, 1, 0, 0, 0, 0, 1]


def test_first_and_latest_are_the_ends_of_each_persons_values_in_order_and_none_is_no_value():
	# A row per person and question, the people as they came and each one's questions in the measure's order.
	in_order = pd.DataFrame(
		{
			"person": ["P1", "P2"],
			"person_name": ["Rowan", "Kit"],
			"life_satisfaction": ["2026-01-05 4,2026-03-01 6.5,2026-06-30 7", "2026-02-01 -1"],
			"anxiety": ["2026-01-05 8.000000000", None],
		}
	)
	ends = ends_of(in_order, ["life_satisfaction", "anxiety"])
	assert ends.columns.tolist() == [*ENDS, "person_name"]
	assert ends.values.tolist() == [
		["P1", "life_satisfaction", 3, date(2026, 1, 5), 4.0, date(2026, 6, 30), 7.0, "Rowan"],
		["P1", "anxiety", 1, date(2026, 1, 5), 8.0, date(2026, 1, 5), 8.0, "Rowan"],
		["P2", "life_satisfaction", 1, date(2026, 2, 1), -1.0, date(2026, 2, 1), -1.0, "Kit"],
	]


def test_no_one_with_a_value_is_no_ends():
	in_order = pd.DataFrame({"person": ["P1"], "person_name": ["Rowan"], TOTAL: [None]})
	assert ends_of(in_order, [TOTAL]).empty
	assert journey(ends_of(in_order.iloc[:0], [TOTAL]), [Question()]).people.empty
