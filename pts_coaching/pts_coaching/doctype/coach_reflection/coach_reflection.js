// Copyright (c) 2026, pts_coaching contributors
// License: MIT. See license.txt

frappe.ui.form.on("Coach Reflection", {
	setup(frm) {
		frm.set_query("theme", "what_got_in_the_way", () => ({ filters: { disabled: 0 } }));
	},
});
