// The coach app's service worker (scope /coach), which makes the app installable: it keeps a copy of
// the app's built files, and never of /coach itself (which carries the user's boot) nor of the
// answers of /api, so nobody's records are kept here. An app opened with the network keeps working
// when the network goes: what a coach saves is kept by the app (IndexedDB) and sent when it is back.
// Signing out clears this cache with the rest of what the browser holds for the site.
const CACHE = "pts-coach-v1"

self.addEventListener("install", () => self.skipWaiting())
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()))

self.addEventListener("fetch", (event) => {
	const url = new URL(event.request.url)
	const isTheApp = url.pathname === "/coach" || url.pathname.startsWith("/coach/")
	const isItsFiles = url.pathname.startsWith("/assets/pts_coaching/")
	if (event.request.method !== "GET" || !(isTheApp || isItsFiles)) return
	event.respondWith(
		fetch(event.request)
			.then((response) => {
				if (response.ok && isItsFiles) {
					const copy = response.clone()
					caches.open(CACHE).then((cache) => cache.put(event.request, copy))
				}
				return response
			})
			.catch(() => caches.match(event.request)),
	)
})
