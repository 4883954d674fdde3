import path from "path"
import vue from "@vitejs/plugin-vue"
import frappeui from "frappe-ui/vite"
import { defineConfig } from "vite"

// Built into the app's public folder (served as /assets/pts_coaching/frontend/) and its page,
// www/coach.html, which Frappe renders with the signed-in user's boot (www/coach.py).
export default defineConfig({
	plugins: [vue(), frappeui()],
	resolve: { alias: { "@": path.resolve(__dirname, "src") } },
	build: {
		outDir: "../pts_coaching/public/frontend",
		emptyOutDir: true,
		target: "es2018",
		chunkSizeWarningLimit: 2000,
	},
})
