// Offline reading, through the service worker that Workbox generated at build time (sw.js at
// the site's root). Where service workers are not available (a private window, file://), the book
// works exactly as without it.
//
// - It is registered once the page has loaded and Python is not starting: a reader who runs a
//   cell at once gets the bandwidth for Python first. Once the worker controls the page, it is
//   asked (Workbox's CACHE_URLS message) to keep Python's boot files, which the browser's HTTP
//   cache then has, so a first visit's Python works offline too; and once Python has run a cell
//   and is idle, every wheel a cell may load (matplotlib's among them), in the background.
// - When a new edition has been deployed, its worker waits; the page says so, and Reload
//   switches to it, so old pages never run with a new runtime. Edits and exercise progress live
//   in localStorage and survive the switch.
// - "Save for offline" ([data-save-offline], on the Orientation page) downloads everything in
//   the build's save-list.json (and the PDF) through the worker, which caches it, with its size
//   said before it starts and its progress while it runs.
import { Workbox } from "workbox-window";
import { element } from "./cell-view.js";

const siteRoot = new URL("../../../", import.meta.url); // assets/generated/runtime/ -> the site
const QUIET_MS = 3_000; // after load, how long to leave the network to a Python that may start
const IDLE_MS = 5_000; // how long Python stays idle after a run before its wheels are kept
let workbox = null;

export function startOfflineSupport(runtime) {
  if (!("serviceWorker" in navigator) || location.protocol === "file:" || workbox) return;
  workbox = new Workbox(new URL("sw.js", siteRoot).href, { scope: siteRoot.pathname });
  workbox.addEventListener("waiting", offerNewEdition);
  const register = async () => {
    try {
      await workbox.register();
      await navigator.serviceWorker.ready;
      if (runtime.state === "ready" || runtime.state === "booting") await keepPython(runtime);
      else {
        // Once: a restart (Stop, a crash) is ready again with the same files, already kept.
        const stopListening = runtime.on((event) => {
          if (event.type !== "ready") return;
          stopListening();
          keepPython(runtime);
        });
      }
    } catch {
      // no service worker here: the book is read online
    }
  };
  const whenQuiet = () => (runtime.state === "booting" ? runtime.ready.then(register, register) : register());
  const afterLoad = () => setTimeout(whenQuiet, QUIET_MS);
  if (document.readyState === "complete") afterLoad();
  else window.addEventListener("load", afterLoad, { once: true });
}

// Python's boot files, from the boot manifest, kept by the worker's cache for Pyodide; then, once
// Python has been used and is idle, the other wheels a cell may load.
async function keepPython(runtime) {
  await runtime.ready;
  const manifest = await (await fetch(new URL("boot-manifest.json", runtime.indexURL))).json();
  const urls = (names) => names.map((name) => new URL(name, runtime.indexURL).href);
  workbox.messageSW({ type: "CACHE_URLS", payload: { urlsToCache: urls(manifest.files.map((file) => file.name)) } });
  whenIdleAfterUse(runtime, () =>
    workbox.messageSW({ type: "CACHE_URLS", payload: { urlsToCache: urls(manifest.kept_files) } }),
  );
}

// `then()` once, after a run, when Python has had nothing to do for IDLE_MS.
function whenIdleAfterUse(runtime, then) {
  let timer;
  const check = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (runtime.current || runtime.state !== "ready") return check();
      stop();
      then();
    }, IDLE_MS);
  };
  const stop = runtime.on((event) => event.type === "ran" && check());
}

function offerNewEdition() {
  if (document.querySelector("[data-new-edition]")) return;
  const bar = element("div", { class: "bp-new-edition", role: "status", "data-new-edition": "" });
  const reload = element("button", { type: "button", class: "bp-button bp-button--run" }, "Reload");
  reload.addEventListener("click", () => {
    reload.disabled = true;
    workbox.addEventListener("controlling", () => location.reload());
    workbox.messageSkipWaiting();
  });
  bar.append(element("span", {}, "A new edition of the book is available."), reload);
  document.body.append(bar);
}

export function attachSaveForOffline() {
  const root = document.querySelector("[data-save-offline]:not([data-save-attached])");
  if (!root) return;
  root.dataset.saveAttached = "";
  if (!("serviceWorker" in navigator) || location.protocol === "file:") {
    root.replaceChildren(
      element(
        "p",
        {},
        "This browser cannot keep the book for offline reading (service workers are off, as in a private window); the PDF is the offline edition.",
      ),
    );
    return;
  }
  new SaveForOffline(root);
}

class SaveForOffline {
  constructor(root) {
    this.root = root;
    this.button = element("button", { type: "button", class: "bp-button" }, "Save the book for offline reading");
    this.progress = element("progress", { max: "1", value: "0", hidden: "", "aria-label": "Saving the book" });
    this.status = element("p", { class: "bp-save-offline__status", role: "status" });
    this.button.addEventListener("click", () => this.save());
    root.replaceChildren(this.button, this.progress, this.status);
    this.describe();
  }

  async describe() {
    try {
      this.list = await (await fetch(new URL("save-list.json", siteRoot))).json();
      const bytes = this.list.files.reduce((sum, file) => sum + file.bytes, 0);
      this.status.textContent = `It downloads ${(bytes / 1e6).toFixed(0)} MB (every chapter, its figures, and Python with numpy and matplotlib), plus the PDF.`;
    } catch {
      this.status.textContent = "The list of files to save could not be read; try again online.";
      this.button.disabled = true;
    }
  }

  async save() {
    this.button.disabled = true;
    await navigator.serviceWorker.ready;
    const files = [...this.list.files];
    const pdf = new URL(this.list.pdf, siteRoot);
    try {
      const head = await fetch(pdf, { method: "HEAD" });
      if (head.ok) files.push({ url: this.list.pdf, bytes: Number(head.headers.get("Content-Length")) || 0 });
    } catch {
      // no PDF here (a preview without it): the rest is still worth saving
    }
    const total = files.reduce((sum, file) => sum + file.bytes, 0);
    let done = 0;
    this.progress.hidden = false;
    this.progress.max = total;
    const failed = [];
    for (const file of files) {
      try {
        const response = await fetch(new URL(file.url, siteRoot));
        await response.arrayBuffer();
        if (!response.ok) failed.push(file.url);
      } catch {
        failed.push(file.url);
      }
      done += file.bytes;
      this.progress.value = done;
      this.status.textContent = `Saving: ${(done / 1e6).toFixed(1)} MB of ${(total / 1e6).toFixed(1)} MB`;
    }
    this.status.textContent = failed.length
      ? `Saved, except ${failed.length} file${failed.length > 1 ? "s" : ""} that could not be downloaded (are you offline?). Press the button again to retry.`
      : `Saved: the whole book, ${(total / 1e6).toFixed(0)} MB, can now be read offline in this browser.`;
    this.root.dataset.saved = failed.length ? "partly" : "yes";
    this.button.disabled = false;
  }
}
