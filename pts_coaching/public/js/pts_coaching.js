// What every form of the app shares (hooks.py app_include_js).
frappe.provide("pts_coaching");

// Frappe's text editor hands what is typed to the form 300 ms after the last key: a save in that
// moment (Ctrl+S straight after typing) would go without the last words, or without all of them.
// Each form with an editor takes what the editors hold before it saves.
pts_coaching.take_what_the_editors_hold = (frm) => {
	for (const control of Object.values(frm.fields_dict)) {
		if (control.df.fieldtype !== "Text Editor" || !control.quill) continue;
		const typed = control.get_input_value();
		const fieldname = control.df.fieldname;
		const nothing_typed = !control.quill.getText().trim() && !frm.doc[fieldname];
		if (nothing_typed || control.parse(typed) === frm.doc[fieldname]) continue;
		frm.doc[fieldname] = control.parse(typed);
		frm.dirty();
	}
};

// A record about a person is filed under one of their relationships: the picker offers theirs only,
// and when they have one open relationship it is chosen already (a record started from the person).
async function choose_their_relationship(frm) {
	if (!frm.doc.person || frm.doc.relationship) return;
	const open = await frappe.db.get_list("Coaching Relationship", {
		filters: { person: frm.doc.person, phase: ["!=", "Ended"] },
		fields: ["name"],
		limit: 2,
	});
	if (open.length === 1 && !frm.doc.relationship) frm.set_value("relationship", open[0].name);
}

for (const doctype of frappe.boot.pts_filed_under_a_relationship || []) {
	frappe.ui.form.on(doctype, {
		setup(frm) {
			frm.set_query("relationship", () => ({
				filters: frm.doc.person ? { person: frm.doc.person } : {},
			}));
		},
		onload(frm) {
			if (frm.is_new()) choose_their_relationship(frm);
		},
		validate(frm) {
			pts_coaching.take_what_the_editors_hold(frm);
		},
	});
}

// Report view's Pick Columns offers every field, and a column the user may not read comes back empty:
// an analyst would be offered the notes. It offers only what the user may read (a child table's
// fields by the record's own rule).
if (frappe.views.ReportView) {
	const offered = frappe.views.ReportView.prototype.get_columns_for_picker;
	frappe.views.ReportView.prototype.get_columns_for_picker = function () {
		const columns = offered.call(this);
		for (const doctype of Object.keys(columns)) {
			columns[doctype] = columns[doctype].filter(
				(df) => !df.permlevel || frappe.perm.has_perm(this.doctype, df.permlevel, "read")
			);
		}
		return columns;
	};
}
