"""What changes in a person's life, and what a commissioner pays for.

- Connections: how close a person feels to the people, groups and places in their life (1 to 5), and
  the size and closeness of that network as a snapshot, so that change over time can be reported.
- Services: a service involvement is active on a date from its first day to its last, both included;
  with no last day it is still active.
- Outcomes contracts: a commissioner pays a tariff for the outcome types a contract names, for
  achievements within the contract's period, at most `cap_per_person` times for one person (0: no cap).

Plain Python on purpose: the controllers call these rules and translate RuleBroken, and they are read
and tested without Frappe.
"""

from dataclasses import dataclass
from datetime import date

from pts_coaching.rules import RuleBroken

CLOSENESS = range(1, 6)


def check_closeness(who_or_what: str, closeness: int | None) -> None:
	if closeness not in CLOSENESS:
		raise RuleBroken("How close is {0}? Choose from 1 (distant) to 5 (very close).", who_or_what)


@dataclass(frozen=True)
class Network:
	size: int
	average_closeness: float | None


def network(closenesses: list[int]) -> Network:
	if not closenesses:
		return Network(0, None)
	return Network(len(closenesses), round(sum(closenesses) / len(closenesses), 1))


def check_period(from_date: date | None, to_date: date | None) -> None:
	if from_date and to_date and to_date < from_date:
		raise RuleBroken("The end date cannot be before the start date.")


def is_active_on(from_date: date, to_date: date | None, on: date) -> bool:
	return from_date <= on and (to_date is None or on <= to_date)


@dataclass(frozen=True)
class Tariff:
	outcome_type: str
	tariff: float = 0
	cap_per_person: int = 0

	def pays_after(self, counted_before: int) -> bool:
		"""Whether it pays for one more achievement, when this many are counted for the same person."""
		return not self.cap_per_person or counted_before < self.cap_per_person


@dataclass(frozen=True)
class Contract:
	name: str
	from_date: date
	to_date: date
	tariffs: tuple[Tariff, ...]

	def tariff_for(self, outcome_type: str) -> Tariff | None:
		return next((t for t in self.tariffs if t.outcome_type == outcome_type), None)


def check_contract(contract: Contract) -> None:
	check_period(contract.from_date, contract.to_date)
	seen = set()
	for tariff in contract.tariffs:
		if tariff.outcome_type in seen:
			raise RuleBroken(
				"{0} is in the contract twice: keep one row for each outcome.", tariff.outcome_type
			)
		seen.add(tariff.outcome_type)
		if tariff.tariff < 0:
			raise RuleBroken("The tariff for {0} cannot be less than zero.", tariff.outcome_type)
		if tariff.cap_per_person < 0:
			raise RuleBroken(
				"The cap per person for {0} cannot be less than zero (0 means no cap).", tariff.outcome_type
			)


def check_achievement(
	contract: Contract, outcome_type: str, achieved_on: date, counted_before: int
) -> Tariff:
	"""The contract's tariff for this achievement, or RuleBroken saying why the contract cannot count it.
	`counted_before` is how many achievements of this outcome type the contract already counts for the
	same person."""
	tariff = contract.tariff_for(outcome_type)
	if not tariff:
		raise RuleBroken("{0} does not pay for {1}.", contract.name, outcome_type)
	if not is_active_on(contract.from_date, contract.to_date, achieved_on):
		raise RuleBroken(
			"{0} runs from {1} to {2}: an achievement on {3} is outside it.",
			contract.name,
			contract.from_date,
			contract.to_date,
			achieved_on,
		)
	if not tariff.pays_after(counted_before):
		raise RuleBroken(
			"{0} counts {1} at most {2} time(s) for one person, and this person already has {3}.",
			contract.name,
			outcome_type,
			tariff.cap_per_person,
			counted_before,
		)
	return tariff
