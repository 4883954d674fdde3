"""Load test: 50 coaches at once against gunicorn on 127.0.0.1, then a check of the database.

	cd ~/frappe-bench/sites && ../env/bin/python /path/to/pts_coaching/perf/load.py --site SITE
	    [--users 50] [--minutes 2] [--workers 4] [--restart-mariadb-after SECONDS]

The site needs demo data (bench --site SITE pts-coaching-demo). Locust runs in its own virtualenv
(perf/.venv, made on first use) so that it never changes the bench's packages. With
--restart-mariadb-after, MariaDB is restarted that many seconds in: requests in flight fail, and the
check afterwards shows the app served again without a restart of the bench and that nothing was lost or
written twice.
"""

import argparse
import contextlib
import csv
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import frappe

HERE = Path(__file__).resolve().parent
MARIADB_START = ["start-stop-daemon", "--start", "--oknodo", "--background", "--exec", "/usr/sbin/mariadbd"]
# Other work on this machine shares MariaDB: while this file exists, it must not be restarted.
HOLD = Path("/tmp/pts-hold-services")


def main():
	args = parse_args()
	frappe.init(site=args.site, sites_path=".")
	frappe.connect()
	work = Path(tempfile.mkdtemp(prefix="pts-load-"))
	coaches = prepare_coaches(args.users)
	(work / "coaches.json").write_text(json.dumps(coaches))
	(work / "started").write_text(str(frappe.utils.now_datetime()))
	frappe.db.commit()

	restart = None
	with gunicorn(args.site, args.workers, work) as url:
		try:
			if args.restart_mariadb_after:
				restart = threading.Thread(
					target=restart_mariadb, args=(args.restart_mariadb_after, work), daemon=True
				)
				restart.start()
			run_locust(args, url, work)
			if restart:
				restart.join()
			served_again = serves(url, args.site, coaches[0])
		finally:
			if restart:
				restart.join()
			mariadb_up()

	frappe.db.connect()
	report = summarise(work, args, served_again)
	print(report)
	out = HERE / ("faults-latest.md" if args.restart_mariadb_after else "load-latest.md")
	out.write_text(report)
	print(f"written to {out} (work files in {work})")


def parse_args():
	parser = argparse.ArgumentParser(
		description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
	)
	parser.add_argument("--site", required=True)
	parser.add_argument("--users", type=int, default=50)
	parser.add_argument("--minutes", type=float, default=2)
	parser.add_argument("--workers", type=int, default=4)
	parser.add_argument("--restart-mariadb-after", type=int, default=0)
	return parser.parse_args()


def prepare_coaches(how_many: int) -> list[dict]:
	"""Coaches (and only coaches: no lead, analyst or manager role) with relationships going on, and
	the people each may see, worked out here in SQL from the rule in the README (their own, those
	their team shares with them, those they added) rather than by the app's code under test."""
	from pts_coaching.demo import DEMO_PASSWORD

	emails = frappe.db.sql_list(
		"""select distinct r.coach from `tabCoaching Relationship` r
		join `tabHas Role` coach on coach.parent = r.coach and coach.role = 'PTS Coach'
		join `tabUser` u on u.name = r.coach and u.enabled = 1
		where r.coach like '%%@demo.example.org' and r.phase != 'Ended'
			and not exists (select 1 from `tabHas Role` other where other.parent = r.coach
				and other.role in ('PTS Coaching Lead', 'PTS Analyst', 'System Manager'))
		order by r.coach limit %(how_many)s""",
		{"how_many": how_many},
	)
	if len(emails) < how_many:
		sys.exit(f"The site has {len(emails)} demo coaches with relationships; make demo data first.")
	coaches = []
	for email in emails:
		people = frappe.db.sql_list(
			"""select r.person from `tabCoaching Relationship` r where r.coach = %(coach)s
			union select r.person from `tabCoaching Relationship` r where r.share_with_team = 1
				and r.team in (select m.parent from `tabCoaching Team Member` m
					where m.user = %(coach)s and m.parenttype = 'Coaching Team'
					union select t.name from `tabCoaching Team` t where t.lead = %(coach)s)
			union select p.name from `tabPerson` p where p.owner = %(coach)s""",
			{"coach": email},
		)
		relationships = frappe.get_all(
			"Coaching Relationship", {"coach": email, "phase": ("!=", "Ended")}, ["name", "person"], limit=50
		)
		someone_else = frappe.db.sql_list(
			"select name from `tabPerson` where name not in %(people)s order by name limit 20",
			{"people": people},
		)
		coaches.append(
			{
				"email": email,
				"password": DEMO_PASSWORD,
				"people": people,
				"relationships": [[r.name, r.person] for r in relationships],
				"not_mine": someone_else,
			}
		)
	return coaches


@contextlib.contextmanager
def gunicorn(site: str, workers: int, work: Path):
	"""The bench served by gunicorn on 127.0.0.1, as in production; yields its address."""
	port = free_port()
	# The bench's own Python, not the gunicorn script: a bench copied from another keeps that bench's
	# path in its scripts' first line.
	server = subprocess.Popen(
		[
			*(sys.executable, "-m", "gunicorn", "-b", f"127.0.0.1:{port}"),
			*("-w", str(workers), "-t", "120", "frappe.app:application"),
		],
		stdout=open(work / "gunicorn.log", "w"),
		stderr=subprocess.STDOUT,
	)
	try:
		wait_for(f"http://127.0.0.1:{port}/api/method/ping", site)
		yield f"http://127.0.0.1:{port}"
	finally:
		server.terminate()
		server.wait(timeout=60)


def run_locust(args, url, work):
	venv = HERE / ".venv"
	if not (venv / "bin" / "locust").exists():
		subprocess.run(["python3", "-m", "venv", str(venv)], check=True)
		subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "locust"], check=True)
	subprocess.run(
		[
			*(
				str(venv / "bin" / "locust"),
				"-f",
				str(HERE / "locustfile.py"),
				"--headless",
				"--only-summary",
			),
			*("-u", str(args.users), "-r", "10", "-t", f"{int(args.minutes * 60)}s", "--stop-timeout", "30"),
			*("--host", url, "--csv", str(work / "locust")),
		],
		env={
			**os.environ,
			"PTS_LOAD_COACHES": str(work / "coaches.json"),
			"PTS_LOAD_LEDGER": str(work / "ledger.tsv"),
			# gunicorn serves every site of the bench: the request says which.
			"PTS_LOAD_SITE": args.site,
		},
		check=False,
	)


def restart_mariadb(after: int, work: Path):
	time.sleep(after)
	while HOLD.exists():
		print(f"{HOLD} exists: waiting before restarting MariaDB", flush=True)
		time.sleep(30)
	started = time.monotonic()
	try:
		subprocess.run(["mysqladmin", "-uroot", "shutdown"], check=False)
	finally:
		mariadb_up()
	(work / "restart.txt").write_text(
		f"MariaDB was shut down {after} s in and answered again {time.monotonic() - started:.1f} s later"
	)


def mariadb_up():
	"""Start MariaDB if it is not running, and wait until it answers."""
	if subprocess.run(["mysql", "-uroot", "-e", "select 1"], capture_output=True).returncode == 0:
		return
	subprocess.run(MARIADB_START, check=True)
	for _ in range(240):
		if subprocess.run(["mysql", "-uroot", "-e", "select 1"], capture_output=True).returncode == 0:
			return
		time.sleep(0.5)
	raise RuntimeError("MariaDB did not come back within 2 minutes")


def serves(url: str, site: str, coach: dict) -> bool:
	"""After the run, with nothing restarted: does a coach sign in and open their people?"""
	import http.cookiejar

	opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
	opener.addheaders = [("X-Frappe-Site-Name", site)]
	body = f"usr={coach['email']}&pwd={coach['password']}".encode()
	try:
		opener.open(f"{url}/api/method/login", data=body, timeout=30)
		return opener.open(f"{url}/api/resource/Person", timeout=30).status == 200
	except OSError:
		return False


def summarise(work: Path, args, served_again: bool) -> str:
	with open(work / "locust_stats.csv") as stats_file:
		stats = list(csv.DictReader(stats_file))
	attempts = [line.split("\t") for line in (work / "ledger.tsv").read_text().splitlines()]
	confirmed = [
		(doctype, coach, marker) for doctype, coach, marker, outcome in attempts if outcome == "saved"
	]
	failed = [(doctype, coach, marker) for doctype, coach, marker, outcome in attempts if outcome != "saved"]
	since = (work / "started").read_text()
	lost, duplicated, not_theirs = check_saved(confirmed, since)
	kept_after_error, _, _ = check_saved(failed, since)
	half_written = half_written_check_ins(attempts, since) + contact_counts_out_of_step(attempts, since)
	rows = [
		"| request | count | failures | req/s | p50 ms | p95 ms | p99 ms |",
		"| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
	]
	for row in stats:
		rows.append(
			f"| {row['Name'] if row['Name'] != 'Aggregated' else '**all**'} | {row['Request Count']} "
			f"| {row['Failure Count']} | {float(row['Requests/s']):.1f} "
			f"| {row['50%']} | {row['95%']} | {row['99%']} |"
		)
	lines = [
		f"# {'Faults: MariaDB restarted during load' if args.restart_mariadb_after else 'Load'}",
		"",
		f"{args.users} coaches, each signed in as themselves, for {args.minutes:g} minutes against gunicorn "
		f"with {args.workers} workers on 127.0.0.1 ({os.cpu_count()} cores, the load generator on the same "
		f"machine). Site: {args.site}.",
		"",
		*rows,
		"",
		f"- saves the server confirmed: {len(confirmed)}; lost: {len(lost)}; written twice: {len(duplicated)}; "
		f"saved under someone else's relationship: {len(not_theirs)}",
		f"- saves that failed: {len(failed)}; of those, in the database all the same: "
		f"{len(failed) - len(kept_after_error)}",
		f"- half-written records (a check-in without its answers, a relationship whose contact count is "
		f"out of step with its conversations): {half_written}",
		"- a coach shown someone they may not see (in the people list, or by opening another coach's "
		"person): counted as a failure above, under 'people list' and 'someone else's person'",
		f"- served again afterwards, with nothing restarted: {'yes' if served_again else 'NO'}",
	]
	if (work / "restart.txt").exists():
		lines.append(f"- {(work / 'restart.txt').read_text().strip()}")
	if (work / "locust_failures.csv").exists():
		with open(work / "locust_failures.csv") as failures_file:
			failures = list(csv.DictReader(failures_file))
		if failures:
			lines += ["", "| failed request | error | times |", "| --- | --- | ---: |"]
			lines += [
				f"| {f['Name']} | {f['Error'][:120].replace('|', '/')} | {f['Occurrences']} |"
				for f in failures
			]
	return "\n".join(lines) + "\n"


MARKER_FIELD = {"Coaching Conversation": "next_if_they_want", "Wellbeing Check-in": "comment"}


def check_saved(saves, since) -> tuple[list, list, list]:
	"""Of these saves, the ones not in the database, the ones in it more than once, and the ones saved
	under a relationship that is not the coach's. Records changed since the run began are read once,
	by the `modified` index: the markers' fields have none."""
	found: dict[str, list[str]] = {}
	for doctype, field in MARKER_FIELD.items():
		for marker, coach in frappe.db.sql(
			f"""select record.`{field}`, relationship.coach from `tab{doctype}` record
			left join `tabCoaching Relationship` relationship on relationship.name = record.relationship
			where record.modified >= %(since)s""",
			{"since": since},
		):
			found.setdefault(marker, []).append(coach)
	lost = [marker for _, _, marker in saves if marker not in found]
	duplicated = [marker for _, _, marker in saves if len(found.get(marker, ())) > 1]
	not_theirs = [marker for _, coach, marker in saves if any(c != coach for c in found.get(marker, ()))]
	return lost, duplicated, not_theirs


def half_written_check_ins(attempts, since) -> int:
	markers = [marker for doctype, _, marker, _ in attempts if doctype == "Wellbeing Check-in"]
	if not markers:
		return 0
	return len(
		frappe.db.sql(
			"""select c.name from `tabWellbeing Check-in` c
			left join `tabWellbeing Answer` a on a.parent = c.name and a.parenttype = 'Wellbeing Check-in'
			where c.modified >= %(since)s and c.comment in %(markers)s
			group by c.name having count(a.name) != 4""",
			{"markers": markers, "since": since},
		)
	)


def contact_counts_out_of_step(attempts, since) -> int:
	markers = [marker for doctype, _, marker, _ in attempts if doctype == "Coaching Conversation"]
	if not markers:
		return 0
	return len(
		frappe.db.sql(
			"""select r.name from `tabCoaching Relationship` r
			where r.name in (select relationship from `tabCoaching Conversation`
				where modified >= %(since)s and next_if_they_want in %(markers)s)
			and r.contact_count != (select count(*) from `tabCoaching Conversation` c
				where c.relationship = r.name)""",
			{"markers": markers, "since": since},
		)
	)


def free_port() -> int:
	with socket.socket() as free:
		free.bind(("127.0.0.1", 0))
		return free.getsockname()[1]


def wait_for(url: str, site: str):
	for _ in range(120):
		try:
			urllib.request.urlopen(
				urllib.request.Request(url, headers={"X-Frappe-Site-Name": site}), timeout=2
			)
			return
		except OSError:
			time.sleep(0.5)
	sys.exit(f"gunicorn did not answer at {url}")


if __name__ == "__main__":
	main()
