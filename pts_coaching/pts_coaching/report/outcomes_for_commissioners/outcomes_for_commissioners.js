// Copyright (c) 2026, pts_coaching contributors
// License: MIT. See license.txt

frappe.query_reports["Outcomes for Commissioners"] = {
	filters: [
		{
			fieldname: "from_date",
			label: __("Achieved from"),
			fieldtype: "Date",
			default: frappe.datetime.add_days(frappe.datetime.add_months(frappe.datetime.get_today(), -12), 1),
		},
		{ fieldname: "to_date", label: __("Achieved to"), fieldtype: "Date", default: frappe.datetime.get_today() },
		{
			fieldname: "period",
			label: __("Per"),
			fieldtype: "Select",
			options: [
				{ value: "Month", label: __("Month") },
				{ value: "Quarter", label: __("Quarter") },
				{ value: "Year", label: __("Year") },
			],
			default: "Quarter",
		},
		{ fieldname: "contract", label: __("Contract"), fieldtype: "Link", options: "Outcomes Contract" },
		{ fieldname: "team", label: __("Team"), fieldtype: "Link", options: "Coaching Team" },
		{ fieldname: "coach", label: __("Coach"), fieldtype: "Link", options: "User" },
	],
	onload(report) {
		report.page.add_inner_button(__("Download the claim"), () => {
			const { contract, from_date, to_date } = report.get_filter_values();
			if (!contract) {
				frappe.msgprint(__("Choose a contract to download its claim for the period."));
				return;
			}
			const method = "pts_coaching.pts_coaching.report.outcomes_for_commissioners.outcomes_for_commissioners.download_claim";
			const query = new URLSearchParams({ contract, from_date, to_date });
			window.open(frappe.urllib.get_full_url(`/api/method/${method}?${query}`));
		});
	},
};
