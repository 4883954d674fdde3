// Copyright (c) 2026, pts_coaching contributors
// License: MIT. See license.txt

frappe.ui.form.on("Coaching Relationship", {
	refresh(frm) {
		if (!frm.is_new()) {
			for (const [label, doctype] of [
				[__("Conversation"), "Coaching Conversation"],
				[__("Aspiration"), "Aspiration"],
				[__("Wellbeing check-in"), "Wellbeing Check-in"],
			]) {
				frm.add_custom_button(label, () => {
					frappe.new_doc(doctype, { relationship: frm.doc.name, person: frm.doc.person });
				}, __("Add"));
			}
		}
	},
});
