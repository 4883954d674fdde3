"""How many services a person relies on when coaching starts, and how many later.

A service involvement is active on a day by outcomes.is_active_on: from its first day to its last, both
included, or still active with no last day. Each person is compared between the day their coaching
began (their earliest relationship) and the day the report looks at. The database counts each
person's active services by that rule and lists the kinds of them (see the report); what the counts
say, and how many people relied on each kind, is worked out here.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from pts_coaching.report_arithmetic.over_time import as_dates

# Each person as the database counts them: the day their coaching began, how many services they relied
# on then and on the day the report looks at, and the kinds of those services, each kind once, one per
# line (KINDS_APART), or None for none; `kinds`: of every service they had begun by the day.
PER_PERSON = [
	"person",
	"started_on",
	"at_start",
	"on_the_day",
	"kinds_at_start",
	"kinds_on_the_day",
	"kinds",
]
# A Select field's options are one per line, so no kind of service holds a line break.
KINDS_APART = "\n"
# Each kind of service: how many people relied on one then and on the day.
PER_KIND = ["service_kind", "at_start", "on_the_day"]


@dataclass(frozen=True)
class Reliance:
	# One row per person: person, started_on, at_start, on_the_day, change (and columns carried along).
	people: pd.DataFrame
	mean_at_start: float | None
	mean_on_the_day: float | None
	fewer: int
	the_same: int
	more: int
	# Per kind of service: service_kind, at_start, on_the_day (how many people relied on one).
	kinds: pd.DataFrame


def reliance(people: pd.DataFrame, kind_order: Sequence[str] = ()) -> Reliance:
	"""`people`: one row per person with the columns of PER_PERSON (other columns, such as a name, are
	carried along). Kinds are listed in `kind_order`, then any others alphabetically: every kind any of
	them had begun by the day, those relied on neither then nor on the day too."""
	carried = [c for c in people.columns if c not in PER_PERSON]
	kinds = _kinds(people, kind_order)
	people = people.assign(
		started_on=as_dates(people["started_on"]),
		at_start=people["at_start"].fillna(0).astype(int),
		on_the_day=people["on_the_day"].fillna(0).astype(int),
	)
	people["change"] = people["on_the_day"] - people["at_start"]
	people = people[["person", "started_on", "at_start", "on_the_day", "change", *carried]]
	return Reliance(
		people=people,
		mean_at_start=float(people["at_start"].mean()) if len(people) else None,
		mean_on_the_day=float(people["on_the_day"].mean()) if len(people) else None,
		fewer=int((people["change"] < 0).sum()),
		the_same=int((people["change"] == 0).sum()),
		more=int((people["change"] > 0).sum()),
		kinds=kinds,
	)


def _kinds(people: pd.DataFrame, kind_order: Sequence[str]) -> pd.DataFrame:
	at_start, on_the_day, present = (
		_people_per_kind(people[column]) for column in ("kinds_at_start", "kinds_on_the_day", "kinds")
	)
	return pd.DataFrame(
		[
			{
				"service_kind": kind,
				"at_start": int(at_start.get(kind, 0)),
				"on_the_day": int(on_the_day.get(kind, 0)),
			}
			for kind in [
				*(k for k in kind_order if k in present.index),
				*sorted(set(present.index) - set(kind_order)),
			]
		],
		columns=PER_KIND,
	)


def _people_per_kind(kinds: pd.Series) -> pd.Series:
	"""How many people have each kind, from each person's kinds (each once, one per line)."""
	each = kinds.dropna().astype(str).str.split(KINDS_APART).explode()
	return each[each != ""].value_counts()
