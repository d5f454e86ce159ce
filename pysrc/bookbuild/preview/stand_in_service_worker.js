// make serve's sw.js. The built site's service worker (Workbox's, bookbuild.site.offline) would
// keep pages an author is editing, so the preview has none; the runtime still registers sw.js,
// and this stand-in answers it: it takes over from any worker a built site left on this address
// (which would serve stale pages), then unregisters itself. It never handles a request.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", () => self.registration.unregister());
