// What code in a cell can reach from this worker: its own Python, the network (the reader's own
// choice: `js.fetch`, `pyodide.http.open_url`), and nothing of the book's.
//
// The worker runs on the book's origin, so without this a cell could rewrite what the book's
// service worker serves (Cache Storage), read or write the book's stored data (IndexedDB, the
// origin's file system), talk to the book's other tabs (BroadcastChannel, shared workers) or to
// the service worker, start workers of its own, and send the page forged messages (a "solved"
// verdict). Before any cell runs, each of those is removed from the worker's global scope and
// from every prototype it inherits from. What is deleted cannot be brought back: the getters
// and functions exist nowhere else in this worker, a dedicated worker has no other realm to
// take them from (no iframes, and nested workers are removed too), and only this module keeps
// the one thing the worker itself needs, postMessage, bound, in a closure no cell can reach.
// (importScripts stays: in a module worker it loads nothing, it throws, and Pyodide tells a
// worker by its presence.)
const postToPage = self.postMessage.bind(self);

const GLOBALS = [
  "postMessage",
  "caches",
  "indexedDB",
  "BroadcastChannel",
  "Worker",
  "SharedWorker",
  "ShadowRealm",
  "webkitRequestFileSystem",
  "webkitRequestFileSystemSync",
  "webkitResolveLocalFileSystemURL",
  "webkitResolveLocalFileSystemSyncURL",
];
const NAVIGATOR = ["storage", "serviceWorker", "locks", "storageBuckets"];

function removeEverywhere(object, name) {
  for (let owner = object; owner; owner = Object.getPrototypeOf(owner)) {
    if (Object.hasOwn(owner, name) && !delete owner[name]) {
      throw new Error(`the worker could not remove ${name}`);
    }
  }
}

for (const name of GLOBALS) removeEverywhere(self, name);
for (const name of NAVIGATOR) removeEverywhere(self.navigator, name);

// The removed names, for the tests: each must now be undefined from Python and from JavaScript.
export const REMOVED = Object.freeze([...GLOBALS, ...NAVIGATOR.map((name) => `navigator.${name}`)]);

export function send(message) {
  postToPage(message);
}
