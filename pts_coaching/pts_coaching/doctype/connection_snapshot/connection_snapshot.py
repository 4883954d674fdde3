# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt

import frappe
from frappe.model.document import Document

from pts_coaching import outcomes
from pts_coaching.pts_coaching.records import check_not_in_future, check_relationship_is_theirs, said_kindly

COPIED_FIELDS = ("who_or_what", "kind", "closeness", "in_their_words")


class ConnectionSnapshot(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from pts_coaching.pts_coaching.doctype.person_connection.person_connection import PersonConnection

		average_closeness: DF.Float
		connection_count: DF.Int
		connections: DF.Table[PersonConnection]
		date: DF.Date
		person: DF.Link
		person_name: DF.Data | None
		relationship: DF.Link | None

	# end: auto-generated types
	def validate(self):
		check_relationship_is_theirs(self)
		check_not_in_future(self, "date")
		with said_kindly("Check the connections"):
			for row in self.connections:
				outcomes.check_closeness(row.who_or_what, row.closeness)
		network = outcomes.network([row.closeness for row in self.connections])
		self.connection_count = network.size
		self.average_closeness = network.average_closeness


@frappe.whitelist()
def connections_from_last_snapshot(person: str) -> list[dict]:
	"""The connections in the person's latest snapshot, for a new snapshot to start from, so that a coach
	only changes what has changed."""
	last = frappe.get_list(
		"Connection Snapshot",
		filters={"person": person},
		order_by="date desc, creation desc",
		limit=1,
		pluck="name",
	)
	if not last:
		return []
	snapshot = frappe.get_doc("Connection Snapshot", last[0])
	snapshot.check_permission("read")
	return [{field: row.get(field) for field in COPIED_FIELDS} for row in snapshot.connections]
