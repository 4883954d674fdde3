// A blank page: the name they want to be called, and what was said. Nothing else is asked for (but
// which team, of a coach who works in more than one).
// Fields are taken from the doctypes themselves so labels and choices are said in one place.
const BLANK_PAGE = [
	["Person", "preferred_name"],
	"Column Break",
	["Coaching Conversation", "date"],
	"Column Break",
	["Coaching Conversation", "channel"],
	"Section Break",
	["Coaching Conversation", "conversation"],
	"Section Break",
	["Coaching Conversation", "what_matters"],
	"Column Break",
	["Coaching Conversation", "next_if_they_want"],
	"Section Break",
	["Coaching Relationship", "how_we_met"],
];
const PAGE_METHODS =
	"pts_coaching.pts_coaching.page.start_with_a_conversation.start_with_a_conversation";

frappe.pages["start-with-a-conversation"].on_page_load = async function (wrapper) {
	const page = frappe.ui.make_app_page({
		parent: wrapper,
		title: __("Start with a conversation"),
		single_column: true,
	});
	const [{ teams, chosen_last }] = await Promise.all([
		frappe.xcall(`${PAGE_METHODS}.teams_to_choose_from`),
		...["Person", "Coaching Relationship", "Coaching Conversation"].map((doctype) =>
			frappe.model.with_doctype(doctype),
		),
	]);

	const fields = BLANK_PAGE.map((field) => {
		if (typeof field === "string") return { fieldtype: field };
		const [doctype, fieldname] = field;
		const {
			fieldtype,
			label,
			options,
			reqd,
			default: value,
		} = frappe.meta.get_docfield(doctype, fieldname);
		return { fieldname, fieldtype, label: __(label), options, reqd, default: value };
	});
	fields[0].onchange = () => show_who_they_may_be(form);
	if (teams.length > 1) {
		fields.push(
			{ fieldtype: "Section Break" },
			{
				fieldname: "team",
				fieldtype: "Select",
				label: __("Team"),
				options: teams,
				default: teams.includes(chosen_last) ? chosen_last : undefined,
				reqd: 1,
				description: __(
					"You work in more than one team: the one this person's coaching belongs to.",
				),
			},
		);
	}
	const form = new frappe.ui.FieldGroup({ body: page.body, fields });
	$(
		`<p class="text-muted">${__(
			"No forms to fill in first: the name they want to be called, and what you talked about.",
		)}</p>`,
	).prependTo(page.body);
	form.make();

	// A field group reads each editor as it is, so the last words typed are in what is sent.
	const save = () => {
		const values = form.get_values();
		if (!values) return;
		frappe
			.call({
				method: `${PAGE_METHODS}.start_with_a_conversation`,
				args: values,
				freeze: true,
			})
			.then(({ message }) => {
				frappe.show_alert({ message: __("Saved"), indicator: "green" });
				form.clear();
				frappe.set_route("Form", "Coaching Relationship", message.relationship);
			});
	};
	page.set_primary_action(__("Save"), save);
	// Ctrl+S saves the blank page too (Frappe's shortcut calls the shown page's save_action).
	wrapper.save_action = save;
};

function show_who_they_may_be(form) {
	const field = form.fields_dict.preferred_name;
	field.$wrapper.find(".pts-who-they-may-be").remove();
	const name = (form.get_value("preferred_name") || "").trim();
	if (name.length < 2) return;
	frappe
		.xcall(`${PAGE_METHODS}.people_with_this_name`, { preferred_name: name })
		.then((people) => {
			field.$wrapper.find(".pts-who-they-may-be").remove();
			if (!people.length) return;
			const asks = people.map((someone) => {
				const link = `<a href="/app/person/${encodeURIComponent(someone.person)}">${frappe.utils.escape_html(
					someone.person_name,
				)}</a>`;
				return someone.coach_name
					? __("Is this {0}, coached by {1} since {2}?", [
							link,
							frappe.utils.escape_html(someone.coach_name),
							frappe.utils.escape_html(someone.since),
						])
					: __("Is this {0}?", [link]);
			});
			$(
				`<div class="pts-who-they-may-be text-muted small">${asks.join("<br>")}</div>`,
			).appendTo(field.$wrapper);
		});
}
