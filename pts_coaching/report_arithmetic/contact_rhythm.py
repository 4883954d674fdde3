"""How often people and their coaches are in touch, month by month, and how.

Every contact counts, however small: a text message as much as a long walk. A relationship kept alive
by text messages alone is one whose every contact in the period was a text message.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd

from pts_coaching.report_arithmetic.over_time import MONTH, period_of, periods_between, share

TEXT_MESSAGE = "Text message"
NOT_SAID = ""


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


def rhythm(conversations: pd.DataFrame, channels: Sequence[str], from_date: date, to_date: date) -> Rhythm:
	"""`conversations`: one row per conversation in the period with relationship, date and channel.
	`channels`: every channel in the order to show them; a conversation with none counts as NOT_SAID."""
	conversations = conversations.assign(
		channel=conversations["channel"].fillna(NOT_SAID).replace({None: NOT_SAID}),
		month=period_of(conversations["date"], MONTH),
	)
	channels = [*channels, *sorted(set(conversations["channel"]) - set(channels))]
	rows = []
	for month in periods_between(from_date, to_date, MONTH):
		in_month = conversations[conversations["month"] == month]
		counts = in_month["channel"].value_counts()
		rows.append(
			{
				"month": month,
				**{channel: int(counts.get(channel, 0)) for channel in channels},
				"contacts": len(in_month),
				"relationships": in_month["relationship"].nunique(),
				"by_text_alone": _by_text_alone(in_month),
			}
		)
	counts = conversations["channel"].value_counts()
	return Rhythm(
		months=pd.DataFrame(rows, columns=["month", *channels, "contacts", "relationships", "by_text_alone"]),
		contacts=len(conversations),
		relationships=conversations["relationship"].nunique(),
		kept_alive_by_text_alone=_by_text_alone(conversations),
		by_channel={channel: int(counts.get(channel, 0)) for channel in channels},
		share_by_text=share(int(counts.get(TEXT_MESSAGE, 0)), len(conversations)),
	)


def _by_text_alone(conversations: pd.DataFrame) -> int:
	"""Relationships whose every contact here was a text message."""
	all_text = (conversations["channel"] == TEXT_MESSAGE).groupby(conversations["relationship"]).all()
	return int(all_text.sum())
