"""How many services a person relies on when coaching starts, and how many later.

A service involvement is active on a day by outcomes.is_active_on: from its first day to its last, both
included, or still active with no last day. Each person is compared between the day their coaching
began (their earliest relationship) and the day the report looks at.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd

from pts_coaching.outcomes import is_active_on
from pts_coaching.report_arithmetic.over_time import as_dates


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


def reliance(
	people: pd.DataFrame, services: pd.DataFrame, on: date, kind_order: Sequence[str] = ()
) -> Reliance:
	"""`people`: one row per relationship with person and started_on (other columns, such as a name,
	are carried along). `services`: one row per service involvement with person, service_kind,
	from_date and to_date."""
	carried = [c for c in people.columns if c not in ("person", "started_on")]
	people = (
		people.assign(started_on=as_dates(people["started_on"]))
		.sort_values(["person", "started_on"], kind="stable")
		.groupby("person", as_index=False)
		.first()
	)
	services = services.assign(
		from_date=as_dates(services["from_date"]), to_date=as_dates(services["to_date"])
	)
	started = dict(zip(people["person"], people["started_on"], strict=True))
	active_at_start = [
		_active(row.from_date, row.to_date, started.get(row.person)) for row in services.itertuples()
	]
	active_on_the_day = [
		_active(row.from_date, row.to_date, pd.Timestamp(on)) for row in services.itertuples()
	]
	services = services.assign(at_start=active_at_start, on_the_day=active_on_the_day)

	per_person = services.groupby("person")[["at_start", "on_the_day"]].sum()
	people = people.assign(
		at_start=people["person"].map(per_person["at_start"]).fillna(0).astype(int),
		on_the_day=people["person"].map(per_person["on_the_day"]).fillna(0).astype(int),
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
		kinds=_kinds(services[services["person"].isin(people["person"])], kind_order),
	)


def _active(from_date, to_date, on) -> bool:
	if on is None or pd.isna(on) or pd.isna(from_date):
		return False
	return is_active_on(from_date.date(), None if pd.isna(to_date) else to_date.date(), on.date())


def _kinds(services: pd.DataFrame, kind_order: Sequence[str]) -> pd.DataFrame:
	relied_on = {
		when: services[services[when].astype(bool)].groupby("service_kind")["person"].nunique()
		for when in ("at_start", "on_the_day")
	}
	present = set(services["service_kind"].dropna())
	kinds = [*(k for k in kind_order if k in present), *sorted(present - set(kind_order))]
	return pd.DataFrame(
		[
			{
				"service_kind": kind,
				"at_start": int(relied_on["at_start"].get(kind, 0)),
				"on_the_day": int(relied_on["on_the_day"].get(kind, 0)),
			}
			for kind in kinds
		],
		columns=["service_kind", "at_start", "on_the_day"],
	)
