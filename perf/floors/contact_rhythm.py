"""Contact Rhythm's table in one query: per relationship and month, its contacts by channel, then per
month the sums, the relationships in touch and those in touch by text messages alone."""

import frappe

from pts_coaching.pts_coaching.report.contact_rhythm.contact_rhythm import fieldname
from pts_coaching.pts_coaching.report.reporting import marked_if_partial, options, period
from pts_coaching.report_arithmetic.contact_rhythm import TEXT_MESSAGE
from pts_coaching.report_arithmetic.over_time import MONTH, periods_between

from . import in_the_team

KEY = "month"


def channels() -> list[str]:
	return options("Coaching Conversation", "channel")


# A channel no longer among the options, or none, is in the contacts: they are compared whole.
COMPARED = [*(fieldname(channel) for channel in channels()), "contacts", "relationships", "by_text_alone"]


def floor(filters: dict) -> list[dict]:
	from_date, to_date = period(filters)
	team = in_the_team(filters, "c.relationship", "name")
	per_channel = [
		(fieldname(channel), f"sum(c.channel = {frappe.db.escape(channel)})") for channel in channels()
	]
	rows = frappe.db.sql(
		f"""
select date_format(month_end, '%%Y-%%m') as month,
	{", ".join(f"sum(`{name}`) as `{name}`" for name, _ in per_channel)},
	sum(contacts) as contacts,
	count(*) as relationships,
	sum(texts = contacts) as by_text_alone
from (
	select last_day(c.date) as month_end,
		{", ".join(f"{count} as `{name}`" for name, count in per_channel)},
		count(*) as contacts,
		sum(c.channel = %(text_message)s) as texts
	from `tabCoaching Conversation` c
	where c.date between %(from_date)s and %(to_date)s {team}
	group by c.relationship, month_end
) in_touch
group by month_end
order by month_end""",
		{
			"from_date": from_date,
			"to_date": to_date,
			"team": filters.get("team"),
			"text_message": TEXT_MESSAGE,
		},
		as_dict=True,
	)
	# Every month of the period, those without a contact too, labelled as the report labels them: the
	# month in progress "so far", one the dates cut "part".
	counted = {row.month: row for row in rows}
	months = periods_between(from_date, to_date, MONTH)
	labels = marked_if_partial(months, from_date, to_date, MONTH)
	none = dict.fromkeys(COMPARED, 0)
	return [
		{**none, **counted.get(month, {}), "month": label}
		for month, label in zip(months, labels, strict=True)
	]
