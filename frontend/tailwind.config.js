import frappeUIPreset from "frappe-ui/src/tailwind/preset"

export default {
	presets: [frappeUIPreset],
	content: ["./index.html", "./src/**/*.{vue,js}", "./node_modules/frappe-ui/src/components/**/*.{vue,js}"],
}
