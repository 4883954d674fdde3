// Copyright (c) 2026, pts_coaching contributors
// License: MIT. See license.txt

frappe.ui.form.on("Coaching Relationship", {
	refresh(frm) {
		// The history is kept as it happened: moves add to it, and only its words can be written in.
		frm.set_df_property("phase_history", "cannot_add_rows", true);
		frm.set_df_property("phase_history", "cannot_delete_rows", true);
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
