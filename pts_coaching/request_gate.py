"""One gate for every request that reaches the app's records, whatever Frappe method it calls.

Frappe's whitelisted methods take a doctype and fields, filters or names from the caller, and many of
them read the database without asking who may see what: link titles, link validation, tags, follows,
attachments, communications, workflow state counts, caller-made charts and number cards, prepared
reports asked for as another user, and field lists whose expressions (`elt(2, name, (select ...))`)
slip past Frappe's field sanitiser (upstream: frappe/frappe, DatabaseQuery.sanitize_fields). Rather
than wrap each method, which a Frappe release can rename or re-sign, this gate reads the request as
it arrives (auth_hooks: after Frappe has worked out who is asking) and refuses, for the app's
doctypes:

- a field, sort or group that is anything but a plain field name (or a count of one), and any
  sub-query that names an app table from any doctype;
- a field, filter, sort, group or search field at permlevel 1 (the notes) for users who may not read
  notes;
- a record named by the caller that the user may not read (403, as Frappe answers where it checks),
  and a file of someone's record attached to an email by one who may not open it;
- `ignore_user_permissions`, and another user's prepared report;
- caller-made charts and number cards over the app's doctypes, and Frappe's own records (comments,
  versions, files, shares, follows, tags, logs) filtered by an app doctype, for anyone but admins.
"""

import json
import re
from functools import cache
from pathlib import Path

import frappe
from frappe import _

DOCTYPE_ARGUMENTS = (
	"doctype",
	"dt",
	"reference_doctype",
	"ref_doctype",
	"doc_type",
	"document_type",
	"parent_doctype",
)
NAME_ARGUMENTS = ("name", "dn", "docname", "doc_name", "docnames", "names", "reference_name", "ref_docname")
FIELD_ARGUMENTS = (
	"fields", "order_by", "group_by", "sort_by", "field", "fieldname", "searchfield", "columns",
	"select_columns", "export_fields", "field_map", "group_by_field", "aggregate_on_field", "with_fields",
	"stats",
)  # fmt: skip
FILTER_ARGUMENTS = ("filters", "or_filters", "current_filters", "export_filters", "filter", "and_filters")
# Frappe's own records about other records: who may list them for the app's records is the admins'.
RECORDS_ABOUT_RECORDS = (
	"Comment", "Version", "File", "Communication", "Communication Link", "ToDo", "View Log",
	"Activity Log", "DocShare", "Document Follow", "Tag Link", "Deleted Document", "Access Log",
	"Energy Point Log", "Notification Log", "Route History", "Prepared Report", "Error Log",
)  # fmt: skip
# A chart a caller builds themselves, which Frappe then counts with frappe.get_all (number cards
# count through frappe.get_list, which keeps to what the user may see).
METHODS_WITH_CALLER_MADE = {"frappe.desk.doctype.dashboard_chart.dashboard_chart.get": "chart"}
METHODS_WITH_PREPARED_REPORTS = (
	"frappe.desk.query_report.run",
	"frappe.desk.query_report.get_prepared_report_result",
	"frappe.desk.query_report.export_query",
)
METHODS_NOT_FOR_THE_APP = ("frappe.www.list.get", "frappe.www.list.get_list_context")
PLAIN_FIELD = re.compile(
	r"^\s*(`?tab[\w -]+`?\s*\.\s*)?`?\w+`?(\s+as\s+`?\w+`?)?(\s+(asc|desc))?\s*$", re.IGNORECASE
)
COUNT_OF_A_FIELD = re.compile(
	r"^\s*(count|sum|avg|min|max)\s*\(\s*(distinct\s+)?(\*|(`?tab[\w -]+`?\s*\.\s*)?`?\w+`?)\s*\)"
	r"(\s+as\s+`?\w+`?)?\s*$",
	re.IGNORECASE,
)
SUB_QUERY = re.compile(r"\bselect\b|/\*|\*/|--|#", re.IGNORECASE)
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
DOCTYPES_FOLDER = Path(__file__).parent / "pts_coaching" / "doctype"


class Refused(frappe.PermissionError):
	pass


@cache
def app_doctypes() -> dict[str, dict]:
	"""Each doctype of the app: whether it is a child table, and its notes (fields at permlevel 1)."""
	found = {}
	for path in DOCTYPES_FOLDER.glob("*/*.json"):
		meta = json.loads(path.read_text())
		if meta.get("doctype") == "DocType":
			found[meta["name"]] = {
				"child": bool(meta.get("istable")),
				"notes": {f["fieldname"] for f in meta["fields"] if f.get("permlevel")},
				"tables": [
					f["options"] for f in meta["fields"] if f["fieldtype"] in ("Table", "Table MultiSelect")
				],
			}
	return found


def check_request() -> None:
	"""auth_hooks: runs on every request once Frappe knows who is asking."""
	if frappe.session.user == "Administrator" or not getattr(frappe.local, "request", None):
		return
	if (frappe.local.request.path or "").startswith("/private/files/"):
		check_attachment_may_be_opened(frappe.local.request.path)
		return
	arguments = frappe.local.form_dict
	method = requested_method()
	doctype = requested_doctype(arguments)
	ours = app_doctypes()

	check_no_sub_query_reaches_the_app(arguments, doctype)
	check_attachments_named_are_theirs(arguments)
	if method in METHODS_WITH_PREPARED_REPORTS:
		arguments.pop("user", None)
		check_prepared_report_is_theirs(arguments)
	if method in METHODS_WITH_CALLER_MADE:
		check_caller_made_counts(arguments.get(METHODS_WITH_CALLER_MADE[method]))
	if doctype in RECORDS_ABOUT_RECORDS and mentions_an_app_doctype(arguments) and not is_admin():
		refuse()
	if doctype not in ours:
		return
	if method in METHODS_NOT_FOR_THE_APP:
		refuse()
	if ours[doctype]["child"] and is_a_query(arguments) and not is_admin():
		# Rows of a child table are listed through their record, whose rule says who sees them;
		# asked for on their own (by `parent`), Frappe checks only the parent doctype's role.
		refuse()
	if arguments.get("ignore_user_permissions"):
		arguments["ignore_user_permissions"] = 0
	check_plain_fields(arguments)
	if not reads_notes(doctype):
		check_no_notes_asked_for(doctype, arguments)
	if method.endswith(".get_workflow_state_count"):
		check_workflow_state_field(doctype, arguments)
	if method.endswith(".get_communications") and not reads_notes(doctype):
		refuse()
	if not request_is_rest_resource():
		check_named_records_are_theirs(doctype, arguments)


def check_attachment_may_be_opened(path: str) -> None:
	"""Frappe serves a private file to anyone who may open the record it is on (File.is_downloadable
	asks File's own rule, not the has_permission hooks): one on a person's record is a note, for those
	who may read the record's notes (pts_coaching.permissions.may_open_attachment)."""
	from urllib.parse import unquote

	from pts_coaching.permissions import may_open_attachment

	for name in frappe.get_all("File", {"file_url": unquote(path)}, pluck="name"):
		if may_open_attachment(frappe.get_doc("File", name), "read") is False:
			refuse()


def check_attachments_named_are_theirs(arguments) -> None:
	"""An email (frappe.core.doctype.communication.email.make) attaches files named by the caller, and
	Frappe checks the record the email is about, not the files: a file on a person's record goes out
	only from someone who may open it."""
	from pts_coaching.permissions import may_open_attachment

	for name in strings_in(arguments.get("attachments")):
		url = frappe.db.get_value("File", name, "file_url")
		# A copy of a file (attached to an email, say) shares its URL, and so its contents.
		for same in frappe.get_all("File", {"file_url": url}, pluck="name") if url else ():
			if may_open_attachment(frappe.get_doc("File", same), "read") is False:
				refuse()


def is_a_query(arguments) -> bool:
	return request_is_rest_resource() or any(
		arguments.get(argument) for argument in ("fields", *FILTER_ARGUMENTS, "group_by", "order_by", "txt")
	)


def refuse(message: str | None = None):
	frappe.throw(
		message or _("That is not there, or is not yours to see."), Refused, title=_("Not permitted")
	)


def is_admin() -> bool:
	return "System Manager" in frappe.get_roles()


def requested_method() -> str:
	path = frappe.local.request.path or ""
	if path.startswith("/api/method/"):
		return path[len("/api/method/") :].strip("/")
	if path.startswith("/api/v2/method/"):
		return path[len("/api/v2/method/") :].strip("/")
	return frappe.local.form_dict.get("cmd") or ""


def request_is_rest_resource() -> bool:
	"""/api/resource/<doctype>/<name>: Frappe checks the named record's permission itself."""
	path = frappe.local.request.path or ""
	return path.startswith(("/api/resource/", "/api/v2/document/", "/api/v2/doctype/"))


def requested_doctype(arguments) -> str | None:
	path = frappe.local.request.path or ""
	for prefix in ("/api/resource/", "/api/v2/document/", "/api/v2/doctype/"):
		if path.startswith(prefix):
			from urllib.parse import unquote

			return unquote(path[len(prefix) :].split("/")[0])
	for argument in DOCTYPE_ARGUMENTS:
		value = arguments.get(argument)
		if isinstance(value, str) and value:
			return value
	doc = arguments.get("doc")
	if doc:
		try:
			return as_data(doc).get("doctype")
		except (AttributeError, ValueError):
			return None
	return None


def as_data(value):
	if isinstance(value, str):
		try:
			return json.loads(value)
		except ValueError:
			return value
	return value


def strings_in(value):
	value = as_data(value)
	if isinstance(value, str):
		yield value
	elif isinstance(value, dict):
		for key, item in value.items():
			yield str(key)
			yield from strings_in(item)
	elif isinstance(value, list | tuple):
		for item in value:
			yield from strings_in(item)


def app_tables() -> tuple[str, ...]:
	return tuple(f"tab{name}".lower() for name in app_doctypes())


def field_texts(arguments, argument: str):
	"""The field names (or expressions) an argument holds: for `fieldname`, which frappe.client.set_value
	also takes as {field: value}, only the keys."""
	value = as_data(arguments.get(argument))
	if argument == "fieldname" and isinstance(value, dict):
		return list(value)
	return list(strings_in(value))


def filter_fields(filters) -> list[str]:
	"""The fields a filter tests, not the values it tests them against."""
	filters = as_data(filters)
	if isinstance(filters, dict):
		return [str(key) for key in filters]
	fields = []
	if isinstance(filters, list):
		for condition in filters:
			condition = as_data(condition)
			if isinstance(condition, list | tuple) and condition:
				fields.append(str(condition[1] if len(condition) >= 4 else condition[0]))
			elif isinstance(condition, dict):
				fields += [str(key) for key in condition]
	return fields


def check_no_sub_query_reaches_the_app(arguments, asked_about: str | None) -> None:
	"""For any doctype: no field, sort, group or filtered field holds a sub-query, or names an app
	table from outside the app's doctypes."""
	texts = [text for argument in FIELD_ARGUMENTS for text in field_texts(arguments, argument)]
	texts += [field for argument in FILTER_ARGUMENTS for field in filter_fields(arguments.get(argument))]
	for text in texts:
		if "(" in text and SUB_QUERY.search(text):
			refuse(_("Fields are field names: sub-queries are not allowed."))
		if asked_about not in app_doctypes() and any(
			table in text.lower().replace("`", "") for table in app_tables()
		):
			refuse()


def mentions_an_app_doctype(arguments) -> bool:
	names = set(app_doctypes())
	return any(
		text in names
		for argument in (*FILTER_ARGUMENTS, *DOCTYPE_ARGUMENTS, "attached_to_doctype", "fields")
		for text in strings_in(arguments.get(argument))
	)


def check_plain_fields(arguments) -> None:
	for argument in ("fields", "order_by", "group_by", "sort_by"):
		value = as_data(arguments.get(argument))
		if not value:
			continue
		specs = (
			value if isinstance(value, list) else str(value).split(",") if argument != "fields" else [value]
		)
		for spec in specs:
			if not isinstance(spec, str):
				refuse(_("Fields are field names."))
			if spec.strip() in ("*", "count(*)") or PLAIN_FIELD.match(spec) or COUNT_OF_A_FIELD.match(spec):
				continue
			refuse(
				_("Fields are field names, or a count of one: {0} is neither.").format(frappe.bold(spec[:40]))
			)


def reads_notes(doctype: str) -> bool:
	from pts_coaching.permissions import reads_free_text

	parent = doctype
	if app_doctypes().get(doctype, {}).get("child"):
		parent = next((name for name, facts in app_doctypes().items() if doctype in facts["tables"]), doctype)
	return reads_free_text(parent)


def notes_of(doctype: str) -> set[str]:
	facts = app_doctypes()[doctype]
	notes = set(facts["notes"]) | {"_comments"}
	for table in facts["tables"]:
		notes |= app_doctypes()[table]["notes"]
	return notes


def check_no_notes_asked_for(doctype: str, arguments) -> None:
	"""Notes are not read, filtered, sorted, grouped or searched by those who may not read them. Asked
	for among the fields of a list (as the desk's list view asks for `_comments`), they are left out,
	as Frappe leaves out any field above the user's permlevel."""
	notes = notes_of(doctype)

	def names_a_note(text: str) -> bool:
		return text in notes or any(identifier in notes for identifier in IDENTIFIER.findall(text))

	fields = as_data(arguments.get("fields"))
	if isinstance(fields, list):
		kept = [field for field in fields if not (isinstance(field, str) and names_a_note(field))]
		arguments["fields"] = json.dumps(kept) if isinstance(arguments.get("fields"), str) else kept
	texts = [
		text
		for argument in FIELD_ARGUMENTS
		if argument != "fields"
		for text in field_texts(arguments, argument)
	]
	texts += [field for argument in FILTER_ARGUMENTS for field in filter_fields(arguments.get(argument))]
	if any(names_a_note(text) for text in texts):
		refuse(_("Notes are for those who work with the person."))


def check_workflow_state_field(doctype: str, arguments) -> None:
	from frappe.model.workflow import get_workflow_state_field

	if arguments.get("workflow_state_field") != get_workflow_state_field(doctype):
		refuse()


def check_prepared_report_is_theirs(arguments) -> None:
	filters = as_data(arguments.get("filters"))
	name = (filters.get("prepared_report_name") if isinstance(filters, dict) else None) or arguments.get(
		"prepared_report_name"
	)
	if (
		name
		and frappe.db.get_value("Prepared Report", name, "owner") != frappe.session.user
		and not is_admin()
	):
		refuse()


def check_caller_made_counts(made) -> None:
	made = as_data(made)
	if isinstance(made, dict) and not is_admin():
		if {made.get("document_type"), made.get("parent_document_type")} & set(app_doctypes()):
			refuse()


def check_named_records_are_theirs(doctype: str, arguments) -> None:
	names = []
	for argument in NAME_ARGUMENTS:
		value = as_data(arguments.get(argument))
		if isinstance(value, str) and value:
			names.append(value)
		elif isinstance(value, list):
			names += [str(item) for item in value]
	if not names:
		return
	if app_doctypes()[doctype]["child"]:
		refuse()
	for name in names:
		if not frappe.db.exists(doctype, name):
			continue  # Frappe answers for a record that is not there (a new form asks for "new")
		if not frappe.has_permission(doctype, "read", doc=name):
			refuse()  # as Frappe refuses a record the user may not read: 403, and nothing of it
