import frappe
import pytest
from frappe.utils import add_days, getdate, today

from pts_coaching.pts_coaching.doctype.connection_snapshot.connection_snapshot import (
	connections_from_last_snapshot,
)
from pts_coaching.pts_coaching.doctype.service_involvement.service_involvement import active_services
from tests.integration.conftest import make_user, new_relationship


def snapshot(person: str, days_ago: int, *connections: tuple) -> "frappe.model.document.Document":
	return frappe.get_doc(
		{
			"doctype": "Connection Snapshot",
			"person": person,
			"date": add_days(today(), -days_ago),
			"connections": [
				{"who_or_what": who, "kind": kind, "closeness": closeness, "in_their_words": words}
				for who, kind, closeness, words in connections
			],
		}
	).insert()


def rows(doc) -> list[tuple]:
	return [(r.who_or_what, r.kind, r.closeness, r.in_their_words) for r in doc.connections]


def test_a_snapshot_counts_the_connections_and_their_average_closeness():
	person = new_relationship().person
	made = snapshot(
		person, 0, ("Mum", "Family", 5, None), ("Parkrun", "Sport", 3, None), ("Library", "Place", 2, None)
	)
	assert (made.connection_count, made.average_closeness) == (3, 3.3)
	empty = snapshot(person, 0)
	assert frappe.db.get_value(
		"Connection Snapshot", empty.name, ["connection_count", "average_closeness"]
	) == (
		0,
		0,
	)


@pytest.mark.parametrize("closeness", [0, 6])
def test_closeness_is_from_1_to_5(closeness):
	person = new_relationship().person
	with pytest.raises(frappe.ValidationError, match=r"How close is .*Parkrun.*1 .distant. to 5"):
		snapshot(person, 0, ("Mum", "Family", 4, None), ("Parkrun", "Sport", closeness, None))


def test_a_new_snapshot_starts_as_a_copy_of_the_last_one():
	person = new_relationship().person
	snapshot(person, 90, ("Mum", "Family", 2, None))
	last = snapshot(
		person,
		10,
		("Mum", "Family", 4, "We talk every Sunday now"),
		("Allotment society", "Group", 3, None),
	)
	snapshot(new_relationship(name="Morgan").person, 1, ("Dad", "Family", 5, None))

	copied = connections_from_last_snapshot(person)
	assert [tuple(row.values()) for row in copied] == rows(last)

	# The coach changes only what changed; the last snapshot stays as it was.
	copied[1]["closeness"] = 4
	copied.append({"who_or_what": "Food bank volunteers", "kind": "Work", "closeness": 3})
	new = frappe.get_doc({"doctype": "Connection Snapshot", "person": person, "connections": copied}).insert()
	assert rows(new) == [
		("Mum", "Family", 4, "We talk every Sunday now"),
		("Allotment society", "Group", 4, None),
		("Food bank volunteers", "Work", 3, None),
	]
	assert rows(frappe.get_doc("Connection Snapshot", last.name)) == rows(last)
	assert [tuple(row.values()) for row in connections_from_last_snapshot(person)] == rows(new)


def test_the_first_snapshot_starts_empty():
	assert connections_from_last_snapshot(new_relationship().person) == []


def test_copying_a_snapshot_needs_permission_to_read_it():
	person = new_relationship().person
	snapshot(person, 1, ("Mum", "Family", 4, None))
	frappe.set_user(make_user("no.roles@example.org"))
	with pytest.raises(frappe.PermissionError):
		connections_from_last_snapshot(person)


def involvement(person: str, kind: str, from_days: int, to_days: int | None = None):
	return frappe.get_doc(
		{
			"doctype": "Service Involvement",
			"person": person,
			"service_kind": kind,
			"from_date": add_days(today(), from_days),
			"to_date": add_days(today(), to_days) if to_days is not None else None,
		}
	).insert()


def test_a_service_cannot_end_before_it_starts():
	person = new_relationship().person
	with pytest.raises(frappe.ValidationError, match="cannot be before the start"):
		involvement(person, "Housing", -10, -11)
	assert involvement(person, "Housing", -10, -10).name


def test_the_services_a_person_relies_on_on_a_date():
	person = new_relationship().person
	involvement(person, "Housing", -100, -50)
	involvement(person, "Probation", -60)
	involvement(person, "Mental health", -10, -10)
	involvement(person, "Benefits", 5)
	involvement(new_relationship(name="Morgan").person, "Health", -200)

	def active(days=None):
		on = add_days(today(), days) if days is not None else None
		return [service.service_kind for service in active_services(person, on)]

	assert active(-101) == []
	assert active(-100) == ["Housing"]
	assert active(-50) == ["Housing", "Probation"]
	assert active(-49) == ["Probation"]
	assert active(-10) == ["Probation", "Mental health"]
	assert active() == ["Probation"]
	assert active(5) == ["Probation", "Benefits"]
	assert all(getdate(s.from_date) <= getdate(today()) for s in active_services(person))
