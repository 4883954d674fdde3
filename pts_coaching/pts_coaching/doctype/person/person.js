// Copyright (c) 2026, pts_coaching contributors
// License: MIT. See license.txt

// At a glance on the person's page: their aspirations, and their wellbeing over time.
const ASPIRATION_COLOURS = {
	"Thinking about it": "blue",
	"Working on it": "orange",
	Achieved: "green",
	"Changed my mind": "gray",
	"On hold": "light-gray",
};

frappe.ui.form.on("Person", {
	refresh(frm) {
		if (frm.is_new()) return;
		frm.add_custom_button(__("Aspiration"), () => {
			frappe.new_doc("Aspiration", { person: frm.doc.name });
		}, __("Add"));
		frm.add_custom_button(__("Wellbeing check-in"), () => {
			frappe.new_doc("Wellbeing Check-in", { person: frm.doc.name });
		}, __("Add"));
		// A subject access request: everything held about them, as data and as a readable print.
		frm.add_custom_button(__("Download everything (JSON)"), () => {
			window.open(
				frappe.urllib.get_full_url(
					"/api/method/pts_coaching.privacy.download_everything?person=" +
						encodeURIComponent(frm.doc.name)
				)
			);
		}, __("Everything we hold"));
		frm.add_custom_button(__("Print everything"), () => {
			frappe.set_route("print", "Person", frm.doc.name, { format: "Everything about this person" });
		}, __("Everything we hold"));
		frm.add_custom_button(__("Invite to their own page"), () => {
			frappe
				.call("pts_coaching.portal.invite", { person: frm.doc.name })
				.then(({ message }) => {
					frm.reload_doc();
					const name = frappe.utils.escape_html(frm.doc.preferred_name);
					frappe.msgprint({
						title: __("Their own page"),
						message: message
							? __(
									"Give {0} this link to set a password. It opens their page, /my-coaching: {1}",
									[name, `<a href="${message}">${message}</a>`]
							  )
							: __(
									"{0} has signed in before, so the link to set a new password went to their email.",
									[name]
							  ),
					});
				});
		});
		show_at_a_glance(frm);
	},
});

async function show_at_a_glance(frm) {
	// A form can refresh again before the answers come back; only the latest refresh draws.
	const drawing = (frm.pts_drawing = (frm.pts_drawing || 0) + 1);
	const [aspirations, charts] = await Promise.all([
		frappe.db.get_list("Aspiration", {
			filters: { person: frm.doc.name },
			fields: ["name", "in_their_words", "status", "theme"],
			order_by: "modified desc",
			limit: 20,
		}),
		frappe
			.call({
				method: "pts_coaching.pts_coaching.doctype.wellbeing_check_in.wellbeing_check_in.wellbeing_over_time",
				args: { person: frm.doc.name },
			})
			.then((r) => r.message || []),
	]);
	if (drawing !== frm.pts_drawing) return;

	if (aspirations.length) {
		frm.dashboard.add_section(
			aspirations
				.map(
					(a) => `<div class="flex justify-between align-center" style="padding: 4px 0; gap: 12px">
						<a href="/app/aspiration/${encodeURIComponent(a.name)}">${frappe.utils.escape_html(a.in_their_words)}</a>
						<span class="indicator-pill no-indicator-dot whitespace-nowrap ${ASPIRATION_COLOURS[a.status] || "gray"}">${__(a.status)}</span>
					</div>`
				)
				.join(""),
			__("Aspirations")
		);
	}
	for (const chart of charts) {
		const body = frm.dashboard.add_section(
			'<div class="pts-wellbeing-chart"></div>',
			__("Wellbeing over time: {0}", [chart.title])
		);
		new frappe.Chart(body.find(".pts-wellbeing-chart")[0], {
			type: "line",
			height: 240,
			data: {
				labels: chart.labels.map((date) => frappe.datetime.str_to_user(date)),
				datasets: chart.datasets,
				yMarkers: chart.markers.length ? chart.markers : undefined,
			},
			axisOptions: { xIsSeries: 1 },
			lineOptions: { dotSize: 5 },
		});
	}
}
