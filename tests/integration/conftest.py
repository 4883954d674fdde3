"""The integration suite runs against a real site in a real bench.

`tests/run` starts pytest with the bench's Python when it finds a bench; this conftest then makes a
fresh test site with the app installed (set PTS_REUSE_SITE=1 to keep the one there while you work).
With no Frappe to import it says so loudly and the suite is skipped.
"""

import json
import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

try:
	import frappe
except ImportError:
	frappe = None

BENCH = Path(os.environ.get("PTS_BENCH", Path.home() / "frappe-bench")).expanduser()
SITE = os.environ.get("PTS_TEST_SITE", "pts-test.localhost")
NO_BENCH = (
	f"INTEGRATION SUITE SKIPPED: Frappe cannot be imported here (no bench at {BENCH}). "
	"Set PTS_BENCH to a Frappe v15 bench and run tests/run."
)

if frappe is None:
	collect_ignore_glob = ["test_*.py"]

timings: dict[str, float] = {}

# How bench itself runs a site command, so the suite needs no bench CLI.
FRAPPE_CLI = [str(BENCH / "env" / "bin" / "python"), "-m", "frappe.utils.bench_helper", "frappe"]


def pytest_report_header(config):
	if frappe is None:
		return NO_BENCH
	return f"integration suite: bench {BENCH} (Frappe {frappe.__version__}, {', '.join(ERPNEXT_APPS) or 'no ERPNext'}), site {SITE}"


def pytest_terminal_summary(terminalreporter):
	if frappe is None:
		terminalreporter.write_sep("!", NO_BENCH, red=True, bold=True)
	for step, seconds in timings.items():
		terminalreporter.write_line(f"{step}: {seconds:.1f} s")


def bench(*args: str, timeout: int = 900) -> subprocess.CompletedProcess:
	root_password = os.environ.get("PTS_DB_ROOT_PASSWORD", "")
	return subprocess.run(
		[*FRAPPE_CLI, *args],
		cwd=BENCH / "sites",
		# Frappe asks for an empty root password on the terminal; answer it with an empty line.
		input="" if root_password else "\n",
		capture_output=True,
		text=True,
		timeout=timeout,
	)


def bench_ok(*args: str, timeout: int = 900) -> subprocess.CompletedProcess:
	result = bench(*args, timeout=timeout)
	assert result.returncode == 0, f"bench {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
	return result


def timed(step: str, *args: str) -> subprocess.CompletedProcess:
	started = time.monotonic()
	result = bench_ok(*args)
	timings[step] = time.monotonic() - started
	return result


# On a bench with ERPNext the site is made as an organisation using ERPNext has it: ERPNext and HRMS
# installed, and ERPNext's setup wizard done for a UK company, before the app is installed.
ERPNEXT_APPS = [app for app in ("erpnext", "hrms") if (BENCH / "apps" / app).is_dir()]
HAS_ERPNEXT = "erpnext" in ERPNEXT_APPS
ERPNEXT_COMPANY = "PTS Test Ltd"
ERPNEXT_SETUP_WIZARD = {
	"language": "English",
	"country": "United Kingdom",
	"timezone": "Europe/London",
	"currency": "GBP",
	"full_name": "Test Administrator",
	"email": "admin@example.org",
	"password": "admin",
	"company_name": ERPNEXT_COMPANY,
	"company_abbr": "PTL",
	"chart_of_accounts": "Standard",
	"fy_start_date": "2026-04-01",
	"fy_end_date": "2027-03-31",
	"setup_demo": 0,
}


def make_test_site():
	root = ["--db-root-username", os.environ.get("PTS_DB_ROOT_USER", "root")]
	if os.environ.get("PTS_DB_ROOT_PASSWORD"):
		root += ["--db-root-password", os.environ["PTS_DB_ROOT_PASSWORD"]]
	timed("new-site (Frappe only)", "new-site", SITE, "--force", "--admin-password", "admin", *root)
	for app in ERPNEXT_APPS:
		timed(f"install-app {app}", "--site", SITE, "install-app", app)
	if HAS_ERPNEXT:
		timed(
			"ERPNext setup wizard",
			"--site",
			SITE,
			"execute",
			"frappe.desk.page.setup_wizard.setup_wizard.setup_complete",
			"--kwargs",
			json.dumps({"args": ERPNEXT_SETUP_WIZARD}),
		)
	timed("install-app pts_coaching", "--site", SITE, "install-app", "pts_coaching")


def skip_frappe_setup_wizard():
	"""A fresh site asks its admin to finish Frappe's setup wizard first; the suite's site has done so
	(on a bench with ERPNext, through ERPNext's own wizard)."""
	if HAS_ERPNEXT:
		assert frappe.db.exists("Company", ERPNEXT_COMPANY), "ERPNext's setup wizard did not finish"
		return
	frappe.db.set_single_value("System Settings", {"setup_complete": 1, "time_zone": "Europe/London"})
	frappe.db.commit()


@pytest.fixture(scope="session", autouse=True)
def site():
	reuse = os.environ.get("PTS_REUSE_SITE") == "1" and (BENCH / "sites" / SITE).is_dir()
	if not reuse:
		make_test_site()
	os.chdir(BENCH / "sites")  # Frappe finds its logs and config from the sites folder
	frappe.init(site=SITE, sites_path=str(BENCH / "sites"))
	frappe.connect()
	frappe.set_user("Administrator")
	skip_frappe_setup_wizard()
	yield SITE
	frappe.db.rollback()
	frappe.destroy()


@pytest.fixture(autouse=True)
def as_found():
	"""Each test leaves the database as it found it."""
	frappe.set_user("Administrator")
	yield
	frappe.db.rollback()
	frappe.set_user("Administrator")
	frappe.local.message_log = []


@pytest.fixture
def outside_transaction():
	"""For tests that run bench commands: let go of this connection's locks first."""
	frappe.db.rollback()
	yield


def make_user(email: str, *roles: str) -> str:
	if not frappe.db.exists("User", email):
		frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": email.split("@")[0].replace(".", " ").title(),
				"send_welcome_email": 0,
				"roles": [{"role": role} for role in roles],
			}
		).insert(ignore_permissions=True)
	return email


@pytest.fixture
def coach():
	return make_user("sam.coach@example.org", "PTS Coach")


@pytest.fixture
def other_coach():
	return make_user("alex.coach@example.org", "PTS Coach")


LEAD_TEAM = "Jo's team"


@pytest.fixture
def lead():
	"""A coaching lead, leading LEAD_TEAM."""
	jo = make_user("jo.lead@example.org", "PTS Coaching Lead")
	frappe.get_doc({"doctype": "Coaching Team", "team_name": LEAD_TEAM, "lead": jo}).insert()
	return jo


@pytest.fixture
def visitor():
	"""Signed in, with no coaching role."""
	return make_user("visitor@example.org")


@pytest.fixture
def analyst():
	return make_user("kim.analyst@example.org", "PTS Analyst")


def new_relationship(
	coach: str = "Administrator", name: str = "Rowan", team: str | None = None
) -> "frappe.model.document.Document":
	person = frappe.get_doc({"doctype": "Person", "preferred_name": name}).insert()
	return frappe.get_doc(
		{"doctype": "Coaching Relationship", "person": person.name, "coach": coach, "team": team}
	).insert()


@pytest.fixture(scope="session")
def desk_server(site):
	"""The site served over HTTP on 127.0.0.1, as a browser or API client reaches it."""
	with socket.socket() as free:
		free.bind(("127.0.0.1", 0))
		port = free.getsockname()[1]
	server = subprocess.Popen(
		[*FRAPPE_CLI, "--site", SITE, "serve", "--port", str(port), "--noreload"],
		cwd=BENCH / "sites",
		stdout=subprocess.DEVNULL,
		stderr=subprocess.DEVNULL,
	)
	url = f"http://127.0.0.1:{port}"
	deadline = time.monotonic() + 60
	while True:
		try:
			urllib.request.urlopen(f"{url}/api/method/ping", timeout=2)
			break
		except OSError:
			if time.monotonic() > deadline or server.poll() is not None:
				server.kill()
				raise RuntimeError(f"the site did not start serving on {url}")
			time.sleep(0.5)
	yield url
	server.terminate()
	server.wait(timeout=30)


@pytest.fixture(scope="session")
def browser():
	"""Debian's headless Chromium, driven by Playwright."""
	from playwright.sync_api import sync_playwright

	with sync_playwright() as playwright:
		chromium = playwright.chromium.launch(
			executable_path=os.environ.get("PTS_CHROMIUM", "/usr/bin/chromium"),
			args=[
				"--no-sandbox",
				"--disable-gpu",
				"--no-first-run",
				"--disable-background-networking",
				"--disable-component-update",
				"--disable-sync",
			],
		)
		yield chromium
		chromium.close()


COACH_PASSWORD = "Coaching-in-the-open-2026"


@pytest.fixture
def signed_in_coach(browser, desk_server, committed):
	"""A PTS Coach signed in to the served site in headless Chromium: their email and a page."""
	email = "robin.browser@example.org"
	frappe.get_doc(
		{
			"doctype": "User",
			"email": email,
			"first_name": "Robin",
			"send_welcome_email": 0,
			"new_password": COACH_PASSWORD,
			"roles": [{"role": "PTS Coach"}],
		}
	).insert(ignore_permissions=True)
	committed.append(("User", email))
	frappe.db.commit()

	context = browser.new_context(base_url=desk_server, viewport={"width": 1280, "height": 900})
	response = context.request.post("/api/method/login", form={"usr": email, "pwd": COACH_PASSWORD})
	assert response.ok, response.text()
	page = context.new_page()
	yield email, page
	context.close()


SCREENSHOTS = Path(__file__).resolve().parents[1] / ".artifacts"


def screenshot(page, name: str) -> Path:
	SCREENSHOTS.mkdir(exist_ok=True)
	path = SCREENSHOTS / f"{name}.png"
	page.screenshot(path=str(path), full_page=True)
	return path


@pytest.fixture
def committed():
	"""For tests that a separate server process must see: what they commit is removed afterwards."""
	made: list[tuple[str, str]] = []
	frappe.db.rollback()
	yield made
	frappe.db.rollback()
	frappe.set_user("Administrator")
	for doctype, name in reversed(made):
		frappe.delete_doc(doctype, name, force=True, ignore_missing=True, ignore_permissions=True)
	frappe.db.commit()


@pytest.fixture
def mailbox():
	"""A real SMTP server on 127.0.0.1 and the site's outgoing Email Account pointed at it: what
	Frappe's email queue sends arrives in `mailbox.messages`, once `mailbox.deliver()` flushes it."""
	import email
	import email.policy
	from types import SimpleNamespace

	from aiosmtpd.controller import Controller

	class Keep:
		async def handle_DATA(self, server, session, envelope):
			arrived.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
			return "250 OK"

	arrived = []
	with socket.socket() as free:
		free.bind(("127.0.0.1", 0))
		port = free.getsockname()[1]
	controller = Controller(Keep(), hostname="127.0.0.1", port=port)
	controller.start()
	frappe.db.rollback()
	account = frappe.get_doc(
		{
			"doctype": "Email Account",
			"email_account_name": "PTS test mail",
			"email_id": "coaching@example.org",
			"enable_outgoing": 1,
			"default_outgoing": 1,
			"smtp_server": "127.0.0.1",
			"smtp_port": port,
			"no_smtp_authentication": 1,
			"use_tls": 0,
		}
	).insert(ignore_permissions=True)
	frappe.db.commit()

	def deliver():
		from frappe.email.queue import flush

		frappe.db.commit()
		flush()
		frappe.db.commit()

	def text_to(address: str) -> str:
		return "\n".join(
			part.get_content()
			for message in arrived
			if address in str(message["To"])
			for part in message.walk()
			if part.get_content_type() in ("text/plain", "text/html")
		)

	try:
		yield SimpleNamespace(messages=arrived, deliver=deliver, text_to=text_to)
	finally:
		controller.stop()
		frappe.db.rollback()
		frappe.delete_doc("Email Account", account.name, force=True, ignore_permissions=True)
		frappe.db.sql("delete from `tabEmail Queue`")
		frappe.db.commit()
