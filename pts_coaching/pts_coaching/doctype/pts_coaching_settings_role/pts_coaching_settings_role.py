# Copyright (c) 2026, pts_coaching contributors
# License: MIT. See license.txt

from frappe.model.document import Document


class PTSCoachingSettingsRole(Document):
	pass
