// The language lens: under a long-text field, a gentle hint offers a strength-based word for a deficit
// one the coach has written. It never stops anyone saving. Included in each of the app's forms that has
// long text (hooks.py doctype_js); the words are found on the server, in one list.
(() => {
	const LONG_TEXT = ["Text Editor", "Small Text", "Text", "Long Text"];

	function show_hints(frm, df, hints) {
		const field = frm.fields_dict[df.fieldname];
		if (!field || !field.$wrapper) return;
		field.$wrapper.find(".pts-language-lens").remove();
		if (!hints.length) return;
		const offers = hints
			.map(
				({ word, instead }) =>
					__("“{0}”: you could say “{1}”.", [
						frappe.utils.escape_html(word),
						frappe.utils.escape_html(instead),
					])
			)
			.join(" ");
		const $hint = $(`<div class="pts-language-lens text-muted small">
			<span class="indicator-pill blue">${__("Language lens")}</span> ${offers}
			<a class="pts-language-lens-off">${__("Turn off these hints for me")}</a>
		</div>`).appendTo(field.$wrapper);
		$hint.find(".pts-language-lens-off").on("click", () =>
			frappe.xcall("pts_coaching.language_lens.turn_off_for_me").then(() =>
				frm.$wrapper.find(".pts-language-lens").remove()
			)
		);
	}

	const look_again = frappe.utils.debounce((frm, df) => {
		frappe
			.xcall("pts_coaching.language_lens.hints", { text: frm.doc[df.fieldname] || "" })
			.then((hints) => show_hints(frm, df, hints));
	}, 600);

	// Every form of the app that has long text carries this file; its handlers are set up once.
	if (window.pts_language_lens) return;
	window.pts_language_lens = true;
	const watched = new Set();
	for (const doctype of frappe.boot.pts_language_lens_doctypes || []) {
		frappe.ui.form.on(doctype, {
			refresh(frm) {
				if (watched.has(doctype)) return;
				watched.add(doctype);
				for (const df of frm.meta.fields.filter((df) => LONG_TEXT.includes(df.fieldtype))) {
					frappe.ui.form.on(doctype, df.fieldname, (frm) => look_again(frm, df));
				}
			},
		});
	}
})();
