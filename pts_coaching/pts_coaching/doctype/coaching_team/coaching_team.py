# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt

from frappe.model.document import Document


class CoachingTeam(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from pts_coaching.pts_coaching.doctype.coaching_team_member.coaching_team_member import (
			CoachingTeamMember,
		)

		delivery_partner: DF.Data | None
		lead: DF.Link | None
		members: DF.Table[CoachingTeamMember]
		team_name: DF.Data
	# end: auto-generated types
	pass
