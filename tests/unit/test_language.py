import json
from pathlib import Path

import pytest

from pts_coaching.language import INSTEAD_OF, WELSH, find_deficit_words, welsh_forms

APP = Path(__file__).resolve().parents[2] / "pts_coaching"


def test_finds_a_deficit_word_and_offers_the_alternative():
	[found] = find_deficit_words("She had a no show on Tuesday")
	assert found.word == "no show"
	assert found.instead == "didn't make it"
	assert found.start == 10


def test_the_longest_phrase_wins():
	[found] = find_deficit_words("Put it in the case file")
	assert found.word == "case file"
	assert found.instead == "relationship"


def test_whole_words_only_and_any_case():
	assert [found.word for found in find_deficit_words("showcase the CLIENT's strengths")] == ["CLIENT"]
	assert find_deficit_words("Referrals") == []


def test_an_organisation_can_add_its_own_words():
	[found] = find_deficit_words("a hard-to-reach man", extra={"hard-to-reach": "not met yet"})
	assert found.instead == "not met yet"


@pytest.mark.parametrize(
	("note", "word", "as_listed"),
	[
		("Roedd hi'n teimlo'n fregus", "fregus", "bregus"),
		("Dyma fy nghleient newydd", "nghleient", "cleient"),
		("Cawsom ei hasesiad ddoe", "hasesiad", "asesiad"),
		("Ar ôl ei droi allan", "droi allan", "troi allan"),
	],
)
def test_a_welsh_word_is_found_when_its_first_sound_mutates(note, word, as_listed):
	[found] = find_deficit_words(note)
	assert (found.word, found.instead) == (word, WELSH[as_listed])


def test_only_welsh_words_mutate():
	assert welsh_forms("bregus") == ["bregus", "fregus", "mregus"]
	assert welsh_forms("wedi methu") == ["wedi methu"]
	assert find_deficit_words("a gase with a dreferral") == []


def _words_people_read(meta: dict):
	for key in ("name", "title", "label", "description", "report_name", "chart_name"):
		if isinstance(meta.get(key), str):
			yield meta[key]
	for field in meta.get("fields", []):
		yield from (field.get(k) or "" for k in ("label", "description"))
		if field.get("fieldtype") == "Select":
			yield field.get("options") or ""
	# A workspace: its links, shortcuts, cards and charts, and the headings in its content.
	for table in ("links", "shortcuts", "number_cards", "charts"):
		yield from (row.get("label") or "" for row in meta.get(table, []))
	for block in json.loads(meta.get("content") or "[]"):
		yield block.get("data", {}).get("text") or ""


METADATA_FOLDERS = ("doctype", "page", "report", "workspace", "number_card", "dashboard_chart")
APP_METADATA = sorted(
	path
	for path in APP.glob("pts_coaching/*/*/*.json")
	if path.parent.parent.name in METADATA_FOLDERS and path.stem == path.parent.name
)


def test_the_app_has_metadata_to_check():
	assert {path.parent.parent.name for path in APP_METADATA} == set(METADATA_FOLDERS)


@pytest.mark.parametrize("path", APP_METADATA, ids=lambda p: p.stem)
def test_labels_and_options_use_strength_based_words(path):
	meta = json.loads(path.read_text())
	found = [(text, hit.word) for text in _words_people_read(meta) for hit in find_deficit_words(text)]
	assert found == []


def test_every_pair_in_language_md_is_in_the_list():
	guide = Path(__file__).resolve().parents[3] / "shared" / "LANGUAGE.md"
	if not guide.exists():
		pytest.skip("shared/LANGUAGE.md is not beside this checkout")
	rows = [line.split("|")[1] for line in guide.read_text().splitlines() if line.startswith("| ")][2:]
	for row in rows:
		for term in row.split(","):
			term = term.split("(")[0].strip()
			assert term.lower() in {w.lower() for w in INSTEAD_OF}, term
