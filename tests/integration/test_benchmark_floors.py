"""The benchmark's comparison of a report with its floor (perf/benchmark.py, perf/floors/): a floor that
agrees passes, and one that does not is caught with the report's key and both values."""

import importlib.util
from pathlib import Path

import frappe
import pytest
from frappe.utils import add_days, today

from pts_coaching import aspirations
from tests.integration.conftest import make_user, new_relationship
from tests.integration.records import a_little_coaching, outcomes_contract

BENCHMARK = Path(__file__).resolve().parents[2] / "perf" / "benchmark.py"


def load_benchmark():
	spec = importlib.util.spec_from_file_location("pts_coaching_benchmark", BENCHMARK)
	module = importlib.util.module_from_spec(spec)
	spec.loader.exec_module(module)
	return module


def some_aspirations():
	"""A team's person with aspirations in two themes and none, one achieved after 7 days and one
	after 4; and someone outside the team with one more."""
	team = frappe.get_doc({"doctype": "Coaching Team", "team_name": "Floor test team"}).insert()
	ours, theirs = new_relationship(team=team.name), new_relationship(name="Ash")
	for relationship, theme, status, days in (
		(ours, "Money", aspirations.ACHIEVED, 7),
		(ours, "Money", aspirations.ACHIEVED, 4),
		(ours, "Home", aspirations.ON_HOLD, None),
		(ours, None, aspirations.THINKING_ABOUT_IT, None),
		(theirs, "Home", aspirations.ACHIEVED, 3),
	):
		frappe.get_doc(
			{
				"doctype": "Aspiration",
				"relationship": relationship.name,
				"in_their_words": "Save for a deposit",
				"theme": theme,
				"status": status,
				"set_on": add_days(today(), -10),
				"achieved_on": add_days(today(), -10 + days) if days else None,
			}
		).insert()
	return team.name


def test_aspirations_agree_with_their_floor_for_everyone_and_for_one_team():
	benchmark = load_benchmark()
	team = some_aspirations()
	floor = benchmark.floor_of("Aspirations")
	for filters in (
		{"from_date": add_days(today(), -30), "to_date": today()},
		{"from_date": add_days(today(), -30), "to_date": today(), "team": team},
	):
		result = benchmark.run_report("Aspirations", filters)
		assert result["result"], filters
		assert benchmark.compare(result, floor.floor(dict(filters)), floor.COMPARED, floor.KEY) == []

	money = next(row for row in floor.floor({**filters}) if row["theme"] == "Money")
	assert (money["achieved"], money["median_days_to_achieve"]) == (2, 5.5)


def test_a_floor_that_differs_is_named_with_the_key_and_both_values():
	benchmark = load_benchmark()
	team = some_aspirations()
	floor = benchmark.floor_of("Aspirations")
	filters = {"from_date": add_days(today(), -30), "to_date": today(), "team": team}
	rows = floor.floor(dict(filters))
	money = next(row for row in rows if row["theme"] == "Money")
	money["achieved"] += 1
	home = next(row for row in rows if row["theme"] == "Home")
	home["share_achieved"] = (home["share_achieved"] or 0) + 0.05  # within rounding: agrees
	rows.append({"theme": "Work", "aspirations": 1})

	assert benchmark.compare(
		benchmark.run_report("Aspirations", filters), rows, floor.COMPARED, floor.KEY
	) == [
		"theme='Money': achieved: report 2, floor 3",
		"theme='Work': a row in the floor only",
	]


def test_contact_rhythm_agrees_with_its_floor_for_everyone_and_for_one_team():
	benchmark = load_benchmark()
	team = frappe.get_doc({"doctype": "Coaching Team", "team_name": "Floor test team"}).insert().name
	ours, theirs = new_relationship(team=team), new_relationship(name="Ash")
	for relationship, days_ago, channel in (
		(ours, 40, "Walk"),
		(ours, 35, "Text message"),
		(ours, 3, None),
		(theirs, 33, "Text message"),
		(theirs, 2, "Text message"),
	):
		frappe.get_doc(
			{
				"doctype": "Coaching Conversation",
				"relationship": relationship.name,
				"date": add_days(today(), -days_ago),
				"channel": channel,
			}
		).insert()
	floor = benchmark.floor_of("Contact Rhythm")
	for filters in (
		{"from_date": add_days(today(), -60), "to_date": today()},
		{"from_date": add_days(today(), -60), "to_date": today(), "team": team},
	):
		result = benchmark.run_report("Contact Rhythm", filters)
		assert sum(row["contacts"] for row in result["result"]) >= (3 if "team" in filters else 5)
		assert benchmark.compare(result, floor.floor(dict(filters)), floor.COMPARED, floor.KEY) == []


FLOORS = sorted(path.stem for path in (BENCHMARK.parent / "floors").glob("[a-z]*.py"))


@pytest.mark.parametrize("floor_name", FLOORS)
def test_every_report_gives_the_table_its_floor_gives_for_everyone_and_for_one_team(floor_name):
	"""As the benchmark checks them on a large site: here on whatever the test site holds, and two
	people of a team with a little of everything the reports read."""
	benchmark = load_benchmark()
	[report] = [
		name
		for name in frappe.get_all(
			"Report", {"module": "PTS Coaching", "report_type": "Script Report"}, pluck="name"
		)
		if frappe.scrub(name) == floor_name
	]
	coach = make_user("floor.coach@example.org", "PTS Coach")
	team = (
		frappe.get_doc(
			{"doctype": "Coaching Team", "team_name": "Floor test team", "members": [{"user": coach}]}
		)
		.insert()
		.name
	)
	frappe.get_doc(
		{
			"doctype": "Coach Reflection",
			"coach": coach,
			"date": add_days(today(), -3),
			"what_got_in_the_way": [{"theme": "Paperwork"}],
		}
	).insert()
	for name, life_satisfaction in (("Rowan", (5, 7)), ("Kit", (8, 4))):
		made = a_little_coaching(
			coach, name, life_satisfaction=life_satisfaction, contract=outcomes_contract()
		)
		[relationship] = [name for doctype, name in made if doctype == "Coaching Relationship"]
		frappe.db.set_value("Coaching Relationship", relationship, "team", team)
	floor = benchmark.floor_of(report)
	period = {"from_date": add_days(today(), -365), "to_date": today()}
	for filters in (period, {**period, "team": team}):
		result = benchmark.run_report(report, filters)
		assert benchmark.compare(result, floor.floor(dict(filters)), floor.COMPARED, floor.KEY) == []
