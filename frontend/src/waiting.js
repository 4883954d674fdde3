// What was saved with no network: kept on the phone (IndexedDB) until the network is back, then sent
// once. Each carries the key the server uses to refuse a repeat, so sending it again saves nothing new.
import { reactive } from "vue"
import { clear, createStore, del, entries, set } from "idb-keyval"

import { Refused, call } from "./api"

const store = createStore("pts-coach", "waiting")
export const waiting = reactive({ items: [], refused: [], signOutNeedsTheNetwork: false })

async function refresh() {
	waiting.items = (await entries(store)).map(([, item]) => item)
}

export async function save(method, args) {
	try {
		return await call(method, args, { post: true })
	} catch (error) {
		if (error instanceof Refused) throw error
		await set(args.saved_once_key, { method, args, kept_on: new Date().toISOString() }, store)
		await refresh()
		return { waiting: true }
	}
}

let sending = null
export function sendWhatIsWaiting() {
	sending = sending || sendAll().finally(() => (sending = null))
	return sending
}

async function sendAll() {
	await refresh()
	for (const item of waiting.items) {
		try {
			await call(item.method, item.args, { post: true })
		} catch (error) {
			if (!(error instanceof Refused)) break
			waiting.refused.push({ ...item, why: error.message })
		}
		await del(item.args.saved_once_key, store)
	}
	await refresh()
	window.dispatchEvent(new CustomEvent("coach:saved"))
}

// Signing out (here or in the desk) leaves nothing of one user on the phone for the next.
export async function forgetWhatAnotherUserLeft() {
	if (localStorage.getItem("pts-coach-user") !== window.coach.user) {
		await clear(store)
		localStorage.setItem("pts-coach-user", window.coach.user)
	}
	await refresh()
}

// Signing out sends what is waiting first, if the network lets it, then leaves nothing on the phone
// (the server's answer also tells the browser to clear the site's storage). With no network the
// session cannot be ended, so nothing is cleared and the coach is told why.
export async function signOut() {
	waiting.signOutNeedsTheNetwork = false
	await sendWhatIsWaiting()
	try {
		await fetch("/api/method/logout", {
			method: "POST",
			headers: { "X-Frappe-CSRF-Token": window.csrf_token },
		})
	} catch (error) {
		waiting.signOutNeedsTheNetwork = true
		return
	}
	await clear(store)
	localStorage.removeItem("pts-coach-user")
	window.location.href = "/login"
}
