"""How often people and their coaches are in touch, month by month, and how.

Every contact counts, however small: a text message as much as a long walk. A relationship kept alive
by text messages alone is one whose every contact in the period was a text message.

MariaDB counts (the report's query): contacts per month and channel, and per month and for the whole
period, the relationships in touch and, of those, the ones whose contacts were all text messages.
Here those counts become the report's table: every month of the period, every channel, in order.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd

from pts_coaching.report_arithmetic.over_time import MONTH, period_of, periods_between, share

TEXT_MESSAGE = "Text message"
NOT_SAID = ""

# What the report's query hands over.
BY_MONTH_AND_CHANNEL = ["month", "channel", "contacts"]  # month: any date in it
IN_TOUCH_BY_MONTH = ["month", "relationships", "by_text_alone"]


@dataclass(frozen=True)
class Rhythm:
	# One row per month in the period: month, a count per channel (columns named as the channels),
	# contacts, relationships (in touch that month), by_text_alone (in touch that month by text only).
	months: pd.DataFrame
	contacts: int
	relationships: int
	kept_alive_by_text_alone: int
	by_channel: dict[str, int]
	share_by_text: float | None


def rhythm(
	by_month_and_channel: pd.DataFrame,
	in_touch_by_month: pd.DataFrame,
	in_touch_in_the_period: tuple[int, int],
	channels: Sequence[str],
	from_date: date,
	to_date: date,
) -> Rhythm:
	"""`in_touch_in_the_period`: the relationships in touch in the whole period, and of those the ones
	kept alive by text messages alone. `channels`: every channel in the order to show them; contacts
	with none count as NOT_SAID."""
	counted = by_month_and_channel.assign(
		channel=by_month_and_channel["channel"].fillna(NOT_SAID).replace({None: NOT_SAID}),
		month=period_of(by_month_and_channel["month"], MONTH),
	)
	channels = [*channels, *sorted(set(counted["channel"]) - set(channels))]
	months = periods_between(from_date, to_date, MONTH)
	per_channel = (
		counted.pivot_table(index="month", columns="channel", values="contacts", aggfunc="sum")
		.reindex(index=months, columns=channels)
		.fillna(0)
		.astype(int)
	)
	in_touch = (
		in_touch_by_month.assign(month=period_of(in_touch_by_month["month"], MONTH))
		.set_index("month")[["relationships", "by_text_alone"]]
		.reindex(months, fill_value=0)
		.astype(int)
	)
	table = per_channel.assign(contacts=per_channel.sum(axis=1)).join(in_touch)
	table = table.rename_axis(index="month", columns=None).reset_index()
	by_channel = {channel: int(per_channel[channel].sum()) for channel in channels}
	contacts = sum(by_channel.values())
	relationships, by_text_alone = (int(count or 0) for count in in_touch_in_the_period)
	return Rhythm(
		months=table[["month", *channels, "contacts", "relationships", "by_text_alone"]],
		contacts=contacts,
		relationships=relationships,
		kept_alive_by_text_alone=by_text_alone,
		by_channel=by_channel,
		share_by_text=share(by_channel.get(TEXT_MESSAGE, 0), contacts),
	)
