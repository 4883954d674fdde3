// Copyright (c) 2026, pts_coaching contributors
// License: MIT. See license.txt

frappe.query_reports["Aspirations"] = {
	filters: [
		{
			fieldname: "from_date",
			label: __("From"),
			fieldtype: "Date",
			default: frappe.datetime.add_days(frappe.datetime.add_months(frappe.datetime.get_today(), -12), 1),
		},
		{ fieldname: "to_date", label: __("To"), fieldtype: "Date", default: frappe.datetime.get_today() },
		{ fieldname: "theme", label: __("Theme"), fieldtype: "Link", options: "Aspiration Theme" },
		{ fieldname: "team", label: __("Team"), fieldtype: "Link", options: "Coaching Team" },
		{ fieldname: "coach", label: __("Coach"), fieldtype: "Link", options: "User" },
	],
};
