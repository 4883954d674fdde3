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

HERE = Path(__file__).resolve().parent
FRAPPE_CLI = [sys.executable, "-m", "frappe.utils.bench_helper", "frappe"]

# The same arithmetic as each report, as one hand-made query: the yardstick for the report's time.
REPORT_SQL: dict[str, str] = {}


def main():
	args = parse_args()
	frappe.init(site=args.site, sites_path=".")
	frappe.connect()
	rows = []
	team = frappe.db.get_value("Coaching Team", {}, "name", order_by="name")
	for report in frappe.get_all(
		"Report", {"module": "PTS Coaching", "report_type": "Script Report"}, pluck="name"
	):
		for label, filters in (("default filters", {}), (f"team {team}", {"team": team})):
			report_time = timed(lambda: run_report(report, filters), args.runs)
			sql = REPORT_SQL.get(report)
			sql_time = (
				timed(lambda: frappe.db.sql(sql, {"team": filters.get("team")}), args.runs) if sql else None
			)
			rows.append((f"{report} ({label})", report_time, sql_time))
	rows += desk_timings(args.runs)
	rows += install_timings(args.site)
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

	frappe.clear_cache(doctype="Report")
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
	from frappe.desk.form.load import getdoc
	from frappe.desk.reportview import get as reportview_get

	relationship = frappe.qb.DocType("Coaching Relationship")
	busiest = (
		frappe.qb.from_(relationship)
		.select(relationship.name, relationship.person, relationship.coach)
		.where(relationship.contact_count >= 200)
		.orderby(relationship.contact_count)
		.limit(1)
	).run(as_dict=True)
	if not busiest:
		sys.exit("No relationship has 200 conversations: make more demo data.")
	busiest = busiest[0]
	frappe.set_user(busiest.coach)

	def list_view(doctype, filters):
		frappe.local.form_dict = frappe._dict(
			doctype=doctype, fields=[f"`tab{doctype}`.`name`"], filters=filters, page_length=20, start=0
		)
		return reportview_get()

	def save_a_conversation():
		frappe.get_doc(
			{"doctype": "Coaching Conversation", "relationship": busiest.name, "channel": "Text message"}
		).insert()

	rows = [
		("Person list, first page, a coach's", timed(lambda: list_view("Person", []), runs * 4), None),
		(
			"Coaching Conversation list, filtered by channel",
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
	frappe.set_user("Administrator")
	return rows


def install_timings(site: str) -> list[tuple]:
	scratch = f"pts-bench-install.{site}"
	root = ["--db-root-username", os.environ.get("PTS_DB_ROOT_USER", "root")]
	if os.environ.get("PTS_DB_ROOT_PASSWORD"):
		root += ["--db-root-password", os.environ["PTS_DB_ROOT_PASSWORD"]]

	def bench(*a):
		return subprocess.run([*FRAPPE_CLI, *a], input="\n", capture_output=True, text=True, check=True)

	bench("new-site", scratch, "--force", "--admin-password", "admin", *root)
	install = timed_once(lambda: bench("--site", scratch, "install-app", "pts_coaching"))
	migrate = timed_once(lambda: bench("--site", scratch, "migrate"))
	bench("drop-site", scratch, "--force", "--no-backup", *root)
	return [("install-app on a fresh site", [install], None), ("migrate with no changes", [migrate], None)]


def timed_once(work) -> float:
	started = time.perf_counter()
	work()
	return time.perf_counter() - started


def render(rows, args) -> str:
	lines = [
		"# Benchmark",
		"",
		f"Site {args.site}: {frappe.db.count('Person'):,} people, {frappe.db.count('Coaching Conversation'):,} "
		f"conversations, {frappe.db.count('Wellbeing Check-in'):,} check-ins. Machine: {platform.processor() or platform.machine()}, "
		f"{os.cpu_count()} cores, Python {platform.python_version()}, MariaDB {frappe.db.sql('select version()')[0][0]}.",
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


def ms(seconds: float) -> str:
	return f"{seconds * 1000:,.0f} ms" if seconds < 10 else f"{seconds:,.1f} s"


if __name__ == "__main__":
	main()
