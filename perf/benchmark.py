"""How fast the app is on a large site: every script report next to its floor, the busiest list views,
a person's form with 200 conversations, saving a conversation, the coach app, and install-app / migrate.

	cd ~/frappe-bench/sites && ../env/bin/python /path/to/pts_coaching/perf/benchmark.py --site SITE \\
		[--runs 3] [--skip-install] [--buffer-pool 4G] [--small-site SMALL_SITE]

The site needs demo data (bench --site SITE pts-coaching-demo --people 50000 --seed 1).

Floors. A report's floor is the fastest SQL anyone can write for the report's final table:
perf/floors/<report_snake_name>.py, with floor(filters) -> list[dict] (one dict per report row, keyed by
the report's own fieldnames), COMPARED (the columns that must be equal) and KEY (the column, or tuple of
columns, that matches a floor row to a report row). Each report and its floor run for the whole site
and for one team (the first by name), over the default period (the twelve months up to today); when
their COMPARED values differ the benchmark says which report, key and values, and exits with 1. A
report with no floor is timed alone, and said so loudly.

--buffer-pool SIZE also runs everything on a copy of the site's database in a second MariaDB, started
here with innodb_buffer_pool_size=SIZE (the shared server is only read, by mariadb-dump), and shows the
two side by side. The second server and the copy are always taken away at the end.

--small-site SITE (say 5,000 people, next to 50,000) also runs there, and shows for each report and
list how much longer it takes on the large site next to how many more rows it reads: what takes
longer than its rows grow is flagged.

Times are medians over --runs after one warm run, in-process, as the Administrator (reports) or as a
coach (lists, forms, saves, the coach app). The table is printed and written to perf/benchmark-latest.md.
"""

import argparse
import contextlib
import importlib.util
import json
import math
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
FLOORS = HERE / "floors"
FRAPPE_CLI = [sys.executable, "-m", "frappe.utils.bench_helper", "frappe"]

# Report and floor agree when their numbers are this close: each may round a figure to one place on
# its own (Python rounds half to even, MariaDB half away from zero).
ROUNDING = 0.1 + 1e-9
# Time that grows this much more than the rows read is flagged (less is the machine's noise).
FASTER_THAN_ROWS = 1.25
EVERYONE, ONE_TEAM = "everyone", "one team"

# The rows each report reads, to set its growth against: (doctype, which rows, parent doctype of a
# child table). The conditions take %(from_date)s and %(to_date)s, the report's period.
IN_PERIOD = "{date} between %(from_date)s and %(to_date)s"
UP_TO = "{date} <= %(to_date)s"
READS = {
	"Aspirations": [("Aspiration", IN_PERIOD.format(date="ifnull(set_on, date(creation))"), None)],
	"Coaching Relationships by Phase": [
		("Coaching Phase History", UP_TO.format(date="from_date"), "Coaching Relationship")
	],
	"Connections Over Time": [
		("Connection Snapshot", IN_PERIOD.format(date="date"), None),
		(
			"Person Connection",
			"parent in (select name from `tabConnection Snapshot` where "
			+ IN_PERIOD.format(date="date")
			+ ")",
			"Connection Snapshot",
		),
	],
	"Contact Rhythm": [("Coaching Conversation", IN_PERIOD.format(date="date"), None)],
	"Endings and Moving On": [
		("Coaching Phase History", UP_TO.format(date="from_date"), "Coaching Relationship")
	],
	"Outcomes for Commissioners": [("Achievement", UP_TO.format(date="achieved_on"), None)],
	"Reliance on Services": [
		(
			"Coaching Relationship",
			"started_on <= %(to_date)s and (ended_on is null or ended_on >= %(from_date)s)",
			None,
		),
		("Service Involvement", UP_TO.format(date="from_date"), None),
	],
	"Wellbeing Journey": [
		("Wellbeing Check-in", IN_PERIOD.format(date="date"), None),
		(
			"Wellbeing Answer",
			"parent in (select name from `tabWellbeing Check-in` where "
			+ IN_PERIOD.format(date="date")
			+ ")",
			"Wellbeing Check-in",
		),
	],
	"What Gets in the Way": [
		("Coach Reflection", IN_PERIOD.format(date="date"), None),
		(
			"Coach Reflection Theme",
			"parent in (select name from `tabCoach Reflection` where " + IN_PERIOD.format(date="date") + ")",
			"Coach Reflection",
		),
	],
}


def main():
	args = parse_args()
	if args.measure_into:
		measure(args)
		return
	for stop in (signal.SIGTERM, signal.SIGHUP):
		# So that the second server and the site's copy are taken away however the run ends.
		signal.signal(stop, lambda number, frame: sys.exit(128 + number))
	results = {"default pool": measured(args.site, args.runs, args.skip_install)}
	if args.small_site:
		results["small site"] = measured(args.small_site, args.runs, skip_install=True)
	if args.buffer_pool:
		with site_on_a_second_server(args.site, args.buffer_pool, args.pool_dir, args.pool_port) as copy:
			results["sized pool"] = measured(copy, args.runs, skip_install=True)
	report = render(results, args)
	print(report)
	(HERE / "benchmark-latest.md").write_text(report)
	differences = [line for result in results.values() for line in result["differences"]]
	for report_name in sorted({name for result in results.values() for name in result["without_floor"]}):
		loudly(f"NO FLOOR: {report_name} was timed without one")
	if differences:
		loudly(f"REPORTS DIFFER FROM THEIR FLOORS ({len(differences)}):")
		for line in differences:
			loudly(f"  {line}")
		sys.exit(1)


def parse_args():
	parser = argparse.ArgumentParser(
		description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
	)
	parser.add_argument("--site", required=True)
	parser.add_argument("--runs", type=int, default=5)
	parser.add_argument("--skip-install", action="store_true", help="leave out install-app and migrate")
	parser.add_argument(
		"--buffer-pool", metavar="SIZE", help="also run on a copy in a MariaDB with this buffer pool (4G)"
	)
	parser.add_argument(
		"--pool-dir", default=tempfile.gettempdir(), help="where the second server keeps its data"
	)
	parser.add_argument("--pool-port", type=int, default=3307, help="the second server's port")
	parser.add_argument("--small-site", help="a smaller site, to see how times grow with the rows")
	# How the benchmark runs itself for each site: the results, as JSON, into this file.
	parser.add_argument("--measure-into", help=argparse.SUPPRESS)
	return parser.parse_args()


def measured(site: str, runs: int, skip_install: bool) -> dict:
	"""The benchmark's figures for `site`, measured in a process of its own."""
	with tempfile.NamedTemporaryFile(suffix=".json") as into:
		command = [sys.executable, __file__, "--site", site, "--runs", str(runs), "--measure-into", into.name]
		subprocess.run(command + (["--skip-install"] if skip_install else []), check=True)
		return json.loads(Path(into.name).read_text())


def loudly(line: str):
	print(f"!!! {line}", file=sys.stderr, flush=True)


# Measuring one site, in its own process


def measure(args):
	import frappe

	frappe.init(site=args.site, sites_path=".")
	frappe.connect()
	from pts_coaching.pts_coaching.report.reporting import period

	from_date, to_date = (day.isoformat() for day in period({}))
	team = frappe.db.get_value("Coaching Team", {}, "name", order_by="name")
	timings, differences, without_floor = [], [], []
	for report in sorted(
		frappe.get_all("Report", {"module": "PTS Coaching", "report_type": "Script Report"}, pluck="name")
	):
		floor = floor_of(report)
		if floor is None:
			without_floor.append(report)
			loudly(f"NO FLOOR for {report}: {FLOORS / (frappe.scrub(report) + '.py')} does not exist")
		for scope, filters in (
			(EVERYONE, {"from_date": from_date, "to_date": to_date}),
			(ONE_TEAM, {"from_date": from_date, "to_date": to_date, "team": team}),
		):
			report_seconds, result = timed(lambda: run_report(report, filters), args.runs)
			timing = {
				"what": f"{report} ({scope})",
				"seconds": report_seconds,
				"rows": rows_read(report, filters),
			}
			if floor:
				timing["floor"], floor_rows = timed(lambda: floor.floor(dict(filters)), args.runs)
				differences += [
					f"{report} ({scope}) on {args.site}: {line}"
					for line in compare(result, floor_rows, floor.COMPARED, floor.KEY)
				]
			timings.append(timing)
			print(progress(timing), file=sys.stderr, flush=True)
	views = desk_timings(args.runs) + coach_app_timings(args.runs)
	if not args.skip_install:
		views += install_timings(args.site)
	for timing in views:
		print(progress(timing), file=sys.stderr, flush=True)
	timings += views
	Path(args.measure_into).write_text(
		json.dumps(
			{
				"site": args.site,
				"team": team,
				"about": about_the_site(),
				"timings": timings,
				"differences": differences,
				"without_floor": without_floor,
			}
		)
	)


def floor_of(report: str):
	"""The report's floor module, perf/floors/<report_snake_name>.py, or None when there is none."""
	import frappe

	if not (FLOORS / f"{frappe.scrub(report)}.py").exists():
		return None
	# perf/ is not a package of the app: its floors are loaded as the package pts_coaching_floors.
	if "pts_coaching_floors" not in sys.modules:
		spec = importlib.util.spec_from_file_location(
			"pts_coaching_floors", FLOORS / "__init__.py", submodule_search_locations=[str(FLOORS)]
		)
		package = importlib.util.module_from_spec(spec)
		sys.modules["pts_coaching_floors"] = package
		spec.loader.exec_module(package)
	return importlib.import_module(f"pts_coaching_floors.{frappe.scrub(report)}")


def run_report(report: str, filters: dict) -> dict:
	from frappe.desk.query_report import run

	return run(report, filters=dict(filters), ignore_prepared_report=True)


def compare(result: dict, floor_rows: list[dict], compared: list[str], key) -> list[str]:
	"""Where a report's result (as frappe.desk.query_report.run gives it) and its floor's rows differ
	on the `compared` columns, rows matched on `key` (a fieldname, or a tuple of them): one line each,
	naming the key and both values. Numbers agree within ROUNDING."""
	keys = (key,) if isinstance(key, str) else tuple(key)
	lines = []

	def keyed(rows, whose) -> dict:
		by_key = {}
		for row in rows:
			row_key = tuple(plain(row.get(field)) for field in keys)
			if row_key in by_key:
				lines.append(f"{whose} has two rows for {describe(keys, row_key)}")
			by_key[row_key] = row
		return by_key

	report = keyed(report_rows(result), "the report")
	floor = keyed(floor_rows, "the floor")
	for row_key in sorted(report.keys() | floor.keys(), key=repr):
		if row_key not in floor:
			lines.append(f"{describe(keys, row_key)}: a row in the report only")
		elif row_key not in report:
			lines.append(f"{describe(keys, row_key)}: a row in the floor only")
		else:
			for column in compared:
				ours, theirs = plain(report[row_key].get(column)), plain(floor[row_key].get(column))
				if not agree(ours, theirs):
					lines.append(f"{describe(keys, row_key)}: {column}: report {ours!r}, floor {theirs!r}")
	return lines


def report_rows(result: dict) -> list[dict]:
	"""The report's rows as dicts by fieldname, however the report gave them."""
	fieldnames = [
		column.get("fieldname") if isinstance(column, dict) else column.split(":")[0]
		for column in result.get("columns") or []
	]
	return [
		row if isinstance(row, dict) else dict(zip(fieldnames, row, strict=False))
		for row in result.get("result") or []
	]


def plain(value):
	"""A value as both sides can be compared, and read: whole numbers as ints, dates as text."""
	if isinstance(value, Decimal | float) and math.isfinite(value) and value == int(value):
		return int(value)
	if isinstance(value, Decimal):
		return float(value)
	if isinstance(value, bool):
		return int(value)
	if isinstance(value, datetime | date):
		return value.isoformat()
	return value


def agree(ours, theirs) -> bool:
	numbers = (int, float)
	if isinstance(ours, numbers) and isinstance(theirs, numbers):
		return math.isclose(ours, theirs, rel_tol=1e-9, abs_tol=ROUNDING)
	return ours == theirs


def describe(keys: tuple, values: tuple) -> str:
	return ", ".join(f"{field}={value!r}" for field, value in zip(keys, values, strict=True))


def rows_read(report: str, filters: dict) -> int | None:
	"""How many rows of the doctypes the report reads are in its period (and its team)."""
	import frappe

	if report not in READS:
		return None
	total = 0
	for doctype, which, parent in READS[report]:
		where = which
		if filters.get("team"):
			where += f" and {in_team(doctype, parent)}"
		total += frappe.db.sql(f"select count(*) from `tab{doctype}` where {where}", filters)[0][0]
	return total


def in_team(doctype: str, parent: str | None) -> str:
	"""A condition on `doctype`'s rows: of people, relationships or coaches in %(team)s."""
	import frappe

	relationships = "select name from `tabCoaching Relationship` where team = %(team)s"
	if parent:
		return f"parent in (select name from `tab{parent}` where {in_team(parent, None)})"
	if doctype == "Coaching Relationship":
		return "team = %(team)s"
	meta = frappe.get_meta(doctype)
	if meta.has_field("relationship"):
		return f"relationship in ({relationships})"
	if meta.has_field("person"):
		return "person in (select person from `tabCoaching Relationship` where team = %(team)s)"
	return (
		"coach in (select user from `tabCoaching Team Member` where parent = %(team)s "
		"and parenttype = 'Coaching Team' union select lead from `tabCoaching Team` where name = %(team)s)"
	)


def timed(work, runs: int) -> tuple[list[float], object]:
	"""Seconds for each run, after one run to warm caches; and what the last run gave."""
	import frappe

	answer = work()
	seconds = []
	for _ in range(runs):
		started = time.perf_counter()
		answer = work()
		seconds.append(time.perf_counter() - started)
		frappe.db.rollback()
	return seconds, answer


def desk_timings(runs: int) -> list[dict]:
	"""Lists and a form as a coach, their lead and an analyst open them, and a save as the coach does it.
	A list opens with its first page and its count, as the desk asks for both. The demo has about 20
	conversations a person, so a person with 200 is made for the form, and taken away again afterwards."""
	import frappe
	from frappe.desk.reportview import get as reportview_get
	from frappe.desk.reportview import get_count
	from frappe.handler import get_attr

	# As the desk calls it: the app overrides the form's load to keep the timeline to what the user may read.
	getdoc = get_attr("frappe.desk.form.load.getdoc")

	coach = frappe.db.get_value("Coaching Relationship", {"phase": ("!=", "Ended")}, "coach", order_by="name")
	busiest = person_with_conversations(coach, 200)
	users = {
		"a coach": coach,
		"a lead": frappe.db.get_value("Coaching Team", busiest.team, "lead"),
		"an analyst": an_analyst_of_everyone(),
	}
	not_anonymised = [["Person", "anonymised_on", "is", "not set"]]
	by_channel = [["Coaching Conversation", "channel", "=", "Walk"]]

	def list_view(doctype, filters):
		frappe.local.form_dict = frappe._dict(
			doctype=doctype,
			fields=[f"`tab{doctype}`.`name`", f"`tab{doctype}`.`modified`"],
			filters=filters,
			order_by=f"`tab{doctype}`.`modified` desc",
			page_length=20,
			start=0,
		)
		first_page = reportview_get()
		# The desk's list view counts up to 1,001 and shows "1000+" until the count is clicked.
		frappe.local.form_dict = frappe._dict(doctype=doctype, filters=filters, limit=1001)
		return first_page, get_count()

	def save_a_conversation():
		frappe.get_doc(
			{"doctype": "Coaching Conversation", "relationship": busiest.name, "channel": "Text message"}
		).insert()

	def theirs(doctype, filters) -> int:
		return len(frappe.get_list(doctype, filters=filters, pluck="name", limit_page_length=0))

	timings = []
	try:
		for who, user in users.items():
			frappe.set_user(user)
			timings += [
				{
					"what": f"Person list and count, {who}'s, not anonymised",
					"seconds": timed(lambda: list_view("Person", not_anonymised), runs * 4)[0],
					"rows": theirs("Person", not_anonymised),
				},
				{
					"what": f"Coaching Conversation list and count, {who}'s, by channel",
					"seconds": timed(lambda: list_view("Coaching Conversation", by_channel), runs * 4)[0],
					"rows": theirs("Coaching Conversation", by_channel),
				},
				{
					"what": f"Person form with 200 conversations (getdoc), {who}'s",
					"seconds": timed(lambda: getdoc("Person", busiest.person), runs * 4)[0],
					"rows": 200,
				},
			]
		frappe.set_user(coach)
		timings.append(
			{"what": "Save a conversation", "seconds": timed(save_a_conversation, runs * 4)[0], "rows": 1}
		)
	finally:
		frappe.set_user("Administrator")
		frappe.db.rollback()
		take_away(busiest)
	return timings


def an_analyst_of_everyone() -> str:
	"""An analyst whom no User Permission keeps to a team or a partner."""
	import frappe

	limited = set(frappe.get_all("User Permission", pluck="user", distinct=True))
	return next(
		user
		for user in frappe.get_all(
			"Has Role", {"role": "PTS Analyst", "parenttype": "User"}, pluck="parent", order_by="parent"
		)
		if user not in limited and frappe.db.get_value("User", user, "enabled")
	)


def coach_app_timings(runs: int) -> list[dict]:
	"""The coach app's first loads (/coach): My people and a story, for a coach with 60 open
	relationships and a lead whose team has 600. The demo's busiest coach and lead are given that many,
	by moving other open relationships to them (committed, since each timed run is rolled back), and
	the moved relationships are put back afterwards."""
	import frappe

	from pts_coaching import coach_app

	timings = []
	for who, whose, how_many in (("a coach", "coach", 60), ("a lead", "lead", 600)):
		user, put_back = with_open_relationships(whose, how_many)
		frappe.set_user(user)
		try:
			people = coach_app.my_people()
			person = people[0]["person"]
			timings += [
				{
					"what": f"Coach app: My people, {who}'s",
					"seconds": timed(coach_app.my_people, runs)[0],
					"rows": len(people),
				},
				{
					"what": f"Coach app: a story, {who}'s",
					"seconds": timed(lambda: coach_app.story(person), runs * 4)[0],
					"rows": frappe.db.count("Coaching Conversation", {"person": person}),
				},
			]
			assert len(people) >= how_many, (who, len(people), how_many)
		finally:
			frappe.set_user("Administrator")
			put_back()
	return timings


def with_open_relationships(whose: str, how_many: int):
	"""The coach (or the lead, with their team) with the most open relationships, given `how_many` by
	moving others' to them; and what puts those back as they were."""
	import frappe
	from frappe.query_builder import Order
	from frappe.query_builder.functions import Count

	from pts_coaching.lifecycle import OPEN_PHASES

	relationship = frappe.qb.DocType("Coaching Relationship")
	team = frappe.qb.DocType("Coaching Team")
	is_open = relationship.phase.isin(list(OPEN_PHASES))
	if whose == "coach":
		user, held = (
			frappe.qb.from_(relationship)
			.select(relationship.coach, Count("*"))
			.where(is_open)
			.groupby(relationship.coach)
			.orderby(Count("*"), order=Order.desc)
			.limit(1)
		).run()[0]
		mine = relationship.coach == user
		moved = {"coach": user}
	else:
		user, their_team, held = (
			frappe.qb.from_(relationship)
			.join(team)
			.on(team.name == relationship.team)
			.select(team.lead, team.name, Count("*"))
			.where(is_open & team.lead.isnotnull())
			.groupby(team.lead, team.name)
			.orderby(Count("*"), order=Order.desc)
			.limit(1)
		).run()[0]
		mine = relationship.team == their_team
		moved = {"team": their_team}
	others = (
		frappe.qb.from_(relationship)
		.select(relationship.name)
		.where(is_open & ~mine)
		.orderby(relationship.name)
		.limit(max(how_many - held, 0))
	).run(pluck=True)
	[(field, value)] = moved.items()
	was = frappe.get_all("Coaching Relationship", {"name": ("in", others)}, ["name", field]) if others else []
	for row in was:
		frappe.db.set_value("Coaching Relationship", row.name, field, value, update_modified=False)
	frappe.db.commit()

	def put_back():
		for row in was:
			frappe.db.set_value("Coaching Relationship", row.name, field, row[field], update_modified=False)
		frappe.db.commit()

	return user, put_back


def person_with_conversations(coach: str, how_many: int):
	"""A relationship of `coach` with `how_many` conversations, saved as a coach saves them."""
	import frappe
	from frappe.utils import add_days, today

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
				"date": add_days(today(), -day),
			}
		).insert()
	frappe.set_user("Administrator")
	frappe.db.commit()
	return relationship


def take_away(relationship):
	import frappe

	for conversation in frappe.get_all(
		"Coaching Conversation", {"relationship": relationship.name}, pluck="name"
	):
		frappe.delete_doc("Coaching Conversation", conversation, force=True, ignore_permissions=True)
	frappe.delete_doc("Coaching Relationship", relationship.name, force=True, ignore_permissions=True)
	frappe.delete_doc("Person", relationship.person, force=True, ignore_permissions=True)
	frappe.db.commit()


def install_timings(site: str) -> list[dict]:
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
	return [
		{"what": "install-app on a fresh site", "seconds": [install]},
		{"what": "migrate with no changes", "seconds": [migrate]},
	]


def timed_once(work) -> float:
	started = time.perf_counter()
	work()
	return time.perf_counter() - started


def about_the_site() -> dict:
	import frappe

	return {
		"people": frappe.db.count("Person"),
		"conversations": frappe.db.count("Coaching Conversation"),
		"check_ins": frappe.db.count("Wellbeing Check-in"),
		"mariadb": frappe.db.sql("select version()")[0][0],
		"buffer_pool_mb": int(frappe.db.sql("select @@innodb_buffer_pool_size")[0][0]) // 2**20,
	}


def progress(timing: dict) -> str:
	floor = timing.get("floor")
	return f"{timing['what']}: {ms(statistics.median(timing['seconds']))}" + (
		f" (floor {ms(statistics.median(floor))})" if floor else ""
	)


# The second MariaDB, with a buffer pool of its own size


@contextlib.contextmanager
def site_on_a_second_server(site: str, buffer_pool: str, under: str, port: int):
	"""A copy of `site` (a site folder of its own) whose database is a copy in a second MariaDB with
	this buffer pool, otherwise set as the shared server is; both taken away afterwards."""
	with socket.socket() as probe:
		if probe.connect_ex(("127.0.0.1", port)) == 0:
			raise SystemExit(f"Port {port} is taken: choose another with --pool-port")
	config = site_config(site)
	workdir = Path(tempfile.mkdtemp(prefix="pts-bench-pool-", dir=under))
	copy = Path(f"pts-bench-pool.{site}")
	server = None
	try:
		print(f"A second MariaDB in {workdir}, port {port}, buffer pool {buffer_pool}", file=sys.stderr)
		server = start_second_server(workdir, port, buffer_pool)
		sock = str(workdir / "mysqld.sock")
		copy_database(config, sock)
		(copy / "logs").mkdir(parents=True)  # where Frappe writes the site's logs
		(copy / "site_config.json").write_text(
			json.dumps({**config_of_site(site), "db_host": "127.0.0.1", "db_port": port}, indent=1)
		)
		yield copy.name
	finally:
		shutil.rmtree(copy, ignore_errors=True)
		if server:
			stop_second_server(server, workdir)
		shutil.rmtree(workdir, ignore_errors=True)
		print("The second MariaDB is stopped and the copy taken away", file=sys.stderr)


def config_of_site(site: str) -> dict:
	return json.loads(Path(site, "site_config.json").read_text())


def site_config(site: str) -> dict:
	"""The site's database settings, as Frappe reads them (the site's over the bench's)."""
	common = Path("common_site_config.json")
	return {**(json.loads(common.read_text()) if common.exists() else {}), **config_of_site(site)}


def start_second_server(workdir: Path, port: int, buffer_pool: str) -> subprocess.Popen:
	data = workdir / "data"
	subprocess.run(
		[
			"mariadb-install-db",
			"--no-defaults",
			f"--datadir={data}",
			"--user=root",
			"--skip-test-db",
			"--auth-root-authentication-method=socket",
		],
		check=True,
		capture_output=True,
	)
	# The shared server's own settings, but for where it keeps its files and what it answers on.
	own = ("--user=", "--pid-file=", "--datadir=", "--port=", "--socket=", "--log-error=")
	settings = [
		setting
		for setting in subprocess.run(
			["my_print_defaults", "mysqld"], capture_output=True, text=True, check=True
		).stdout.split()
		if not setting.startswith(own)
	]
	server = subprocess.Popen(
		[
			"mariadbd",
			"--no-defaults",
			*settings,
			"--user=root",
			f"--datadir={data}",
			f"--port={port}",
			f"--socket={workdir / 'mysqld.sock'}",
			f"--pid-file={workdir / 'mysqld.pid'}",
			f"--log-error={workdir / 'error.log'}",
			f"--innodb-buffer-pool-size={buffer_pool}",
		],
		stdout=subprocess.DEVNULL,
		stderr=subprocess.DEVNULL,
	)
	deadline = time.monotonic() + 120
	while subprocess.run(
		["mariadb-admin", f"--socket={workdir / 'mysqld.sock'}", "-uroot", "ping"], capture_output=True
	).returncode:
		if server.poll() is not None or time.monotonic() > deadline:
			raise SystemExit(f"The second MariaDB did not start: see {workdir / 'error.log'}")
		time.sleep(0.5)
	return server


WRITES = "select @@innodb_flush_log_at_trx_commit, @@innodb_log_file_size"


def copy_database(config: dict, sock: str):
	"""The site's database, dumped from the shared server into the second one, with the site's user."""
	name, password = config["db_name"], config["db_password"]
	started = time.monotonic()
	second = ["mariadb", f"--socket={sock}", "-uroot"]
	with tempfile.NamedTemporaryFile("w", suffix=".cnf") as credentials:
		# The password in a file only we can read, not on a command line anyone can see.
		credentials.write(f"[client]\npassword={password}\n")
		credentials.flush()
		shared = [
			f"--defaults-extra-file={credentials.name}",
			f"--host={config.get('db_host', '127.0.0.1')}",
			f"--port={config.get('db_port', 3306)}",
			f"--user={name}",
		]
		how_the_shared_server_writes = subprocess.run(
			["mariadb", *shared, "-N", "-e", WRITES],
			capture_output=True,
			text=True,
			check=True,
		).stdout.split()
		setup = (
			# The copy is thrown away: while it loads, no need to make each write safe on disk, and a
			# larger redo log saves checkpoints (both set back as the shared server has them, below).
			"set global innodb_flush_log_at_trx_commit = 0;"
			"set global innodb_log_file_size = 1024 * 1024 * 1024;"
			f"create database `{name}` character set utf8mb4 collate utf8mb4_unicode_ci;"
			f"create user '{name}'@'%' identified by '{password}';"
			f"create user '{name}'@'localhost' identified by '{password}';"
			f"grant all privileges on `{name}`.* to '{name}'@'%';"
			f"grant all privileges on `{name}`.* to '{name}'@'localhost';"
		)
		subprocess.run(second, input=setup, text=True, check=True)
		dump = subprocess.Popen(
			[
				"mariadb-dump",
				*shared,
				"--single-transaction",
				"--quick",
				"--skip-lock-tables",
				"--default-character-set=utf8mb4",
				name,
			],
			stdout=subprocess.PIPE,
		)
		load = subprocess.run([*second, "--default-character-set=utf8mb4", name], stdin=dump.stdout)
		dump.stdout.close()
		if dump.wait() or load.returncode:
			raise SystemExit("Copying the database into the second MariaDB failed")
	flush, log_size = how_the_shared_server_writes
	subprocess.run(
		[
			*second,
			"-e",
			f"set global innodb_flush_log_at_trx_commit = {int(flush)};"
			f"set global innodb_log_file_size = {int(log_size)};",
		],
		check=True,
	)
	print(f"Copied {name} in {time.monotonic() - started:.0f} s", file=sys.stderr)


def stop_second_server(server: subprocess.Popen, workdir: Path):
	subprocess.run(
		["mariadb-admin", f"--socket={workdir / 'mysqld.sock'}", "-uroot", "shutdown"], capture_output=True
	)
	try:
		server.wait(timeout=120)
	except subprocess.TimeoutExpired:
		server.kill()
		server.wait()


# The table


def render(results: dict, args) -> str:
	main = results["default pool"]
	about = main["about"]
	lines = [
		"# Benchmark",
		"",
		f"Site {main['site']}: {about['people']:,} people, {about['conversations']:,} conversations, "
		f"{about['check_ins']:,} check-ins; one team is {main['team']}. Machine: {machine()}, Python "
		f"{platform.python_version()}, MariaDB {about['mariadb']} with a {about['buffer_pool_mb']:,} MB "
		"buffer pool.",
		"",
		"Median and p95 over the runs; floor: the fastest SQL for the report's table (perf/floors/); "
		"ratio: the report's median over its floor's; rows: the rows of the doctypes it reads, in the "
		"period (for the lists, the coach's).",
		"",
	]
	pooled = results.get("sized pool")
	if pooled:
		lines += [
			f"Sized pool: the same, on a copy in a second MariaDB with a "
			f"{pooled['about']['buffer_pool_mb']:,} MB buffer pool.",
			"",
			"| what | rows | median | p95 | floor | ratio | sized pool: median | floor | ratio |",
			"| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
		]
	else:
		lines += [
			"| what | rows | median | p95 | floor | ratio |",
			"| --- | ---: | ---: | ---: | ---: | ---: |",
		]
	in_pool = {timing["what"]: timing for timing in pooled["timings"]} if pooled else {}
	for timing in main["timings"]:
		cells = [timing["what"], count(timing.get("rows")), *figures(timing, with_p95=True)]
		if pooled:
			cells += figures(in_pool[timing["what"]]) if timing["what"] in in_pool else ["", "", ""]
		lines.append(f"| {' | '.join(cells)} |")
	if results.get("small site"):
		lines += ["", *growth(results["small site"], main, pooled)]
	without = sorted({report for result in results.values() for report in result["without_floor"]})
	differences = [line for result in results.values() for line in result["differences"]]
	if without:
		lines += ["", f"No floor yet (timed alone): {', '.join(without)}."]
	if differences:
		lines += [
			"",
			"**Reports that differ from their floors:**",
			"",
			*(f"- {line}" for line in differences),
		]
	return "\n".join(lines) + "\n"


def figures(timing: dict, with_p95: bool = False) -> list[str]:
	seconds = timing["seconds"]
	median = statistics.median(seconds)
	p95 = sorted(seconds)[max(0, round(0.95 * len(seconds)) - 1)]
	floor = statistics.median(timing["floor"]) if timing.get("floor") else None
	cells = [ms(median), *([ms(p95)] if with_p95 else [])]
	return cells + ([ms(floor), f"{median / floor:.1f}×"] if floor else ["", ""])


def growth(small: dict, large: dict, pooled: dict | None = None) -> list[str]:
	"""How much longer each report and list takes on the large site than on the small one, next to how
	many more rows it reads there. The small site's data fits the default pool, so beside the sized
	pool's time on the large site the growth is of the work alone, not of reading from disk too."""
	before = {timing["what"]: timing for timing in small["timings"]}
	in_pool = {timing["what"]: timing for timing in pooled["timings"]} if pooled else {}
	lines = [
		f"**Growth** from {small['site']} ({small['about']['people']:,} people) to {large['site']} "
		f"({large['about']['people']:,}): the time on the large site over the time on the small one, "
		"next to the same for the rows read; "
		f"⚠ where time grows more than {FASTER_THAN_ROWS}× as much as the rows"
		+ (" with the sized pool." if pooled else "."),
		"",
		"| what | small | large | time grows |"
		+ (" sized pool: large | time grows |" if pooled else "")
		+ " rows small | rows large | rows grow | |",
		"| --- | ---: | ---: | ---: |" + (" ---: | ---: |" if pooled else "") + " ---: | ---: | ---: | --- |",
	]
	for timing in large["timings"]:
		was = before.get(timing["what"])
		if not was or not timing.get("rows") or not was.get("rows"):
			continue
		then = statistics.median(was["seconds"])
		times = [statistics.median(timing["seconds"])]
		if pooled:
			times.append(
				statistics.median(in_pool[timing["what"]]["seconds"]) if timing["what"] in in_pool else None
			)
		rows_grow = timing["rows"] / was["rows"]
		cells = [timing["what"], ms(then)]
		for now in times:
			cells += [ms(now), f"{now / then:.1f}×"] if now else ["", ""]
		judged = times[-1] or times[0]
		flag = "⚠ grows faster than its rows" if judged / then > FASTER_THAN_ROWS * rows_grow else ""
		cells += [count(was["rows"]), count(timing["rows"]), f"{rows_grow:.1f}×", flag]
		lines.append(f"| {' | '.join(cells)} |")
	return lines


def count(rows) -> str:
	return "" if rows is None else f"{rows:,}"


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
