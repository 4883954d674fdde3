"""Bench commands (bench finds them through this module's `commands`):

- `bench --site SITE pts-coaching-demo [--people 200] [--seed 1]` fills a site with two years of fictional
  coaching; `--clear` takes it away again.
- `bench pts-coaching-try-it [SITE]` makes a demo site with the app and the demo, and starts it.
"""

import subprocess
import sys
from pathlib import Path

import click
import frappe
from frappe.commands import get_site, pass_context

TRY_IT_SITE = "pts-demo.localhost"
# How bench itself runs a command on the bench's own Python.
BENCH_HELPER = [sys.executable, "-m", "frappe.utils.bench_helper", "frappe"]


@click.command("pts-coaching-demo")
@click.option("--people", type=click.IntRange(min=1), default=200, show_default=True, help="How many people.")
@click.option("--seed", type=int, default=1, show_default=True, help="The same seed makes the same demo.")
@click.option(
	"--as-of",
	type=click.DateTime(formats=["%Y-%m-%d"]),
	help="The last day of the two years (default: today). With the same seed, the same demo.",
)
@click.option("--clear", is_flag=True, help="Take every demo record away again, and make nothing.")
@pass_context
def pts_coaching_demo(context, people: int, seed: int, as_of, clear: bool):
	"""Fill a site with fictional teams, coaches and people, and two years of their coaching."""
	site = get_site(context)
	frappe.init(site=site)
	frappe.connect()
	try:
		if clear:
			clear_demo()
		else:
			made = make_demo(people, seed, as_of.date() if as_of else None)
			show_logins(site, made, port=None)
	finally:
		frappe.destroy()


@click.command("pts-coaching-try-it")
@click.argument("site", required=False)
@click.option("--people", type=click.IntRange(min=1), default=200, show_default=True, help="How many people.")
@click.option("--seed", type=int, default=1, show_default=True, help="The same seed makes the same demo.")
@click.option("--port", type=int, default=8000, show_default=True, help="Where to serve the site.")
@click.option("--admin-password", help="Administrator's password (default: the demo password).")
@click.option("--db-root-username", help="MariaDB's root user, as for bench new-site.")
@click.option("--db-root-password", help="MariaDB's root password (asked for if not given).")
@click.option(
	"--country",
	default="United Kingdom",
	show_default=True,
	help="Set up for this country: its currency, date format and time zone, as Frappe's setup wizard does.",
)
@click.option("--no-serve", is_flag=True, help="Make the site but do not start it.")
@pass_context
def pts_coaching_try_it(
	context,
	site: str | None,
	people: int,
	seed: int,
	port: int,
	admin_password: str | None,
	db_root_username: str | None,
	db_root_password: str | None,
	country: str,
	no_serve: bool,
):
	"""Make a demo site (default pts-demo.localhost) with the app and demo data, and start it."""
	from pts_coaching.demo import DEMO_PASSWORD

	site = site or get_site(context, raise_err=False) or TRY_IT_SITE
	if Path(site).exists():
		click.secho(
			f"{site} is already a site on this bench. Choose another name, or add the demo to it with: "
			f"bench --site {site} pts-coaching-demo",
			fg="yellow",
		)
		sys.exit(1)
	root = []
	if db_root_username:
		root += ["--db-root-username", db_root_username]
	if db_root_password:
		root += ["--db-root-password", db_root_password]
	click.secho(f"Making {site} (Frappe asks for MariaDB's root password unless given)...", fg="green")
	run([*BENCH_HELPER, "new-site", site, "--admin-password", admin_password or DEMO_PASSWORD, *root])
	run([*BENCH_HELPER, "--site", site, "install-app", "pts_coaching"])

	from pts_coaching.demo import DemoRefused, mark_setup_complete

	frappe.init(site=site)
	frappe.connect()
	try:
		try:
			mark_setup_complete(country)
		except DemoRefused as refused:
			click.secho(str(refused), fg="yellow")
			sys.exit(1)
		made = make_demo(people, seed, None)
	finally:
		frappe.destroy()
	show_logins(site, made, port, admin_password=admin_password or DEMO_PASSWORD)
	if no_serve:
		click.echo(f"Start it with: bench start   (or: bench --site {site} serve --port {port})")
		return
	serve(site, port)


def serve(site: str, port: int):
	"""What `bench start` runs for a site: the web server, a worker for background jobs (prepared
	reports, emails) and the scheduler, until Ctrl+C stops them all."""
	sys.stdout.flush()
	background = [subprocess.Popen([*BENCH_HELPER, command]) for command in ("worker", "schedule")]
	try:
		subprocess.run([*BENCH_HELPER, "--site", site, "serve", "--port", str(port)])
	except KeyboardInterrupt:
		pass
	finally:
		for process in background:
			process.terminate()
		for process in background:
			process.wait()


def make_demo(people: int, seed: int, as_of) -> dict:
	from pts_coaching import demo

	frappe.set_user("Administrator")
	click.echo(f"Making the demo: {people} people, seed {seed}...")
	try:
		return demo.make_demo(people, seed, as_of, say=click.echo)
	except demo.DemoRefused as refused:
		click.secho(str(refused), fg="yellow")
		sys.exit(1)


def clear_demo():
	from pts_coaching import demo

	frappe.set_user("Administrator")
	removed = demo.clear_demo(say=click.echo)
	click.echo(", ".join(f"{doctype}: {count}" for doctype, count in removed.items() if count))


def show_logins(site: str, made: dict, port: int | None, admin_password: str | None = None):
	click.echo("")
	for doctype, count in made["counts"].items():
		click.echo(f"  {doctype}: {count}")
	click.echo("")
	if port:
		# Browsers send *.localhost to this machine; other names are served the same by `serve --site`.
		host = site if site.endswith(".localhost") else "localhost"
		click.secho(f"Open http://{host}:{port}", fg="green", bold=True)
	click.secho("Sign in as", fg="green")
	click.echo(f"  a coach:          {made['coach']}")
	click.echo(f"  a coaching lead:  {made['lead']}")
	click.echo(f"  an analyst:       {made['analyst']}")
	click.echo(f"  password:         {made['password']}  (every demo user)")
	if admin_password:
		click.echo(f"  or Administrator, password {admin_password}")


def run(command: list[str]):
	if subprocess.run(command).returncode:
		click.secho(f"Stopped: {' '.join(command[3:])} did not succeed.", fg="red")
		sys.exit(1)


commands = [pts_coaching_demo, pts_coaching_try_it]
