// Copyright (c) 2026, pts_coaching contributors
// License: MIT. See license.txt

frappe.ui.form.on("Personal Budget Spend", {
	refresh(frm) {
		if (frm.is_new() || frm.doc.approved_by || !frappe.user.has_role("PTS Coaching Lead")) return;
		frm.add_custom_button(__("Approve"), () => {
			frm.call("approve").then(() => frm.reload_doc());
		}).addClass("btn-primary");
	},
});
