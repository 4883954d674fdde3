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
		frm.add_custom_button(
			__("Conversation"),
			() => {
				frappe.new_doc("Coaching Conversation", { person: frm.doc.name });
			},
			__("Add"),
		);
		frm.add_custom_button(
			__("Aspiration"),
			() => {
				frappe.new_doc("Aspiration", { person: frm.doc.name });
			},
			__("Add"),
		);
		frm.add_custom_button(
			__("Wellbeing check-in"),
			() => {
				frappe.new_doc("Wellbeing Check-in", { person: frm.doc.name });
			},
			__("Add"),
		);
		// A subject access request: everything held about them, as data and as a readable print.
		frm.add_custom_button(
			__("Download everything (JSON)"),
			() => {
				window.open(
					frappe.urllib.get_full_url(
						"/api/method/pts_coaching.privacy.download_everything?person=" +
							encodeURIComponent(frm.doc.name),
					),
				);
			},
			__("Everything we hold"),
		);
		frm.add_custom_button(
			__("Print everything"),
			() => {
				// Frappe's print page opens on the doctype's default format; the full-page view takes one.
				const print = new URLSearchParams({
					doctype: "Person",
					name: frm.doc.name,
					format: "Everything about this person",
					trigger_print: 1,
				});
				window.open(`/printview?${print}`);
			},
			__("Everything we hold"),
		);
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
									[name, `<a href="${message}">${message}</a>`],
								)
							: __(
									"{0} has signed in before, so the link to set a new password went to their email.",
									[name],
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
	const [story, charts, links] = await Promise.all([
		frappe.xcall("pts_coaching.story.story_of", { person: frm.doc.name }),
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
	show_story(frm, story);
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
	// A line needs two check-ins; the latest check-in's answers are shown above for one.
	for (const chart of charts.filter((chart) => chart.labels.length > 1)) {
		const body = frm.dashboard.add_section(
			'<div class="pts-wellbeing-chart"></div>',
			__("Wellbeing over time: {0}", [chart.title]),
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

// What people typed is shown as text: rich text is read in an inert document, never run.
const as_text = (words) =>
	frappe.utils.escape_html(
		new DOMParser().parseFromString(words || "", "text/html").body.textContent.trim(),
	);
const when = (date) => (date ? frappe.datetime.str_to_user(date) : "");
const row = (left, right = "") =>
	`<div class="flex justify-between" style="padding: 4px 0; gap: 12px"><div>${left}</div><div class="text-muted whitespace-nowrap">${right}</div></div>`;

function show_story(frm, story) {
	const person = encodeURIComponent(frm.doc.name);
	if (story.conversation_count) {
		const shown = story.conversations
			.map((c) =>
				row(
					`<a href="/app/coaching-conversation/${encodeURIComponent(c.name)}">${when(c.date)}</a>
					${c.channel ? `· ${frappe.utils.escape_html(__(c.channel))}` : ""}
					${c.conversation !== undefined ? `<div class="pts-their-words">${as_text(c.conversation)}</div>` : ""}`,
				),
			)
			.join("");
		const all = `<a href="/app/coaching-conversation?person=${person}">${__(
			"All {0} conversations",
			[story.conversation_count],
		)}</a>`;
		frm.dashboard.add_section(
			`<div class="pts-story">${shown}${row(all)}</div>`,
			__("Conversations"),
		);
	}
	if (story.aspirations.length) {
		frm.dashboard.add_section(
			story.aspirations
				.map((a) => {
					const steps = a.steps
						.map(
							(s) =>
								`<li>${s.done ? "✓ " : ""}${s.step !== undefined ? as_text(s.step) : when(s.done_on)}</li>`,
						)
						.join("");
					return row(
						`<a href="/app/aspiration/${encodeURIComponent(a.name)}">${
							a.in_their_words !== undefined
								? as_text(a.in_their_words)
								: frappe.utils.escape_html(__(a.theme || "Aspiration"))
						}</a>${steps ? `<ul class="pts-steps">${steps}</ul>` : ""}`,
						`<span class="indicator-pill no-indicator-dot ${ASPIRATION_COLOURS[a.status] || "gray"}">${__(a.status)}</span>`,
					);
				})
				.join(""),
			__("Aspirations"),
		);
	}
	if (story.check_in) {
		const c = story.check_in;
		const answers = c.answers
			.map((a) =>
				row(
					frappe.utils.escape_html(__(a.statement || "")),
					frappe.utils.escape_html(__(a.answer || "")),
				),
			)
			.join("");
		const score = c.scored
			? ` · ${__("Score")}: ${frappe.utils.escape_html(String(c.score))}`
			: "";
		frm.dashboard.add_section(
			row(
				`<a href="/app/wellbeing-check-in/${encodeURIComponent(c.name)}">${when(c.date)}</a> · ${frappe.utils.escape_html(__(c.measure || ""))}${score}`,
			) + answers,
			__("Latest check-in"),
		);
	}
	if (story.snapshot) {
		const s = story.snapshot;
		const people = s.connections
			.filter((c) => c.who_or_what !== undefined)
			.map((c) =>
				row(
					as_text(c.who_or_what),
					`${frappe.utils.escape_html(__(c.kind || ""))} · ${__("closeness")} ${c.closeness ?? ""}`,
				),
			)
			.join("");
		frm.dashboard.add_section(
			row(__("{0} people and places on {1}", [s.connection_count || 0, when(s.date)])) +
				people,
			__("Who is in their life"),
		);
	}
	if (story.phase_moves.length) {
		frm.dashboard.add_section(
			story.phase_moves
				.map((m) =>
					row(
						`${frappe.utils.escape_html(__(m.phase))}${m.ending_kind ? ` · ${frappe.utils.escape_html(__(m.ending_kind))}` : ""}${
							m.in_their_words
								? `<div class="pts-their-words">${as_text(m.in_their_words)}</div>`
								: ""
						}`,
						`${when(m.from_date)}${m.to_date ? ` – ${when(m.to_date)}` : ""}`,
					),
				)
				.join(""),
			__("Phase moves"),
		);
	}
}
