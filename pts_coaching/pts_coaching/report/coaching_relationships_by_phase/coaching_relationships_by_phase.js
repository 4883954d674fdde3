// Copyright (c) 2026, pts_coaching contributors
// License: MIT. See license.txt

frappe.query_reports["Coaching Relationships by Phase"] = {
	filters: [
		{
			fieldname: "from_date",
			label: __("From"),
			fieldtype: "Date",
			default: frappe.datetime.add_days(frappe.datetime.add_months(frappe.datetime.get_today(), -12), 1),
			description: __("Relationships that ended before this day are left out."),
		},
		{
			fieldname: "to_date",
			label: __("Phase on"),
			fieldtype: "Date",
			default: frappe.datetime.get_today(),
		},
		{ fieldname: "team", label: __("Team"), fieldtype: "Link", options: "Coaching Team" },
		{ fieldname: "coach", label: __("Coach"), fieldtype: "Link", options: "User" },
	],
	onload: (report) => pts_coaching.offer_to_run_now(report),
};
