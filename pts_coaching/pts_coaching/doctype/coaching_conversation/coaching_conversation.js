// Copyright (c) 2026, pts_coaching contributors
// License: MIT. See license.txt

// What comes up in a conversation is added from it, already about this person.
const ADD_FROM_A_CONVERSATION = [
	["Connections", "Connection Snapshot"],
	["Service", "Service Involvement"],
	["Achievement", "Achievement"],
	["Personal budget spend", "Personal Budget Spend"],
	["Safety conversation", "Safety Conversation"],
];
// Aspirations and steps are noted without leaving the conversation: their words, Save.
const NOTE = "pts_coaching.pts_coaching.doctype.aspiration.aspiration";

frappe.ui.form.on("Coaching Conversation", {
	refresh(frm) {
		if (frm.is_new()) return;
		if (frappe.model.can_create("Aspiration")) {
			frm.add_custom_button(
				__("Aspiration"),
				() =>
					note(frm, "note_aspiration", [
						["Aspiration", "in_their_words"],
						["Aspiration", "theme"],
					]),
				__("Add")
			);
			frm.add_custom_button(
				__("Step towards an aspiration"),
				() =>
					note(frm, "note_step", [
						{
							fieldname: "aspiration",
							fieldtype: "Link",
							label: __("Aspiration"),
							options: "Aspiration",
							reqd: 1,
							// Achieved and dropped aspirations are left as they are.
							get_query: () => ({
								filters: {
									person: frm.doc.person,
									status: ["not in", ["Achieved", "Changed my mind"]],
								},
							}),
						},
						["Aspiration Step", "step"],
					]),
				__("Add")
			);
		}
		for (const [label, doctype] of ADD_FROM_A_CONVERSATION) {
			if (!frappe.model.can_create(doctype)) continue;
			frm.add_custom_button(
				__(label),
				() => frappe.new_doc(doctype, { person: frm.doc.person, relationship: frm.doc.relationship }),
				__("Add")
			);
		}
		if (frappe.model.can_create("Coach Reflection")) {
			// About the coach's own practice, not the person: nothing of theirs is carried over.
			frm.add_custom_button(__("My reflection"), () => frappe.new_doc("Coach Reflection"), __("Add"));
		}
	},
});

async function note(frm, method, fields) {
	await frappe.model.with_doctype("Aspiration");
	const dialog = new frappe.ui.Dialog({
		title: method === "note_step" ? __("Note a step") : __("Note an aspiration"),
		fields: fields.map((field) => {
			if (!Array.isArray(field)) return field;
			const [doctype, fieldname] = field;
			const { fieldtype, label, options, reqd } = frappe.meta.get_docfield(doctype, fieldname);
			return { fieldname, fieldtype, label: __(label), options, reqd };
		}),
		primary_action_label: __("Save"),
		primary_action(values) {
			frappe
				.call({
					method: `${NOTE}.${method}`,
					args: { conversation: frm.doc.name, ...values },
					freeze: true,
				})
				.then(() => {
					dialog.hide();
					frappe.show_alert({ message: __("Noted"), indicator: "green" });
					frm.reload_doc();
				});
		},
	});
	dialog.show();
}
