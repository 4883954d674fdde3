from frappe import _


def get_data():
	return {
		"fieldname": "relationship",
		"transactions": [
			{"label": _("Together"), "items": ["Coaching Conversation"]},
		],
	}
