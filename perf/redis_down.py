"""What a coach sees while Redis is down: gunicorn serving the site, a coach signed in, then Redis stopped.

	cd ~/frappe-bench/sites && ../env/bin/python /path/to/pts_coaching/perf/redis_down.py --site SITE

With Redis stopped, the coach (already signed in) saves a conversation and opens their people; another
coach signs in; then Redis is started again and the coach saves once more. Each answer is timed and
said as the coach sees it, and the database is checked for every save the server confirmed. Redis is
always started again, even if this script fails. Other work on this machine shares Redis: while
/tmp/pts-hold-services exists, it waits.
"""

import argparse
import json
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import frappe
import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import HERE, HOLD, gunicorn, prepare_coaches

REDIS_START = [
	*("redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "-::1", "--port", "6379"),
	*("--save", "", "--appendonly", "no", "--dir", "/var/lib/redis", "--logfile", "/var/log/redis/ci.log"),
]


def main():
	parser = argparse.ArgumentParser(
		description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
	)
	parser.add_argument("--site", required=True)
	args = parser.parse_args()
	frappe.init(site=args.site, sites_path=".")
	frappe.connect()
	first, second = prepare_coaches(2)
	frappe.db.commit()
	work = Path(tempfile.mkdtemp(prefix="pts-redis-"))
	steps, confirmed = [], []
	with gunicorn(args.site, 2, work) as url:
		coach = signed_in(url, args.site, first)
		steps.append(("Redis up: save a conversation", *save(coach, url, first, confirmed)))
		while HOLD.exists():
			print(f"{HOLD} exists: waiting before stopping Redis", flush=True)
			time.sleep(30)
		try:
			subprocess.run(["redis-cli", "shutdown", "nosave"], check=False, capture_output=True)
			steps.append(("Redis down: save a conversation", *save(coach, url, first, confirmed)))
			steps.append(("Redis down: open their people", *people(coach, url)))
			steps.append(("Redis down: another coach signs in", *sign_in(url, args.site, second)))
			steps.append(
				("Redis down: open Contact Rhythm (a Prepared Report)", *prepared_report(coach, url))
			)
		finally:
			redis_up()
		steps.append(("Redis back: save a conversation", *save(coach, url, first, confirmed)))
		steps.append(("Redis back: another coach signs in", *sign_in(url, args.site, second)))
	frappe.db.rollback()
	# Prepared Reports this script asked for: what became of them, and then taken away again.
	asked_for = frappe.get_all(
		"Prepared Report", {"filters": ("like", '%"benchmark"%')}, ["name", "status", "error_message"]
	)
	for prepared in asked_for:
		frappe.delete_doc("Prepared Report", prepared.name, force=True, ignore_permissions=True)
	frappe.db.commit()
	kept = sum(
		frappe.db.count("Coaching Conversation", {"next_if_they_want": marker}) == 1 for marker in confirmed
	)
	lines = [
		"# Faults: Redis stopped",
		"",
		f"Site {args.site}, gunicorn with 2 workers on 127.0.0.1; a coach signed in before Redis stopped.",
		"",
		"| step | HTTP status | seconds | what the coach is told |",
		"| --- | ---: | ---: | --- |",
		*(f"| {what} | {status} | {seconds:.2f} | {said} |" for what, status, seconds, said in steps),
		"",
		f"- saves the server confirmed: {len(confirmed)}; in the database exactly once: {kept}",
		f"- Redis answering again at the end: {'yes' if redis_answers() else 'NO'}",
		*(f"- Prepared Report asked for with Redis down: {p.status}" for p in asked_for),
	]
	report = "\n".join(lines) + "\n"
	print(report)
	(HERE / "redis-down-latest.md").write_text(report)


def signed_in(url: str, site: str, coach: dict) -> requests.Session:
	session = requests.Session()
	session.headers.update({"X-Frappe-Site-Name": site, "Accept": "application/json"})
	session.post(
		f"{url}/api/method/login", data={"usr": coach["email"], "pwd": coach["password"]}, timeout=60
	)
	return session


def save(session: requests.Session, url: str, coach: dict, confirmed: list) -> tuple:
	marker = uuid.uuid4().hex
	status, seconds, said = timed(
		lambda: session.post(
			f"{url}/api/resource/Coaching Conversation",
			json={
				"relationship": coach["relationships"][0][0],
				"channel": "Text message",
				"next_if_they_want": marker,
			},
			timeout=60,
		)
	)
	if status == 200:
		confirmed.append(marker)
	return status, seconds, said


def people(session: requests.Session, url: str) -> tuple:
	return timed(
		lambda: session.get(f"{url}/api/resource/Person", params={"limit_page_length": 20}, timeout=60)
	)


def prepared_report(session: requests.Session, url: str) -> tuple:
	"""A Prepared Report runs in a background job, which goes through Redis."""
	return timed(
		lambda: session.post(
			f"{url}/api/method/frappe.core.doctype.prepared_report.prepared_report.make_prepared_report",
			json={"report_name": "Contact Rhythm", "filters": {"benchmark": uuid.uuid4().hex}},
			timeout=60,
		)
	)


def sign_in(url: str, site: str, coach: dict) -> tuple:
	session = requests.Session()
	session.headers.update({"X-Frappe-Site-Name": site, "Accept": "application/json"})
	return timed(
		lambda: session.post(
			f"{url}/api/method/login", data={"usr": coach["email"], "pwd": coach["password"]}, timeout=60
		)
	)


def timed(request) -> tuple:
	started = time.monotonic()
	try:
		response = request()
	except requests.RequestException as error:
		return "none", time.monotonic() - started, f"no answer: {type(error).__name__}"
	return response.status_code, time.monotonic() - started, said_to_the_coach(response)


def said_to_the_coach(response: requests.Response) -> str:
	"""What the desk would show: the message the server sent, or that it sent a traceback."""
	if response.ok:
		if "login" in response.url:
			return "signed in"
		if "prepared_report" in response.url:
			return f"Prepared Report {response.json()['message']['name']} made"
		return "saved" if response.request.method == "POST" else "shown"
	try:
		body = response.json()
	except ValueError:
		return f"a page that is not JSON ({len(response.text)} characters)"
	messages = [json.loads(m).get("message", m) for m in json.loads(body.get("_server_messages") or "[]")]
	if messages:
		return "; ".join(messages)[:160].replace("|", "/")
	if body.get("exc_type"):
		return (
			f"a raw {body['exc_type']} (traceback)"
			if body.get("exception") or body.get("exc")
			else body["exc_type"]
		)
	return str(body)[:160].replace("|", "/")


def redis_answers() -> bool:
	return subprocess.run(["redis-cli", "ping"], capture_output=True, text=True).stdout.strip() == "PONG"


def redis_up():
	if redis_answers():
		return
	subprocess.run(REDIS_START, check=True)
	for _ in range(60):
		if redis_answers():
			return
		time.sleep(0.5)
	raise RuntimeError("Redis did not come back within 30 seconds")


if __name__ == "__main__":
	main()
