"""How fast the app is on a large site: every script report next to the same aggregation written as one
hand-made SQL query, the busiest list views, a person's form with 200 conversations, saving a
conversation, and install-app / migrate.

	cd ~/frappe-bench/sites && ../env/bin/python /path/to/pts_coaching/perf/benchmark.py --site SITE [--runs 5]

The site needs demo data (bench --site SITE pts-coaching-demo --people 50000). Times are medians over
--runs, measured in-process as the Administrator (reports) or as a coach (lists, forms, saves). The
table is printed and written to perf/benchmark-latest.md.
"""

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

import frappe
from frappe.utils import getdate, today

HERE = Path(__file__).resolve().parent
FRAPPE_CLI = [sys.executable, "-m", "frappe.utils.bench_helper", "frappe"]

# The same aggregation as each report, as one hand-made query over the same rows (as the Administrator,
# who sees everyone): the yardstick for the report's time. Each is a template: {team} is where the
# one-team filter goes, as TEAM_FILTER says for that report; pivots are spelled out per status, phase,
# channel or theme as the report's columns are.
TEAM_PEOPLE = "and {person} in (select tr.person from `tabCoaching Relationship` tr where tr.team = %(team)s)"
TEAM_FILTER = {
	"Aspirations": TEAM_PEOPLE.format(person="a.person"),
	"Coaching Relationships by Phase": "and r.team = %(team)s",
	"Connections Over Time": TEAM_PEOPLE.format(person="s.person"),
	"Contact Rhythm": "and r.team = %(team)s",
	"Endings and Moving On": "and r.team = %(team)s",
	"Outcomes for Commissioners": TEAM_PEOPLE.format(person="a.person"),
	"Reliance on Services": "and r.team = %(team)s",
	"Wellbeing Journey": TEAM_PEOPLE.format(person="c.person"),
	"What Gets in the Way": "and r.coach in (select m.user from `tabCoaching Team Member` m "
	"where m.parent = %(team)s and m.parenttype = 'Coaching Team' "
	"union select t.lead from `tabCoaching Team` t where t.name = %(team)s)",
}


def report_sql() -> dict[str, str]:
	from pts_coaching import scoring
	from pts_coaching.aspirations import ACHIEVED, STATUSES
	from pts_coaching.lifecycle import ENDED, ENDING_TOGETHER, PHASES, WORKING_TOGETHER
	from pts_coaching.pts_coaching.report.reporting import options
	from pts_coaching.report_arithmetic.contact_rhythm import TEXT_MESSAGE

	def pivot(template: str, values) -> str:
		return ",\n\t".join(template.format(value=frappe.db.escape(v), name=v) for v in values)

	measure = frappe.get_cached_doc(
		"Wellbeing Measure", frappe.db.get_single_value("PTS Coaching Settings", "default_measure")
	)
	if measure.scoring == scoring.EACH_ON_ITS_OWN:
		wellbeing_values = """a.item_code as question, a.answer + 0 as value
		from `tabWellbeing Check-in` c
		join `tabWellbeing Answer` a on a.parent = c.name and a.parenttype = 'Wellbeing Check-in'
			and a.parentfield = 'answers' and a.answer <> ''"""
		wellbeing_where = "where"
	else:
		wellbeing_values = (
			"'' as question, c.score as value from `tabWellbeing Check-in` c where c.scored = 1"
		)
		wellbeing_where = "and"
	return {
		"Aspirations": f"""
select theme,
	{pivot("sum(status = {value}) as `{name}`", STATUSES)},
	count(*) as aspirations,
	round(100 * sum(status = '{ACHIEVED}') / count(*), 1) as share_achieved,
	max(median_days) as median_days_to_achieve
from (
	select ifnull(a.theme, '') as theme, a.status,
		median(if(a.status = '{ACHIEVED}', datediff(a.achieved_on, a.set_on), null))
			over (partition by ifnull(a.theme, '')) as median_days
	from `tabAspiration` a
	where (a.set_on between %(from_date)s and %(to_date)s
		or (a.set_on is null and a.creation >= %(from_date)s and a.creation < %(to_date)s + interval 1 day))
		{{team}}
) aspirations
group by theme
order by theme""",
		"Coaching Relationships by Phase": f"""
select ifnull(team, '') as team, coach,
	{pivot("sum(phase = {value}) as `{name}`", PHASES)},
	count(*) as relationships
from (
	select r.team, r.coach, h.phase, h.from_date,
		row_number() over (partition by r.name order by h.idx desc) as latest
	from `tabCoaching Relationship` r
	join `tabCoaching Phase History` h on h.parent = r.name and h.parenttype = 'Coaching Relationship'
		and h.parentfield = 'phase_history'
	where h.from_date <= %(to_date)s {{team}}
) phases
where latest = 1 and not (phase = '{ENDED}' and from_date < %(from_date)s)
group by team, coach
order by team, coach""",
		"Connections Over Time": """
select person, person_name, snapshots, first_date, first_size, first_closeness,
	if(snapshots > 1, latest_date, null) as latest_date,
	if(snapshots > 1, latest_size, null) as latest_size,
	if(snapshots > 1, latest_closeness, null) as latest_closeness,
	if(snapshots > 1, latest_size - first_size, null) as size_change,
	if(snapshots > 1, latest_closeness - first_closeness, null) as closeness_change
from (
	select person, person_name,
		row_number() over first as nth,
		count(*) over (partition by person) as snapshots,
		first_value(date) over first as first_date,
		first_value(size) over first as first_size,
		first_value(closeness) over first as first_closeness,
		first_value(date) over latest as latest_date,
		first_value(size) over latest as latest_size,
		first_value(closeness) over latest as latest_closeness
	from (
		select s.name, s.person, s.person_name, s.date, s.creation, count(c.kind) as size,
			avg(c.closeness) as closeness
		from `tabConnection Snapshot` s
		left join `tabPerson Connection` c on c.parent = s.name and c.parenttype = 'Connection Snapshot'
			and c.parentfield = 'connections'
		where s.date between %(from_date)s and %(to_date)s {team}
		group by s.name
	) snapshot
	window first as (partition by person order by date, creation),
		latest as (partition by person order by date desc, creation desc)
) people
where nth = 1
order by person_name, person""",
		"Contact Rhythm": f"""
select month,
	{pivot("sum(`{name}`) as `{name}`", options("Coaching Conversation", "channel"))},
	sum(contacts) as contacts,
	count(*) as relationships,
	sum(texts = contacts) as by_text_alone
from (
	select date_format(c.date, '%%Y-%%m') as month, c.relationship, count(*) as contacts,
		{pivot("sum(c.channel = {value}) as `{name}`", options("Coaching Conversation", "channel"))},
		sum(c.channel = '{TEXT_MESSAGE}') as texts
	from `tabCoaching Conversation` c
	join `tabCoaching Relationship` r on r.name = c.relationship
	where c.date between %(from_date)s and %(to_date)s {{team}}
	group by month, c.relationship
) relationship_months
group by month
order by month""",
		"Endings and Moving On": f"""
select ending_kind, count(*) as endings,
	max(lower_quartile) as lower_quartile, max(median) as median, max(upper_quartile) as upper_quartile,
	sum(ended_together) as ended_together, sum(came_back) as came_back
from (
	select ending_kind, ended_together, came_back,
		percentile_cont(0.25) within group (order by days) over (partition by ending_kind) as lower_quartile,
		percentile_cont(0.5) within group (order by days) over (partition by ending_kind) as median,
		percentile_cont(0.75) within group (order by days) over (partition by ending_kind) as upper_quartile
	from (
		select ifnull(h.ending_kind, '') as ending_kind, h.phase, h.from_date,
			datediff(h.from_date, first_value(h.from_date) over moves) as days,
			lag(h.phase) over moves = '{ENDING_TOGETHER}' as ended_together,
			ifnull(lead(h.phase) over moves = '{WORKING_TOGETHER}', 0) as came_back
		from `tabCoaching Relationship` r
		join `tabCoaching Phase History` h on h.parent = r.name and h.parenttype = 'Coaching Relationship'
			and h.parentfield = 'phase_history'
		where 1 {{team}}
		window moves as (partition by h.parent order by h.idx)
	) moves
	where phase = '{ENDED}' and from_date between %(from_date)s and %(to_date)s
) endings
group by ending_kind""",
		"Outcomes for Commissioners": """
select contract, concat(year(achieved_on), ' Q', quarter(achieved_on)) as period, outcome_type,
	count(*) as achievements, sum(paid) as paid_for, max(if(paid, tariff, null)) as tariff,
	sum(if(paid, tariff, 0)) as total
from (
	select achievement.*,
		payable and (not cap_per_person or row_number() over (
			partition by contract, person, outcome_type, payable order by achieved_on, name
		) <= cap_per_person) as paid
	from (
		select a.name, a.person, a.outcome_type, a.achieved_on, ifnull(a.contract, '') as contract,
			t.tariff, t.cap_per_person,
			ifnull(t.name is not null and a.achieved_on between k.from_date and ifnull(k.to_date, a.achieved_on), 0)
				as payable
		from `tabAchievement` a
		join `tabPerson` p on p.name = a.person
		left join `tabOutcomes Contract` k on k.name = a.contract
		left join `tabOutcomes Contract Outcome` t on t.parent = k.name
			and t.parenttype = 'Outcomes Contract' and t.outcome_type = a.outcome_type
		where p.agrees_to_outcome_reporting = 1 and a.achieved_on <= %(to_date)s
			and (a.achieved_on >= %(from_date)s or a.contract is not null) {team}
	) achievement
) counted
where achieved_on >= %(from_date)s
group by contract, period, outcome_type
order by contract, period, outcome_type""",
		"Reliance on Services": """
select p.person, p.person_name, p.started_on,
	count(if(s.from_date <= p.started_on and (s.to_date is null or p.started_on <= s.to_date), 1, null))
		as at_start,
	count(if(s.to_date is null or %(on)s <= s.to_date, 1, null)) as on_the_day
from (
	select r.person, min(r.person_name) as person_name, min(r.started_on) as started_on
	from `tabCoaching Relationship` r
	where r.started_on <= %(to_date)s and (r.ended_on is null or r.ended_on >= %(from_date)s) {team}
	group by r.person
) p
left join `tabService Involvement` s on s.person = p.person and s.from_date <= %(on)s
group by p.person
order by p.person_name, p.person""",
		"Wellbeing Journey": f"""
select person, person_name, question, check_ins, first_date, `first`,
	if(check_ins > 1, latest_date, null) as latest_date,
	if(check_ins > 1, latest, null) as latest,
	if(check_ins > 1, round(latest - `first`, 9), null) as `change`
from (
	select c.person, c.person_name,
		row_number() over first as nth,
		count(*) over (partition by c.person, question) as check_ins,
		first_value(c.date) over first as first_date,
		first_value(value) over first as `first`,
		first_value(c.date) over latest as latest_date,
		first_value(value) over latest as latest,
		question
	from (select c.person, c.person_name, c.date, c.creation, {wellbeing_values}
		{wellbeing_where} c.measure = {frappe.db.escape(measure.name)}
			and c.date between %(from_date)s and %(to_date)s {{team}}
	) c
	window first as (partition by c.person, question order by c.date, c.creation),
		latest as (partition by c.person, question order by c.date desc, c.creation desc)
) people
where nth = 1
order by person_name, person, question""",
		"What Gets in the Way": f"""
select date_format(r.date, '%%Y-%%m') as period,
	{pivot("count(distinct if(t.theme = {value}, r.name, null)) as `{name}`", frappe.get_all("Reflection Theme", pluck="name"))},
	count(distinct r.name) as reflections,
	count(distinct if(t.theme is not null, r.name, null)) as naming_something
from `tabCoach Reflection` r
left join `tabCoach Reflection Theme` t on t.parent = r.name and t.parenttype = 'Coach Reflection'
	and t.parentfield = 'what_got_in_the_way'
where r.date between %(from_date)s and %(to_date)s {{team}}
group by period
order by period""",
	}


def main():
	args = parse_args()
	frappe.init(site=args.site, sites_path=".")
	frappe.connect()
	from pts_coaching.pts_coaching.report.reporting import period

	from_date, to_date = period({})
	queries = report_sql()
	rows = []
	team = frappe.db.get_value("Coaching Team", {}, "name", order_by="name")
	for report in sorted(
		frappe.get_all("Report", {"module": "PTS Coaching", "report_type": "Script Report"}, pluck="name")
	):
		for label, filters in (("default filters", {}), (f"team {team}", {"team": team})):
			report_time = timed(lambda: run_report(report, filters), args.runs)
			sql = queries.get(report)
			if sql:
				sql = sql.format(team=TEAM_FILTER[report] if filters else "")
				values = {
					"team": team,
					"from_date": from_date,
					"to_date": to_date,
					"on": min(to_date, getdate(today())),
				}
				sql_time = timed(lambda: frappe.db.sql(sql, values), args.runs)
			rows.append((f"{report} ({label})", report_time, sql_time if sql else None))
			print(progress(rows[-1]), file=sys.stderr, flush=True)
	rows += desk_timings(args.runs)
	rows += coach_app_timings(args.runs)
	if not args.skip_install:
		rows += install_timings(args.site)
	for row in rows[-6:]:
		print(progress(row), file=sys.stderr, flush=True)
	report = render(rows, args)
	print(report)
	(HERE / "benchmark-latest.md").write_text(report)


def parse_args():
	parser = argparse.ArgumentParser(
		description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
	)
	parser.add_argument("--site", required=True)
	parser.add_argument("--runs", type=int, default=5)
	parser.add_argument("--skip-install", action="store_true", help="leave out install-app and migrate")
	return parser.parse_args()


def run_report(report: str, filters: dict):
	from frappe.desk.query_report import run

	return run(report, filters=filters, ignore_prepared_report=True)


def timed(work, runs: int) -> list[float]:
	"""Seconds for each run, after one run to warm caches."""
	work()
	seconds = []
	for _ in range(runs):
		started = time.perf_counter()
		work()
		seconds.append(time.perf_counter() - started)
		frappe.db.rollback()
	return seconds


def desk_timings(runs: int) -> list[tuple]:
	"""Lists, a form and a save as a coach would do them. The demo has about 20 conversations a person,
	so a person with 200 is made for the form, and taken away again afterwards."""
	from frappe.desk.reportview import get as reportview_get
	from frappe.handler import get_attr

	# As the desk calls it: the app overrides the form's load to keep the timeline to what the user may read.
	getdoc = get_attr("frappe.desk.form.load.getdoc")

	coach = frappe.db.get_value("Coaching Relationship", {"phase": ("!=", "Ended")}, "coach", order_by="name")
	busiest = person_with_conversations(coach, 200)
	try:
		frappe.set_user(coach)

		def list_view(doctype, filters):
			frappe.local.form_dict = frappe._dict(
				doctype=doctype,
				fields=[f"`tab{doctype}`.`name`", f"`tab{doctype}`.`modified`"],
				filters=filters,
				order_by=f"`tab{doctype}`.`modified` desc",
				page_length=20,
				start=0,
			)
			return reportview_get()

		def save_a_conversation():
			frappe.get_doc(
				{"doctype": "Coaching Conversation", "relationship": busiest.name, "channel": "Text message"}
			).insert()

		rows = [
			(
				"Person list, first page, a coach's, not anonymised",
				timed(lambda: list_view("Person", [["Person", "anonymised_on", "is", "not set"]]), runs * 4),
				None,
			),
			(
				"Coaching Conversation list, a coach's, by channel",
				timed(
					lambda: list_view(
						"Coaching Conversation", [["Coaching Conversation", "channel", "=", "Walk"]]
					),
					runs * 4,
				),
				None,
			),
			(
				"Person form with 200 conversations (getdoc)",
				timed(lambda: getdoc("Person", busiest.person), runs * 4),
				None,
			),
			("Save a conversation", timed(save_a_conversation, runs * 4), None),
		]
	finally:
		frappe.set_user("Administrator")
		frappe.db.rollback()
		take_away(busiest)
	return rows


def coach_app_timings(runs: int) -> list[tuple]:
	"""The coach app's first loads (/coach): My people and a story, for the coach whose open
	relationships number nearest 60 and the lead whose teams' number nearest 600."""
	from frappe.query_builder.functions import Count

	from pts_coaching import coach_app
	from pts_coaching.lifecycle import OPEN_PHASES

	relationship = frappe.qb.DocType("Coaching Relationship")
	team = frappe.qb.DocType("Coaching Team")
	count = Count(relationship.name)
	is_open = relationship.phase.isin(list(OPEN_PHASES))
	coaches = (
		frappe.qb.from_(relationship)
		.select(relationship.coach, count)
		.where(is_open)
		.groupby(relationship.coach)
	).run()
	leads = (
		frappe.qb.from_(relationship)
		.join(team)
		.on(team.name == relationship.team)
		.select(team.lead, count)
		.where(is_open & team.lead.isnotnull())
		.groupby(team.lead)
	).run()
	rows = []
	for who, users, near in (("a coach", coaches, 60), ("a lead", leads, 600)):
		user, how_many = min(users, key=lambda row: abs(row[1] - near))
		frappe.set_user(user)
		try:
			people = coach_app.my_people()
			person = people[0]["person"]
			rows += [
				(
					f"Coach app: My people, {who} with {how_many} people",
					timed(coach_app.my_people, runs),
					None,
				),
				(f"Coach app: a story, {who}'s", timed(lambda: coach_app.story(person), runs * 4), None),
			]
		finally:
			frappe.set_user("Administrator")
	return rows


def person_with_conversations(coach: str, how_many: int):
	"""A relationship of `coach` with `how_many` conversations, saved as a coach saves them."""
	frappe.set_user(coach)
	person = frappe.get_doc({"doctype": "Person", "preferred_name": "Benchmark"}).insert()
	relationship = frappe.get_doc(
		{"doctype": "Coaching Relationship", "person": person.name, "coach": coach}
	).insert()
	for day in range(how_many):
		frappe.get_doc(
			{
				"doctype": "Coaching Conversation",
				"relationship": relationship.name,
				"channel": "Walk",
				"date": frappe.utils.add_days(today(), -day),
			}
		).insert()
	frappe.set_user("Administrator")
	frappe.db.commit()
	return relationship


def take_away(relationship):
	for conversation in frappe.get_all(
		"Coaching Conversation", {"relationship": relationship.name}, pluck="name"
	):
		frappe.delete_doc("Coaching Conversation", conversation, force=True, ignore_permissions=True)
	frappe.delete_doc("Coaching Relationship", relationship.name, force=True, ignore_permissions=True)
	frappe.delete_doc("Person", relationship.person, force=True, ignore_permissions=True)
	frappe.db.commit()


def install_timings(site: str) -> list[tuple]:
	scratch = f"pts-bench-install.{site}"
	root = ["--db-root-username", os.environ.get("PTS_DB_ROOT_USER", "root")]
	if os.environ.get("PTS_DB_ROOT_PASSWORD"):
		root += ["--db-root-password", os.environ["PTS_DB_ROOT_PASSWORD"]]

	def bench(*a):
		return subprocess.run([*FRAPPE_CLI, *a], input="\n", capture_output=True, text=True, check=True)

	bench("new-site", scratch, "--force", "--admin-password", "admin", *root)
	try:
		install = timed_once(lambda: bench("--site", scratch, "install-app", "pts_coaching"))
		migrate = timed_once(lambda: bench("--site", scratch, "migrate"))
	finally:
		bench("drop-site", scratch, "--force", "--no-backup", *root)
	return [("install-app on a fresh site", [install], None), ("migrate with no changes", [migrate], None)]


def progress(row) -> str:
	what, seconds, sql = row
	return f"{what}: {ms(statistics.median(seconds))}" + (
		f" (SQL {ms(statistics.median(sql))})" if sql else ""
	)


def timed_once(work) -> float:
	started = time.perf_counter()
	work()
	return time.perf_counter() - started


def render(rows, args) -> str:
	lines = [
		"# Benchmark",
		"",
		f"Site {args.site}: {frappe.db.count('Person'):,} people, {frappe.db.count('Coaching Conversation'):,} "
		f"conversations, {frappe.db.count('Wellbeing Check-in'):,} check-ins. Machine: {machine()}, "
		f"Python {platform.python_version()}, MariaDB {frappe.db.sql('select version()')[0][0]} with a "
		f"{frappe.db.sql('select @@innodb_buffer_pool_size')[0][0] / 2**20:,.0f} MB buffer pool.",
		"",
		"| what | median | p95 | hand-made SQL | ratio |",
		"| --- | ---: | ---: | ---: | ---: |",
	]
	for what, seconds, sql in rows:
		median = statistics.median(seconds)
		p95 = sorted(seconds)[max(0, round(0.95 * len(seconds)) - 1)]
		sql_median = statistics.median(sql) if sql else None
		lines.append(
			f"| {what} | {ms(median)} | {ms(p95)} | {ms(sql_median) if sql else ''} | "
			f"{f'{median / sql_median:.1f}×' if sql else ''} |"
		)
	return "\n".join(lines) + "\n"


def machine() -> str:
	cpu = next(
		(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
		platform.machine(),
	)
	memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
	return f"{os.cpu_count()} cores of {cpu}, {memory:.0f} GB memory"


def ms(seconds: float) -> str:
	return f"{seconds * 1000:,.0f} ms" if seconds < 10 else f"{seconds:,.1f} s"


if __name__ == "__main__":
	main()
