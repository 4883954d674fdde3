from frappe import _


def get_data():
	return {
		"fieldname": "person",
		"transactions": [
			{"label": _("Coaching"), "items": ["Coaching Relationship", "Coaching Conversation"]},
			{"label": _("Their aspirations and wellbeing"), "items": ["Aspiration", "Wellbeing Check-in"]},
			{"label": _("Their life"), "items": ["Connection Snapshot", "Service Involvement"]},
			{"label": _("Along the way"), "items": ["Achievement", "Safety Conversation"]},
			{"label": _("Personal budget"), "items": ["Personal Budget Spend"]},
		],
	}
