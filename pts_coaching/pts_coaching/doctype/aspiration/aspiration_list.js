// Copyright (c) 2026, pts_coaching contributors
// License: MIT. See license.txt

frappe.listview_settings["Aspiration"] = {
	get_indicator(doc) {
		return [__(doc.status), pts_aspiration_colour(doc.status), `status,=,${doc.status}`];
	},
};

function pts_aspiration_colour(status) {
	return (
		{
			"Thinking about it": "blue",
			"Working on it": "orange",
			Achieved: "green",
			"Changed my mind": "gray",
			"On hold": "light-gray",
		}[status] || "gray"
	);
}
