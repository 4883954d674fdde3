"""The integration suite runs against a real site in a real bench.

`tests/run` starts pytest with the bench's Python when it finds a bench; this conftest then makes a
fresh test site with the app installed (set PTS_REUSE_SITE=1 to keep the one there while you work).
With no Frappe to import it says so loudly and the suite is skipped.
"""

import os
import subprocess
import time
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


def pytest_report_header(config):
	return NO_BENCH if frappe is None else f"integration suite: bench {BENCH}, site {SITE}"


def pytest_terminal_summary(terminalreporter):
	if frappe is None:
		terminalreporter.write_sep("!", NO_BENCH, red=True, bold=True)
	for step, seconds in timings.items():
		terminalreporter.write_line(f"{step}: {seconds:.1f} s")


def bench(*args: str, timeout: int = 900) -> subprocess.CompletedProcess:
	"""Run a `bench` site command the way bench itself does, without needing the bench CLI."""
	root_password = os.environ.get("PTS_DB_ROOT_PASSWORD", "")
	command = [str(BENCH / "env" / "bin" / "python"), "-m", "frappe.utils.bench_helper", "frappe", *args]
	return subprocess.run(
		command,
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


def make_test_site():
	root = ["--db-root-username", os.environ.get("PTS_DB_ROOT_USER", "root")]
	if os.environ.get("PTS_DB_ROOT_PASSWORD"):
		root += ["--db-root-password", os.environ["PTS_DB_ROOT_PASSWORD"]]
	timed("new-site (Frappe only)", "new-site", SITE, "--force", "--admin-password", "admin", *root)
	timed("install-app pts_coaching", "--site", SITE, "install-app", "pts_coaching")


@pytest.fixture(scope="session", autouse=True)
def site():
	reuse = os.environ.get("PTS_REUSE_SITE") == "1" and (BENCH / "sites" / SITE).is_dir()
	if not reuse:
		make_test_site()
	os.chdir(BENCH / "sites")  # Frappe finds its logs and config from the sites folder
	frappe.init(site=SITE, sites_path=str(BENCH / "sites"))
	frappe.connect()
	frappe.set_user("Administrator")
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


@pytest.fixture
def lead():
	return make_user("jo.lead@example.org", "PTS Coaching Lead")


@pytest.fixture
def analyst():
	return make_user("kim.analyst@example.org", "PTS Analyst")


def new_relationship(coach: str = "Administrator", name: str = "Rowan") -> "frappe.model.document.Document":
	person = frappe.get_doc({"doctype": "Person", "preferred_name": name}).insert()
	return frappe.get_doc(
		{"doctype": "Coaching Relationship", "person": person.name, "coach": coach}
	).insert()
