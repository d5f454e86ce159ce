// The book's service worker, built with Workbox's modules: bundled by esbuild and given its
// precache manifest by workbox-build's injectManifest, after each build
// (pysrc/bookbuild/site/offline/service_worker.py). BOOK_OFFLINE is defined at that step.
//
// - Precached on a first visit: every page, its figures, the runtime, search, the fonts, the
//   book's own wheels with the site lock and the boot manifest. Each entry's revision is the
//   SHA-256 of its content.
// - Cached when first used (cache first): Pyodide's own files, in a cache named for its version.
// - The PDF: network first, the cached copy when offline.
// - Any page that is not cached, offline: the book's offline page.
//
// Two more duties:
// 1. Cross-origin isolation. Every response it serves carries Cross-Origin-Opener-Policy
//    same-origin and Cross-Origin-Embedder-Policy require-corp (the book loads nothing from
//    another origin, so nothing breaks). A page it serves is cross-origin isolated, so Stop can
//    interrupt Python with a KeyboardInterrupt instead of restarting it.
// 2. It serves nothing it cannot vouch for. A cached response is used only if its SHA-256 is the
//    one the build recorded (a precached file's revision; a Pyodide file's hash from the build);
//    anything else is deleted from the cache and fetched again, so no code that got into the
//    cache (a cell cannot reach it, see runtime/worker/lockdown.js) is ever served.
import { CacheableResponsePlugin } from "workbox-cacheable-response";
import { clientsClaim } from "workbox-core";
import { addPlugins, cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from "workbox-precaching";
import { registerRoute, setCatchHandler } from "workbox-routing";
import { CacheFirst, NetworkFirst, NetworkOnly } from "workbox-strategies";

/* global BOOK_OFFLINE */
const { pyodideCache, pyodideFiles, pdfPath, offlinePage } = BOOK_OFFLINE;
const REVISION_PARAMETER = "__WB_REVISION__";
const ISOLATION_HEADERS = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
  "Cross-Origin-Resource-Policy": "same-origin",
};
const root = new URL(self.registration.scope);

async function sha256(response) {
  const digest = await crypto.subtle.digest("SHA-256", await response.clone().arrayBuffer());
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

// What the build says a cached response must hash to: a precached entry's revision, or a
// Pyodide file's recorded hash (by file name).
function expectedHash(url) {
  const parsed = new URL(url);
  const revision = parsed.searchParams.get(REVISION_PARAMETER);
  if (revision) return revision;
  return pyodideFiles[decodeURIComponent(parsed.pathname.split("/").pop())] ?? null;
}

const verifyCached = {
  async cachedResponseWillBeUsed({ cacheName, request, cachedResponse }) {
    if (!cachedResponse || cachedResponse.type === "opaque") return cachedResponse;
    const expected = expectedHash(request.url);
    if (!expected || (await sha256(cachedResponse)) === expected) return cachedResponse;
    await (await caches.open(cacheName)).delete(request); // not the build's: never serve it
    return null; // as if it were not cached: it is fetched again
  },
};

function isolated(response) {
  if (!response || response.type === "opaque" || response.type === "opaqueredirect" || response.status === 0) {
    return response;
  }
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

const isolate = { handlerWillRespond: async ({ response }) => isolated(response) };
const sameOrigin = ({ url }) => url.origin === root.origin;

addPlugins([verifyCached, isolate]);
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

registerRoute(
  ({ url }) => sameOrigin({ url }) && Object.hasOwn(pyodideFiles, decodeURIComponent(url.pathname.split("/").pop())),
  new CacheFirst({
    cacheName: pyodideCache,
    plugins: [new CacheableResponsePlugin({ statuses: [200] }), verifyCached, isolate],
  }),
);
registerRoute(
  ({ url }) => sameOrigin({ url }) && url.pathname === new URL(pdfPath, root).pathname,
  new NetworkFirst({ cacheName: "book-pdf", plugins: [new CacheableResponsePlugin({ statuses: [200] }), isolate] }),
);
// Everything else of the book's own: from the network, isolated too.
registerRoute(sameOrigin, new NetworkOnly({ plugins: [isolate] }));

// Offline, a page that was never saved: the book's own offline page, not the browser's.
setCatchHandler(async ({ request }) => {
  if (request.mode === "navigate") {
    const page = await matchPrecache(offlinePage);
    if (page) return isolated(page);
  }
  return Response.error();
});

// The first worker takes over the page that installed it, so the Python started on that visit
// is cached too; a new edition's worker waits until the reader presses Reload
// (runtime/page/offline.js sends SKIP_WAITING), so old pages never run with a new runtime.
clientsClaim();
self.addEventListener("message", (event) => {
  if (event.data?.type === "SKIP_WAITING") self.skipWaiting();
});
