import json
import re
from collections import Counter, defaultdict
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from statistics import mean

import pytest

from pts_coaching import aspirations as asp
from pts_coaching import demo_journeys as dj
from pts_coaching import demo_words as words
from pts_coaching import lifecycle as lc
from pts_coaching import outcomes, scoring
from pts_coaching.language import find_deficit_words

MEASURES = Path(__file__).resolve().parents[2] / "pts_coaching" / "setup" / "wellbeing_measures.json"
TODAY = date(2026, 3, 31)
PEOPLE = 3000


def shipped_setup() -> dj.Setup:
	"""The measures and themes a fresh site has."""
	scales = {}
	for facts in json.loads(MEASURES.read_text())["measures"]:
		measure = scoring.Measure(
			facts["measure_name"],
			tuple(
				scoring.Item(i["code"], i["min_value"], i["max_value"], i["statement"])
				for i in facts["items"]
			),
			facts["scoring"],
			tuple((row["raw_score"], row["score"]) for row in facts["conversion"]),
		)
		lower = frozenset(i["code"] for i in facts["items"] if i.get("lower_is_better"))
		scales[facts["measure_name"]] = dj.Scale(measure, lower)
	return dj.Setup(
		scales=scales,
		main_scale="ONS4",
		aspiration_themes=frozenset(theme for theme, _ in dj.ASPIRATION_THEMES),
		reflection_themes=(
			"Another service",
			"Eligibility",
			"Funding targets",
			"Housing rules",
			"Other",
			"Paperwork",
		),
	)


SETUP = shipped_setup()


def generate(people: int, seed: int = 1, today: date = TODAY) -> dict[str, list[dict]]:
	plan = dj.Plan(people, today, seed)
	staff = dj.staff(plan, ("WEMWBS", "SWEMWBS"))
	names = dj.Names()
	everything = defaultdict(list)
	for journey in dj.journeys(plan, staff, SETUP, names):
		for doctype, records in journey.items():
			everything[doctype] += records
	everything["Coach Reflection"] = list(dj.reflections(plan, staff, SETUP, names))
	return everything


@pytest.fixture(scope="module")
def demo():
	return generate(PEOPLE)


def by_relationship(records):
	grouped = defaultdict(list)
	for record in records:
		grouped[record["relationship"]].append(record)
	return grouped


def test_the_same_seed_makes_the_same_demo_and_another_seed_another():
	assert generate(150, seed=4) == generate(150, seed=4)
	assert generate(150, seed=4)["Coaching Conversation"] != generate(150, seed=5)["Coaching Conversation"]


def test_a_person_is_the_same_whatever_the_size_of_the_demo():
	small, large = generate(20), generate(40)
	assert small["Person"] == large["Person"][:20]


def test_every_name_is_marked_as_demo_and_given_once(demo):
	for doctype, records in demo.items():
		names = [record["name"] for record in records]
		assert len(names) == len(set(names)), doctype
		assert all(name.startswith(f"{dj.PREFIXES[doctype]}-{dj.MARK}-") for name in names), doctype
		rows = [
			row["name"] for record in records for v in record.values() if isinstance(v, list) for row in v
		]
		assert len(rows) == len(set(rows)), doctype


def test_about_twenty_conversations_and_six_check_ins_a_person(demo):
	assert 17 <= len(demo["Coaching Conversation"]) / PEOPLE <= 23
	assert 5 <= len(demo["Wellbeing Check-in"]) / PEOPLE <= 7


def test_people_have_fictional_names_a_first_name_and_an_initial(demo):
	for person in demo["Person"]:
		first, initial = person["preferred_name"].split(" ")
		assert first in words.FIRST_NAMES
		assert re.fullmatch(r"[A-Z]\.", initial)


def test_phases_move_only_as_the_lifecycle_allows(demo):
	for relationship in demo["Coaching Relationship"]:
		history = relationship["phase_history"]
		assert history[0]["phase"] == lc.FIRST_PHASE
		assert history[0]["from_date"] == relationship["started_on"]
		for before, after in pairwise(history):
			assert lc.find_move(before["phase"], after["phase"]), (before["phase"], after["phase"])
			assert before["to_date"] == after["from_date"] >= before["from_date"]
		assert history[-1]["to_date"] is None
		assert relationship["phase"] == history[-1]["phase"]
		for row in history:
			if row["phase"] == lc.ENDED:
				assert row["ending_kind"] in lc.ENDING_KINDS
			else:
				assert row["ending_kind"] is None and row["in_their_words"] is None


def test_an_ended_relationship_says_how_in_their_words_or_that_they_did_not_say(demo):
	ended = [r for r in demo["Coaching Relationship"] if r["phase"] == lc.ENDED]
	assert ended
	for relationship in ended:
		lc.check_ending(relationship["ending_in_their_words"] or "", relationship["they_did_not_say"])
		last = relationship["phase_history"][-1]
		assert relationship["ended_on"] == last["from_date"] >= relationship["started_on"]
		assert (relationship["ending_kind"], relationship["ending_in_their_words"]) == (
			last["ending_kind"],
			last["in_their_words"],
		)
	assert any(r["they_did_not_say"] for r in ended)
	for relationship in demo["Coaching Relationship"]:
		if relationship["phase"] != lc.ENDED:
			assert not (
				relationship["ended_on"] or relationship["ending_kind"] or relationship["they_did_not_say"]
			)


def test_every_ending_kind_pauses_and_comings_back_happen_to_many_people(demo):
	endings = Counter()
	came_back = Counter()
	for relationship in demo["Coaching Relationship"]:
		history = relationship["phase_history"]
		endings.update({row["ending_kind"] for row in history if row["ending_kind"]})
		came_back.update(
			{
				before["phase"]
				for before, after in pairwise(history)
				if lc.is_coming_back(before["phase"], after["phase"])
			}
		)
	assert all(endings[kind] >= 100 for kind in lc.ENDING_KINDS), endings
	assert came_back[lc.PAUSED] >= 100 and came_back[lc.ENDED] >= 20, came_back
	phases_now = Counter(r["phase"] for r in demo["Coaching Relationship"])
	assert set(phases_now) == set(lc.PHASES)


def test_relationships_kept_alive_by_text_alone_are_there(demo):
	conversations = by_relationship(demo["Coaching Conversation"])
	text_only = [c for c in conversations.values() if len(c) >= 3 and {x["channel"] for x in c} == {dj.TEXT}]
	assert len(text_only) >= 0.04 * PEOPLE
	for relationship in text_only:
		for conversation in relationship:
			assert not conversation.get("what_matters")
			assert conversation["conversation"] is None or conversation["conversation"].count("<p>") == 1


def test_contact_count_and_last_contact_are_the_relationships_conversations(demo):
	conversations = by_relationship(demo["Coaching Conversation"])
	for relationship in demo["Coaching Relationship"]:
		had = conversations[relationship["name"]]
		assert relationship["contact_count"] == len(had) >= 1
		assert relationship["last_contact_on"] == max(c["date"] for c in had)
		assert min(c["date"] for c in had) == relationship["started_on"]


def test_nothing_happens_in_the_future_or_before_the_two_years(demo):
	first_day = TODAY - timedelta(days=dj.DAYS)
	for doctype, records in demo.items():
		for record in records:
			assert first_day <= record["creation"].date() <= TODAY, doctype
			for field in (
				"date",
				"started_on",
				"set_on",
				"achieved_on",
				"paid_on",
				"approved_on",
				"ended_on",
			):
				if record.get(field):
					assert first_day <= record[field] <= TODAY, (doctype, field)


def test_every_record_about_a_person_carries_their_relationship_and_name(demo):
	people = {p["name"]: p["preferred_name"] for p in demo["Person"]}
	relationships = {r["name"]: r["person"] for r in demo["Coaching Relationship"]}
	for doctype, records in demo.items():
		if doctype in ("Person", "Coach Reflection"):
			continue
		for record in records:
			assert record["person_name"] == people[record["person"]], doctype
			if doctype != "Coaching Relationship":
				assert relationships[record["relationship"]] == record["person"], doctype


def test_check_ins_are_scored_by_the_scoring_rules_with_answers_in_range(demo):
	seen = Counter()
	for check_in in demo["Wellbeing Check-in"]:
		scale = SETUP.scales[check_in["measure"]]
		ranges = {item.code: (item.min_value, item.max_value) for item in scale.measure.items}
		answers = [(row["item_code"], row["answer"]) for row in check_in["answers"]]
		assert [code for code, _ in answers] == [item.code for item in scale.measure.items]
		for code, answer in answers:
			assert answer is None or ranges[code][0] <= int(answer) <= ranges[code][1]
		result = scoring.score(scale.measure, answers)
		assert (check_in["scored"], check_in["raw_score"], check_in["score"]) == (
			int(result.scored),
			result.raw_score or 0,
			result.score or 0,
		)
		assert check_in["unanswered"] == len(result.unanswered)
		seen[check_in["measure"], check_in["scored"]] += 1
	assert seen["ONS4", 0] and seen["WEMWBS", 1] and seen["SWEMWBS", 1] and seen["WEMWBS", 0]
	assert not seen["ONS4", 1]


def test_everyone_who_checks_in_does_ons4_each_time(demo):
	by_day = defaultdict(set)
	for check_in in demo["Wellbeing Check-in"]:
		by_day[check_in["person"], check_in["date"]].add(check_in["measure"])
	assert all("ONS4" in measures for measures in by_day.values())


def test_wellbeing_grows_with_time_together_from_below_the_national_average(demo):
	scored = defaultdict(list)
	for check_in in demo["Wellbeing Check-in"]:
		if check_in["measure"] == "WEMWBS" and check_in["scored"]:
			scored[check_in["person"]].append((check_in["date"], check_in["score"]))
	firsts = [s[0][1] for s in scored.values()]
	assert 36 <= mean(firsts) <= 44
	long_enough = [s for s in scored.values() if (s[-1][0] - s[0][0]).days >= 240]
	assert len(long_enough) >= 50
	assert mean(s[-1][1] - s[0][1] for s in long_enough) >= 3


def test_ons4_anxiety_falls_as_the_other_answers_rise(demo):
	firsts, lasts = {}, {}
	for check_in in demo["Wellbeing Check-in"]:
		if check_in["measure"] == "ONS4" and not check_in["unanswered"]:
			answers = {row["item_code"]: int(row["answer"]) for row in check_in["answers"]}
			firsts.setdefault(check_in["person"], answers)
			lasts[check_in["person"]] = answers
	change = {
		code: mean(lasts[p][code] - firsts[p][code] for p in firsts) for code in firsts[next(iter(firsts))]
	}
	assert change["anxiety"] < 0 < change["happiness"]


def test_aspirations_keep_the_aspiration_rules(demo):
	statuses = Counter()
	for aspiration in demo["Aspiration"]:
		statuses[aspiration["status"]] += 1
		assert aspiration["theme"] in SETUP.aspiration_themes
		assert (
			asp.achieved_date(aspiration["status"], aspiration["achieved_on"], TODAY)
			== aspiration["achieved_on"]
		)
		asp.check_dates(aspiration["set_on"], aspiration["achieved_on"], TODAY)
		assert aspiration["steps"]
		for step in aspiration["steps"]:
			assert (
				asp.step_done_date(step["done"], step["done_on"], step["added_on"], TODAY) == step["done_on"]
			)
			assert step["added_on"] >= aspiration["set_on"]
	assert set(statuses) == set(asp.STATUSES)


def test_aspirations_and_steps_are_noted_in_the_persons_own_conversations(demo):
	conversations = {c["name"]: c for c in demo["Coaching Conversation"]}
	for aspiration in demo["Aspiration"]:
		noted_in = conversations[aspiration["conversation"]]
		assert (noted_in["relationship"], noted_in["date"]) == (
			aspiration["relationship"],
			aspiration["set_on"],
		)
		for step in aspiration["steps"]:
			assert conversations[step["conversation"]]["date"] == step["added_on"]


def test_achievements_count_against_the_contract_as_the_outcome_rules_say(demo):
	terms = dj.contract(dj.Plan(PEOPLE, TODAY))
	counted = Counter()
	in_contract = 0
	for achievement in sorted(demo["Achievement"], key=lambda a: (a["person"], a["achieved_on"], a["name"])):
		key = (achievement["person"], achievement["outcome_type"])
		if achievement["contract"]:
			tariff = outcomes.check_achievement(
				terms, achievement["outcome_type"], achievement["achieved_on"], counted[key]
			)
			assert achievement["tariff"] == tariff.tariff
			counted[key] += 1
			in_contract += 1
		else:
			assert achievement["tariff"] == 0
			with pytest.raises(outcomes.RuleBroken):
				outcomes.check_achievement(
					terms, achievement["outcome_type"], achievement["achieved_on"], counted[key]
				)
	assert in_contract and in_contract < len(demo["Achievement"])
	assert {a["outcome_type"] for a in demo["Achievement"]} == {t.outcome_type for t in dj.TARIFFS}


def test_connection_snapshots_hold_the_networks_size_and_closeness(demo):
	for snapshot in demo["Connection Snapshot"]:
		closeness = [row["closeness"] for row in snapshot["connections"]]
		assert all(c in outcomes.CLOSENESS for c in closeness)
		network = outcomes.network(closeness)
		assert (snapshot["connection_count"], snapshot["average_closeness"]) == (
			network.size,
			network.average_closeness,
		)


def test_networks_grow_over_time(demo):
	snapshots = defaultdict(list)
	for snapshot in demo["Connection Snapshot"]:
		snapshots[snapshot["person"]].append(snapshot)
	more = [s for s in snapshots.values() if len(s) > 1]
	assert mean(s[-1]["connection_count"] - s[0]["connection_count"] for s in more) > 0.5


def test_services_end_after_they_begin_and_fewer_are_relied_on_later(demo):
	for service in demo["Service Involvement"]:
		outcomes.check_period(service["from_date"], service["to_date"])
	started = {r["person"]: r["started_on"] for r in demo["Coaching Relationship"]}
	at_start = sum(
		outcomes.is_active_on(s["from_date"], s["to_date"], started[s["person"]])
		for s in demo["Service Involvement"]
	)
	now = sum(outcomes.is_active_on(s["from_date"], s["to_date"], TODAY) for s in demo["Service Involvement"])
	assert now < at_start


def test_budget_spends_are_decided_with_the_person_and_approved_by_their_lead(demo):
	teams = {r["name"]: r["team"] for r in demo["Coaching Relationship"]}
	leads = {
		team.name: team.lead.email for team in dj.staff(dj.Plan(PEOPLE, TODAY), ("WEMWBS", "SWEMWBS")).teams
	}
	for spend in demo["Personal Budget Spend"]:
		assert spend["amount"] > 0
		if spend["approved_by"]:
			assert spend["decided_with_person"]
			assert spend["approved_by"] == leads[teams[spend["relationship"]]]
			assert spend["approved_on"] >= spend["creation"].date()
		if spend["paid_on"]:
			assert spend["approved_by"] and spend["paid_on"] >= spend["approved_on"]
	assert any(not s["approved_by"] for s in demo["Personal Budget Spend"])


def test_safety_conversations_talk_again_later(demo):
	assert demo["Safety Conversation"]
	for safety in demo["Safety Conversation"]:
		assert safety["what_keeps_me_safe"]
		assert safety["talk_again_on"] is None or safety["talk_again_on"] > safety["date"]


def test_staff_grow_with_the_people_in_teams_each_with_a_lead():
	for people, coaches in ((30, 2), (200, 5), (50_000, 1250)):
		team_set = dj.staff(dj.Plan(people, TODAY), ("WEMWBS",))
		assert sum(len(team.coaches) for team in team_set.teams) == coaches
		assert len({team.name for team in team_set.teams}) == len(team_set.teams)
		emails = [member.email for member in team_set.members]
		assert len(emails) == len(set(emails))
		assert all(email.endswith("@" + dj.DOMAIN) for email in emails)
		assert all(team.lead.role == dj.LEAD and team.name.endswith(dj.TEAM_MARK) for team in team_set.teams)
		assert {team.scale for team in team_set.teams} == {"WEMWBS", None}


def test_reflections_come_every_few_weeks_from_each_coach(demo):
	by_coach = defaultdict(list)
	for reflection in demo["Coach Reflection"]:
		by_coach[reflection["coach"]].append(reflection["date"])
		assert {row["theme"] for row in reflection["what_got_in_the_way"]} <= set(SETUP.reflection_themes)
	assert all(18 <= len(days) <= 75 for days in by_coach.values())


def every_text(demo):
	for doctype, records in demo.items():
		for record in records:
			for key, value in record.items():
				if isinstance(value, str):
					yield doctype, key, value
				elif isinstance(value, list):
					for row in value:
						yield from ((doctype, k, v) for k, v in row.items() if isinstance(v, str))


def test_every_text_uses_strength_based_words(demo):
	found = {(doctype, key, text) for doctype, key, text in every_text(demo) if find_deficit_words(text)}
	assert found == set()


def test_every_phrase_in_the_word_bank_uses_strength_based_words():
	phrases = []
	for name in dir(words):
		value = getattr(words, name)
		stack = [value]
		while stack:
			item = stack.pop()
			if isinstance(item, str):
				phrases.append(item)
			elif isinstance(item, dict):
				stack += [*item.keys(), *item.values()]
			elif isinstance(item, tuple | list):
				stack += list(item)
	assert len(phrases) > 300
	assert [p for p in phrases if find_deficit_words(p)] == []


def test_texts_vary(demo):
	said = Counter(c["conversation"] for c in demo["Coaching Conversation"] if c["channel"] != dj.TEXT)
	assert len(said) >= 0.5 * sum(said.values())
