from datetime import date

import pandas as pd
import pytest

from pts_coaching.report_arithmetic.connections_over_time import over_time

COLUMNS = ["snapshot", "person", "date", "order", "kind", "closeness"]


def test_network_size_and_closeness_at_first_and_latest_snapshot():
	result = over_time(
		pd.DataFrame(
			[
				("S1", "P1", date(2026, 1, 1), 1, "Family", 4),
				("S1", "P1", date(2026, 1, 1), 1, "Friend", 2),
				("S2", "P1", date(2026, 3, 1), 2, "Family", 5),
				("S2", "P1", date(2026, 3, 1), 2, "Friend", 3),
				("S2", "P1", date(2026, 3, 1), 2, "Group", 4),
				("S3", "P2", date(2026, 1, 5), 1, "Family", 3),
				("S3", "P2", date(2026, 1, 5), 1, "Service", 1),
				("S4", "P2", date(2026, 2, 1), 2, "Family", 4),
				("S4", "P2", date(2026, 2, 1), 2, "Service", 2),
				("S5", "P3", date(2026, 1, 1), 1, None, None),  # no one yet
				("S6", "P3", date(2026, 2, 1), 2, "Friend", 5),
				("S7", "P4", date(2026, 1, 1), 1, "Family", 5),  # one snapshot so far
			],
			columns=COLUMNS,
		),
		kind_order=("Family", "Friend", "Neighbour", "Group", "Service"),
	)
	people = result.people.set_index("person")
	assert people.loc["P1", ["first_size", "latest_size", "size_change"]].tolist() == [2, 3, 1]
	assert people.loc["P1", ["first_closeness", "latest_closeness", "closeness_change"]].tolist() == [3, 4, 1]
	assert people.loc["P3", ["first_size", "latest_size"]].tolist() == [0, 1]
	assert pd.isna(people.loc["P3", "first_closeness"])
	assert people.loc["P4", "snapshots"] == 1 and pd.isna(people.loc["P4", "latest_size"])

	assert (result.people_compared, result.people_with_one_snapshot) == (3, 1)
	assert result.mean_first_size == pytest.approx(4 / 3)  # 2, 2, 0
	assert result.mean_latest_size == 2.0  # 3, 2, 1
	assert result.mean_first_closeness == 2.5  # 3 and 2: P3 had no one to be close to
	assert result.mean_latest_closeness == 4.0  # 4, 3, 5
	assert (result.share_larger, result.share_same_size, result.share_smaller) == (66.7, 33.3, 0.0)
	assert result.kinds.values.tolist() == [
		["Family", 2, 2],
		["Friend", 1, 2],
		["Group", 0, 1],
		["Service", 1, 1],
	]


def test_no_snapshots():
	result = over_time(pd.DataFrame(columns=COLUMNS))
	assert result.people.empty
	assert (result.people_compared, result.mean_first_size, result.share_larger) == (0, None, None)
	assert result.kinds.empty
