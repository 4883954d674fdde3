"""A list costs what the user's own people cost, however many people the site holds.

MariaDB's plan for a coach's, a lead's and a partner's analyst's lists and counts is read with
EXPLAIN on a site where their few people sit among thousands: no step may read every person or every
relationship. The old criterion (`name IN (...) OR name IN (...)`) scanned them all."""

from datetime import date, timedelta

import frappe
import pytest
from frappe.utils import now_datetime

from pts_coaching.lifecycle import ENDED, GETTING_TO_KNOW_EACH_OTHER
from pts_coaching.pts_coaching.report.endings_and_moving_on import endings_and_moving_on
from pts_coaching.pts_coaching.report.outcomes_for_commissioners import outcomes_for_commissioners
from pts_coaching.pts_coaching.report.reporting import period
from pts_coaching.pts_coaching.report.wellbeing_journey import wellbeing_journey

from .conftest import make_user

STRANGERS = 3000
FAR_TEAM = "Scale test: far team"
NEAR_TEAM = "Scale test: near team"
# Far below the strangers, far above what any user here may see.
MOST_ROWS_A_STEP_MAY_READ = 300


@pytest.fixture(scope="module")
def a_large_site():
	"""3,000 people coached in a team none of these users belongs to, committed, with the optimiser's
	statistics brought up to date, beside a coach with three people, their lead and a partner's analyst."""
	frappe.set_user("Administrator")
	stranger_coach = make_user("far.coach@example.org", "PTS Coach")
	for team, lead in (
		(FAR_TEAM, stranger_coach),
		(NEAR_TEAM, make_user("near.lead@example.org", "PTS Coaching Lead")),
	):
		if not frappe.db.exists("Coaching Team", team):
			frappe.get_doc({"doctype": "Coaching Team", "team_name": team, "lead": lead}).insert()
	coach = make_user("near.coach@example.org", "PTS Coach")
	frappe.get_doc("Coaching Team", NEAR_TEAM).append("members", {"user": coach}).save()
	analyst = make_user("partner.analyst@example.org", "PTS Analyst")
	frappe.get_doc(
		{"doctype": "User Permission", "user": analyst, "allow": "Coaching Team", "for_value": NEAR_TEAM}
	).insert()

	stamp = now_datetime()
	common = ("owner", "creation", "modified", "modified_by", "docstatus")
	frappe.db.bulk_insert(
		"Person",
		("name", "preferred_name", *common),
		[
			(f"SCALE-{n:05}", f"Stranger {n}", stranger_coach, stamp, stamp, stranger_coach, 0)
			for n in range(STRANGERS)
		],
	)
	frappe.db.bulk_insert(
		"Coaching Relationship",
		("name", "person", "coach", "team", "share_with_team", *common),
		[
			(
				f"SCALE-REL-{n:05}",
				f"SCALE-{n:05}",
				stranger_coach,
				FAR_TEAM,
				1,
				stranger_coach,
				stamp,
				stamp,
				stranger_coach,
				0,
			)
			for n in range(STRANGERS)
		],
	)
	# Each stranger's relationship began and ended years ago: a history that no report of this year reads.
	frappe.db.bulk_insert(
		"Coaching Phase History",
		("name", "parent", "parenttype", "parentfield", "idx", "phase", "from_date", *common),
		[
			(
				f"SCALE-HIS-{n:05}-{idx}",
				f"SCALE-REL-{n:05}",
				"Coaching Relationship",
				"phase_history",
				idx,
				phase,
				day,
				stranger_coach,
				stamp,
				stamp,
				stranger_coach,
				0,
			)
			for n in range(STRANGERS)
			for idx, phase, day in ((1, GETTING_TO_KNOW_EACH_OTHER, "2020-01-06"), (2, ENDED, "2021-03-01"))
		],
	)
	near = []
	for name in ("Ash", "Bryn", "Cai"):
		person = frappe.get_doc({"doctype": "Person", "preferred_name": name}).insert()
		frappe.get_doc(
			{"doctype": "Coaching Relationship", "person": person.name, "coach": coach, "team": NEAR_TEAM}
		).insert()
		near.append(person.name)
	frappe.db.commit()
	for table in ("Person", "Coaching Relationship", "Coaching Conversation", "Coaching Phase History"):
		frappe.db.sql(f"analyze table `tab{table}`")

	yield {"coach": coach, "lead": "near.lead@example.org", "analyst": analyst, "near": set(near)}

	frappe.db.rollback()
	frappe.set_user("Administrator")
	frappe.db.delete("Coaching Phase History", {"name": ("like", "SCALE-HIS-%")})
	frappe.db.delete("Coaching Relationship", {"team": ("in", [FAR_TEAM, NEAR_TEAM])})
	frappe.db.delete("Person", {"name": ("in", [*near, *(f"SCALE-{n:05}" for n in range(STRANGERS))])})
	frappe.db.delete("User Permission", {"user": analyst})
	for team in (FAR_TEAM, NEAR_TEAM):
		frappe.delete_doc("Coaching Team", team, force=True)
	frappe.db.commit()


def plan_of(user: str, doctype: str, **list_arguments) -> list[dict]:
	frappe.set_user(user)
	query = frappe.get_list(doctype, run=0, **list_arguments)
	frappe.set_user("Administrator")
	return frappe.db.sql(f"explain {query}", as_dict=True)


def rows_read(step) -> int:
	"""The rows MariaDB expects a step to read ("1 (0%)" where a rowid filter applies)."""
	return int(str(step.rows or 0).split()[0])


LISTS = {
	"the first page of people": ("Person", {"fields": ["name"], "order_by": "modified desc", "limit": 20}),
	"how many people": ("Person", {"fields": ["count(*) as count"]}),
	"the first page of conversations": (
		"Coaching Conversation",
		{"fields": ["name"], "order_by": "modified desc", "limit": 20},
	),
	"how many relationships": ("Coaching Relationship", {"fields": ["count(*) as count"]}),
}


@pytest.mark.parametrize("who", ["coach", "lead", "analyst"])
@pytest.mark.parametrize("what", LISTS)
def test_no_step_of_a_users_list_reads_every_person(a_large_site, who, what):
	doctype, list_arguments = LISTS[what]
	plan = plan_of(a_large_site[who], doctype, **list_arguments)
	too_many = [step for step in plan if rows_read(step) > MOST_ROWS_A_STEP_MAY_READ]
	assert not too_many, "\n".join(str(dict(step)) for step in plan)


@pytest.mark.parametrize("who", ["coach", "lead", "analyst"])
def test_at_that_scale_each_sees_their_own_three_and_no_stranger(a_large_site, who):
	frappe.set_user(a_large_site[who])
	assert set(frappe.get_list("Person", pluck="name", limit=0)) == a_large_site["near"]
	assert frappe.get_list("Coaching Relationship", fields=["count(*) as count"])[0].count == 3


def test_endings_read_the_endings_of_the_period_not_every_history(a_large_site, monkeypatch):
	"""Each ending's first day and the phases either side of it are looked up beside it: no step of the
	plan reads the histories of the thousands whose relationships ended years ago."""
	asked = []
	monkeypatch.setattr(endings_and_moving_on, "frame", lambda query, columns: asked.append(query))
	from_date, to_date = period({})
	frappe.set_user("Administrator")
	endings_and_moving_on.moves_into_ended(from_date, to_date, frappe._dict())
	plan = frappe.db.sql(f"explain {asked[0]}", as_dict=True)
	too_many = [step for step in plan if rows_read(step) > MOST_ROWS_A_STEP_MAY_READ]
	assert not too_many, "\n".join(str(dict(step)) for step in plan)


def test_wellbeing_journey_reads_check_ins_person_by_person_from_its_index(a_large_site, monkeypatch):
	"""Among the strangers' check-ins, the plan reads them in the order of the index (measure, person,
	date, creation) and groups them as they come: no step sorts them all."""
	stamp = now_datetime()
	common = ("owner", "creation", "modified", "modified_by", "docstatus")
	check_ins = [
		(f"SCALE-WELL-{n:05}-{k}", f"SCALE-{n:05}", f"2026-0{k + 1}-01")
		for n in range(STRANGERS)
		for k in range(2)
	]
	frappe.db.bulk_insert(
		"Wellbeing Check-in",
		("name", "person", "measure", "date", *common),
		[
			(name, person, "ONS4", day, "Administrator", stamp, stamp, "Administrator", 0)
			for name, person, day in check_ins
		],
	)
	frappe.db.bulk_insert(
		"Wellbeing Answer",
		("name", "parent", "parenttype", "parentfield", "idx", "item_code", "answer", *common),
		[
			(
				f"{name}-{code}",
				name,
				"Wellbeing Check-in",
				"answers",
				idx,
				code,
				"6",
				"Administrator",
				stamp,
				stamp,
				"Administrator",
				0,
			)
			for name, _person, _day in check_ins
			for idx, code in enumerate(("life_satisfaction", "worthwhile", "happiness", "anxiety"), start=1)
		],
	)
	frappe.db.commit()
	try:
		for table in ("Wellbeing Check-in", "Wellbeing Answer", "Person"):
			frappe.db.sql(f"analyze table `tab{table}`")
		asked = []
		read = wellbeing_journey.frame
		monkeypatch.setattr(
			wellbeing_journey, "frame", lambda query, columns: asked.append(query) or read(query, columns)
		)
		frappe.set_user("Administrator")
		measure = frappe.get_cached_doc("Wellbeing Measure", "ONS4")
		wellbeing_journey.first_and_latest(measure, frappe._dict(), date(2026, 1, 1), date(2026, 6, 30))
		plan = frappe.db.sql(f"explain {asked[0]}", as_dict=True)
		described = "\n".join(str(dict(step)) for step in plan)
		[check_ins] = [step for step in plan if step.table == "tabWellbeing Check-in"]
		assert check_ins.key == "measure_person_date_creation_index", described
		assert not any("filesort" in (step.Extra or "") for step in plan), described
		# The name is looked up once a person, after grouping, never joined to each check-in.
		assert all(step.select_type == "DEPENDENT SUBQUERY" for step in plan if step.table == "tabPerson"), (
			described
		)
	finally:
		frappe.db.delete("Wellbeing Answer", {"parent": ("like", "SCALE-WELL-%")})
		frappe.db.delete("Wellbeing Check-in", {"name": ("like", "SCALE-WELL-%")})
		frappe.db.commit()


def test_outcomes_for_one_team_look_up_earlier_achievements_by_person(a_large_site, monkeypatch):
	"""A team of 200 among the strangers, everyone with an achievement in the period and one before it
	under a contract: one team's claims read only the team's own. Whether an earlier achievement was
	achieved again in the period is looked up person by person; at this scale MariaDB would otherwise
	gather every achievement of the period first."""
	from_date, to_date = period({})
	stamp = now_datetime()
	common = ("owner", "creation", "modified", "modified_by", "docstatus")
	by_whom = ("Administrator", stamp, stamp, "Administrator", 0)
	team = [f"SCALE-TEAM-{n:03}" for n in range(200)]
	frappe.db.bulk_insert(
		"Person", ("name", "preferred_name", *common), [(name, name, *by_whom) for name in team]
	)
	frappe.db.bulk_insert(
		"Coaching Relationship",
		("name", "person", "coach", "team", *common),
		[(f"{name}-REL", name, "Administrator", "Scale test: a team of 200", *by_whom) for name in team],
	)
	everyone = [*team, *(f"SCALE-{n:05}" for n in range(STRANGERS))]
	frappe.db.bulk_insert(
		"Achievement",
		("name", "person", "outcome_type", "achieved_on", "contract", *common),
		[
			(f"SCALE-ACH-{person}-{k}", person, "Entered work", day, "Scale test contract", *by_whom)
			for person in everyone
			for k, day in enumerate((from_date - timedelta(days=30), to_date - timedelta(days=30)))
		],
	)
	frappe.db.commit()
	try:
		for table in ("Achievement", "Person", "Coaching Relationship"):
			frappe.db.sql(f"analyze table `tab{table}`")
		asked = []
		monkeypatch.setattr(outcomes_for_commissioners, "frame", lambda query, columns: asked.append(query))
		frappe.set_user("Administrator")
		outcomes_for_commissioners.achievements_counted(
			from_date, to_date, frappe._dict(team="Scale test: a team of 200")
		)
		plan = frappe.db.sql(f"explain {asked[0]}", as_dict=True)
		too_many = [step for step in plan if rows_read(step) > MOST_ROWS_A_STEP_MAY_READ]
		assert not too_many, "\n".join(str(dict(step)) for step in plan)
	finally:
		frappe.db.delete("Achievement", {"name": ("like", "SCALE-ACH-%")})
		frappe.db.delete("Coaching Relationship", {"name": ("like", "SCALE-TEAM-%")})
		frappe.db.delete("Person", {"name": ("like", "SCALE-TEAM-%")})
		frappe.db.commit()
