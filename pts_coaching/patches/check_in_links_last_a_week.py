import frappe

from pts_coaching.check_in_links import DAYS_BY_DEFAULT


def execute():
	"""Settings saved before check-in links existed have no number of days: they get the default."""
	if not frappe.db.get_single_value("PTS Coaching Settings", "check_in_link_days"):
		frappe.db.set_single_value("PTS Coaching Settings", "check_in_link_days", DAYS_BY_DEFAULT)
