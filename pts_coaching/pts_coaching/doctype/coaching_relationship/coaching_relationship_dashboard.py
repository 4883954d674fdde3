from frappe import _


def get_data():
	return {
		"fieldname": "relationship",
		"transactions": [
			{"label": _("Together"), "items": ["Coaching Conversation"]},
			{"label": _("Their aspirations and wellbeing"), "items": ["Aspiration", "Wellbeing Check-in"]},
		],
	}
