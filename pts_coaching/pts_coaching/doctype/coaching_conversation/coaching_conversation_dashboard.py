from frappe import _


def get_data():
	return {
		"fieldname": "conversation",
		"transactions": [{"label": _("Noted in this conversation"), "items": ["Aspiration"]}],
	}
