"""What people type, checked as it comes in and made safe wherever it is shown.

Every record of the app passes `check_before_saving` (doc_events, before_validate), so bad input is
refused with a plain message naming the field, before Frappe or MariaDB meet it: text longer than its
column, dates that are not dates, numbers that are not finite or do not fit, values that are not
among a Select's options, links to records that do not exist. A refusal quotes only the first few
words of what was sent.

Frappe's sanitiser leaves alone any text that parses as JSON, so `["<img onerror=...>"]` is stored as
it came; here such text is sanitised like any other. What the app renders itself (print formats, the
person's page) goes through `as_html`, which escapes plain text and cleans rich text with an
allowlist at render time, whatever shape the text has.
"""

import datetime
import json
import math

import frappe
import nh3
from frappe import _
from frappe.utils import escape_html, getdate

# MariaDB's TEXT holds 65,535 bytes; Frappe makes Data a VARCHAR of the field's length, 140 by default.
TEXT_COLUMN_BYTES = {"Small Text": 65535, "Text": 65535}
DATA_COLUMN_CHARACTERS = 140
RICH_TEXT = ("Text Editor",)
PLAIN_TEXT = ("Data", "Small Text", "Text", "Long Text", "Read Only")
# Frappe stores Float, Currency and Percent as DECIMAL(21,9) and Int as INT.
LARGEST_NUMBER = {"Int": 2**31 - 1, "Float": 10**12, "Currency": 10**12, "Percent": 10**12}
WORDS_QUOTED = 6

RICH_TEXT_TAGS = {
	"p", "br", "strong", "b", "em", "i", "u", "s", "ul", "ol", "li", "blockquote",
	"h1", "h2", "h3", "h4", "a", "span", "div", "pre", "code", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
RICH_TEXT_ATTRIBUTES = {"a": {"href"}, "li": {"data-list"}, "td": {"colspan", "rowspan"}}


APP_MODULE = "PTS Coaching"


def check_before_saving(doc, method=None) -> None:
	"""doc_events["*"].before_validate: what a controller or MariaDB would fail on (text too long for
	its column, dates and numbers that are not), before either meets it."""
	for part, field, value in typed_values(doc):
		if field.fieldtype in PLAIN_TEXT + RICH_TEXT:
			part.set(field.fieldname, checked_text(field, value))
		elif field.fieldtype == "Date":
			part.set(field.fieldname, checked_date(field, value))
		elif field.fieldtype in LARGEST_NUMBER:
			checked_number(field, value)


def check_choices_and_links(doc, method=None) -> None:
	"""doc_events["*"].validate, after the controller has said what it would in the domain's words: a
	value among a Select's options, and a link to a record that exists (Frappe skips the link check
	where a fetched field is set or links are ignored)."""
	for part, field, value in typed_values(doc):
		if field.fieldtype == "Select":
			checked_choice(field, value)
		elif field.fieldtype in ("Link", "Dynamic Link") and not doc.flags.ignore_links:
			checked_link(part, field, value)


def typed_values(doc):
	if doc.meta.module != APP_MODULE:
		return
	for part in (doc, *doc.get_all_children()):
		for field in part.meta.fields:
			value = part.get(field.fieldname)
			if value is not None and value != "":
				yield part, field, value


def shown_safely_in_print(doc, method=None, *args, **kwargs) -> None:
	"""doc_events["*"].before_print: Frappe's Standard print format puts a record's values into the page
	as they are stored, so the app's records go to it escaped (rich text cleaned)."""
	if doc.meta.module != APP_MODULE:
		return
	for part in (doc, *doc.get_all_children()):
		for field in part.meta.fields:
			if field.fieldtype in PLAIN_TEXT + RICH_TEXT and part.get(field.fieldname):
				part.set(
					field.fieldname, as_html(part.get(field.fieldname), field.fieldtype, line_breaks=False)
				)


def refuse(field, what_is_wrong: str, value=None) -> None:
	label = _(field.label or field.fieldname)
	if value is None:
		frappe.throw(_("{0}: {1}").format(label, what_is_wrong), title=_("Check {0}").format(label))
	frappe.throw(
		_("{0}: {1} ({2})").format(label, what_is_wrong, escape_html(first_words(value))),
		title=_("Check {0}").format(label),
	)


def first_words(value) -> str:
	text = str(value)
	words = text.split()
	shortened = " ".join(words[:WORDS_QUOTED])[:60]
	return shortened if shortened == text else f"{shortened}…"


def checked_text(field, value) -> str:
	if not isinstance(value, str):
		value = str(value)
	if field.fieldtype == "Data":
		limit = field.length or DATA_COLUMN_CHARACTERS
		if len(value) > limit:
			refuse(field, _("this holds up to {0} characters, and {1} were sent").format(limit, len(value)))
	elif field.fieldtype in TEXT_COLUMN_BYTES:
		limit = TEXT_COLUMN_BYTES[field.fieldtype]
		if len(value.encode()) > limit:
			refuse(
				field,
				_("this holds up to {0} characters, and {1} were sent").format(
					f"{limit:,}", f"{len(value):,}"
				),
			)
	if parses_as_json(value) and "<" in value:
		# Frappe's own sanitiser passes JSON by; nothing here is JSON that needs markup.
		return nh3.clean(value, tags=RICH_TEXT_TAGS, attributes=RICH_TEXT_ATTRIBUTES)
	return value


def parses_as_json(value: str) -> bool:
	try:
		json.loads(value)
	except ValueError:
		return False
	return True


def checked_date(field, value) -> str:
	if isinstance(value, datetime.datetime):
		value = value.date()
	if not isinstance(value, datetime.date):
		try:
			value = getdate(str(value))
		except Exception:
			refuse(field, _("this is not a date"), value)
	if not 1900 <= value.year <= 2200:
		refuse(field, _("a date between 1900 and 2200, please"), value)
	return value.isoformat()


def checked_number(field, value) -> None:
	if isinstance(value, bool):
		return
	try:
		number = float(value)
	except (TypeError, ValueError):
		refuse(field, _("this is not a number"), value)
	if not math.isfinite(number):
		refuse(field, _("this is not a number"), value)
	if field.fieldtype == "Int" and number != int(number):
		refuse(field, _("a whole number, please"), value)
	largest = LARGEST_NUMBER[field.fieldtype]
	if abs(number) > largest:
		refuse(field, _("a number no larger than {0}, please").format(f"{largest:,}"), value)


def checked_choice(field, value) -> None:
	options = [option for option in (field.options or "").split("\n") if option]
	if options and value not in options:
		refuse(
			field,
			_("choose one of {0}").format(", ".join(_(option) for option in options)),
			value,
		)


def checked_link(part, field, value) -> None:
	doctype = field.options if field.fieldtype == "Link" else part.get(field.options)
	if not doctype or not frappe.db.exists(doctype, value):
		refuse(field, _("there is no {0} called this").format(_(doctype or _("record"))), value)


def as_html(value, fieldtype: str = "Data", line_breaks: bool = True) -> str:
	"""What someone typed, safe to put into a page: rich text cleaned, anything else escaped."""
	if value is None:
		return ""
	if fieldtype in RICH_TEXT:
		return nh3.clean(str(value), tags=RICH_TEXT_TAGS, attributes=RICH_TEXT_ATTRIBUTES)
	escaped = escape_html(str(value))
	return escaped.replace("\n", "<br>") if line_breaks else escaped


def as_printed(value, field) -> str:
	"""A value of any field, as the app's own print formats show it."""
	if field.fieldtype in PLAIN_TEXT + RICH_TEXT:
		return as_html(value, field.fieldtype)
	return escape_html(str(frappe.format(value, field)))
