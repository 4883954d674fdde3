// Copyright (c) 2026, pts_coaching contributors
// License: MIT. See license.txt

frappe.ui.form.on("Wellbeing Measure", {
	refresh(frm) {
		if (frm.doc.wording_is_licensed) {
			frm.set_intro(
				__(
					"The wording of {0} is licensed, so the app does not ship it: until it is entered, the questions show as 'Item 1', 'Item 2'... Enter each statement in the Questions table exactly as licensed, under your organisation's own licence (see Licence below). Scoring works either way.",
					[frm.doc.name]
				),
				"yellow"
			);
		}
	},
});
