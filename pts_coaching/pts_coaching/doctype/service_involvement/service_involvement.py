# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt

import frappe
from frappe.model.document import Document
from frappe.utils import getdate, today

from pts_coaching import outcomes
from pts_coaching.pts_coaching.records import check_relationship_is_theirs, said_kindly


class ServiceInvolvement(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from_date: DF.Date
		person: DF.Link
		person_name: DF.Data | None
		relationship: DF.Link | None
		service_kind: DF.Literal[
			"Housing",
			"Health",
			"Mental health",
			"Drugs and alcohol",
			"Probation",
			"Social care",
			"Benefits",
			"Money and debt",
			"Work and skills",
			"Education",
			"Other",
		]
		service_name: DF.Data | None
		to_date: DF.Date | None

	# end: auto-generated types
	def validate(self):
		check_relationship_is_theirs(self)
		with said_kindly("Check the dates"):
			outcomes.check_period(getdate(self.from_date), getdate(self.to_date) if self.to_date else None)


@frappe.whitelist()
def active_services(person: str, on: str | None = None) -> list[dict]:
	"""The services the person relies on, on a date (today if none is given)."""
	on = getdate(on or today())
	started = frappe.get_list(
		"Service Involvement",
		filters={"person": person, "from_date": ("<=", on)},
		fields=["name", "service_kind", "service_name", "from_date", "to_date"],
		order_by="from_date, creation",
	)
	return [service for service in started if outcomes.is_active_on(service.from_date, service.to_date, on)]
