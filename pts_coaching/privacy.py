"""What the app holds about a person: all of it, for them to see, and anonymising it when they ask or
when the retention period has passed.

Nothing is hard-deleted. Anonymising clears every note and everything the person said (the fields at
permlevel 1, the comments and the old values kept in track changes), replaces their name and removes
what reaches them (contact details, login), and keeps the structured numbers for reports. It never
changes a phase.
"""

import json

import frappe
from frappe import _
from frappe.query_builder import Case
from frappe.query_builder.functions import Count, Max
from frappe.utils import add_years, cint, today

from pts_coaching.permissions import SCOPED_DOCTYPES, reads_free_text, without_free_text

TEXT_FIELDTYPES = ("Data", "Small Text", "Text", "Long Text", "Text Editor")
# What names or reaches the person, beyond the notes.
PERSON_IDENTIFIERS = ("full_name", "pronouns", "date_of_birth", "phone", "email", "user", "contact")


def records_about(person: str) -> dict[str, list[str]]:
	return {
		doctype: frappe.get_all(doctype, {field: person}, pluck="name", order_by="creation")
		for doctype, field in SCOPED_DOCTYPES.items()
	}


def everything_about(person: str, for_the_person: bool = False) -> dict:
	"""Every record about the person, as a subject access request asks for. The notes and their words
	(fields above permlevel 0) are in it for the person themselves, and for users who may read notes;
	for anyone else (an analyst printing it) they are left out. Callers decide who may have it."""
	everything = {}
	for doctype, names in records_about(person).items():
		if not names:
			continue
		with_notes = for_the_person or reads_free_text(doctype)
		everything[doctype] = [as_record(frappe.get_doc(doctype, name), with_notes) for name in names]
	return everything


def as_record(doc, with_notes: bool) -> dict:
	record = doc.as_dict(no_default_fields=True, no_child_table_fields=True)
	if with_notes:
		return record
	for part_meta, rows in [(doc.meta, [record])] + [
		(frappe.get_meta(table.options), record.get(table.fieldname) or [])
		for table in doc.meta.get_table_fields()
	]:
		notes = [field.fieldname for field in part_meta.fields if field.permlevel]
		for row in rows:
			for fieldname in notes:
				row.pop(fieldname, None)
	return record


@frappe.whitelist()
def download_everything(person: str):
	"""For coaches and leads answering a subject access request."""
	frappe.get_doc("Person", person).check_permission("read")
	frappe.response.filename = f"{person}-everything-we-hold.json"
	frappe.response.filecontent = json.dumps(everything_about(person), indent=1, default=str)
	frappe.response.type = "download"


def anonymise_person(person: str, why: str) -> None:
	for doctype, names in records_about(person).items():
		for name in names:
			clear_free_text(doctype, name)
	anonymous = _("Anonymised {0}").format(person)
	frappe.db.set_value(
		"Person",
		person,
		{"preferred_name": anonymous, "anonymised_on": today(), **dict.fromkeys(PERSON_IDENTIFIERS)},
		update_modified=False,
	)
	for doctype, field in SCOPED_DOCTYPES.items():
		if doctype != "Person" and frappe.get_meta(doctype).has_field("person_name"):
			frappe.db.set_value(doctype, {field: person}, "person_name", anonymous, update_modified=False)
	frappe.get_doc("Person", person).add_comment("Info", why)


def clear_free_text(doctype: str, name: str) -> None:
	doc = frappe.get_doc(doctype, name)
	for part in (doc, *doc.get_all_children()):
		notes = [f.fieldname for f in part.meta.fields if f.permlevel and f.fieldtype in TEXT_FIELDTYPES]
		if notes:
			frappe.db.set_value(part.doctype, part.name, dict.fromkeys(notes), update_modified=False)
	comment = frappe.qb.DocType("Comment")
	frappe.qb.update(comment).set(comment.content, "").where(comment.reference_doctype == doctype).where(
		comment.reference_name == name
	).where(comment.comment_type.isin(["Comment", "Edit"])).run()
	for version in frappe.get_all("Version", {"ref_doctype": doctype, "docname": name}, ["name", "data"]):
		kept = without_free_text(doctype, json.loads(version.data))
		if doctype == "Person":
			kept["changed"] = [
				c for c in kept["changed"] if c[0] not in (*PERSON_IDENTIFIERS, "preferred_name")
			]
		frappe.db.set_value("Version", version.name, "data", frappe.as_json(kept), update_modified=False)


def anonymise_after_retention() -> list[str]:
	"""Daily: people whose relationships all ended longer ago than the settings' retention period.
	The only scheduled job that touches coaching records; it never changes a phase."""
	years = cint(frappe.db.get_single_value("PTS Coaching Settings", "retention_years"))
	if not years:
		return []
	relationship = frappe.qb.DocType("Coaching Relationship")
	person = frappe.qb.DocType("Person")
	still_open = Count(Case().when(relationship.phase != "Ended", 1))
	people = (
		frappe.qb.from_(relationship)
		.join(person)
		.on(person.name == relationship.person)
		.select(relationship.person)
		.where(person.anonymised_on.isnull())
		.groupby(relationship.person)
		.having(still_open == 0)
		.having(Max(relationship.ended_on) < add_years(today(), -years))
	).run(pluck=True)
	for name in people:
		anonymise_person(
			name,
			_("Anonymised: every relationship ended more than {0} years ago (PTS Coaching Settings).").format(
				years
			),
		)
	if people:
		frappe.logger("pts_coaching").info(f"Retention: anonymised {len(people)} people: {', '.join(people)}")
	return people


def on_deletion_request(request, method=None):
	"""Frappe's Personal Data Deletion Request redacts the Person row (user_data_fields); as soon as it
	starts, anonymise every record about the people linked to that login too."""
	if not any(step.status == "Deleted" for step in request.deletion_steps):
		return
	for person in frappe.get_all(
		"Person", {"user": request.email, "anonymised_on": ("is", "not set")}, pluck="name"
	):
		anonymise_person(person, _("Anonymised at their request ({0}).").format(request.name))


def on_download_request(request, method=None):
	"""Frappe's Personal Data Download Request covers the Person row; attach everything else."""
	for person in frappe.get_all("Person", {"user": request.user}, pluck="name"):
		frappe.get_doc(
			{
				"doctype": "File",
				"file_name": f"{person}-everything-we-hold.json",
				"attached_to_doctype": request.doctype,
				"attached_to_name": request.name,
				"content": json.dumps(everything_about(person, for_the_person=True), indent=1, default=str),
				"is_private": 1,
			}
		).insert(ignore_permissions=True)
