// The app's own methods (pts_coaching/coach_app.py), and what the server said when it refused.
const APP = "pts_coaching.coach_app"

export class Refused extends Error {}

export async function call(method, args = {}, { post = false } = {}) {
	const path = method.includes(".") ? method : `${APP}.${method}`
	const body = new URLSearchParams()
	for (const [key, value] of Object.entries(args)) {
		if (value !== undefined && value !== null) {
			body.append(key, typeof value === "string" ? value : JSON.stringify(value))
		}
	}
	// A network that is not there throws here (a TypeError): the caller keeps what it was sending.
	const response = await fetch(post ? `/api/method/${path}` : `/api/method/${path}?${body}`, {
		method: post ? "POST" : "GET",
		headers: { Accept: "application/json", "X-Frappe-CSRF-Token": window.csrf_token },
		body: post ? body : undefined,
	})
	const answer = await response.json().catch(() => ({}))
	if (!response.ok) throw new Refused(whyRefused(answer, response.status))
	return answer.message
}

function whyRefused(answer, status) {
	try {
		const said = JSON.parse(answer._server_messages || "[]").map((m) => JSON.parse(m).message)
		if (said.length) return said.join(" ").replace(/<[^>]*>/g, "")
	} catch (e) {
		// fall through to the plain answer
	}
	return answer.exception || `${status}`
}

export function newKey() {
	return crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`
}
