// Copyright (c) 2026, pts_coaching contributors
// License: MIT. See license.txt

frappe.ui.form.on("Coaching Relationship", {
	refresh(frm) {
		if (!frm.is_new()) {
			frm.add_custom_button(__("Conversation"), () => {
				frappe.new_doc("Coaching Conversation", { relationship: frm.doc.name });
			}, __("Add"));
		}
	},
});
