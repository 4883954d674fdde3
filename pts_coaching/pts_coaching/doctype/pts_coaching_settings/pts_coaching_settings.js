// Copyright (c) 2026, pts_coaching contributors
// License: MIT. See license.txt

frappe.ui.form.on("PTS Coaching Settings", {
	setup(frm) {
		if (!frappe.boot.versions.erpnext) return;
		for (const field of ["budget_expense_account", "budget_payment_account"]) {
			frm.set_query(field, () => ({
				filters: { company: frm.doc.budget_company, is_group: 0 },
			}));
		}
	},
});
