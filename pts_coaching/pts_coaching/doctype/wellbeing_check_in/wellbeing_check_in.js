// Copyright (c) 2026, pts_coaching contributors
// License: MIT. See license.txt

// Done together with the person: one row per question of the measure, each answered by choosing
// from that question's own answers. The server works out the score.
const EACH_ON_ITS_OWN = "Each question on its own";

frappe.ui.form.on("Wellbeing Check-in", {
	async onload(frm) {
		if (frm.is_new() && !frm.doc.measure) {
			const measure = await frappe.db.get_single_value("PTS Coaching Settings", "default_measure");
			if (measure && !frm.doc.measure) frm.set_value("measure", measure);
		}
	},
	refresh(frm) {
		// The rows are the measure's questions: none is added or taken away by hand.
		frm.set_df_property("answers", "cannot_add_rows", 1);
		frm.set_df_property("answers", "cannot_delete_rows", 1);
		offer_answers(frm, frm.is_new() && !(frm.doc.answers || []).length);
	},
	measure(frm) {
		offer_answers(frm, true);
	},
});

async function offer_answers(frm, fill) {
	frm.set_intro("");
	if (!frm.doc.measure) {
		if (fill) frm.clear_table("answers");
		frm.refresh_field("answers");
		return;
	}
	const measure = await frappe.db.get_doc("Wellbeing Measure", frm.doc.measure);
	if (measure.name !== frm.doc.measure) return; // chosen again while this one was loading

	if (fill) {
		frm.clear_table("answers");
		for (const item of measure.items) {
			frm.add_child("answers", { item_code: item.code, statement: item.statement });
		}
	}
	const labels = (measure.answer_labels || "").split("\n").filter((line) => line.trim());
	const items = Object.fromEntries(measure.items.map((item) => [item.code, item]));
	// New rows copy the table's own field; each row then gets its question's answers.
	frappe.meta.get_docfield("Wellbeing Answer", "answer").options = choices(
		Math.min(...measure.items.map((item) => item.min_value)),
		Math.max(...measure.items.map((item) => item.max_value)),
		labels
	);
	frm.refresh_field("answers");
	for (const row of frm.fields_dict.answers.grid.grid_rows || []) {
		const item = items[row.doc.item_code];
		const field = row.docfields.find((df) => df.fieldname === "answer");
		if (item && field) field.options = choices(item.min_value, item.max_value, labels);
	}
	explain(frm, measure);
}

function choices(lowest, highest, labels) {
	const offered = [{ value: "", label: "" }];
	for (let value = lowest; value <= highest; value++) {
		const label = labels[value - lowest];
		offered.push({ value: String(value), label: label ? `${value} · ${__(label)}` : String(value) });
	}
	return offered;
}

function explain(frm, measure) {
	// What the person is asked to think about, then what becomes of their answers.
	const lines = [measure.recall_period, measure.instructions].filter(Boolean).map((text) => __(text));
	let colour = "blue";
	if (measure.scoring === EACH_ON_ITS_OWN) {
		lines.push(
			__("{0} questions are reported one by one, never added up: there is no total score.", [
				measure.name,
			])
		);
	} else if (!frm.is_new() && !frm.doc.scored && frm.doc.score_note) {
		lines.push(__(frm.doc.score_note));
		colour = "orange";
	}
	if (lines.length) frm.set_intro(lines.map((line) => frappe.utils.escape_html(line)).join("<br>"), colour);
}
