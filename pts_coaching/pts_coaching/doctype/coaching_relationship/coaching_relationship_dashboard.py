from frappe import _


def get_data():
	return {
		"fieldname": "relationship",
		"transactions": [
			{"label": _("Together"), "items": ["Coaching Conversation", "Safety Conversation"]},
			{"label": _("Their aspirations and wellbeing"), "items": ["Aspiration", "Wellbeing Check-in"]},
			{"label": _("Their life"), "items": ["Connection Snapshot", "Service Involvement"]},
			{"label": _("Along the way"), "items": ["Achievement", "Personal Budget Spend"]},
		],
	}
