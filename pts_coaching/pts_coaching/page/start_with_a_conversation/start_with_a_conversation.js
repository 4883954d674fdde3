// A blank page: the name they want to be called, and what was said. Nothing else is asked for.
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

frappe.pages["start-with-a-conversation"].on_page_load = async function (wrapper) {
	const page = frappe.ui.make_app_page({
		parent: wrapper,
		title: __("Start with a conversation"),
		single_column: true,
	});
	await Promise.all(
		["Person", "Coaching Relationship", "Coaching Conversation"].map((doctype) =>
			frappe.model.with_doctype(doctype)
		)
	);

	const form = new frappe.ui.FieldGroup({
		body: page.body,
		fields: BLANK_PAGE.map((field) => {
			if (typeof field === "string") return { fieldtype: field };
			const [doctype, fieldname] = field;
			const { fieldtype, label, options, reqd, default: value } = frappe.meta.get_docfield(
				doctype,
				fieldname
			);
			return { fieldname, fieldtype, label: __(label), options, reqd, default: value };
		}),
	});
	$(`<p class="text-muted">${__(
		"No forms to fill in first: the name they want to be called, and what you talked about."
	)}</p>`).prependTo(page.body);
	form.make();

	page.set_primary_action(__("Save"), () => {
		const values = form.get_values();
		if (!values) return;
		frappe
			.call({
				method: "pts_coaching.pts_coaching.page.start_with_a_conversation.start_with_a_conversation.start_with_a_conversation",
				args: values,
				freeze: true,
			})
			.then(({ message }) => {
				frappe.show_alert({ message: __("Saved"), indicator: "green" });
				form.clear();
				frappe.set_route("Form", "Coaching Relationship", message.relationship);
			});
	});
};
