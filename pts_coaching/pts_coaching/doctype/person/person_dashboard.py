from frappe import _


def get_data():
	return {
		"fieldname": "person",
		"transactions": [
			{"label": _("Coaching"), "items": ["Coaching Relationship", "Coaching Conversation"]},
			{"label": _("Their aspirations and wellbeing"), "items": ["Aspiration", "Wellbeing Check-in"]},
		],
	}
