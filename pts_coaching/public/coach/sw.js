// The coach app's service worker (scope /coach): the app opens with no network from what it last
// loaded. What a coach saves offline is kept by the app itself (IndexedDB) and sent when back online;
// this worker never caches the answers of /api, so nobody's records are kept here.
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
