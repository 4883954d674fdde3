"""A person's connections at their first and latest Connection Snapshot.

A network's size is how many people, groups and places it has; its closeness is their average
closeness (1 to 5), leaving out any with no closeness noted. Someone with one snapshot in the period has
nothing to compare: they are counted apart. Means are of the people with two or more snapshots.

The database counts each person's snapshots, adds up their first and latest and lists the kinds of
their connections (see the report); what that means is decided here.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from pts_coaching.report_arithmetic.over_time import share

# How many snapshots a person needs for their network to be compared.
TO_COMPARE = 2

# Each person's snapshots as the database adds them up: for the first and the latest (first_ and
# latest_), its date, its size, the total of the closeness noted, how many connections had one, and
# the kinds of its connections, listed.
PER_PERSON = [
	"person",
	"snapshots",
	*(
		f"{end}_{column}"
		for end in ("first", "latest")
		for column in ("date", "size", "closeness_total", "closeness_noted", "kinds")
	),
]
# How a snapshot's kinds are listed: one a line, as a Select field's options are, so none holds one.
KINDS_APART = "\n"


@dataclass(frozen=True)
class Connections:
	# One row per person: person, snapshots, first_date, first_size, first_closeness, latest_date,
	# latest_size, latest_closeness, size_change, closeness_change (and any column carried along).
	people: pd.DataFrame
	people_compared: int
	people_with_one_snapshot: int
	mean_first_size: float | None
	mean_latest_size: float | None
	mean_first_closeness: float | None
	mean_latest_closeness: float | None
	share_larger: float | None
	share_same_size: float | None
	share_smaller: float | None
	# How many connections of each kind, at first and at latest, for the people compared.
	kinds: pd.DataFrame


def over_time(people: pd.DataFrame, kind_order: Sequence[str] = ()) -> Connections:
	"""`people`: one row per person with the columns of PER_PERSON (kinds apart by KINDS_APART, or None
	for none); other columns (a name) are carried along. Kinds are counted in the first and latest
	snapshots of the people with TO_COMPARE snapshots or more, and listed in `kind_order`, then any
	others alphabetically."""
	carried = [c for c in people.columns if c not in PER_PERSON]
	if people.empty:
		return Connections(
			pd.DataFrame(columns=["person", "snapshots", *carried]),
			0,
			0,
			None,
			None,
			None,
			None,
			None,
			None,
			None,
			pd.DataFrame(columns=["kind", "first", "latest"]),
		)
	people_kinds = people[["first_kinds", "latest_kinds"]].reset_index(drop=True)
	people = pd.DataFrame(
		{
			"person": people["person"],
			"snapshots": people["snapshots"],
			"first_date": people["first_date"],
			"first_size": people["first_size"],
			"first_closeness": _closeness(people, "first"),
			"latest_date": people["latest_date"],
			"latest_size": people["latest_size"],
			"latest_closeness": _closeness(people, "latest"),
			**{column: people[column] for column in carried},
		}
	).reset_index(drop=True)
	once = people["snapshots"] < TO_COMPARE
	people.loc[once, ["latest_date", "latest_size", "latest_closeness"]] = None
	people["size_change"] = people["latest_size"] - people["first_size"]
	people["closeness_change"] = people["latest_closeness"] - people["first_closeness"]

	compared = people[~once]
	count = len(compared)
	return Connections(
		people=people,
		people_compared=count,
		people_with_one_snapshot=int(once.sum()),
		mean_first_size=_mean(compared["first_size"]),
		mean_latest_size=_mean(compared["latest_size"]),
		mean_first_closeness=_mean(compared["first_closeness"]),
		mean_latest_closeness=_mean(compared["latest_closeness"]),
		share_larger=share(int((compared["size_change"] > 0).sum()), count),
		share_same_size=share(int((compared["size_change"] == 0).sum()), count),
		share_smaller=share(int((compared["size_change"] < 0).sum()), count),
		kinds=_kinds(
			_counted(people_kinds["first_kinds"][~once]),
			_counted(people_kinds["latest_kinds"][~once]),
			kind_order,
		),
	)


def _closeness(people: pd.DataFrame, end: str) -> pd.Series:
	"""The average closeness of a snapshot's connections, or nothing when none had one noted."""
	noted = people[f"{end}_closeness_noted"].astype(float)
	return people[f"{end}_closeness_total"].astype(float) / noted.where(noted > 0)


def _counted(listed: pd.Series) -> Counter:
	return Counter(kind for kinds in listed.dropna() for kind in kinds.split(KINDS_APART))


def _kinds(first: Counter, latest: Counter, kind_order: Sequence[str]) -> pd.DataFrame:
	counted = first.keys() | latest.keys()
	return pd.DataFrame(
		[
			{"kind": kind, "first": first[kind], "latest": latest[kind]}
			for kind in [*(k for k in kind_order if k in counted), *sorted(counted - set(kind_order))]
		],
		columns=["kind", "first", "latest"],
	)


def _mean(values: pd.Series) -> float | None:
	values = values.dropna().astype(float)
	return float(values.mean()) if len(values) else None
