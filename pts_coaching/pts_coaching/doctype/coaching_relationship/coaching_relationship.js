// Copyright (c) 2026, pts_coaching contributors
// License: MIT. See license.txt

// Ending asks for what the lifecycle needs before the move is made: the dialog's save is the move.
const ENDING = ["ending_in_their_words", "they_did_not_say", "ending_kind", "ended_on"];

frappe.ui.form.on("Coaching Relationship", {
	refresh(frm) {
		// The history is kept as it happened: moves add to it, and only its words can be written in.
		frm.set_df_property("phase_history", "cannot_add_rows", true);
		frm.set_df_property("phase_history", "cannot_delete_rows", true);
		// On a phone Frappe shows the moves' button as a bare chevron: it keeps its name here.
		frm.page.actions_btn_group.find(".actions-btn-group-label").removeClass("hidden-xs");
		if (!frm.is_new()) {
			for (const [label, doctype] of [
				[__("Conversation"), "Coaching Conversation"],
				[__("Aspiration"), "Aspiration"],
				[__("Wellbeing check-in"), "Wellbeing Check-in"],
			]) {
				frm.add_custom_button(
					label,
					() => {
						frappe.new_doc(doctype, {
							relationship: frm.doc.name,
							person: frm.doc.person,
						});
					},
					__("Add"),
				);
			}
		}
	},
	before_workflow_action(frm) {
		if (frm.selected_workflow_action !== "End") return;
		frappe.dom.unfreeze();
		// Left waiting if the coach closes the dialog: Frappe then makes no move.
		return new Promise((move) => ask_how_it_ended(frm, move));
	},
});

function ask_how_it_ended(frm, move) {
	const field = (fieldname) => {
		const { fieldtype, label, options, description } = frappe.meta.get_docfield(
			"Coaching Relationship",
			fieldname,
		);
		return {
			fieldname,
			fieldtype,
			label: __(label),
			options,
			description: description && __(description),
		};
	};
	const dialog = new frappe.ui.Dialog({
		title: __("End coaching with {0}", [frm.doc.person_name || ""]),
		fields: [
			field("ending_in_their_words"),
			field("they_did_not_say"),
			field("ending_kind"),
			{ ...field("ended_on"), default: frappe.datetime.get_today(), reqd: 1 },
		],
		primary_action_label: __("End"),
		primary_action(values) {
			if (!(values.ending_in_their_words || "").trim() && !values.they_did_not_say) {
				frappe.msgprint({
					title: __("How did it end?"),
					message: __("Write how it ended in their words, or tick 'They did not say'."),
				});
				return;
			}
			for (const fieldname of ENDING) frm.doc[fieldname] = values[fieldname] || null;
			frm.doc.they_did_not_say = values.they_did_not_say ? 1 : 0;
			dialog.hide();
			// Frappe's workflow moves the record as it is saved, so how it ended is saved first.
			frm.dirty();
			frm.save().then(() => {
				frappe.dom.freeze();
				move();
			});
		},
	});
	dialog.show();
}
