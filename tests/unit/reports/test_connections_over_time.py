from datetime import date

import pandas as pd
import pytest

from pts_coaching.report_arithmetic.connections_over_time import PER_PERSON, over_time


def test_network_size_and_closeness_at_first_and_latest_snapshot():
	january, february, march = date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)
	result = over_time(
		pd.DataFrame(
			[
				# Family 4 and Friend 2, then Family 5, Friend 3 and Pets 4 (a kind an admin added).
				("P1", 2, january, 2, 6, 2, "Family\nFriend", march, 3, 12, 3, "Family\nFriend\nPets"),
				# Family 3 and Service 1, then Family 4 and Service 2.
				("P2", 2, date(2026, 1, 5), 2, 4, 2, "Service\nFamily", february, 2, 6, 2, "Family\nService"),
				# No one yet, then a Friend at 5.
				("P3", 2, january, 0, None, 0, None, february, 1, 5, 1, "Friend"),
				# One snapshot so far: it is their first and their latest, and not compared.
				("P4", 1, january, 1, 5, 1, "Group", january, 1, 5, 1, "Group"),
			],
			columns=PER_PERSON,
		),
		kind_order=("Family", "Friend", "Neighbour", "Group", "Service"),
	)
	people = result.people.set_index("person")
	assert people.loc["P1", ["first_size", "latest_size", "size_change"]].tolist() == [2, 3, 1]
	assert people.loc["P1", ["first_closeness", "latest_closeness", "closeness_change"]].tolist() == [3, 4, 1]
	assert people.loc["P3", ["first_size", "latest_size"]].tolist() == [0, 1]
	assert pd.isna(people.loc["P3", "first_closeness"])
	assert people.loc["P4", "snapshots"] == 1 and pd.isna(people.loc["P4", "latest_size"])
	assert people.loc["P4", "first_closeness"] == 5 and pd.isna(people.loc["P4", "latest_closeness"])

	assert (result.people_compared, result.people_with_one_snapshot) == (3, 1)
	assert result.mean_first_size == pytest.approx(4 / 3)  # 2, 2, 0
	assert result.mean_latest_size == 2.0  # 3, 2, 1
	assert result.mean_first_closeness == 2.5  # 3 and 2: P3 had no one to be close to
	assert result.mean_latest_closeness == 4.0  # 4, 3, 5
	assert (result.share_larger, result.share_same_size, result.share_smaller) == (66.7, 33.3, 0.0)
	# The lifecycle's kinds in its order, then one an admin added; P4's Group is not compared.
	assert result.kinds.values.tolist() == [
		["Family", 2, 2],
		["Friend", 1, 2],
		["Service", 1, 1],
		["Pets", 0, 1],
	]


def test_closeness_is_the_average_of_the_connections_that_have_one():
	result = over_time(
		pd.DataFrame(
			[("P1", 2, date(2026, 1, 1), 3, 5, 2, None, date(2026, 2, 1), 3, 4, 3, None)], columns=PER_PERSON
		)
	)
	person = result.people.iloc[0]
	assert person["first_closeness"] == 2.5  # of the two of three that had one
	assert person["latest_closeness"] == pytest.approx(4 / 3)
	assert person["closeness_change"] == pytest.approx(4 / 3 - 2.5)


def test_no_snapshots():
	result = over_time(pd.DataFrame(columns=PER_PERSON))
	assert result.people.empty
	assert (result.people_compared, result.mean_first_size, result.share_larger) == (0, None, None)
	assert result.kinds.empty
