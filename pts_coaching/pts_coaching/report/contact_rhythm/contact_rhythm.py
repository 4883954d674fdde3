# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt
"""Contact Rhythm: contacts per month by channel, and relationships kept alive by text messages alone.

Every contact counts, however small. Only the date and channel of each conversation are read: what was
said stays on the conversation. The arithmetic is pts_coaching.report_arithmetic.contact_rhythm.
"""

import frappe
from frappe import _
from frappe.query_builder import Case, CustomFunction
from frappe.query_builder.functions import Count, Sum

from pts_coaching.pts_coaching.report.reporting import (
	frame,
	marked_if_partial,
	nothing_yet,
	options,
	period,
	rows_of,
	summary,
	visible,
	within_relationships,
)
from pts_coaching.report_arithmetic.contact_rhythm import (
	BY_MONTH_AND_CHANNEL,
	IN_TOUCH_BY_MONTH,
	NOT_SAID,
	TEXT_MESSAGE,
	rhythm,
)
from pts_coaching.report_arithmetic.over_time import MONTH

CHANNEL_COLOURS = ["#5E64FF", "#743EE2", "#FF5858", "#29CD42", "#ECAD4B", "#2490EF", "#FFA00A", "#A6B1B9"]
LastDay = CustomFunction("LAST_DAY", ["date"])


def execute(filters=None):
	filters = frappe._dict(filters or {})
	from_date, to_date = period(filters)
	conversation = frappe.qb.DocType("Coaching Conversation")
	in_period = visible(
		frappe.qb.from_(conversation).where(conversation.date.between(from_date, to_date)),
		"Coaching Conversation",
	)
	if filters.coach or filters.team:
		relationship = frappe.qb.DocType("Coaching Relationship")
		in_period = in_period.join(relationship).on(relationship.name == conversation.relationship)
		in_period = within_relationships(in_period, relationship, filters)
	# Read from the index (date, relationship, channel) alone: nothing of what was said.
	month = LastDay(conversation.date)
	texts = Sum(Case().when(conversation.channel == TEXT_MESSAGE, 1).else_(0))
	by_month_and_channel = in_period.select(month, conversation.channel, Count("*")).groupby(
		month, conversation.channel
	)
	per_relationship_and_month = (
		in_period.select(month.as_("month"), Count("*").as_("contacts"), texts.as_("texts"))
		.groupby(conversation.relationship, month)
		.as_("in_touch")
	)
	per_relationship = (
		in_period.select(Count("*").as_("contacts"), texts.as_("texts"))
		.groupby(conversation.relationship)
		.as_("in_touch")
	)
	result = rhythm(
		frame(by_month_and_channel, BY_MONTH_AND_CHANNEL),
		frame(in_touch(per_relationship_and_month, per_relationship_and_month.month), IN_TOUCH_BY_MONTH),
		in_touch(per_relationship).run()[0],
		options("Coaching Conversation", "channel"),
		from_date,
		to_date,
	)
	if not result.contacts:
		return nothing_yet(
			columns(result.by_channel),
			_("No conversations in this period yet."),
			_("Contacts in this period"),
		)
	labels = marked_if_partial(result.months["month"].tolist(), from_date, to_date, MONTH)
	months = result.months.rename(columns={channel: fieldname(channel) for channel in result.by_channel})
	months = months.assign(month=labels)
	return columns(result.by_channel), rows_of(months), None, chart(result, labels), report_summary(result)


def in_touch(per_relationship, *by):
	"""The relationships in touch, and of those the ones whose every contact was a text message."""
	all_texts = Sum(Case().when(per_relationship.texts == per_relationship.contacts, 1).else_(0))
	query = frappe.qb.from_(per_relationship).select(*by, Count("*"), all_texts)
	return query.groupby(*by) if by else query


def fieldname(channel: str) -> str:
	return frappe.scrub(channel) if channel != NOT_SAID else "not_said"


def channel_label(channel: str) -> str:
	return _(channel) if channel != NOT_SAID else _("Not said")


def columns(channels) -> list[dict]:
	return [
		{"fieldname": "month", "label": _("Month"), "fieldtype": "Data", "width": 90},
		*(
			{
				"fieldname": fieldname(channel),
				"label": channel_label(channel),
				"fieldtype": "Int",
				"width": 100,
			}
			for channel in channels
		),
		{"fieldname": "contacts", "label": _("Contacts"), "fieldtype": "Int", "width": 90},
		{
			"fieldname": "relationships",
			"label": _("Relationships in touch"),
			"fieldtype": "Int",
			"width": 170,
		},
		{
			"fieldname": "by_text_alone",
			"label": _("In touch by text alone"),
			"fieldtype": "Int",
			"width": 170,
		},
	]


def chart(result, labels: list[str]) -> dict:
	used = [channel for channel, count in result.by_channel.items() if count]
	return {
		"title": _("Contacts per month, by channel"),
		"data": {
			"labels": labels,
			"datasets": [
				{"name": channel_label(channel), "values": result.months[channel].tolist()}
				for channel in used
			],
		},
		"type": "bar",
		"barOptions": {"stacked": 1},
		"colors": CHANNEL_COLOURS[: len(used)],
	}


def report_summary(result) -> list[dict]:
	return [
		summary(result.contacts, _("Contacts")),
		summary(result.relationships, _("Relationships in touch")),
		summary(result.kept_alive_by_text_alone, _("Kept alive by text messages alone"), indicator="Green"),
		summary(result.share_by_text, _("Contacts by {0}").format(_(TEXT_MESSAGE).lower()), "Percent"),
	]
