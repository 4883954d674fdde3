"""Who sees whom.

A coach sees the people they coach, and the people whose relationships their team shares with them;
a lead sees every relationship in their teams; roles that see everyone (analysts, by default) see all
people, but free text sits at permlevel 1, which their role cannot read. User Permissions on Coaching
Team narrow all of this to a delivery partner's own teams, so partners sharing a site never see each
other's people.

One criterion answers both "which records may this user list" and "may this user open this one", so
list and form always agree. A doctype is scoped by adding it to SCOPED_DOCTYPES.
"""

import frappe
from frappe import _
from frappe.permissions import get_user_permissions
from frappe.query_builder import Criterion

# Each scoped doctype, and the field that says whose record it is.
SCOPED_DOCTYPES = {
	"Person": "name",
	"Coaching Relationship": "person",
	"Coaching Conversation": "person",
	"Connection Snapshot": "person",
	"Service Involvement": "person",
	"Achievement": "person",
	"Personal Budget Spend": "person",
	"Safety Conversation": "person",
	"Aspiration": "person",
	"Wellbeing Check-in": "person",
	"Check-in Link": "person",
}

# On a fresh site (PTS Coaching Settings, "Who sees whom"); admins change them there.
ROLES_THAT_SEE_EVERYONE = ("System Manager", "PTS Analyst")
ROLES_THAT_SEE_THEIR_TEAMS = ("PTS Coaching Lead",)


def query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""permission_query_conditions hook for every scoped doctype."""
	criterion = criterion_for(doctype, user or frappe.session.user)
	return "" if criterion is None else f"({criterion.get_sql(quote_char='`', with_namespace=True)})"


def has_permission(
	doc, ptype: str | None = None, user: str | None = None, debug: bool = False
) -> bool | None:
	"""has_permission hook for every scoped doctype: the same criterion, asked of one person."""
	user = user or frappe.session.user
	criterion = criterion_for("Person", user)
	if criterion is None:
		return None
	people = {doc.name if doc.doctype == "Person" else doc.get(SCOPED_DOCTYPES[doc.doctype])}
	if not doc.is_new():
		# Whose record it is now, not only whose the caller says it is.
		people.add(frappe.db.get_value(doc.doctype, doc.name, SCOPED_DOCTYPES[doc.doctype]))
	people.discard(None)
	if not people:
		return doc.is_new() or None
	person = frappe.qb.DocType("Person")
	visible = (
		frappe.qb.from_(person)
		.select(person.name)
		.where(person.name.isin(people))
		.where(criterion)
		.run(pluck=True)
	)
	if doc.is_new() and len(visible) < len(people):
		# A new record naming someone who does not exist reveals no one: Frappe's link check then says
		# they cannot be found. One naming someone the user may not see (even as the name of a "new"
		# Person, as a print preview can send) is refused.
		unseen = people - set(visible)
		return not frappe.db.exists("Person", {"name": ("in", list(unseen))})
	return len(visible) == len(people)


def criterion_for(doctype: str, user: str) -> Criterion | None:
	"""Which records of `doctype` the user may see; None when they may see every one.

	The people they may see are one sub-query, a union of parts each read through its own index (the
	relationships they coach, those of their teams, the people they added), so MariaDB materialises
	the few people a user sees and joins the doctype to them by key: a list costs what the user's own
	people cost, however large the site (tests/integration/test_lists_at_scale.py reads the plan)."""
	if user == "Administrator":
		return None
	roles = set(frappe.get_roles(user))
	settings = frappe.get_cached_doc("PTS Coaching Settings")
	allowed_teams = [permission.doc for permission in get_user_permissions(user).get("Coaching Team", [])]
	relationship = frappe.qb.DocType("Coaching Relationship")
	person = frappe.qb.DocType("Person")
	field = frappe.qb.DocType(doctype)[SCOPED_DOCTYPES[doctype]]

	if roles & {row.role for row in settings.roles_that_see_everyone}:
		if not allowed_teams:
			return None
		return field.isin(
			frappe.qb.from_(relationship)
			.select(relationship.person)
			.where(relationship.team.isin(allowed_teams))
		)

	coached = frappe.qb.from_(relationship).select(relationship.person).where(relationship.coach == user)
	# Someone a coach has just added, before a relationship links them.
	added = frappe.qb.from_(person).select(person.name.as_("person")).where(person.owner == user)
	seen = coached + added
	teams = teams_of(user)
	if allowed_teams:
		teams = [team for team in teams if team in allowed_teams]
	if teams:
		in_their_teams = frappe.qb.from_(relationship).select(relationship.person)
		in_their_teams = in_their_teams.where(relationship.team.isin(teams))
		if not roles & {row.role for row in settings.roles_that_see_their_teams}:
			in_their_teams = in_their_teams.where(relationship.share_with_team == 1)
		seen = seen + in_their_teams
	seen = seen.as_("seen")
	return field.isin(frappe.qb.from_(seen).select(seen.person))


def teams_of(user: str) -> list[str]:
	"""The teams the user leads or belongs to."""
	team = frappe.qb.DocType("Coaching Team")
	member = frappe.qb.DocType("Coaching Team Member")
	led = frappe.qb.from_(team).select(team.name).where(team.lead == user)
	joined = (
		frappe.qb.from_(member)
		.select(member.parent)
		.where((member.user == user) & (member.parenttype == "Coaching Team"))
	)
	return (led + joined).run(pluck=True)


# Frappe's frappe.client.get_count counts with frappe.db.count, which ignores permissions, so a user
# learns how many records of any doctype exist (upstream: frappe/frappe, client.get_count). This one
# counts through frappe.get_list, which applies the doctype's permissions, User Permissions and
# permission_query_conditions, for every doctype. It takes whatever else Frappe's sends and ignores it,
# so a new argument in a Frappe release cannot break it.
@frappe.whitelist()
def get_count(doctype: str, filters=None, **_ignored) -> int:
	return frappe.get_list(doctype, filters=frappe.parse_json(filters), fields=["count(*) as count"])[0].count


# Frappe's form load and docinfo put comments, emails and the old values of every field in the
# timeline for anyone who may open the record; for the app's doctypes, notes are kept from those who
# may not read them. Both call Frappe's own method with the arguments it takes (frappe.call drops the
# rest), so they follow its signature from release to release.
@frappe.whitelist()
def getdoc(**arguments):
	from frappe.desk.form import load

	frappe.call(load.getdoc, **arguments)
	tidy_the_timeline(arguments.get("doctype"))


@frappe.whitelist()
def get_docinfo(**arguments):
	from frappe.desk.form import load

	frappe.call(load.get_docinfo, **arguments)
	doc = arguments.get("doc")
	tidy_the_timeline(arguments.get("doctype") or frappe.parse_json(doc or {}).get("doctype"))


# Frappe's global search (the search bar's "Search for") reads its index with no rule of who sees which
# record (upstream: frappe/frappe, utils.global_search.search): the app's records come back only to
# those who may open them. It calls Frappe's own with the arguments that one takes.
@frappe.whitelist()
def search(**arguments):
	from frappe.utils import global_search

	# The index can still hold a record deleted while its entry waited in the queue: it is not shown.
	return [
		found
		for found in frappe.call(global_search.search, **arguments)
		if found.doctype not in SCOPED_DOCTYPES
		or (
			frappe.db.exists(found.doctype, found.name)  # the index can outlive a record
			and frappe.has_permission(found.doctype, "read", doc=found.name)
		)
	]


def reads_free_text(doctype: str, user: str | None = None) -> bool:
	return 1 in frappe.get_meta(doctype).get_permlevel_access("read", user=user)


def may_open_attachment(doc, ptype: str | None = None, user: str | None = None, debug: bool = False):
	"""has_permission hook for File: a file attached to a person's record (a CV, a letter) is one of
	the notes about them, opened by those who may open the record and read its notes."""
	user = user or frappe.session.user
	if doc.attached_to_doctype not in SCOPED_DOCTYPES or not doc.attached_to_name or user == "Administrator":
		return None
	if not frappe.db.exists(doc.attached_to_doctype, doc.attached_to_name):
		return None
	readable = frappe.has_permission(doc.attached_to_doctype, "read", doc=doc.attached_to_name, user=user)
	return None if readable and reads_free_text(doc.attached_to_doctype, user) else False


def tidy_the_timeline(doctype: str):
	"""Comments, emails and the old values of free-text fields are notes: Frappe's timeline shows them
	to anyone who may open the record, so take them out for those who may not read notes. Each opening
	is kept in the View Log (who saw what), and shown as one line per person per day, so that real
	changes are not pushed out of sight."""
	docinfo = frappe.response.get("docinfo")
	if doctype not in SCOPED_DOCTYPES or not docinfo:
		return
	seen = set()
	views = []
	for view in docinfo.get("views") or []:
		if (view.owner, str(view.creation)[:10]) not in seen:
			seen.add((view.owner, str(view.creation)[:10]))
			views.append(view)
	docinfo.views = views
	if reads_free_text(doctype):
		return
	docinfo.comments = []
	docinfo.communications = []
	for version in docinfo.versions:
		version.data = frappe.as_json(without_free_text(doctype, frappe.parse_json(version.data)))


def without_free_text(doctype: str, change: dict) -> dict:
	"""A Version's record of a change, less the fields at a permlevel above 0."""
	meta = frappe.get_meta(doctype)

	def is_free_text(fieldname, in_meta=meta):
		field = in_meta.get_field(fieldname)
		return bool(field and field.permlevel)

	def child_meta(table_field):
		return frappe.get_meta(meta.get_field(table_field).options)

	change["changed"] = [row for row in change.get("changed", []) if not is_free_text(row[0])]
	for key in ("added", "removed"):
		change[key] = [
			[table, {k: v for k, v in row.items() if not is_free_text(k, child_meta(table))}]
			for table, row in change.get(key, [])
		]
	change["row_changed"] = [
		[table, idx, row_name, [c for c in changes if not is_free_text(c[0], child_meta(table))]]
		for table, idx, row_name, changes in change.get("row_changed", [])
	]
	return change


def check_whose_it_will_be(doc, method=None) -> None:
	"""doc_events["*"].validate: Frappe checks a write against the record as the user sent it, and then
	fills fetched fields (a conversation's person, from its relationship). A record moved to someone
	the user may not see is refused here, once it is as it will be saved."""
	if doc.doctype not in SCOPED_DOCTYPES or doc.flags.ignore_permissions:
		return
	if has_permission(doc, "write") is False:
		frappe.throw(
			_("You can only file this under someone you work with."),
			frappe.PermissionError,
			title=_("Not yours to move"),
		)


def may_follow(doctype: str, name: str, user: str) -> bool:
	return frappe.has_permission(doctype, "read", doc=name, user=user) and reads_free_text(doctype, user)


def follows_only_what_they_read(doc, method=None) -> None:
	"""doc_events["Document Follow"].before_insert: Frappe's follow digest emails each follower a
	record's changes and comments, notes included, without asking what they may read. A person's
	records are followed only by those who may open them and read their notes."""
	if doc.ref_doctype in SCOPED_DOCTYPES and not may_follow(doc.ref_doctype, doc.ref_docname, doc.user):
		frappe.throw(
			_("Only those who work with the person can follow their records."),
			frappe.PermissionError,
			title=_("Not permitted"),
		)


def let_go_of_follows_no_longer_theirs() -> None:
	"""Hourly: a coach who moves team, or whose person stops sharing, stops getting the digest too."""
	for follow in frappe.get_all(
		"Document Follow",
		filters={"ref_doctype": ("in", list(SCOPED_DOCTYPES))},
		fields=["name", "ref_doctype", "ref_docname", "user"],
	):
		exists = frappe.db.exists(follow.ref_doctype, follow.ref_docname)
		if not exists or not may_follow(follow.ref_doctype, follow.ref_docname, follow.user):
			frappe.delete_doc("Document Follow", follow.name, ignore_permissions=True, force=True)
