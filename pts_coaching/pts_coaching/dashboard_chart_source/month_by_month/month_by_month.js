// Copyright (c) 2026, pts_coaching contributors
// License: MIT. See license.txt

frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["Month by month"] = {
	method: "pts_coaching.pts_coaching.dashboard_chart_source.month_by_month.month_by_month.get",
	filters: [
		{
			fieldname: "records",
			label: __("Count"),
			fieldtype: "Select",
			options: ["Coaching Conversation", "Wellbeing Check-in"],
			default: "Coaching Conversation",
		},
	],
};
