// The user's language: Frappe's translations for it, sent with the page (www/coach.py).
const messages = window.coach?.messages || {}

export function __(text, values = []) {
	const translated = messages[text] || text
	return translated.replace(/{(\d+)}/g, (match, i) => (values[i] ?? match))
}

const DAY = 24 * 60 * 60 * 1000

// Plainly, never as a warning: people do not have to engage.
export function howLongAgo(date) {
	if (!date) return __("No contact yet")
	const days = Math.round((startOfDay(new Date()) - startOfDay(new Date(date))) / DAY)
	if (days <= 0) return __("Today")
	if (days === 1) return __("Yesterday")
	if (days < 14) return __("{0} days ago", [days])
	if (days < 60) return __("{0} weeks ago", [Math.round(days / 7)])
	return __("{0} months ago", [Math.round(days / 30)])
}

function startOfDay(date) {
	return new Date(date.getFullYear(), date.getMonth(), date.getDate())
}

export function today() {
	const now = new Date()
	const pad = (n) => String(n).padStart(2, "0")
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
