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
		frm.add_custom_button(__("Send a check-in link"), () => send_check_in_link(frm));
		show_at_a_glance(frm);
	},
});

// A one-time link to a check-in they answer from their phone, sent the way they like to keep in touch.
async function send_check_in_link(frm) {
	const measure = await frappe.db.get_single_value("PTS Coaching Settings", "default_measure");
	const preferred = frm.doc.preferred_contact;
	const dialog = new frappe.ui.Dialog({
		title: __("Send a check-in link"),
		fields: [
			{
				fieldname: "how",
				fieldtype: "Select",
				label: __("How"),
				reqd: 1,
				options: [
					{ value: "Text message", label: __("By text message") },
					{ value: "Email", label: __("By email") },
					{ value: "Copied", label: __("Copy the link, to send it myself") },
				],
				default: ["Text message", "Email"].includes(preferred) ? preferred : "Copied",
			},
			{
				fieldname: "measure",
				fieldtype: "Link",
				label: __("Measure"),
				options: "Wellbeing Measure",
				reqd: 1,
				default: measure,
			},
		],
		primary_action_label: __("Send"),
		primary_action({ how, measure }) {
			frappe
				.call({
					method: "pts_coaching.pts_coaching.doctype.check_in_link.check_in_link.send_check_in_link",
					args: { person: frm.doc.name, how, measure },
					freeze: true,
				})
				.then(({ message }) => {
					dialog.hide();
					frm.reload_doc();
					if (message.link) return show_link_to_copy(message);
					frappe.show_alert({ message: message.sent, indicator: "green" }, 8);
				});
		},
	});
	dialog.show();
}

function show_link_to_copy({ link, days }) {
	const copy = new frappe.ui.Dialog({
		title: __("Copy the check-in link"),
		fields: [
			{
				fieldname: "about",
				fieldtype: "HTML",
				options: `<p>${__("Send this from your own phone or email. It works once, for {0} days.", [days])}</p>`,
			},
			{ fieldname: "link", fieldtype: "Data", label: __("Link"), read_only: 1, default: link },
		],
		primary_action_label: __("Copy"),
		primary_action() {
			frappe.utils.copy_to_clipboard(link);
			copy.hide();
		},
	});
	copy.show();
}

function withdraw_check_in_link(frm, link) {
	frappe.confirm(__("Withdraw this check-in link? It will not open any more."), () =>
		frappe
			.call("pts_coaching.pts_coaching.doctype.check_in_link.check_in_link.withdraw", { link })
			.then(() => frm.reload_doc())
	);
}

function check_in_link_status(link) {
	if (link.answered_on) return [__("Answered {0}", [frappe.datetime.str_to_user(link.answered_on)]), "green"];
	if (link.withdrawn_on) return [__("Withdrawn"), "gray"];
	if (frappe.datetime.str_to_obj(link.expires_on) <= new Date()) return [__("Expired"), "gray"];
	return [__("Waiting for an answer"), "blue"];
}

async function show_at_a_glance(frm) {
	// A form can refresh again before the answers come back; only the latest refresh draws.
	const drawing = (frm.pts_drawing = (frm.pts_drawing || 0) + 1);
	const [aspirations, charts, links] = await Promise.all([
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
		frappe.db.get_list("Check-in Link", {
			filters: { person: frm.doc.name },
			fields: ["name", "how", "measure", "sent_on", "expires_on", "answered_on", "withdrawn_on", "check_in"],
			order_by: "sent_on desc",
			limit: 20,
		}),
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
	if (links.length) {
		const body = frm.dashboard.add_section(
			links
				.map((link) => {
					const [status, colour] = check_in_link_status(link);
					const waiting = colour === "blue";
					return `<div class="flex flex-wrap justify-between align-center pts-check-in-link" style="padding: 4px 0; gap: 4px 12px">
						<span>${frappe.datetime.str_to_user(link.sent_on)} · ${__(link.how)} · ${frappe.utils.escape_html(link.measure)}</span>
						<span class="flex align-center" style="gap: 8px">
							${link.check_in ? `<a href="/app/wellbeing-check-in/${encodeURIComponent(link.check_in)}">${__("Their check-in")}</a>` : ""}
							<span class="indicator-pill no-indicator-dot whitespace-nowrap ${colour}">${status}</span>
							${waiting ? `<button class="btn btn-xs btn-default withdraw-link" data-link="${frappe.utils.escape_html(link.name)}">${__("Withdraw")}</button>` : ""}
						</span>
					</div>`;
				})
				.join(""),
			__("Check-in links")
		);
		body.find(".withdraw-link").on("click", (event) =>
			withdraw_check_in_link(frm, event.currentTarget.dataset.link)
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
