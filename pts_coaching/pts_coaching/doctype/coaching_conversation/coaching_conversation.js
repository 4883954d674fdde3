// Copyright (c) 2026, pts_coaching contributors
// License: MIT. See license.txt

// What was heard in a conversation is noted without leaving it: a button, their words, Save.
const NOTE = "pts_coaching.pts_coaching.doctype.aspiration.aspiration";

frappe.ui.form.on("Coaching Conversation", {
	refresh(frm) {
		if (frm.is_new()) return;
		frm.add_custom_button(__("Note an aspiration"), () => note(frm, "note_aspiration", [
			["Aspiration", "in_their_words"],
			["Aspiration", "theme"],
		]));
		frm.add_custom_button(__("Note a step"), () => note(frm, "note_step", [
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
		]));
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
