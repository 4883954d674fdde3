"""What every report shares: who sees what, the filters people expect, and how results are said.

A report reads its doctypes only through `visible`, which applies the same criterion that keeps lists
and forms to the people the user may see (pts_coaching.permissions). Nothing here reads the request:
a report runs the same in a background job, as a Prepared Report, as the user who asked for it.
"""

from datetime import date

import frappe
import pandas as pd
from frappe import _
from frappe.utils import add_days, add_months, getdate, today
from pypika.functions import DistinctOptionFunction

from pts_coaching.permissions import criterion_for
from pts_coaching.report_arithmetic.over_time import SO_FAR, partial_periods


def period(filters: dict) -> tuple[date, date]:
	"""The report's period: the filters' dates, or the twelve months up to today."""
	to_date = getdate(filters.get("to_date") or today())
	from_date = getdate(filters.get("from_date") or add_days(add_months(to_date, -12), 1))
	if from_date > to_date:
		frappe.throw(
			_("The period starts after it ends: choose a From date before the To date."),
			title=_("Check the dates"),
		)
	return from_date, to_date


def visible(query, doctype: str):
	"""The query, kept to the records of `doctype` the user may see."""
	criterion = criterion_for(doctype, frappe.session.user)
	return query if criterion is None else query.where(criterion)


def coached_within(query, person_field, filters: dict):
	"""The query, kept to people with a relationship with the chosen coach, in the chosen team."""
	if not (filters.get("coach") or filters.get("team")):
		return query
	relationship = frappe.qb.DocType("Coaching Relationship")
	people = frappe.qb.from_(relationship).select(relationship.person)
	if filters.get("coach"):
		people = people.where(relationship.coach == filters["coach"])
	if filters.get("team"):
		people = people.where(relationship.team == filters["team"])
	return query.where(person_field.isin(people))


def within_relationships(query, relationship, filters: dict):
	"""The query over Coaching Relationship `relationship`, kept to the chosen coach and team."""
	if filters.get("coach"):
		query = query.where(relationship.coach == filters["coach"])
	if filters.get("team"):
		query = query.where(relationship.team == filters["team"])
	return query


def marked_if_partial(labels: list[str], from_date: date, to_date: date, grain: str) -> list[str]:
	"""Period labels as shown, with the one in progress marked "so far" and one the dates cut marked
	"part", so that fewer contacts in it read as what they are, not as a fall."""
	partial = partial_periods(from_date, to_date, grain, getdate(today()))
	marks = {SO_FAR: _("{0} (so far)"), None: "{0}"}
	return [marks.get(partial.get(label), _("{0} (part)")).format(label) for label in labels]


def child_rows_of(parent, child, parentfield: str):
	"""How the rows of a child table in `parentfield` join their parent record."""
	return (
		(child.parent == parent.name)
		& (child.parenttype == parent._table_name.removeprefix("tab"))
		& (child.parentfield == parentfield)
	)


def then_and_now_chart(title: str, labels: list, then: tuple[str, list], now: tuple[str, list]) -> dict:
	"""A bar chart of the same things at two moments: grey for then, blue for now."""
	return {
		"title": title,
		"data": {
			"labels": labels,
			"datasets": [{"name": name, "values": values} for name, values in (then, now)],
		},
		"type": "bar",
		"colors": ["#A6B1B9", "#5E64FF"],
	}


def frame(query, columns: list[str]) -> pd.DataFrame:
	"""The query's rows as a DataFrame with these columns, named as the query selects them."""
	return pd.DataFrame(query.run(as_list=True), columns=columns)


class Listed(DistinctOptionFunction):
	"""GROUP_CONCAT(value ORDER BY order SEPARATOR apart): a group's values as one text, in that order
	(or as they come), or each once where distinct."""

	def __init__(self, value, apart: str, order=(), distinct: bool = False):
		super().__init__("GROUP_CONCAT", value)
		self._distinct = distinct
		self.apart = apart
		self.order = tuple(order)

	def get_special_params_sql(self, **kwargs):
		order = ", ".join(term.get_sql(**kwargs) for term in self.order)
		return f"{f'ORDER BY {order} ' if order else ''}SEPARATOR {frappe.db.escape(self.apart)}"


def options(doctype: str, fieldname: str) -> list[str]:
	"""A Select field's options, in order, as the doctype has them now."""
	return [
		option for option in (frappe.get_meta(doctype).get_options(fieldname) or "").split("\n") if option
	]


def number(value, places: int = 1):
	"""A value for a summary or a row: None stays None (shown empty), NaN becomes None."""
	if value is None or pd.isna(value):
		return None
	return round(float(value), places)


def nothing_yet(columns: list[dict], message: str, counted: str) -> tuple:
	"""A report with nothing to show yet: the message, and a count of none in the summary, which a
	Prepared Report shows too (it leaves the message out)."""
	return columns, [], message, None, [summary(0, counted, indicator="Grey")]


def summary(value, label: str, datatype: str = "Int", indicator: str = "Blue") -> dict:
	return {"value": value, "label": label, "datatype": datatype, "indicator": indicator}


def rows_of(data: pd.DataFrame) -> list[dict]:
	"""DataFrame rows as report rows, with pandas' missing values as None."""
	# Column by column, not value by value: Wellbeing Journey has a row per person and question.
	columns = {column: _as_python(data[column]) for column in data.columns}
	return [dict(zip(columns, values, strict=True)) for values in zip(*columns.values(), strict=True)]


def _as_python(column: pd.Series) -> list:
	if column.dtype.kind in "iub":
		return column.tolist()
	if column.dtype.kind == "f":
		return [None if value != value else value for value in column.tolist()]
	return [
		value
		if type(value) in ALREADY_PLAIN
		else (None if value != value else value)
		if type(value) is float
		else _plain(value)
		for value in column.tolist()
	]


# What a report's text and day columns mostly hold, passed on as they are (and a float, unless it is
# pandas' NaN): a hundred thousand rows of them are not each looked at.
ALREADY_PLAIN = frozenset({str, int, bool, date, type(None)})


def _plain(value):
	"""Python's own types, so that a Prepared Report can be stored as JSON; missing values as None."""
	if _missing(value):
		return None
	if isinstance(value, pd.Timestamp):
		return value.date()
	if hasattr(value, "item"):
		return value.item()
	return value


def _missing(value) -> bool:
	try:
		return bool(pd.isna(value))
	except (TypeError, ValueError):
		return False
