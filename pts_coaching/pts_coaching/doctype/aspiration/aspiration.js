// Copyright (c) 2026, pts_coaching contributors
// License: MIT. See license.txt

// The server keeps these dates right whatever is sent; this only shows them as they will be saved.
frappe.ui.form.on("Aspiration", {
	status(frm) {
		const achieved = frm.doc.status === "Achieved";
		frm.set_value("achieved_on", achieved ? frm.doc.achieved_on || frappe.datetime.get_today() : null);
	},
});

frappe.ui.form.on("Aspiration Step", {
	done(frm, cdt, cdn) {
		const step = locals[cdt][cdn];
		frappe.model.set_value(
			cdt,
			cdn,
			"done_on",
			step.done ? step.done_on || frappe.datetime.get_today() : null
		);
	},
});
