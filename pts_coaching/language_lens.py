"""The language lens: while a coach writes, a gentle hint offers a strength-based word for a deficit
one. The words come from pts_coaching.language and the organisation's own list in PTS Coaching
Settings; a hint never stops anyone saving."""

import frappe
from frappe.utils import strip_html

from pts_coaching.language import find_deficit_words

TURNED_OFF = "pts_language_lens_off"
# The forms whose long text the lens reads (hooks.py gives each of them public/js/language_lens.js).
LENS_DOCTYPES = (
	"Coaching Conversation",
	"Person",
	"Coaching Relationship",
	"Aspiration",
	"Wellbeing Check-in",
	"Safety Conversation",
	"Achievement",
	"Personal Budget Spend",
	"Coach Reflection",
)


def is_on() -> bool:
	return bool(
		frappe.db.get_single_value("PTS Coaching Settings", "language_lens")
	) and not frappe.defaults.get_user_default(TURNED_OFF)


@frappe.whitelist()
def hints(text: str | None = None) -> list[dict]:
	if not is_on():
		return []
	own_words = {
		row.instead_of: row.say_instead for row in frappe.get_cached_doc("PTS Coaching Settings").lens_words
	}
	return [
		{"word": found.word, "instead": found.instead}
		for found in find_deficit_words(strip_html(text or ""), extra=own_words)
	]


@frappe.whitelist(methods=["POST"])
def turn_off_for_me() -> None:
	frappe.defaults.set_user_default(TURNED_OFF, 1)
