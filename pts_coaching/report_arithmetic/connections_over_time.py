"""A person's connections at their first and latest Connection Snapshot.

A network's size is how many people, groups and places it has; its closeness is their average
closeness (1 to 5), leaving out any with no closeness noted. Someone with one snapshot in the period has
nothing to compare: they are counted apart. Means are of the people with two or more snapshots.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from pts_coaching.report_arithmetic.over_time import first_and_latest, share


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


def over_time(connections: pd.DataFrame, kind_order: Sequence[str] = ()) -> Connections:
	"""`connections`: one row per connection in a snapshot (snapshot, person, date, order, kind,
	closeness); a snapshot with no connections has one row with no kind. Other columns (a name) are
	carried along. Kinds are listed in `kind_order`, then any others alphabetically."""
	carried = [
		c
		for c in connections.columns
		if c not in ("snapshot", "person", "date", "order", "kind", "closeness")
	]
	snapshots = (
		connections.assign(closeness=connections["closeness"].astype(float))
		.groupby("snapshot", sort=False)
		.agg(
			person=("person", "first"),
			date=("date", "first"),
			order=("order", "first"),
			size=("kind", "count"),
			closeness=("closeness", "mean"),
			**{column: (column, "first") for column in carried},
		)
		.reset_index()
	)
	if snapshots.empty:
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
	ends = first_and_latest(snapshots, ["person"], ["date", "order"])
	people = pd.DataFrame(
		{
			"person": ends["person"],
			"snapshots": ends["records"],
			"first_date": ends["first_date"],
			"first_size": ends["first_size"],
			"first_closeness": ends["first_closeness"],
			"latest_date": ends["latest_date"],
			"latest_size": ends["latest_size"],
			"latest_closeness": ends["latest_closeness"],
			**{column: ends[f"latest_{column}"] for column in carried},
		}
	)
	once = people["snapshots"] < 2
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
		kinds=_kinds(connections, ends[~once.to_numpy()], kind_order),
	)


def _kinds(connections: pd.DataFrame, ends: pd.DataFrame, kind_order: Sequence[str]) -> pd.DataFrame:
	kinds = connections["kind"].dropna()
	first = kinds[connections["snapshot"].isin(ends["first_snapshot"])].value_counts()
	latest = kinds[connections["snapshot"].isin(ends["latest_snapshot"])].value_counts()
	return pd.DataFrame(
		[
			{"kind": kind, "first": int(first.get(kind, 0)), "latest": int(latest.get(kind, 0))}
			for kind in [
				*(k for k in kind_order if k in first.index or k in latest.index),
				*sorted((set(first.index) | set(latest.index)) - set(kind_order)),
			]
		],
		columns=["kind", "first", "latest"],
	)


def _mean(values: pd.Series) -> float | None:
	values = values.dropna().astype(float)
	return float(values.mean()) if len(values) else None
