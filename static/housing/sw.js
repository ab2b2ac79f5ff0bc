/* Service worker of the housing task screens (scope /admin/housing/).
 *
 * It keeps nothing until the companion presses "Für unterwegs speichern": then the
 * page sends the URLs of the caseload and the visit forms of the own households,
 * and they are cached. Pages are fetched from the network first; the cached copy
 * is used only when there is no connection. POSTs are never touched here: the
 * page keeps unsent visits as drafts (offline-visits.js) and sends them itself.
 */
const CACHE = "mfs-offline";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "save") {
    event.waitUntil(
      caches
        .open(CACHE)
        .then((cache) =>
          Promise.all(
            data.urls.map((url) =>
              fetch(url, { credentials: "same-origin" }).then((response) => {
                if (response.ok && !response.redirected) return cache.put(url, response);
                throw new Error("not cached: " + url);
              })
            )
          )
        )
        .then(
          () => event.source.postMessage({ type: "saved", count: data.urls.length }),
          (error) => event.source.postMessage({ type: "failed", error: String(error) })
        )
    );
  } else if (data.type === "forget") {
    event.waitUntil(caches.delete(CACHE));
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  event.respondWith(
    fetch(request).catch(() =>
      caches
        .open(CACHE)
        // ignoreVary: Django varies on Cookie and Accept-Language, which the cached copy
        // was fetched with but a navigation request carries differently.
        .then((cache) => cache.match(request, { ignoreVary: true, ignoreSearch: request.mode === "navigate" }))
        .then((cached) => cached || Response.error())
    )
  );
});
