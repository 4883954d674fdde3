// Copyright (c) 2026, pts_coaching contributors
// License: MIT. See license.txt

frappe.ui.form.on("Connection Snapshot", {
	refresh(frm) {
		start_from_last_snapshot(frm);
	},
	person(frm) {
		start_from_last_snapshot(frm);
	},
});

// A new snapshot starts as a copy of the last one, so that only what changed is edited.
function start_from_last_snapshot(frm) {
	if (!frm.is_new() || !frm.doc.person || (frm.doc.connections || []).length) return;
	if (frm.started_from_person === frm.doc.person) return;
	frm.started_from_person = frm.doc.person;
	frappe
		.call({
			method: "pts_coaching.pts_coaching.doctype.connection_snapshot.connection_snapshot.connections_from_last_snapshot",
			args: { person: frm.doc.person },
		})
		.then(({ message: rows }) => {
			if (!rows || !rows.length || (frm.doc.connections || []).length) return;
			for (const row of rows) frm.add_child("connections", row);
			frm.refresh_field("connections");
			frappe.show_alert({
				message: __("Started from the last snapshot: change what has changed."),
				indicator: "blue",
			});
		});
}
