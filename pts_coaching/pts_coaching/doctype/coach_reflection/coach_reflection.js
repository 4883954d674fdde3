// Copyright (c) 2026, pts_coaching contributors
// License: MIT. See license.txt

frappe.ui.form.on("Coach Reflection", {
	setup(frm) {
		// A Table MultiSelect takes its query on the table field itself: the themes still in use.
		frm.set_query("what_got_in_the_way", () => ({ filters: { disabled: 0 } }));
	},
	validate(frm) {
		pts_coaching.take_what_the_editors_hold(frm);
	},
});
