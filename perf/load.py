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
PASSWORD = "Load-test-coach-2026"
MARIADB_START = ["start-stop-daemon", "--start", "--oknodo", "--background", "--exec", "/usr/sbin/mariadbd"]


def main():
	args = parse_args()
	frappe.init(site=args.site, sites_path=".")
	frappe.connect()
	work = Path(tempfile.mkdtemp(prefix="pts-load-"))
	coaches = prepare_coaches(args.users)
	(work / "coaches.json").write_text(json.dumps(coaches))
	frappe.db.commit()

	port = free_port()
	server = subprocess.Popen(
		[
			*(str(Path(sys.executable).parent / "gunicorn"), "-b", f"127.0.0.1:{port}"),
			*("-w", str(args.workers), "-t", "120", "frappe.app:application"),
		],
		stdout=open(work / "gunicorn.log", "w"),
		stderr=subprocess.STDOUT,
	)
	try:
		wait_for(f"http://127.0.0.1:{port}/api/method/ping")
		restart = None
		if args.restart_mariadb_after:
			restart = threading.Thread(
				target=restart_mariadb, args=(args.restart_mariadb_after, work), daemon=True
			)
			restart.start()
		run_locust(args, port, work)
		if restart:
			restart.join()
		served_again = serves(f"http://127.0.0.1:{port}", coaches[0])
	finally:
		server.terminate()
		server.wait(timeout=60)

	frappe.db.connect()
	report = summarise(work, args, served_again)
	print(report)
	out = HERE / ("faults-latest.md" if args.restart_mariadb_after else "load-latest.md")
	out.write_text(report)
	print(f"written to {out}")


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
	"""Coaches with relationships of their own, signed in with a known password; the people each
	may see are worked out as that coach, by the app's own rules."""
	from frappe.utils.password import update_password

	relationship = frappe.qb.DocType("Coaching Relationship")
	has_role = frappe.qb.DocType("Has Role")
	emails = (
		frappe.qb.from_(relationship)
		.join(has_role)
		.on((has_role.parent == relationship.coach) & (has_role.role == "PTS Coach"))
		.select(relationship.coach)
		.distinct()
		.orderby(relationship.coach)
		.limit(how_many)
	).run(pluck=True)
	if len(emails) < how_many:
		sys.exit(f"The site has {len(emails)} coaches with relationships; make demo data first.")
	coaches = []
	for email in emails:
		update_password(email, PASSWORD)
		frappe.set_user(email)
		people = frappe.get_list("Person", pluck="name", limit_page_length=0)
		frappe.set_user("Administrator")
		relationships = frappe.get_all(
			"Coaching Relationship", {"coach": email, "phase": ("!=", "Ended")}, ["name", "person"], limit=50
		)
		coaches.append(
			{
				"email": email,
				"password": PASSWORD,
				"people": people,
				"relationships": [[r.name, r.person] for r in relationships],
			}
		)
	return coaches


def run_locust(args, port, work):
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
			*("--host", f"http://127.0.0.1:{port}", "--csv", str(work / "locust")),
		],
		env={
			**os.environ,
			"PTS_LOAD_COACHES": str(work / "coaches.json"),
			"PTS_LOAD_LEDGER": str(work / "ledger.tsv"),
		},
		check=False,
	)


def restart_mariadb(after: int, work: Path):
	time.sleep(after)
	started = time.monotonic()
	subprocess.run(["mysqladmin", "-uroot", "shutdown"], check=False)
	subprocess.run(MARIADB_START, check=True)
	while subprocess.run(["mysql", "-uroot", "-e", "select 1"], capture_output=True).returncode:
		time.sleep(0.5)
	(work / "restart.txt").write_text(
		f"MariaDB was down for {time.monotonic() - started:.1f} s, {after} s in\n"
	)


def serves(url: str, coach: dict) -> bool:
	"""After the run, with nothing restarted: does a coach sign in and open their people?"""
	import http.cookiejar

	opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
	body = f"usr={coach['email']}&pwd={coach['password']}".encode()
	try:
		opener.open(f"{url}/api/method/login", data=body, timeout=30)
		return opener.open(f"{url}/api/resource/Person", timeout=30).status == 200
	except OSError:
		return False


def summarise(work: Path, args, served_again: bool) -> str:
	with open(work / "locust_stats.csv") as stats_file:
		stats = list(csv.DictReader(stats_file))
	ledger = [line.split("\t") for line in (work / "ledger.tsv").read_text().splitlines()]
	field = {"Coaching Conversation": "next_if_they_want", "Wellbeing Check-in": "comment"}
	lost = duplicated = 0
	for doctype, marker in ledger:
		found = frappe.db.count(doctype, {field[doctype]: marker})
		lost += found == 0
		duplicated += found > 1
	rows = [
		"| request | count | failures | req/s | p50 ms | p95 ms | p99 ms |",
		"| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
	]
	for row in stats:
		rows.append(
			f"| {row['Name']} | {row['Request Count']} | {row['Failure Count']} | {float(row['Requests/s']):.1f} "
			f"| {row['50%']} | {row['95%']} | {row['99%']} |"
		)
	lines = [
		f"# {'Faults: MariaDB restarted during load' if args.restart_mariadb_after else 'Load'}",
		"",
		f"{args.users} coaches, each signed in as themselves, for {args.minutes} minutes against gunicorn with "
		f"{args.workers} workers on 127.0.0.1 ({os.cpu_count()} cores). Site: {args.site}.",
		"",
		*rows,
		"",
		f"- saves the server confirmed: {len(ledger)}; lost: {lost}; written twice: {duplicated}",
		"- a coach shown someone they do not coach: counted as a failure of 'people list' above",
		f"- served again afterwards, with nothing restarted: {'yes' if served_again else 'NO'}",
	]
	if (work / "restart.txt").exists():
		lines.append(f"- {(work / 'restart.txt').read_text().strip()}")
	return "\n".join(lines) + "\n"


def free_port() -> int:
	with socket.socket() as free:
		free.bind(("127.0.0.1", 0))
		return free.getsockname()[1]


def wait_for(url: str):
	for _ in range(120):
		try:
			urllib.request.urlopen(url, timeout=2)
			return
		except OSError:
			time.sleep(0.5)
	sys.exit(f"gunicorn did not answer at {url}")


if __name__ == "__main__":
	main()
