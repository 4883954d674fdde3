import frappe
import pytest
from frappe.utils import add_days, today

from pts_coaching.pts_coaching.doctype.wellbeing_check_in.wellbeing_check_in import wellbeing_over_time
from tests.integration.conftest import new_relationship

ONS4_CODES = ["life_satisfaction", "worthwhile", "happiness", "anxiety"]
SWEMWBS_CODES = ["W01", "W02", "W03", "W06", "W07", "W09", "W11"]


def check_in(measure=None, answers=None, relationship=None, **values):
	relationship = relationship or new_relationship()
	return frappe.get_doc(
		{
			"doctype": "Wellbeing Check-in",
			"relationship": relationship.name,
			"measure": measure,
			"answers": [{"item_code": code, "answer": answer} for code, answer in (answers or {}).items()],
			**values,
		}
	).insert()


def wemwbs(answer=4):
	return {f"W{n:02}": answer for n in range(1, 15)}


def answers_of(doc):
	return [(row.idx, row.item_code, row.answer) for row in doc.answers]


# --- what install ships


def test_install_ships_the_three_measures_and_only_the_ons4_wording():
	wem, swem, ons4 = (frappe.get_doc("Wellbeing Measure", name) for name in ("WEMWBS", "SWEMWBS", "ONS4"))
	assert (wem.scoring, len(wem.items), wem.meaningful_change, wem.wording_is_licensed) == ("Sum", 14, 3, 1)
	assert {(i.min_value, i.max_value) for i in wem.items} == {(1, 5)}
	assert [i.statement for i in wem.items] == [f"Item {n}" for n in range(1, 15)]
	assert (swem.scoring, [i.code for i in swem.items], len(swem.conversion)) == (
		"Sum then convert",
		SWEMWBS_CODES,
		29,
	)
	assert [i.statement for i in swem.items] == [f"Item {n}" for n in range(1, 8)]
	assert (swem.conversion[0].raw_score, swem.conversion[0].score) == (7, 7.0)
	assert (swem.conversion[13].raw_score, swem.conversion[13].score) == (20, 18.59)
	assert (ons4.scoring, [i.code for i in ons4.items], ons4.wording_is_licensed) == (
		"Each question on its own",
		ONS4_CODES,
		0,
	)
	assert ons4.items[2].statement == "Overall, how happy did you feel yesterday?"
	assert [i.lower_is_better for i in ons4.items] == [0, 0, 0, 1]
	for measure in (wem, swem):
		assert "licence does not allow publicly sharing the scale" in measure.licence


# --- scoring on save


def test_a_fresh_site_checks_in_with_ons4_and_keeps_each_answer_on_its_own():
	relationship = new_relationship()
	done = check_in(
		relationship=relationship,
		answers={"anxiety": "2", "life_satisfaction": "0", "worthwhile": "10", "happiness": "7"},
	)
	assert done.measure == "ONS4"  # the default measure
	assert done.person == relationship.person
	assert answers_of(done) == [
		(1, "life_satisfaction", "0"),
		(2, "worthwhile", "10"),
		(3, "happiness", "7"),
		(4, "anxiety", "2"),
	]
	assert done.answers[0].statement == "Overall, how satisfied are you with your life nowadays?"
	assert (done.scored, done.raw_score, done.score) == (0, 0, 0)
	assert "reported one by one, never added up" in done.score_note


def test_wemwbs_is_scored_on_save():
	done = check_in("WEMWBS", {**wemwbs(4), "W01": "1", "W14": "5"})
	assert (done.scored, done.raw_score, done.score, done.score_note) == (1, 54, 54.0, None)


@pytest.mark.parametrize("answer, raw, score", [(1, 7, 7.0), (3, 21, 19.25), (5, 35, 35.0)])
def test_swemwbs_is_converted_on_save(answer, raw, score):
	done = check_in("SWEMWBS", dict.fromkeys(SWEMWBS_CODES, str(answer)))
	assert (done.scored, done.raw_score, done.score) == (1, raw, score)
	assert frappe.db.get_value("Wellbeing Check-in", done.name, ["raw_score", "score"]) == (raw, score)


def test_a_score_sent_by_a_client_is_worked_out_again(coach):
	frappe.set_user(coach)
	relationship = new_relationship(coach)
	done = check_in("WEMWBS", wemwbs(2), relationship=relationship, raw_score=70, score=70, scored=1)
	assert (done.raw_score, done.score) == (28, 28.0)

	done.update({"raw_score": 14, "score": 99.5})
	done.save()
	assert frappe.db.get_value("Wellbeing Check-in", done.name, ["raw_score", "score"]) == (28, 28.0)

	unscored = check_in("WEMWBS", {"W01": "3"}, relationship=relationship, raw_score=40, score=40, scored=1)
	assert (unscored.scored, unscored.raw_score, unscored.score) == (0, 0, 0)


def test_an_unanswered_question_is_kept_with_no_score_until_it_is_answered():
	answers = wemwbs(3)
	answers.pop("W05")
	done = check_in("WEMWBS", {**answers, "W09": ""})
	assert frappe.db.exists("Wellbeing Check-in", done.name)
	assert (done.scored, done.raw_score, done.score) == (0, 0, 0)
	assert "No score: 2 of 14 questions have no answer" in done.score_note
	assert "no official rule" in done.score_note
	assert [row.item_code for row in done.answers] == [f"W{n:02}" for n in range(1, 15)]
	assert [row.item_code for row in done.answers if not row.answer] == ["W05", "W09"]

	for row in done.answers:
		row.answer = row.answer or "3"
	done.save()
	assert (done.scored, done.raw_score, done.score, done.score_note) == (1, 42, 42.0, None)


def test_every_question_gets_a_row_with_its_words_even_when_none_is_sent():
	done = check_in("SWEMWBS")
	assert [(row.item_code, row.statement, row.answer) for row in done.answers] == [
		(code, f"Item {n}", None) for n, code in enumerate(SWEMWBS_CODES, 1)
	]


def test_the_words_shown_are_the_measures_not_the_clients():
	done = check_in("ONS4", {"happiness": "5"})
	done.answers[0].statement = "Something else"
	done.save()
	assert done.answers[0].statement == "Overall, how satisfied are you with your life nowadays?"


# --- bad input: a clear message and nothing written

BAD = [
	(
		"ONS4",
		{"happiness": "11"},
		{},
		"whole number from <strong>0</strong> to <strong>10</strong>, not <strong>11</strong>",
	),
	(
		"ONS4",
		{"anxiety": "-1"},
		{},
		"from <strong>0</strong> to <strong>10</strong>, not <strong>-1</strong>",
	),
	(
		"WEMWBS",
		{"W03": "0"},
		{},
		"The answer to <strong>Item 3</strong> must be a whole number from <strong>1</strong> to <strong>5</strong>, not <strong>0</strong>",
	),
	("WEMWBS", {"W03": "6"}, {}, "from <strong>1</strong> to <strong>5</strong>, not <strong>6</strong>"),
	("SWEMWBS", {"W01": "a lot"}, {}, "must be a whole number"),
	("SWEMWBS", {"W04": "3"}, {}, "W04</strong> is not a question of <strong>SWEMWBS"),
	("ONS4", {"wellbeing": "3"}, {}, "is not a question of"),
	("ONS4", {}, {"date": "tomorrow"}, "it cannot be in the future"),
]


def dated(values: dict) -> dict:
	# The site's own today is only known once the test runs.
	return {k: add_days(today(), 1) if v == "tomorrow" else v for k, v in values.items()}


@pytest.mark.parametrize("measure, answers, values, message", BAD)
def test_bad_input_is_refused_and_nothing_is_written(measure, answers, values, message):
	values = dated(values)
	relationship = new_relationship()
	before = (frappe.db.count("Wellbeing Check-in"), frappe.db.count("Wellbeing Answer"))
	with pytest.raises(frappe.ValidationError) as refused:
		check_in(measure, answers, relationship=relationship, **values)
	assert message in str(refused.value)
	assert (frappe.db.count("Wellbeing Check-in"), frappe.db.count("Wellbeing Answer")) == before


@pytest.mark.parametrize("measure, answers, values, message", BAD)
def test_bad_input_on_a_saved_check_in_leaves_it_as_it_was(measure, answers, values, message):
	values = dated(values)
	kept = check_in(measure, relationship=new_relationship())
	saved = answers_of(kept)
	kept.update(values)
	for code, answer in answers.items():
		row = next((row for row in kept.answers if row.item_code == code), None) or kept.append(
			"answers", {"item_code": code}
		)
		row.answer = answer
	with pytest.raises(frappe.ValidationError, match=r"future|not a question|whole number"):
		kept.save()
	assert answers_of(frappe.get_doc("Wellbeing Check-in", kept.name)) == saved


def test_the_same_question_twice_is_refused_and_nothing_is_written():
	before = frappe.db.count("Wellbeing Check-in")
	relationship = new_relationship()
	with pytest.raises(frappe.ValidationError, match="more than once"):
		frappe.get_doc(
			{
				"doctype": "Wellbeing Check-in",
				"relationship": relationship.name,
				"measure": "ONS4",
				"answers": [
					{"item_code": "happiness", "answer": "3"},
					{"item_code": "happiness", "answer": "3"},
				],
			}
		).insert()
	assert frappe.db.count("Wellbeing Check-in") == before


def test_a_check_in_is_about_the_person_of_its_relationship():
	someone_else = new_relationship(name="Morgan")
	with pytest.raises(frappe.ValidationError, match="someone else"):
		check_in("ONS4", relationship=new_relationship(), person=someone_else.person)


def test_what_a_user_types_is_shown_back_escaped():
	with pytest.raises(frappe.ValidationError) as refused:
		check_in("ONS4", {"happiness": "<img src=x onerror=alert(1)>"})
	assert "<img" not in str(refused.value)
	assert "&lt;img" in str(refused.value)


# --- the measure's wording and structure


def test_an_admin_enters_licensed_wording_and_check_ins_show_it():
	wem = frappe.get_doc("Wellbeing Measure", "WEMWBS")
	check_in("WEMWBS", wemwbs(3))  # already in use: the words can still change
	for n, item in enumerate(wem.items, 1):
		item.statement = f"Licensed statement {n}"
	wem.save()
	done = check_in("WEMWBS", wemwbs(3))
	assert [row.statement for row in done.answers][:2] == ["Licensed statement 1", "Licensed statement 2"]
	assert done.score == 42.0


def test_once_in_use_the_scoring_of_a_measure_stays_as_it_is():
	swem = frappe.get_doc("Wellbeing Measure", "SWEMWBS")
	swem.conversion[0].score = 8.0
	swem.save()  # not used yet: an admin may correct it
	swem.conversion[0].score = 7.0
	swem.save()
	check_in("SWEMWBS", dict.fromkeys(SWEMWBS_CODES, "1"))
	for change in (
		lambda m: setattr(m.conversion[0], "score", 8.0),
		lambda m: setattr(m.items[0], "max_value", 7),
		lambda m: setattr(m.items[0], "code", "W99"),
	):
		swem.reload()
		change(swem)
		with pytest.raises(frappe.ValidationError, match="only the words can change"):
			swem.save()
	assert frappe.get_doc("Wellbeing Measure", "SWEMWBS").conversion[0].score == 7.0


def test_a_measure_that_cannot_be_scored_exactly_is_refused():
	swem = frappe.get_doc("Wellbeing Measure", "SWEMWBS")
	swem.conversion.pop()
	with pytest.raises(frappe.ValidationError, match="it has none for <strong>35"):
		swem.save()
	with pytest.raises(frappe.ValidationError, match="answer labels"):
		frappe.get_doc(
			{
				"doctype": "Wellbeing Measure",
				"measure_name": "Three answers",
				"title": "Three answers",
				"scoring": "Sum",
				"answer_labels": "Low\nHigh",
				"items": [{"code": "one", "statement": "One", "min_value": 1, "max_value": 3}],
			}
		).insert()
	assert not frappe.db.exists("Wellbeing Measure", "Three answers")


# --- who may do what


def test_a_coach_checks_in_but_cannot_change_a_measure_and_an_analyst_only_reads(coach, analyst):
	frappe.set_user(coach)
	done = check_in("ONS4", {"happiness": "8"}, relationship=new_relationship(coach))
	assert not frappe.get_doc("Wellbeing Measure", "WEMWBS").has_permission("write")
	frappe.set_user(analyst)
	assert frappe.get_doc("Wellbeing Check-in", done.name).has_permission("read")
	with pytest.raises(frappe.PermissionError):
		check_in("ONS4", relationship=frappe.get_doc("Coaching Relationship", done.relationship))


# --- the person's chart


def test_the_chart_shows_scores_over_time_with_the_national_average(coach):
	relationship = new_relationship(coach)
	check_in("WEMWBS", wemwbs(3), relationship=relationship, date=add_days(today(), -60))
	check_in("WEMWBS", {"W01": "4"}, relationship=relationship, date=add_days(today(), -30))  # no score
	check_in("WEMWBS", wemwbs(4), relationship=relationship, date=add_days(today(), -1))
	check_in("ONS4", dict(zip(ONS4_CODES, ["6", "7", "8", "3"], strict=True)), relationship=relationship)
	check_in("ONS4", {"happiness": "9"}, relationship=relationship)  # not every question answered
	frappe.set_user(coach)

	charts = {chart["measure"]: chart for chart in wellbeing_over_time(relationship.person)}
	wem = charts["WEMWBS"]
	assert wem["labels"] == [add_days(today(), -60), add_days(today(), -1)]
	assert wem["datasets"] == [{"name": "Score", "values": [42.0, 56.0]}]
	assert wem["markers"] == [{"label": "National average", "value": 49.85}]

	ons4 = charts["ONS4"]
	assert ons4["labels"] == [today()]
	assert [(d["name"], d["values"]) for d in ons4["datasets"]] == [
		("Life satisfaction", [6]),
		("Worthwhile", [7]),
		("Happiness", [8]),
		("Anxiety (lower is better)", [3]),
	]
	# ONS4 ships with the ONS's national averages.
	assert ons4["markers"] == [
		{"label": "National average: Life satisfaction", "value": 7.45},
		{"label": "National average: Worthwhile", "value": 7.73},
		{"label": "National average: Happiness", "value": 7.39},
		{"label": "National average: Anxiety (lower is better)", "value": 3.23},
	]


def test_the_chart_is_only_for_those_who_may_see_the_person(visitor):
	relationship = new_relationship()
	check_in("ONS4", dict(zip(ONS4_CODES, ["6", "7", "8", "3"], strict=True)), relationship=relationship)
	frappe.set_user(visitor)
	with pytest.raises(frappe.PermissionError):
		wellbeing_over_time(relationship.person)
