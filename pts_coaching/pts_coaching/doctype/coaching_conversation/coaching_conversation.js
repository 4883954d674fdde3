// Copyright (c) 2026, pts_coaching contributors
// License: MIT. See license.txt

// What comes up in a conversation is added from it in one click, already about this person.
const ADD_FROM_A_CONVERSATION = [
	["Connections", "Connection Snapshot"],
	["Service", "Service Involvement"],
	["Achievement", "Achievement"],
	["Personal budget spend", "Personal Budget Spend"],
	["Safety conversation", "Safety Conversation"],
];

frappe.ui.form.on("Coaching Conversation", {
	refresh(frm) {
		if (frm.is_new()) return;
		for (const [label, doctype] of ADD_FROM_A_CONVERSATION) {
			if (!frappe.model.can_create(doctype)) continue;
			frm.add_custom_button(
				__(label),
				() => {
					frappe.new_doc(doctype, {
						person: frm.doc.person,
						relationship: frm.doc.relationship,
					});
				},
				__("Add")
			);
		}
		if (frappe.model.can_create("Coach Reflection")) {
			// About the coach's own practice, not the person: nothing of theirs is carried over.
			frm.add_custom_button(__("My reflection"), () => frappe.new_doc("Coach Reflection"), __("Add"));
		}
	},
});
