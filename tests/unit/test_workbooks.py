import io
import zipfile
from datetime import datetime

import openpyxl

from pts_coaching.workbooks import fixed_in_time

WHEN = datetime(2026, 9, 30)


def workbook(rows, created: datetime = datetime(2026, 10, 1, 9, 30)) -> bytes:
	book = openpyxl.Workbook(write_only=True)
	book.properties.created = created
	sheet = book.create_sheet("Claim")
	for row in rows:
		sheet.append(row)
	made = io.BytesIO()
	book.save(made)
	return made.getvalue()


def test_the_same_figures_make_the_same_file_whenever_they_are_made():
	first = workbook([["Outcome", "Tariff"], ["Entered work", 1000]])
	second = workbook([["Outcome", "Tariff"], ["Entered work", 1000]], created=datetime(2026, 10, 2))
	assert first != second
	assert fixed_in_time(first, WHEN) == fixed_in_time(second, WHEN)


def test_the_file_still_opens_with_its_figures_and_says_when_it_is_from():
	fixed = fixed_in_time(workbook([["Outcome", "Tariff"], ["Entered work", 1000]]), WHEN)
	sheet = openpyxl.load_workbook(io.BytesIO(fixed)).active
	assert [list(row) for row in sheet.iter_rows(values_only=True)] == [
		["Outcome", "Tariff"],
		["Entered work", 1000],
	]
	book = openpyxl.load_workbook(io.BytesIO(fixed))
	assert (book.properties.created, book.properties.modified) == (WHEN, WHEN)
	assert {part.date_time for part in zipfile.ZipFile(io.BytesIO(fixed)).infolist()} == {
		(2026, 9, 30, 0, 0, 0)
	}
