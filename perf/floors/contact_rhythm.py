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
	per_channel = ", ".join(
		f"sum(c.channel = {frappe.db.escape(channel)}) as `{fieldname(channel)}`" for channel in channels()
	)
	contacts = frappe.db.sql(
		f"""
select date_format(c.date, '%%Y-%%m') as month, {per_channel}, count(*) as contacts
from `tabCoaching Conversation` c
where c.date between %(from_date)s and %(to_date)s {team}
group by month""",
		values,
		as_dict=True,
	)
	# Relationship by relationship in the order of the index (relationship, date, channel), each one's
	# contacts and texts in each month, with no temporary table; then the relationships counted.
	months = days_of_periods(from_date, to_date, MONTH)
	text = frappe.db.escape(TEXT_MESSAGE)
	each_month = ", ".join(
		f"sum(c.date between '{first_day}' and '{last_day}') as contacts_{n}, "
		f"sum(c.date between '{first_day}' and '{last_day}' and c.channel = {text}) as texts_{n}"
		for n, (_label, first_day, last_day) in enumerate(months)
	)
	[in_touch] = frappe.db.sql(
		f"""
select {", ".join(f"sum(contacts_{n} > 0), sum(contacts_{n} > 0 and texts_{n} = contacts_{n})" for n in range(len(months)))}
from (
	select {each_month}
	from `tabCoaching Conversation` c force index ({IN_RELATIONSHIP_ORDER})
	where c.date between %(from_date)s and %(to_date)s {team}
	group by c.relationship
) each_relationship""",
		values,
	)
	# Every month of the period, those without a contact too, labelled as the report labels them: the
	# month in progress "so far", one the dates cut "part".
	counted = {row.month: row for row in contacts}
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
