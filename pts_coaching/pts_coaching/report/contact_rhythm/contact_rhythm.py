# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt
"""Contact Rhythm: contacts per month by channel, and relationships kept alive by text messages alone.

Every contact counts, however small. Only the date and channel of each conversation are read: what was
said stays on the conversation. The arithmetic is pts_coaching.report_arithmetic.contact_rhythm.
"""

import frappe
from frappe import _

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
from pts_coaching.report_arithmetic.contact_rhythm import NOT_SAID, TEXT_MESSAGE, rhythm
from pts_coaching.report_arithmetic.over_time import MONTH

CHANNEL_COLOURS = ["#5E64FF", "#743EE2", "#FF5858", "#29CD42", "#ECAD4B", "#2490EF", "#FFA00A", "#A6B1B9"]


def execute(filters=None):
	filters = frappe._dict(filters or {})
	from_date, to_date = period(filters)
	conversation = frappe.qb.DocType("Coaching Conversation")
	relationship = frappe.qb.DocType("Coaching Relationship")
	query = (
		frappe.qb.from_(conversation)
		.join(relationship)
		.on(relationship.name == conversation.relationship)
		.select(conversation.relationship, conversation.date, conversation.channel)
		.where(conversation.date.between(from_date, to_date))
	)
	query = visible(visible(query, "Coaching Conversation"), "Coaching Relationship")
	query = within_relationships(query, relationship, filters)
	conversations = frame(query, ["relationship", "date", "channel"])
	channels = options("Coaching Conversation", "channel")
	result = rhythm(conversations, channels, from_date, to_date)
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
