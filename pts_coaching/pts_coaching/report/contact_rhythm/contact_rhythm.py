# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt
"""Contact Rhythm: contacts per month by channel, and relationships kept alive by text messages alone.

Every contact counts, however small. Only the date and channel of each conversation are read: what was
said stays on the conversation. The arithmetic is pts_coaching.report_arithmetic.contact_rhythm.
"""

import math

import frappe
import pandas as pd
from frappe import _
from frappe.query_builder import Case, Criterion, CustomFunction, Field
from frappe.query_builder.functions import Count, Sum
from pypika.functions import Cast
from pypika.terms import AggregateFunction, Function, Mod, ValueWrapper

from pts_coaching.permissions import criterion_for
from pts_coaching.pts_coaching.doctype.coaching_conversation.coaching_conversation import (
	IN_RELATIONSHIP_ORDER,
)
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
from pts_coaching.report_arithmetic.over_time import MONTH, days_of_periods

CHANNEL_COLOURS = ["#5E64FF", "#743EE2", "#FF5858", "#29CD42", "#ECAD4B", "#2490EF", "#FFA00A", "#A6B1B9"]
LastDay = CustomFunction("LAST_DAY", ["date"])


def execute(filters=None):
	filters = frappe._dict(filters or {})
	from_date, to_date = period(filters)
	conversation = frappe.qb.DocType("Coaching Conversation")
	conversations = frappe.qb.from_(conversation)
	chosen = filters.coach or filters.team
	if not chosen and criterion_for("Coaching Conversation", frappe.session.user) is None:
		# Everyone's conversations, read in relationship order, are counted relationship by relationship
		# as they come; by date, MariaDB would gather every relationship's counts in a temporary table,
		# seven times slower at 50,000 people. For fewer people, their own index is the faster way in.
		conversations = conversations.force_index(IN_RELATIONSHIP_ORDER)
	in_period = visible(
		conversations.where(conversation.date.between(from_date, to_date)), "Coaching Conversation"
	)
	if chosen:
		relationship = frappe.qb.DocType("Coaching Relationship")
		in_period = in_period.join(relationship).on(relationship.name == conversation.relationship)
		in_period = within_relationships(in_period, relationship, filters)
	# Read from the indexes alone (date, relationship, channel): nothing of what was said.
	month = LastDay(conversation.date)
	by_month_and_channel = in_period.select(month, conversation.channel, Count("*")).groupby(
		month, conversation.channel
	)
	months = days_of_periods(from_date, to_date, MONTH)
	in_touch_by_month, in_touch_in_the_period = in_touch(in_period, conversation, months)
	result = rhythm(
		frame(by_month_and_channel, BY_MONTH_AND_CHANNEL),
		in_touch_by_month,
		in_touch_in_the_period,
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


def in_touch(in_period, conversation, months) -> tuple[pd.DataFrame, tuple[int, int]]:
	"""The relationships in touch each month and in the whole period, and of those the ones whose every
	contact was a text message. Each relationship's months are bits: those with a contact, and those
	with a contact other than a text; MariaDB sets them as it reads, two numbers a relationship, then
	counts the relationships with each bit."""
	first_month = int(months[0][1].strftime("%Y%m"))
	nth_month = PeriodDiff(YearMonth(conversation.date), first_month)
	blocks = range(math.ceil(len(months) / BITS))
	is_text = conversation.channel == TEXT_MESSAGE
	# A shift past the block's 64 bits, either way, is 0 in MariaDB: each block holds its own months.
	bits = []
	for block in blocks:
		bit = ValueWrapper(1) << (nth_month - BITS * block)
		bits += [
			BitOr(bit).as_(f"in_touch_{block}"),
			# Unsigned, as the bits are: a signed 0 would make the month at the top bit overflow.
			BitOr(Case().when(is_text, Cast(0, "UNSIGNED")).else_(bit)).as_(f"not_text_{block}"),
		]
	each = in_period.select(*bits).groupby(conversation.relationship).as_("each_relationship")

	def month(n):
		block, bit = divmod(n, BITS)
		in_touch = Mod(Field(f"in_touch_{block}", table=each) >> bit, 2)
		by_text_alone = in_touch - Mod(Field(f"not_text_{block}", table=each) >> bit, 2)
		return Sum(in_touch), Sum(by_text_alone)

	whole_period_by_text_alone = Sum(
		Criterion.all(Field(f"not_text_{block}", table=each) == 0 for block in blocks)
	)
	[counted] = (
		frappe.qb.from_(each)
		.select(
			Count("*"), whole_period_by_text_alone, *(sum_ for n in range(len(months)) for sum_ in month(n))
		)
		.run()
	)
	# MariaDB sums to NULL where there is nothing to sum.
	counted = [int(count or 0) for count in counted]
	by_month = pd.DataFrame(
		[
			(first_day, *counted[2 + 2 * n : 4 + 2 * n])
			for n, (_label, first_day, _last_day) in enumerate(months)
		],
		columns=IN_TOUCH_BY_MONTH,
	)
	return by_month, counted[:2]


# How many months one number holds (BIT_OR is of 64-bit numbers).
BITS = 64
PeriodDiff = CustomFunction("PERIOD_DIFF", ["period", "from_period"])


class YearMonth(Function):
	"""EXTRACT(YEAR_MONTH FROM date): the date's month as YYYYMM."""

	def __init__(self, date):
		super().__init__("EXTRACT", date)

	def get_function_sql(self, **kwargs):
		return f"EXTRACT(YEAR_MONTH FROM {self.args[0].get_sql(**kwargs)})"


class BitOr(AggregateFunction):
	def __init__(self, term):
		super().__init__("BIT_OR", term)


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
