"""Relationships started before every relationship had a team: without one, no one but their coach saw
the person. Each is given its coach's team where the coach works in exactly one; the rest are listed
for the site's admins, in their notifications, to choose."""

import frappe
from frappe.desk.doctype.notification_log.notification_log import make_notification_logs

from pts_coaching.pts_coaching.doctype.coaching_team.coaching_team import teams_coached_in

WITH_NO_TEAM = '/app/coaching-relationship?team=["is","not set"]'


def execute():
	left = 0
	for relationship in frappe.get_all(
		"Coaching Relationship", filters={"team": ("is", "not set")}, fields=["name", "coach"]
	):
		teams = teams_coached_in(relationship.coach)
		if len(teams) == 1:
			frappe.db.set_value(
				"Coaching Relationship", relationship.name, "team", teams[0], update_modified=False
			)
		else:
			left += 1
	if left:
		admins = frappe.get_all(
			"User",
			filters={"name": ("in", frappe.get_all("Has Role", {"role": "System Manager"}, pluck="parent"))},
			pluck="email",
		)
		make_notification_logs(
			frappe._dict(
				type="Alert",
				subject=frappe._(
					"{0} coaching relationships have no team, because their coach works in several teams "
					"or in none. Choose each one's team, so their lead and teammates see them."
				).format(left),
				link=WITH_NO_TEAM,
			),
			[*admins, frappe.db.get_value("User", "Administrator", "email")],
		)
