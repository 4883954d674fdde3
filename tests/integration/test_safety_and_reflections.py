import frappe
import pytest
from frappe.client import get as client_get
from frappe.utils import add_days, today

from pts_coaching.install import REFLECTION_THEMES
from tests.integration.conftest import make_user, new_relationship


def test_a_safety_conversation_is_their_words_with_no_score_and_no_level():
	fields = frappe.get_meta("Safety Conversation").fields
	words = [f.fieldname for f in fields if f.fieldtype in ("Text", "Small Text")]
	assert words == ["what_keeps_me_safe", "who_i_would_contact"]
	for field in fields:
		assert field.fieldtype not in ("Int", "Float", "Percent", "Rating", "Select", "Check"), (
			field.fieldname
		)
		for word in ("score", "level", "risk", "rating"):
			assert word not in f"{field.fieldname} {field.label or ''}".lower(), field.fieldname


def test_when_to_talk_again_is_after_the_conversation():
	relationship = new_relationship()

	def safety(talk_again_in_days):
		return frappe.get_doc(
			{
				"doctype": "Safety Conversation",
				"person": relationship.person,
				"relationship": relationship.name,
				"date": add_days(today(), -7),
				"what_keeps_me_safe": "Walking the dog at night, my phone charged",
				"who_i_would_contact": "My sister Jade",
				"talk_again_on": add_days(today(), talk_again_in_days),
			}
		)

	with pytest.raises(frappe.ValidationError, match="after this conversation"):
		safety(-8).insert()
	assert safety(-7).insert()
	assert safety(30).insert()


@pytest.fixture
def teams(coach, other_coach, lead):
	"""North: Sam and Alex, led by Jo. South: Robin."""
	robin = make_user("robin.coach@example.org", "PTS Coach")
	frappe.get_doc(
		{
			"doctype": "Coaching Team",
			"team_name": "North",
			"lead": lead,
			"members": [{"user": coach}, {"user": other_coach}],
		}
	).insert()
	frappe.get_doc({"doctype": "Coaching Team", "team_name": "South", "members": [{"user": robin}]}).insert()
	return frappe._dict(sam=coach, alex=other_coach, jo=lead, robin=robin)


def reflect(coach: str, shared: bool, *themes: str) -> str:
	frappe.set_user(coach)
	name = (
		frappe.get_doc(
			{
				"doctype": "Coach Reflection",
				"reflection": f"<p>{coach} thinking about the week.</p>",
				"share_with_team": int(shared),
				"what_got_in_the_way": [{"theme": theme} for theme in themes],
			}
		)
		.insert()
		.name
	)
	frappe.set_user("Administrator")
	return name


def test_the_themes_of_what_gets_in_the_way_are_shipped():
	assert set(frappe.get_all("Reflection Theme", pluck="name")) == set(REFLECTION_THEMES)


def test_a_reflection_is_written_by_the_coach_and_tagged_with_what_got_in_the_way(coach):
	name = reflect(coach, False, "Housing rules", "Paperwork")
	made = frappe.get_doc("Coach Reflection", name)
	assert (made.coach, str(made.date)) == (coach, today())
	assert [row.theme for row in made.what_got_in_the_way] == ["Housing rules", "Paperwork"]


def test_a_coach_writes_only_their_own_reflections(coach, other_coach):
	frappe.set_user(coach)
	with pytest.raises(frappe.PermissionError):
		frappe.get_doc({"doctype": "Coach Reflection", "coach": other_coach, "reflection": "x"}).insert()
	own = frappe.get_doc("Coach Reflection", reflect(coach, True))
	frappe.set_user(coach)
	own.coach = other_coach
	with pytest.raises(frappe.PermissionError):
		own.save()
	assert frappe.db.get_value("Coach Reflection", own.name, "coach") == coach


def test_a_reflection_cannot_be_dated_in_the_future(coach):
	frappe.set_user(coach)
	with pytest.raises(frappe.ValidationError, match="cannot be in the future"):
		frappe.get_doc({"doctype": "Coach Reflection", "date": add_days(today(), 1)}).insert()


def test_a_coach_sees_their_own_and_those_shared_with_their_team(teams):
	sams_own = reflect(teams.sam, False, "Eligibility")
	alex_shared = reflect(teams.alex, True, "Paperwork")
	alex_own = reflect(teams.alex, False)
	jo_shared = reflect(teams.jo, True)
	robin_shared = reflect(teams.robin, True, "Funding targets")

	def seen_by(user):
		frappe.set_user(user)
		listed = set(frappe.get_list("Coach Reflection", pluck="name"))
		readable = {
			name
			for name in (sams_own, alex_shared, alex_own, jo_shared, robin_shared)
			if frappe.has_permission("Coach Reflection", "read", doc=name, user=user)
		}
		assert listed == readable, user
		return listed

	assert seen_by(teams.sam) == {sams_own, alex_shared, jo_shared}
	assert seen_by(teams.alex) == {alex_shared, alex_own, jo_shared}
	# The lead sees what their team shares, not what a coach keeps to themselves.
	assert seen_by(teams.jo) == {alex_shared, jo_shared}
	assert seen_by(teams.robin) == {robin_shared}


def test_a_system_manager_sees_what_their_team_shares(teams):
	manager = make_user("pat.manager@example.org", "System Manager")
	south = frappe.get_doc("Coaching Team", "South")
	south.append("members", {"user": manager})
	south.save()
	robin_shared = reflect(teams.robin, True)
	reflect(teams.robin, False)
	reflect(teams.alex, True)
	frappe.set_user(manager)
	assert frappe.get_list("Coach Reflection", pluck="name") == [robin_shared]


def test_a_shared_reflection_is_read_by_the_team_and_changed_only_by_its_coach(teams):
	alex_shared = reflect(teams.alex, True)
	frappe.set_user(teams.sam)
	doc = frappe.get_doc("Coach Reflection", alex_shared)
	assert doc.has_permission("read")
	doc.reflection = "<p>Sam's words</p>"
	with pytest.raises(frappe.PermissionError):
		doc.save()
	frappe.set_user(teams.jo)
	with pytest.raises(frappe.PermissionError):
		frappe.delete_doc("Coach Reflection", alex_shared)
	frappe.set_user(teams.alex)
	doc = frappe.get_doc("Coach Reflection", alex_shared)
	doc.reflection = "<p>Thinking again.</p>"
	doc.save()


def test_an_analyst_sees_what_got_in_the_way_but_not_the_reflection(teams, analyst):
	alex_own = reflect(teams.alex, False, "Paperwork")
	frappe.set_user(analyst)
	[row] = frappe.get_list(
		"Coach Reflection", fields=["name", "coach", "date", "reflection"], filters={"name": alex_own}
	)
	assert (row.name, row.coach) == (alex_own, teams.alex)
	assert "reflection" not in row
	seen = client_get("Coach Reflection", alex_own)
	assert not seen.get("reflection")
	assert [tag["theme"] for tag in seen["what_got_in_the_way"]] == ["Paperwork"]
	with pytest.raises(frappe.PermissionError):
		frappe.get_doc({"doctype": "Coach Reflection", "reflection": "x"}).insert()
