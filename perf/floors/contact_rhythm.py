"""Contact Rhythm's table in two queries: per month, its contacts by channel; and per relationship, its
contacts and texts in each month, then per month the relationships in touch and those in touch by text
messages alone."""

import frappe

from pts_coaching.pts_coaching.doctype.coaching_conversation.coaching_conversation import (
	IN_RELATIONSHIP_ORDER,
)
from pts_coaching.pts_coaching.report.contact_rhythm.contact_rhythm import fieldname
from pts_coaching.pts_coaching.report.reporting import marked_if_partial, options, period
from pts_coaching.report_arithmetic.contact_rhythm import TEXT_MESSAGE
from pts_coaching.report_arithmetic.over_time import MONTH, days_of_periods

from . import in_the_team

KEY = "month"


def channels() -> list[str]:
	return options("Coaching Conversation", "channel")


# A channel no longer among the options, or none, is in the contacts: they are compared whole.
COMPARED = [*(fieldname(channel) for channel in channels()), "contacts", "relationships", "by_text_alone"]


def floor(filters: dict) -> list[dict]:
	from_date, to_date = period(filters)
	values = {"from_date": from_date, "to_date": to_date, "team": filters.get("team")}
	team = in_the_team(filters, "c.relationship", "name")
	# Per month and channel, from the index (date, relationship, channel), one row each.
	counted, known = {}, set(channels())
	for last_day, channel, contacts in frappe.db.sql(
		f"""
select last_day(c.date), c.channel, count(*)
from `tabCoaching Conversation` c
where c.date between %(from_date)s and %(to_date)s {team}
group by last_day(c.date), c.channel""",
		values,
	):
		of_the_month = counted.setdefault(f"{last_day:%Y-%m}", {"contacts": 0})
		of_the_month["contacts"] += contacts
		if channel in known:
			of_the_month[fieldname(channel)] = contacts
	# Relationship by relationship in the order of the index (relationship, date, channel), its months
	# in touch and its months with a contact other than a text as bits (64 months a number); then the
	# relationships with each bit counted.
	months = days_of_periods(from_date, to_date, MONTH)
	text = frappe.db.escape(TEXT_MESSAGE)
	blocks = range((len(months) + 63) // 64)
	nth = f"period_diff(extract(year_month from c.date), {months[0][1]:%Y%m})"
	bits = ", ".join(
		f"bit_or(1 << ({nth} - {64 * block})) as in_touch_{block}, "
		f"bit_or(if(c.channel = {text}, cast(0 as unsigned), 1 << ({nth} - {64 * block}))) as not_text_{block}"
		for block in blocks
	)
	each_month = ", ".join(
		f"sum(in_touch_{n // 64} >> {n % 64} & 1), "
		f"sum((in_touch_{n // 64} >> {n % 64} & 1) - (not_text_{n // 64} >> {n % 64} & 1))"
		for n in range(len(months))
	)
	[in_touch] = frappe.db.sql(
		f"""
select {each_month}
from (
	select {bits}
	from `tabCoaching Conversation` c force index ({IN_RELATIONSHIP_ORDER})
	where c.date between %(from_date)s and %(to_date)s {team}
	group by c.relationship
) each_relationship""",
		values,
	)
	# Every month of the period, those without a contact too, labelled as the report labels them: the
	# month in progress "so far", one the dates cut "part".
	labels = marked_if_partial([month for month, _first, _last in months], from_date, to_date, MONTH)
	none = dict.fromkeys(COMPARED, 0)
	return [
		{
			**none,
			**counted.get(month, {}),
			"month": label,
			"relationships": in_touch[2 * n] or 0,
			"by_text_alone": in_touch[2 * n + 1] or 0,
		}
		for n, ((month, _first, _last), label) in enumerate(zip(months, labels, strict=True))
	]
