// Wellbeing Journey, Coaching Relationships by Phase and Contact Rhythm run in a background job. Where
// no worker is running, that job would wait for ever: say so, and offer to run the report now.
frappe.provide("pts_coaching");

pts_coaching.offer_to_run_now = (report) => {
	frappe.xcall("pts_coaching.background.a_worker_is_running").then((running) => {
		if (running) return;
		report.page.set_indicator(__("No background worker is running"), "orange");
		report.page.add_inner_button(__("Run it now"), () => {
			report.ignore_prepared_report = true;
			report.refresh();
		});
	});
};
