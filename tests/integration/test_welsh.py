"""Every string the app shows has a Welsh translation, and someone whose language is Welsh sees it."""

import ast
import csv
from pathlib import Path

import frappe
from frappe.translate import get_messages_for_app, get_messages_from_navbar

from pts_coaching import lifecycle

APP = Path(__file__).resolve().parents[2] / "pts_coaching"
WELSH = APP / "translations" / "cy.csv"
RULE_MODULES = ("lifecycle.py", "scoring.py", "aspirations.py", "outcomes.py", "check_in_links.py")


def messages_of_the_rules() -> set[str]:
	"""The plain-Python rules raise English messages that the controllers translate."""
	found = {move.action for move in lifecycle.MOVES}
	for module in RULE_MODULES:
		for node in ast.walk(ast.parse((APP / module).read_text())):
			if (
				isinstance(node, ast.Call)
				and getattr(node.func, "id", None) in ("RuleBroken", "NotAccepted", "MoveNotAllowed")
				and node.args
			):
				for message in ast.walk(node.args[0]):
					if isinstance(message, ast.Constant) and isinstance(message.value, str):
						found.add(message.value)
			if (
				isinstance(node, ast.Return)
				and isinstance(node.value, ast.Constant)
				and isinstance(node.value.value, str)
			):
				found.add(node.value.value)
	return found


def messages_the_app_shows() -> set[str]:
	"""Frappe counts the site's Navbar Items (ERPNext adds its help menu) among every app's messages:
	they are the site's, not the app's."""
	of_the_site = {message[1] for message in get_messages_from_navbar()}
	return {
		message[1] for message in get_messages_for_app("pts_coaching") if message[1] not in of_the_site
	} | messages_of_the_rules()


def welsh() -> dict[str, str]:
	with WELSH.open(newline="") as translations:
		return {row[0]: row[1] for row in csv.reader(translations) if len(row) >= 2 and row[1].strip()}


def test_every_string_the_app_shows_has_a_welsh_translation():
	missing = sorted(messages_the_app_shows() - set(welsh()))
	assert not missing, "No Welsh yet for:\n" + "\n".join(missing)


def test_welsh_translations_keep_their_placeholders():
	for english, cymraeg in welsh().items():
		for placeholder in ("{0}", "{1}", "{2}"):
			assert (placeholder in english) == (placeholder in cymraeg), (english, cymraeg)


def test_someone_whose_language_is_welsh_sees_the_app_in_welsh():
	frappe.local.lang = "cy"
	try:
		frappe.translate.clear_cache()
		assert frappe._("Getting to know each other") == welsh()["Getting to know each other"]
		assert frappe._("Start with a conversation") == welsh()["Start with a conversation"]
	finally:
		frappe.local.lang = "en"
