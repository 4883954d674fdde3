"""The rules the database applies for the reports that count there: which snapshot is a person's first
and latest, when a service is active, and what came before and after an ending. Each report is run for
one coach of its own, so that nothing else on the site is counted."""

from datetime import date

import frappe
from freezegun import freeze_time

from pts_coaching import lifecycle
from pts_coaching.pts_coaching.report.coaching_relationships_by_phase import coaching_relationships_by_phase
from pts_coaching.pts_coaching.report.connections_over_time import connections_over_time
from pts_coaching.pts_coaching.report.contact_rhythm import contact_rhythm
from pts_coaching.pts_coaching.report.endings_and_moving_on import endings_and_moving_on
from pts_coaching.pts_coaching.report.reliance_on_services import reliance_on_services
from pts_coaching.pts_coaching.report.wellbeing_journey import wellbeing_journey
from tests.integration.conftest import make_user, new_relationship

PERIOD = {"from_date": "2026-01-01", "to_date": "2026-06-30"}


def run(report, coach: str) -> tuple[list[dict], dict]:
	_, rows, _, chart, _ = report.execute({**PERIOD, "coach": coach})
	return rows, chart


def test_first_and_latest_snapshot_are_by_date_then_as_noted():
	coach = make_user("casey.connections@example.org", "PTS Coach")
	rowan = new_relationship(coach, "Rowan").person
	kit = new_relationship(coach, "Kit").person

	def snapshot(person, day, *connections):
		frappe.get_doc(
			{
				"doctype": "Connection Snapshot",
				"person": person,
				"date": day,
				"connections": [
					{"who_or_what": who, "kind": kind, "closeness": closeness}
					for who, kind, closeness in connections
				],
			}
		).insert()

	snapshot(rowan, "2025-12-01", ("Mum", "Family", 1))  # before the period
	snapshot(rowan, "2026-02-01", ("Mum", "Family", 4), ("Jo", "Friend", 2), ("Choir", "Group", 3))
	snapshot(rowan, "2026-05-01", ("Mum", "Family", 5), ("Jo", "Friend", 4))
	snapshot(rowan, "2026-05-01")  # the same day, noted later: their latest
	snapshot(kit, "2026-03-01", ("Park run", "Sport", 2))

	rows, chart = run(connections_over_time, coach)
	by_name = {row["person_name"]: row for row in rows}
	assert {key: by_name["Rowan"][key] for key in ("snapshots", "first_date", "latest_date")} == {
		"snapshots": 3,
		"first_date": date(2026, 2, 1),
		"latest_date": date(2026, 5, 1),
	}
	assert [by_name["Rowan"][key] for key in ("first_size", "first_closeness")] == [3, 3.0]
	assert [by_name["Rowan"][key] for key in ("latest_size", "latest_closeness", "size_change")] == [
		0,
		None,
		-3,
	]
	assert [by_name["Kit"][key] for key in ("snapshots", "first_size", "latest_size")] == [1, 1, None]
	# Only the people with two snapshots or more are counted by kind.
	first, latest = (dataset["values"] for dataset in chart["data"]["datasets"])
	assert dict(zip(chart["data"]["labels"], zip(first, latest, strict=True), strict=True)) == {
		"Family": (1, 0),
		"Friend": (1, 0),
		"Group": (1, 0),
	}


def test_services_are_active_from_their_first_day_to_their_last_both_included():
	coach = make_user("casey.services@example.org", "PTS Coach")
	first = new_relationship(coach, "Rowan")
	frappe.db.set_value("Coaching Relationship", first.name, "started_on", "2026-01-10")
	later = frappe.get_doc(
		{
			"doctype": "Coaching Relationship",
			"person": first.person,
			"coach": coach,
			"started_on": "2026-03-01",
		}
	).insert()
	assert later.name
	for kind, from_date, to_date in (
		("Housing", "2025-06-01", None),  # still active
		("Mental health", "2025-12-01", "2026-02-28"),
		("Health", "2026-01-10", "2026-01-10"),  # one day: the first of coaching
		("Money and debt", "2026-01-01", "2026-01-09"),  # over the day before coaching began
		("Probation", "2026-06-30", None),  # from the last day of the period
	):
		frappe.get_doc(
			{
				"doctype": "Service Involvement",
				"person": first.person,
				"relationship": first.name,
				"service_kind": kind,
				"from_date": from_date,
				"to_date": to_date,
			}
		).insert()

	no_services = new_relationship(coach, "Kit")
	frappe.db.set_value("Coaching Relationship", no_services.name, "started_on", "2026-02-01")

	rows, chart = run(reliance_on_services, coach)
	row, kit = sorted(rows, key=lambda row: row["person_name"] != "Rowan")
	assert [kit["at_start"], kit["on_the_day"]] == [0, 0]
	assert row["started_on"] == date(2026, 1, 10)  # their earliest relationship
	assert [row["at_start"], row["on_the_day"], row["change"]] == [3, 2, -1]
	then, now = (dataset["values"] for dataset in chart["data"]["datasets"])
	assert dict(zip(chart["data"]["labels"], zip(then, now, strict=True), strict=True)) == {
		"Housing": (1, 1),
		"Mental health": (1, 0),
		"Probation": (0, 1),
		"Health": (1, 0),
		"Money and debt": (0, 0),
	}


def test_an_ending_knows_the_first_day_and_the_phases_either_side():
	coach = make_user("casey.endings@example.org", "PTS Coach")
	with freeze_time("2026-01-01"):
		relationship = new_relationship(coach, "Rowan")
	for day, phase, kind in (
		("2026-01-11", lifecycle.WORKING_TOGETHER, None),
		("2026-01-31", lifecycle.ENDED, "Chose to stop"),  # 30 days in, then back
		("2026-02-10", lifecycle.WORKING_TOGETHER, None),
		("2026-03-20", lifecycle.ENDING_TOGETHER, None),
		("2026-04-01", lifecycle.ENDED, "Moved on"),  # 90 days from the first day
	):
		with freeze_time(day):
			relationship.reload()
			relationship.phase = phase
			relationship.ending_kind = kind
			relationship.ending_in_their_words = "Ready" if kind else None
			relationship.save()

	rows, _ = run(endings_and_moving_on, coach)
	assert [
		(row["ending_kind"], row["endings"], row["median"], row["ended_together"], row["came_back"])
		for row in rows
	] == [("Moved on", 1, 90, 1, 0), ("Chose to stop", 1, 30, 0, 1)]


def conversations(*had):
	"""A conversation for each (relationship, day, channel)."""
	for relationship, day, channel in had:
		frappe.get_doc(
			{
				"doctype": "Coaching Conversation",
				"relationship": relationship.name,
				"date": day,
				"channel": channel,
			}
		).insert()


def test_contact_rhythm_counts_each_month_and_who_was_kept_in_touch_by_text_alone():
	coach = make_user("casey.rhythm@example.org", "PTS Coach")
	walks_and_texts, texts_only, no_channel = (
		new_relationship(coach, name) for name in ("Rowan", "Kit", "Ash")
	)
	conversations(
		(walks_and_texts, "2026-01-05", "Walk"),
		(walks_and_texts, "2026-01-20", "Text message"),
		(walks_and_texts, "2026-03-03", "Coffee"),
		(texts_only, "2026-01-10", "Text message"),
		(texts_only, "2026-02-10", "Text message"),
		(texts_only, "2026-03-31", "Text message"),
		(texts_only, "2026-07-01", "Walk"),  # after the period
		(no_channel, "2026-02-14", None),
	)

	_, rows, _, _, summary = contact_rhythm.execute({**PERIOD, "coach": coach})
	shown = (
		"month",
		"walk",
		"coffee",
		"text_message",
		"not_said",
		"contacts",
		"relationships",
		"by_text_alone",
	)
	assert [tuple(row.get(key) for key in shown) for row in rows] == [
		("2026-01", 1, 0, 2, 0, 3, 2, 1),
		("2026-02", 0, 0, 1, 1, 2, 2, 1),
		("2026-03", 0, 1, 1, 0, 2, 2, 1),
		("2026-04", 0, 0, 0, 0, 0, 0, 0),
		("2026-05", 0, 0, 0, 0, 0, 0, 0),
		("2026-06", 0, 0, 0, 0, 0, 0, 0),
	]
	assert [figure["value"] for figure in summary[:3]] == [7, 3, 1]


def test_contact_rhythm_counts_every_month_of_a_period_longer_than_sixty_four_months():
	"""MariaDB holds a relationship's months as bits, 64 to a number: a longer period needs more."""
	coach = make_user("casey.long.rhythm@example.org", "PTS Coach")
	walks, texts = (new_relationship(coach, name) for name in ("Rowan", "Kit"))
	# Months 0, 63, 64 and 89 of a period of 90, from January 2019 to June 2026.
	conversations(
		(walks, "2019-01-02", "Walk"),
		(texts, "2019-01-31", "Text message"),
		(walks, "2024-04-30", "Walk"),
		(texts, "2024-05-01", "Text message"),
		(walks, "2024-05-02", "Text message"),
		(texts, "2026-06-30", "Text message"),
	)

	period = {"from_date": "2019-01-01", "to_date": "2026-06-30", "coach": coach}
	_, rows, _, _, summary = contact_rhythm.execute(period)
	assert len(rows) == 90
	in_touch = {row["month"]: (row["relationships"], row["by_text_alone"]) for row in rows if row["contacts"]}
	assert in_touch == {
		"2019-01": (2, 1),
		"2024-04": (1, 0),
		"2024-05": (2, 2),
		"2026-06": (1, 1),
	}
	assert sum(row["relationships"] for row in rows) == 6
	# Over the whole period both were in touch; Kit by text alone.
	assert [figure["value"] for figure in summary[1:3]] == [2, 1]


def with_history(relationship, *moves) -> None:
	"""The relationship's phase history replaced by these moves (idx, phase, from_date)."""
	frappe.db.delete("Coaching Phase History", {"parent": relationship.name})
	for idx, phase, from_date in moves:
		frappe.get_doc(
			{
				"doctype": "Coaching Phase History",
				"parent": relationship.name,
				"parenttype": "Coaching Relationship",
				"parentfield": "phase_history",
				"idx": idx,
				"phase": phase,
				"from_date": from_date,
			}
		).db_insert()


def test_the_phase_on_the_periods_last_day_is_the_last_move_made_by_then():
	coach = make_user("casey.phases@example.org", "PTS Coach")
	paused, ended, long_ended, not_yet, on_the_day, same_day = (
		new_relationship(coach, name) for name in ("Rowan", "Kit", "Ash", "Bryn", "Cai", "Dee")
	)
	with_history(
		paused, (1, lifecycle.GETTING_TO_KNOW_EACH_OTHER, "2026-01-01"), (2, lifecycle.PAUSED, "2026-03-01")
	)
	with_history(
		ended, (1, lifecycle.GETTING_TO_KNOW_EACH_OTHER, "2026-01-05"), (2, lifecycle.ENDED, "2026-02-01")
	)
	with_history(
		long_ended,
		(1, lifecycle.GETTING_TO_KNOW_EACH_OTHER, "2025-01-01"),
		(2, lifecycle.ENDED, "2025-06-01"),
	)
	with_history(not_yet, (1, lifecycle.GETTING_TO_KNOW_EACH_OTHER, "2026-07-01"))
	with_history(
		on_the_day,
		(1, lifecycle.GETTING_TO_KNOW_EACH_OTHER, "2026-02-01"),
		(2, lifecycle.WORKING_TOGETHER, "2026-03-01"),
		(3, lifecycle.ENDING_TOGETHER, "2026-06-30"),
	)
	with_history(
		same_day,
		(1, lifecycle.GETTING_TO_KNOW_EACH_OTHER, "2026-01-01"),
		(2, lifecycle.PAUSED, "2026-04-01"),
		(3, lifecycle.WORKING_TOGETHER, "2026-04-01"),
	)

	_, rows, _, _, _ = coaching_relationships_by_phase.execute({**PERIOD, "coach": coach})
	[row] = rows
	assert {phase: row[frappe.scrub(phase)] for phase in lifecycle.PHASES} == {
		lifecycle.GETTING_TO_KNOW_EACH_OTHER: 0,
		lifecycle.WORKING_TOGETHER: 1,
		lifecycle.PAUSED: 1,
		lifecycle.ENDING_TOGETHER: 1,
		lifecycle.ENDED: 1,
	}
	assert row["relationships"] == 4


def test_wellbeing_first_and_latest_are_by_date_then_as_noted_and_an_unanswered_question_is_not_a_check_in():
	coach = make_user("casey.wellbeing@example.org", "PTS Coach")
	relationship = new_relationship(coach, "Rowan")
	for day, life_satisfaction, anxiety in (
		("2026-03-01", 6, None),
		("2026-01-10", 5, 6),
		("2026-03-01", 8, 3),  # the same day, noted later: their latest
		("2026-02-01", 7, None),
		("2026-07-01", 2, 9),  # after the period
	):
		answers = {
			"life_satisfaction": life_satisfaction,
			"worthwhile": 6,
			"happiness": 6,
			"anxiety": anxiety,
		}
		frappe.get_doc(
			{
				"doctype": "Wellbeing Check-in",
				"relationship": relationship.name,
				"measure": "ONS4",
				"date": day,
				"answers": [
					{"item_code": code, "answer": None if value is None else str(value)}
					for code, value in answers.items()
				],
			}
		).insert()

	_, rows, _, _, _ = wellbeing_journey.execute({**PERIOD, "coach": coach, "measure": "ONS4"})
	by_code = {row["question"]: row for row in rows}
	life, anxiety = (
		by_code[wellbeing_journey.question_name(item)]
		for item in frappe.get_doc("Wellbeing Measure", "ONS4").items
		if item.code in ("life_satisfaction", "anxiety")
	)
	shown = ("check_ins", "first_date", "first", "latest_date", "latest", "change")
	assert [life[key] for key in shown] == [4, date(2026, 1, 10), 5, date(2026, 3, 1), 8, 3]
	assert [anxiety[key] for key in shown] == [2, date(2026, 1, 10), 6, date(2026, 3, 1), 3, -3]


def test_wellbeing_journey_names_a_person_as_they_go_by_now():
	coach = make_user("casey.renamed@example.org", "PTS Coach")
	relationship = new_relationship(coach, "Rowan")
	for day in ("2026-01-10", "2026-03-01"):
		frappe.get_doc(
			{
				"doctype": "Wellbeing Check-in",
				"relationship": relationship.name,
				"measure": "ONS4",
				"date": day,
				"answers": [
					{"item_code": code, "answer": "6"}
					for code in ("life_satisfaction", "worthwhile", "happiness", "anxiety")
				],
			}
		).insert()
	person = frappe.get_doc("Person", relationship.person)
	person.preferred_name = "Ro"
	person.save()

	_, rows, _, _, _ = wellbeing_journey.execute({**PERIOD, "coach": coach, "measure": "ONS4"})
	assert {row["person_name"] for row in rows} == {"Ro"}
