# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt

from frappe.model.document import Document


class PTSCoachingSettings(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from pts_coaching.pts_coaching.doctype.pts_coaching_settings_role.pts_coaching_settings_role import (
			PTSCoachingSettingsRole,
		)

		budget_company: DF.Link | None
		budget_expense_account: DF.Link | None
		budget_payment_account: DF.Link | None
		default_measure: DF.Link | None
		retention_years: DF.Int
		roles_that_see_everyone: DF.TableMultiSelect[PTSCoachingSettingsRole]
		roles_that_see_their_teams: DF.TableMultiSelect[PTSCoachingSettingsRole]
	# end: auto-generated types
	pass
