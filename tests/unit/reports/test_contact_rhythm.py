from datetime import date

import pandas as pd

from pts_coaching.report_arithmetic.contact_rhythm import rhythm

COLUMNS = ["relationship", "date", "channel"]
CHANNELS = ("Walk", "Coffee", "Phone call", "Text message")


def test_contacts_per_month_by_channel_and_relationships_kept_alive_by_text_alone():
	result = rhythm(
		pd.DataFrame(
			[
				("R1", date(2026, 1, 5), "Walk"),
				("R1", date(2026, 1, 20), "Text message"),
				("R1", date(2026, 3, 3), "Coffee"),
				("R2", date(2026, 1, 10), "Text message"),
				("R2", date(2026, 2, 10), "Text message"),
				("R2", date(2026, 3, 10), "Text message"),
				("R3", date(2026, 2, 14), None),
			],
			columns=COLUMNS,
		),
		CHANNELS,
		date(2026, 1, 1),
		date(2026, 3, 31),
	)
	assert result.months.columns.tolist() == [
		"month",
		*CHANNELS,
		"",
		"contacts",
		"relationships",
		"by_text_alone",
	]
	assert result.months.values.tolist() == [
		["2026-01", 1, 0, 0, 2, 0, 3, 2, 1],
		["2026-02", 0, 0, 0, 1, 1, 2, 2, 1],
		["2026-03", 0, 1, 0, 1, 0, 2, 2, 1],
	]
	assert (result.contacts, result.relationships, result.kept_alive_by_text_alone) == (7, 3, 1)
	assert result.by_channel == {"Walk": 1, "Coffee": 1, "Phone call": 0, "Text message": 4, "": 1}
	assert result.share_by_text == 57.1


def test_a_month_without_contact_is_a_row_of_zeros():
	result = rhythm(pd.DataFrame(columns=COLUMNS), CHANNELS, date(2026, 1, 15), date(2026, 2, 1))
	assert result.months.values.tolist() == [
		["2026-01", 0, 0, 0, 0, 0, 0, 0],
		["2026-02", 0, 0, 0, 0, 0, 0, 0],
	]
	assert (result.contacts, result.kept_alive_by_text_alone, result.share_by_text) == (0, 0, None)
