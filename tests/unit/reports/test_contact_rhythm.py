from datetime import date

import pandas as pd

from pts_coaching.report_arithmetic.contact_rhythm import BY_MONTH_AND_CHANNEL, IN_TOUCH_BY_MONTH, rhythm

CHANNELS = ("Walk", "Coffee", "Phone call", "Text message")


def test_contacts_per_month_by_channel_and_relationships_kept_alive_by_text_alone():
	# R1: a walk and a text in January, coffee in March; R2: a text each month; R3: February, no channel.
	result = rhythm(
		pd.DataFrame(
			[
				(date(2026, 1, 31), "Walk", 1),
				(date(2026, 1, 31), "Text message", 2),
				(date(2026, 2, 28), "Text message", 1),
				(date(2026, 2, 28), None, 1),
				(date(2026, 3, 31), "Coffee", 1),
				(date(2026, 3, 31), "Text message", 1),
			],
			columns=BY_MONTH_AND_CHANNEL,
		),
		pd.DataFrame(
			[(date(2026, 1, 31), 2, 1), (date(2026, 2, 28), 2, 1), (date(2026, 3, 31), 2, 1)],
			columns=IN_TOUCH_BY_MONTH,
		),
		(3, 1),
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
	result = rhythm(
		pd.DataFrame([(date(2026, 2, 1), "Walk", 2)], columns=BY_MONTH_AND_CHANNEL),
		pd.DataFrame([(date(2026, 2, 1), 1, 0)], columns=IN_TOUCH_BY_MONTH),
		(1, 0),
		CHANNELS,
		date(2026, 1, 15),
		date(2026, 2, 1),
	)
	assert result.months.values.tolist() == [
		["2026-01", 0, 0, 0, 0, 0, 0, 0],
		["2026-02", 2, 0, 0, 0, 2, 1, 0],
	]


def test_a_period_without_contact_is_all_zeros():
	result = rhythm(
		pd.DataFrame(columns=BY_MONTH_AND_CHANNEL),
		pd.DataFrame(columns=IN_TOUCH_BY_MONTH),
		(0, None),
		CHANNELS,
		date(2026, 1, 15),
		date(2026, 2, 1),
	)
	assert result.months.values.tolist() == [
		["2026-01", 0, 0, 0, 0, 0, 0, 0],
		["2026-02", 0, 0, 0, 0, 0, 0, 0],
	]
	assert (result.contacts, result.kept_alive_by_text_alone, result.share_by_text) == (0, 0, None)
