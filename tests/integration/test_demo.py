"""The demo command, run as bench runs it, on a small scale: the records it writes are the ones the
journeys make, each one saves through its controller unchanged, the same seed makes the same demo, and
--clear leaves the site as it was."""

import json
import urllib.parse
import urllib.request

import frappe
import pytest
from frappe.utils import add_days, today
from frappe.utils.password import check_password

from pts_coaching import demo, lifecycle
from pts_coaching import demo_journeys as dj
from tests.integration.conftest import SITE, bench, bench_ok

PEOPLE = 30
SEED = 7
# What the demo, and clearing it, may touch beyond the app's own doctypes.
AROUND_THE_APP = (
	"User",
	"Has Role",
	"DocShare",
	"Notification Settings",
	"Version",
	"Comment",
	"Deleted Document",
	"Outcome Type",
)
# Fields saving a record sets afresh whatever it held.
SET_BY_SAVING = {"modified", "modified_by"}


def run_demo(*args: str, ok: bool = True):
	frappe.db.rollback()  # let go of this connection's locks, and see what the command wrote
	result = (bench_ok if ok else bench)("--site", SITE, "pts-coaching-demo", *args)
	frappe.db.rollback()
	return result


def make(as_of: str):
	return run_demo("--people", str(PEOPLE), "--seed", str(SEED), "--as-of", as_of)


def site_counts() -> dict[str, int]:
	doctypes = frappe.get_all("DocType", {"module": "PTS Coaching", "issingle": 0}, pluck="name")
	counts = {doctype: frappe.db.count(doctype) for doctype in (*doctypes, *AROUND_THE_APP)}
	counts["__Auth"] = frappe.db.sql("SELECT COUNT(*) FROM `__Auth`")[0][0]
	return counts


@pytest.fixture(scope="module")
def as_of() -> str:
	return str(add_days(today(), -1))


@pytest.fixture(scope="module")
def made(site, as_of):
	run_demo("--clear")  # a site kept between runs may still hold the last run's demo
	before = site_counts()
	output = make(as_of).stdout
	yield {"output": output, "before": before}
	run_demo("--clear")


def planned(as_of: str) -> tuple[dj.Staff, dict[str, int]]:
	"""What the journeys make on this site for the test's size and seed."""
	plan = dj.Plan(PEOPLE, frappe.utils.getdate(as_of), SEED)
	setup = demo.site_setup()
	staff = dj.staff(plan, ("WEMWBS", "SWEMWBS"))
	names = dj.Names()
	counts = dict.fromkeys(dj.PREFIXES, 0)
	for journey in dj.journeys(plan, staff, setup, names):
		for doctype, records in journey.items():
			counts[doctype] += len(records)
	counts["Coach Reflection"] = sum(1 for _ in dj.reflections(plan, staff, setup, names))
	return staff, counts


def test_the_demos_contract_pays_for_the_example_outcome_types():
	assert {tariff.outcome_type for tariff in dj.TARIFFS} == set(demo.EXAMPLE_OUTCOME_TYPES)


def test_the_command_says_who_to_sign_in_as(made):
	staff, _ = planned(frappe.utils.today())
	assert "Sign in as" in made["output"]
	assert staff.teams[0].coaches[0].email in made["output"]
	assert staff.teams[0].lead.email in made["output"]
	assert demo.DEMO_PASSWORD in made["output"]


def test_the_site_holds_what_the_journeys_make(made, as_of):
	staff, counts = planned(as_of)
	found = demo.demo_counts()
	assert {doctype: found[doctype] for doctype in dj.PREFIXES} == counts
	assert found["Person"] == found["Coaching Relationship"] == PEOPLE
	assert found["Coaching Conversation"] >= 10 * PEOPLE
	assert found["User"] == len(staff.members)
	assert found["Coaching Team"] == len(staff.teams)
	assert found["Outcomes Contract"] == 1
	team = frappe.get_doc("Coaching Team", staff.teams[0].name)
	assert [m.user for m in team.members] == [c.email for c in staff.teams[0].coaches]
	assert team.members[0].full_name == staff.teams[0].coaches[0].full_name


def as_saved(doctype: str, name: str) -> dict:
	"""The record as the database holds it, less what saving sets afresh."""
	record = frappe.get_doc(doctype, name).as_dict(no_default_fields=False)
	for key, value in list(record.items()):
		if key in SET_BY_SAVING:
			del record[key]
		elif isinstance(value, list):
			record[key] = [{k: v for k, v in row.items() if k not in SET_BY_SAVING} for row in value]
	return record


@pytest.mark.parametrize("doctype", list(dj.PREFIXES))
def test_every_kind_of_demo_record_saves_through_its_controller_unchanged(made, doctype):
	"""Saving runs every check the controller makes (and Frappe's: mandatory fields, links, options),
	and works out again what the controller works out: scores, dates, counts, tariffs."""
	names = frappe.get_all(doctype, {"name": ("like", f"{dj.PREFIXES[doctype]}-{dj.MARK}-%")}, pluck="name")
	assert names
	sample = names[:: max(1, len(names) // 25)]
	for name in sample:
		before = as_saved(doctype, name)
		relationship = before.get("relationship")
		contact = relationship and frappe.db.get_value(
			"Coaching Relationship", relationship, ["contact_count", "last_contact_on"]
		)
		frappe.get_doc(doctype, name).save()
		assert as_saved(doctype, name) == before, name
		if relationship:
			after = frappe.db.get_value(
				"Coaching Relationship", relationship, ["contact_count", "last_contact_on"]
			)
			assert after == contact, name


def test_check_ins_scored_as_the_controller_scores_them(made):
	"""A new check-in with a demo check-in's answers gets the demo's score and note."""
	for measure in ("ONS4", "WEMWBS", "SWEMWBS"):
		name = frappe.get_all(
			"Wellbeing Check-in",
			{"name": ("like", f"WELL-{dj.MARK}-%"), "measure": measure},
			pluck="name",
			limit=1,
		)[0]
		kept = frappe.get_doc("Wellbeing Check-in", name)
		again = frappe.get_doc(
			{
				"doctype": "Wellbeing Check-in",
				"person": kept.person,
				"relationship": kept.relationship,
				"measure": measure,
				"date": kept.date,
				"answers": [{"item_code": row.item_code, "answer": row.answer} for row in kept.answers],
			}
		).insert()
		assert (again.scored, again.raw_score, again.score, again.score_note) == (
			kept.scored,
			kept.raw_score,
			kept.score,
			kept.score_note,
		)


def test_demo_journeys_replay_through_the_relationship_controller(made):
	"""Each move in a demo relationship's history is one the controller allows, given what the demo
	wrote at the time (the words of an ending, or that they did not say)."""
	demo_relationships = frappe.get_all(
		"Coaching Relationship", {"name": ("like", f"REL-{dj.MARK}-%")}, ["name", "started_on"]
	)
	replayed = 0
	for kept in demo_relationships:
		history = frappe.get_all(
			"Coaching Phase History",
			{"parent": kept.name, "parenttype": "Coaching Relationship"},
			["phase", "from_date", "ending_kind", "in_their_words"],
			order_by="idx",
		)
		if len(history) < 3:
			continue
		person = frappe.get_doc({"doctype": "Person", "preferred_name": "Replay"}).insert()
		again = frappe.get_doc(
			{
				"doctype": "Coaching Relationship",
				"person": person.name,
				"coach": "Administrator",
				"started_on": kept.started_on,
			}
		).insert()
		for row in history[1:]:
			again.phase = row.phase
			if row.phase == lifecycle.ENDED:
				again.ended_on = row.from_date
				again.ending_kind = row.ending_kind
				again.ending_in_their_words = row.in_their_words
				again.they_did_not_say = int(not row.in_their_words)
			again.save()
		assert [(r.phase, r.ending_kind, r.in_their_words) for r in again.phase_history] == [
			(r.phase, r.ending_kind, r.in_their_words) for r in history
		]
		replayed += 1
	assert replayed >= 5


def test_the_same_seed_makes_the_same_demo(made, as_of):
	first = demo.fingerprint()
	run_demo("--clear")
	assert demo.demo_counts()["Coaching Conversation"] == 0
	make(as_of)
	assert demo.fingerprint() == first


def test_a_second_demo_waits_until_the_first_is_cleared_and_none_runs_into_the_future(made, as_of):
	counts = demo.demo_counts()
	refused = run_demo("--people", "5", "--as-of", as_of, ok=False)
	assert refused.returncode == 1
	assert "Clear them first" in refused.stdout
	assert demo.demo_counts() == counts
	tomorrow = str(add_days(today(), 1))
	assert "is in the future" in run_demo("--as-of", tomorrow, ok=False).stdout


def test_demo_staff_sign_in_with_the_demo_password_and_see_their_people(made, desk_server):
	staff, _ = planned(frappe.utils.today())
	coach = staff.teams[0].coaches[0].email
	assert check_password(coach, demo.DEMO_PASSWORD) == coach
	assert frappe.get_roles(coach).count("PTS Coach") == 1
	assert "PTS Coaching Lead" in frappe.get_roles(staff.teams[0].lead.email)
	assert "PTS Analyst" in frappe.get_roles(staff.analyst.email)

	browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
	login = urllib.parse.urlencode({"usr": coach, "pwd": demo.DEMO_PASSWORD}).encode()
	with browser.open(f"{desk_server}/api/method/login", login, timeout=30) as response:
		assert json.load(response)["message"] == "Logged In"
	# The desk boots for them: it reads what saving a User would have made.
	with browser.open(f"{desk_server}/app/coaching-relationship", timeout=60) as desk:
		assert desk.status == 200
		assert coach in desk.read().decode()

	frappe.set_user(coach)
	theirs = set(frappe.get_list("Coaching Relationship", pluck="name"))
	frappe.set_user("Administrator")
	coached = set(frappe.get_all("Coaching Relationship", {"coach": coach}, pluck="name"))
	assert coached and coached <= theirs
	shared = frappe.get_all(
		"Coaching Relationship", {"name": ("in", theirs - coached)}, ["team", "share_with_team"]
	)
	assert all(r.team == staff.teams[0].name and r.share_with_team for r in shared)


def test_clearing_leaves_the_site_as_it_was(made):
	run_demo("--clear")
	assert not any(demo.demo_counts().values())
	assert site_counts() == made["before"]
	assert not demo.demo_is_here()
