"""Example records for trying the app out. Nothing here runs on install: a site's own outcome framework
comes from its own contracts, and these are only a starting point to look at or copy.

`make_demo` fills a site with two years of fictional coaching (demo_journeys.py says what happens;
this module only writes it), and `clear_demo` takes every demo record away again. Records are written
many rows at a time rather than saved one by one, so that 50,000 people take minutes, not days: the
fields a controller would work out are worked out by demo_journeys with the same rules, and the
integration tests save a sample of the records through their controllers to show nothing changes.
"""

import hashlib
import json
import time
from collections.abc import Callable
from datetime import date

import frappe
from frappe.model import numeric_fieldtypes
from frappe.utils import getdate, now_datetime, today
from frappe.utils.data import cast
from frappe.utils.password import passlibctx

from pts_coaching import demo_journeys as dj
from pts_coaching import scoring
from pts_coaching.money import give_money_its_currency
from pts_coaching.pts_coaching.doctype.wellbeing_check_in.wellbeing_check_in import about_the_score
from pts_coaching.pts_coaching.doctype.wellbeing_measure.wellbeing_measure import as_measure

# Modelled on the outcomes that social outcomes contracts for people who are homeless pay for (Fair
# Chance Fund, Kirklees Better Outcomes Partnership); each commissioner words its own.
EXAMPLE_OUTCOME_TYPES = {
	"Accommodation secured": (
		"Moved into a home they chose, with a tenancy or licence in their name.",
		"A tenancy or licence agreement, or a letter from the landlord.",
	),
	"Accommodation sustained for 3 months": (
		"Still living in the home they moved into, three months on.",
		"A letter from the landlord, or a rent statement covering the three months.",
	),
	"Accommodation sustained for 6 months": (
		"Still living in the home they moved into, six months on.",
		"A letter from the landlord, or a rent statement covering the six months.",
	),
	"Entered education or training": (
		"Started a course or training they chose.",
		"A letter or an email from the college or the training provider.",
	),
	"Entered work": (
		"Started paid work, full or part time.",
		"A contract of employment, a payslip, or a letter from the employer.",
	),
	"Wellbeing improved by a meaningful change": (
		"A wellbeing check-in shows a meaningful change since their first one (on WEMWBS, 3 points or more).",
		"The two wellbeing check-ins.",
	),
}

# The demo's staff all sign in with this; it is printed when the demo is made. Demo sites only.
DEMO_PASSWORD = "Try-PTS-coaching"
# What the demo made that is not named as demo records are (outcome types it added), and how it was made.
MARKER = "pts_coaching_demo"
ROWS_A_STATEMENT = 1000
ROWS_A_TRANSACTION = 50_000


class DemoRefused(Exception):
	pass


def make_example_outcome_types() -> list[str]:
	"""Add the example outcome types a site does not have yet, leaving the ones it has as they are."""
	for outcome_name, (description, evidence_guidance) in EXAMPLE_OUTCOME_TYPES.items():
		if not frappe.db.exists("Outcome Type", outcome_name):
			frappe.get_doc(
				{
					"doctype": "Outcome Type",
					"outcome_name": outcome_name,
					"description": description,
					"evidence_guidance": evidence_guidance,
				}
			).insert()
	return list(EXAMPLE_OUTCOME_TYPES)


def make_demo(
	people: int, seed: int = 1, as_of: date | None = None, say: Callable[[str], None] = print
) -> dict:
	"""Fill the site with `people` fictional people and two years of coaching up to `as_of` (today if
	not given). Refused where the site already has demo records: clear them first."""
	as_of = getdate(as_of or today())
	if as_of > getdate(today()):
		raise DemoRefused(f"The demo runs up to a day that has come: {as_of} is in the future.")
	if people < 1:
		raise DemoRefused("The demo needs at least one person.")
	if demo_is_here():
		raise DemoRefused("This site already has demo records. Clear them first (--clear).")
	started = time.monotonic()
	plan = dj.Plan(people, as_of, seed)
	setup = site_setup()
	staff = dj.staff(plan, tuple(scale for scale in ("WEMWBS", "SWEMWBS") if scale in setup.scales))
	had = set(frappe.get_all("Outcome Type", pluck="name"))
	make_example_outcome_types()
	frappe.db.set_default(
		MARKER,
		json.dumps(
			{
				"people": people,
				"seed": seed,
				"as_of": str(as_of),
				"outcome_types": sorted(set(EXAMPLE_OUTCOME_TYPES) - had),
			}
		),
	)
	write = Writer(setup)
	make_staff(staff, write)
	make_contract(plan)
	frappe.db.commit()
	say(f"Staff, teams and the contract: {time.monotonic() - started:.1f} s")

	names = dj.Names()
	for number, journey in enumerate(dj.journeys(plan, staff, setup, names), 1):
		for doctype, records in journey.items():
			for record in records:
				write(doctype, record)
		if number % 5000 == 0:
			say(f"{number} people: {time.monotonic() - started:.1f} s")
	for reflection in dj.reflections(plan, staff, setup, names):
		write("Coach Reflection", reflection)
	write.finish()
	give_money_its_currency()
	frappe.db.commit()
	seconds = time.monotonic() - started
	say(f"{people} people, {write.count('Coaching Conversation')} conversations: {seconds:.1f} s")
	first_team = staff.teams[0]
	return {
		"seconds": seconds,
		"counts": {
			**{doctype: write.count(doctype) for doctype in dj.PREFIXES},
			"User": write.count("User"),
			"Coaching Team": len(staff.teams),
		},
		"coach": first_team.coaches[0].email,
		"lead": first_team.lead.email,
		"analyst": staff.analyst.email,
		"password": DEMO_PASSWORD,
	}


def site_setup() -> dj.Setup:
	"""The site's own measures and themes, as an admin may have changed them."""
	scales = {}
	for name in frappe.get_all("Wellbeing Measure", pluck="name"):
		measure = frappe.get_doc("Wellbeing Measure", name)
		scales[name] = dj.Scale(
			as_measure(measure), frozenset(item.code for item in measure.items if item.lower_is_better)
		)
	main = (
		"ONS4" if "ONS4" in scales else frappe.db.get_single_value("PTS Coaching Settings", "default_measure")
	)
	if main not in scales:
		raise DemoRefused("The demo's check-ins need the ONS4 measure, or a default measure in the settings.")
	return dj.Setup(
		scales={name: scales[name] for name in {main, "WEMWBS", "SWEMWBS"} if name in scales},
		main_scale=main,
		aspiration_themes=frozenset(frappe.get_all("Aspiration Theme", {"disabled": 0}, pluck="name")),
		reflection_themes=tuple(sorted(frappe.get_all("Reflection Theme", {"disabled": 0}, pluck="name"))),
	)


def make_staff(staff: dj.Staff, write: "Writer"):
	"""The demo's users, written as rows with what saving a User would make for them (their roles, their
	own record shared with them, their notification settings): saving a User one by one throttles after
	60 an hour, and queues a contact and a gravatar lookup for each. They all share one password hash."""
	password = passlibctx.hash(DEMO_PASSWORD)
	moment = now_datetime()
	for member in staff.members:
		write(
			"User",
			{
				"name": member.email,
				"creation": moment,
				"owner": "Administrator",
				"email": member.email,
				"first_name": member.first_name,
				"last_name": member.last_name,
				"full_name": member.full_name,
				"enabled": 1,
				"user_type": "System User",
				"send_welcome_email": 0,
				"roles": [{"name": f"{member.email}-role", "role": member.role}],
			},
		)
		# As a saved User shares their own record with themselves, so they can change their settings.
		write(
			"DocShare",
			{
				"name": f"{member.email}-self",
				"creation": moment,
				"owner": "Administrator",
				"user": member.email,
				"share_doctype": "User",
				"share_name": member.email,
				"read": 1,
				"write": 1,
				"share": 1,
				"notify_by_email": 1,
			},
		)
		# The desk reads these for every signed-in user; saving a User makes them.
		write(
			"Notification Settings",
			{"name": member.email, "creation": moment, "owner": "Administrator", "user": member.email},
		)
	write.flush()
	frappe.db.sql(
		"INSERT INTO `__Auth` (`doctype`, `name`, `fieldname`, `password`, `encrypted`) VALUES "
		+ ", ".join(["('User', %s, 'password', %s, 0)"] * len(staff.members)),
		[value for member in staff.members for value in (member.email, password)],
	)
	for team in staff.teams:
		frappe.get_doc(
			{
				"doctype": "Coaching Team",
				"team_name": team.name,
				"delivery_partner": team.delivery_partner,
				"lead": team.lead.email,
				"members": [{"user": coach.email} for coach in team.coaches],
			}
		).insert(ignore_permissions=True)


def make_contract(plan: dj.Plan):
	terms = dj.contract(plan)
	frappe.get_doc(
		{
			"doctype": "Outcomes Contract",
			"contract_name": terms.name,
			"commissioner": dj.COMMISSIONER,
			"from_date": terms.from_date,
			"to_date": terms.to_date,
			"outcomes": [
				{"outcome_type": t.outcome_type, "tariff": t.tariff, "cap_per_person": t.cap_per_person}
				for t in terms.tariffs
			],
		}
	).insert(ignore_permissions=True)


class Writer:
	"""Records as rows of their tables, written ROWS_A_STATEMENT rows to an INSERT. A record is a dict of
	its fields with `name`, `creation` and `owner`; its child rows are lists under their table's field."""

	def __init__(self, setup: dj.Setup):
		self.rows: dict[str, list[tuple]] = {}
		self.columns: dict[str, list[str]] = {}
		self.defaults: dict[str, dict] = {}
		self.children: dict[str, list[tuple[str, str]]] = {}
		self.counts: dict[str, int] = {}
		self.unsaved = 0
		self.measures = {name: frappe.get_doc("Wellbeing Measure", name) for name in setup.scales}
		self.score_notes: dict[tuple[str, int], str | None] = {}

	def __call__(self, doctype: str, record: dict, parent: tuple[str, str, dict] | None = None, idx: int = 0):
		if doctype not in self.columns:
			self.learn(doctype)
		if doctype == "Wellbeing Check-in":
			record["score_note"] = self.score_note(record)
		owner = (parent[2] if parent else record).get("owner")
		creation = (parent[2] if parent else record)["creation"]
		standard = {
			"creation": creation,
			"modified": record.get("modified") or creation,
			"modified_by": owner,
			"owner": owner,
			"docstatus": 0,
			"idx": idx,
		}
		if parent:
			standard.update(parent=parent[2]["name"], parenttype=parent[0], parentfield=parent[1])
		defaults = self.defaults[doctype]
		row = []
		for column in self.columns[doctype]:
			value = standard[column] if column in standard else record.get(column)
			row.append(defaults.get(column) if value is None else value)
		self.rows[doctype].append(tuple(row))
		self.counts[doctype] = self.counts.get(doctype, 0) + 1
		if len(self.rows[doctype]) >= ROWS_A_STATEMENT:
			self.flush(doctype)
		for fieldname, child_doctype in self.children[doctype]:
			for child_idx, child in enumerate(record.get(fieldname) or (), 1):
				self(child_doctype, child, (doctype, fieldname, record), child_idx)

	def learn(self, doctype: str):
		meta = frappe.get_meta(doctype)
		self.columns[doctype] = meta.get_valid_columns()
		# What saving a new record would put in a field left empty.
		self.defaults[doctype] = {
			df.fieldname: cast(df.fieldtype, df.default if is_fixed(df.default) else None)
			for df in meta.fields
			if df.fieldtype in numeric_fieldtypes or is_fixed(df.default)
		}
		self.children[doctype] = [(df.fieldname, df.options) for df in meta.get_table_fields()]
		self.rows[doctype] = []

	def score_note(self, record: dict) -> str | None:
		"""The note the check-in's controller writes, in the site's language."""
		key = (record["measure"], record["unanswered"])
		if key not in self.score_notes:
			answers = {row["item_code"]: row["answer"] for row in record["answers"]}
			result = scoring.Result(answers, record["raw_score"], record["score"])
			self.score_notes[key] = about_the_score(self.measures[record["measure"]], result)
		return self.score_notes[key]

	def flush(self, doctype: str | None = None):
		for table in [doctype] if doctype else list(self.rows):
			rows = self.rows[table]
			if not rows:
				continue
			columns = ", ".join(f"`{column}`" for column in self.columns[table])
			one_row = "(" + ", ".join(["%s"] * len(self.columns[table])) + ")"
			frappe.db.sql(
				f"INSERT INTO `tab{table}` ({columns}) VALUES " + ", ".join([one_row] * len(rows)),
				[value for row in rows for value in row],
			)
			self.unsaved += len(rows)
			self.rows[table] = []
		if self.unsaved >= ROWS_A_TRANSACTION:
			frappe.db.commit()
			self.unsaved = 0

	def finish(self):
		self.flush()
		frappe.db.commit()

	def count(self, doctype: str) -> int:
		return self.counts.get(doctype, 0)


def is_fixed(default: str | None) -> bool:
	"""A default that is a value, not one worked out when saving (today, the user, a field...)."""
	return bool(default) and default not in ("Today", "__user", "now", "Now") and not default.startswith(":")


def demo_is_here() -> bool:
	return bool(
		frappe.db.get_default(MARKER)
		or frappe.db.exists("Person", {"name": ("like", f"{dj.PREFIXES['Person']}-{dj.MARK}-%")})
		or frappe.db.exists("User", {"name": ("like", f"%@{dj.DOMAIN}")})
		or frappe.db.exists("Coaching Team", {"name": ("like", f"%{dj.TEAM_MARK}")})
	)


def demo_counts() -> dict[str, int]:
	"""How many demo records each doctype has."""
	counts = {
		doctype: frappe.db.count(doctype, {"name": ("like", f"{prefix}-{dj.MARK}-%")})
		for doctype, prefix in dj.PREFIXES.items()
	}
	counts["User"] = frappe.db.count("User", {"name": ("like", f"%@{dj.DOMAIN}")})
	counts["Coaching Team"] = frappe.db.count("Coaching Team", {"name": ("like", f"%{dj.TEAM_MARK}")})
	counts["Outcomes Contract"] = frappe.db.count("Outcomes Contract", {"name": dj.CONTRACT_NAME})
	return counts


def clear_demo(say: Callable[[str], None] = print) -> dict[str, int]:
	"""Take away every record the demo made, and leave everything else as it is."""
	started = time.monotonic()
	removed = {}
	marker = json.loads(frappe.db.get_default(MARKER) or "{}")
	for doctype, prefix in dj.PREFIXES.items():
		named = f"{prefix}-{dj.MARK}-%"
		for table in frappe.get_meta(doctype).get_table_fields():
			delete_rows(table.options, "`parenttype` = %s AND `parent` LIKE %s", (doctype, named))
		removed[doctype] = delete_rows(doctype, "`name` LIKE %s", (named,))
		# What people did with demo records while trying the app out.
		delete_rows("Version", "`ref_doctype` = %s AND `docname` LIKE %s", (doctype, named))
		delete_rows("Comment", "`reference_doctype` = %s AND `reference_name` LIKE %s", (doctype, named))
	# Taking the demo away is not news for the activity feed: no "deleted" comment for each record.
	frappe.flags.in_import = True
	try:
		removed.update(delete_demo_documents(marker))
	finally:
		frappe.flags.in_import = False
	frappe.defaults.clear_default(MARKER)
	frappe.db.commit()
	say(f"Demo records cleared: {time.monotonic() - started:.1f} s")
	return removed


def delete_demo_documents(marker: dict) -> dict[str, int]:
	"""The few records the demo made as documents (teams, the contract, outcome types it added) and its
	users, deleted as documents so that Frappe tidies up after each."""
	removed = {}
	for doctype in ("Coaching Team", "Outcomes Contract"):
		names = frappe.get_all(doctype, {"name": ("like", f"%{dj.TEAM_MARK}")}, pluck="name")
		for name in names:
			frappe.delete_doc(doctype, name, force=True, ignore_permissions=True, delete_permanently=True)
		removed[doctype] = len(names)
	for outcome_type in marker.get("outcome_types", []):
		if not frappe.db.exists("Achievement", {"outcome_type": outcome_type}) and not frappe.db.exists(
			"Outcomes Contract Outcome", {"outcome_type": outcome_type}
		):
			frappe.delete_doc("Outcome Type", outcome_type, ignore_permissions=True, delete_permanently=True)
	users = frappe.get_all("User", {"name": ("like", f"%@{dj.DOMAIN}")}, pluck="name")
	for user in users:
		# Deleting a User keeps a copy of its notification settings; these were the demo's own.
		frappe.delete_doc("Notification Settings", user, ignore_permissions=True, delete_permanently=True)
		frappe.delete_doc("User", user, force=True, ignore_permissions=True, delete_permanently=True)
	removed["User"] = len(users)
	return removed


def delete_rows(doctype: str, where: str, values: tuple, batch: int = 20_000) -> int:
	"""Delete in batches, each committed, so that a million rows do not make one huge transaction."""
	deleted = 0
	while True:
		frappe.db.sql(f"DELETE FROM `tab{doctype}` WHERE {where} LIMIT {batch}", values)
		count = frappe.db._cursor.rowcount
		frappe.db.commit()
		deleted += count
		if count < batch:
			return deleted


def fingerprint() -> str:
	"""A hash of every demo record's names and values, except the moments staff and teams were made."""
	digest = hashlib.sha256()
	kept_apart = {"creation", "modified"}
	for doctype, prefix in dj.PREFIXES.items():
		named = f"{prefix}-{dj.MARK}-%"
		digest.update(repr(rows_of(doctype, "`name` LIKE %s", (named,))).encode())
		for table in frappe.get_meta(doctype).get_table_fields():
			where = "`parenttype` = %s AND `parent` LIKE %s"
			digest.update(repr(rows_of(table.options, where, (doctype, named))).encode())
	for doctype, where, value in (
		("User", "`name` LIKE %s", f"%@{dj.DOMAIN}"),
		("Has Role", "`parenttype` = 'User' AND `parent` LIKE %s", f"%@{dj.DOMAIN}"),
		("Coaching Team", "`name` LIKE %s", f"%{dj.TEAM_MARK}"),
		("Outcomes Contract", "`name` LIKE %s", f"%{dj.TEAM_MARK}"),
	):
		digest.update(repr(rows_of(doctype, where, (value,), kept_apart)).encode())
	for doctype, parenttype in (
		("Coaching Team Member", "Coaching Team"),
		("Outcomes Contract Outcome", "Outcomes Contract"),
	):
		rows = frappe.db.sql(
			f"""SELECT * FROM `tab{doctype}` WHERE `parenttype` = %s AND `parent` LIKE %s
			ORDER BY `parent`, `idx`""",
			(parenttype, f"%{dj.TEAM_MARK}"),
			as_dict=True,
		)
		kept = kept_apart | {"name"}
		digest.update(repr([{k: v for k, v in row.items() if k not in kept} for row in rows]).encode())
	return digest.hexdigest()


def rows_of(doctype: str, where: str, values: tuple, leave_out: set[str] = frozenset()) -> list[tuple]:
	rows = frappe.db.sql(f"SELECT * FROM `tab{doctype}` WHERE {where} ORDER BY `name`", values, as_dict=True)
	return [tuple(v for k, v in row.items() if k not in leave_out) for row in rows]


def mark_setup_complete(country: str = "United Kingdom"):
	"""A demo site skips Frappe's setup wizard: it is set up as the wizard would for `country`, with its
	currency, date format and time zone, from what Frappe knows of each country."""
	from frappe.geo.country_info import get_country_info

	facts = get_country_info(country)
	if not facts.get("currency"):
		raise DemoRefused(f"Frappe does not know the country {country}: name it as Frappe's list does.")
	frappe.db.set_value("Currency", facts.currency, "enabled", 1)
	settings = frappe.get_single("System Settings")
	settings.update(
		{
			"setup_complete": 1,
			# What the wizard asks first; Frappe needs one to save the settings.
			"language": settings.language or "en",
			"country": country,
			"currency": facts.currency,
			"date_format": facts.date_format,
			"time_format": facts.time_format,
			"number_format": facts.number_format or settings.number_format,
			"time_zone": facts.timezones[0],
			"enable_scheduler": 1,
		}
	)
	# Saving, not setting the fields, so that Frappe also keeps them as the site's defaults, which is
	# where the desk reads the currency and date format from.
	settings.save(ignore_permissions=True)
	frappe.db.commit()
