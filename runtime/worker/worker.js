// The Python worker: one Pyodide for the whole tab, off the main thread.
// It speaks the protocol of ../protocol.js; only strings, numbers and copied bytes cross.
// The cells run under notebook_cell's rules (the same package the build uses), loaded from the
// site's lock like backprop; what to load comes from the boot manifest.
import { send } from "./lockdown.js"; // first: before anything else runs, the worker is locked
import { MESSAGE } from "../protocol.js";
import { OutputBatcher } from "./output-batcher.js";
import { countDownloads } from "./download-progress.js";
import { tickingInterruptBuffer } from "./python-ticks.js";

let pyodide = null;
let session = null; // the Python module notebook_cell.worker_session
const batcher = new OutputBatcher((stream, text, late) =>
  send({ type: MESSAGE.stream, runId: batcher.runId, stream, text, ...(late ? { late } : {}) }),
);

const handlers = {
  [MESSAGE.init]: boot,
  [MESSAGE.plan]: plan,
  [MESSAGE.run]: run,
  [MESSAGE.ping]: ({ pingId }) => send({ type: MESSAGE.pong, pingId }),
  [MESSAGE.forget]: ({ page }) => session?.forget(page),
  [MESSAGE.restore]: () => session?.restore_book_code(),
  [MESSAGE.explore]: explore,
};
// addEventListener, not onmessage: a cell that sets `js.self.onmessage = None` does not deafen it.
self.addEventListener("message", ({ data }) => handlers[data?.type]?.(data));

async function boot({ indexURL, interruptBuffer }) {
  try {
    const manifest = await fetchJSON(`${indexURL}boot-manifest.json`);
    countDownloads(
      manifest.files,
      (progress) => send({ type: MESSAGE.progress, ...progress }),
      (message) => pyodide || send({ type: MESSAGE.bootError, message }),
    );
    const { loadPyodide } = await import(/* webpackIgnore: true */ `${indexURL}pyodide.mjs`);
    pyodide = await loadPyodide({ indexURL, lockFileURL: `${indexURL}pyodide-lock.json` });
    pyodide.setInterruptBuffer(tickingInterruptBuffer(() => batcher.flushIfDue(), interruptBuffer));
    // The cell runner, and what a first cell imports (numpy, backprop), while the reader reaches
    // for Run; matplotlib and the rest load when a cell that runs imports them.
    await loadPackages([...manifest.boot_packages, ...manifest.first_cell_packages]);
    pyodide.setStdout({ write: (bytes) => batcher.write("stdout", bytes) });
    pyodide.setStderr({ write: (bytes) => batcher.write("stderr", bytes) });
    session = pyodide.pyimport("notebook_cell.worker_session");
    session.configure(JSON.stringify({ available_packages: manifest.reader_packages }), () => batcher.flush());
    send({ type: MESSAGE.ready });
  } catch (error) {
    send({ type: MESSAGE.bootError, message: describe(error) });
  }
}

async function fetchJSON(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not download ${url.split("/").pop()} (HTTP ${response.status})`);
  return response.json();
}

// loadPackage resolves even when a download or integrity check fails; errors come by callback.
async function loadPackages(names) {
  const errors = [];
  const loaded = await pyodide.loadPackage(names, {
    messageCallback: () => {},
    errorCallback: (message) => errors.push(message),
  });
  const missing = names.filter((name) => !loaded.some((pkg) => pkg.name === name));
  if (errors.length || missing.length) {
    throw new Error(
      `could not load ${missing.join(", ") || names.join(", ")}: ${errors.join("; ") || "not installed"}`,
    );
  }
}

function plan({ runId, page, cells, target, check = null }) {
  send({ type: MESSAGE.started, runId });
  try {
    send({ type: MESSAGE.planned, runId, steps: session.plan(page, cells, target, check) });
  } catch (error) {
    send({ type: MESSAGE.crashed, runId, ...whyPythonBroke(error) });
  }
}

async function run({ runId, page, code, filename, cell = -1, check = null }) {
  send({ type: MESSAGE.started, runId });
  batcher.start(runId);
  let result;
  const failedLoads = [];
  try {
    // Packages a cell (or an exercise's check) imports, matplotlib say, load on demand.
    for (const source of check ? [code, check] : [code]) {
      await pyodide.loadPackagesFromImports(source, {
        messageCallback: (message) => send({ type: MESSAGE.status, runId, message }),
        errorCallback: (message) => {
          failedLoads.push(message);
          send({ type: MESSAGE.status, runId, message });
        },
      });
    }
    result = JSON.parse(session.run(page, code, filename, check, cell));
    if (failedLoads.length && !navigator.onLine) result.notices.push(notSavedNotice(code, check));
  } catch (error) {
    batcher.finish();
    send({ type: MESSAGE.crashed, runId, ...whyPythonBroke(error) });
    return;
  }
  if (result.value !== null) result.value = batcher.fit(result.value);
  batcher.finish();
  send({ type: MESSAGE.done, runId, ...result, truncated: batcher.truncated });
}

// An explorable's request: computed by the explorables package with backprop, answered as JSON.
let explorables = null;
async function explore({ runId, request }) {
  send({ type: MESSAGE.started, runId });
  try {
    if (!explorables) {
      await loadPackages(["explorables"]); // with numpy and backprop, on the first request
      explorables = pyodide.pyimport("explorables.worker_adapter");
    }
    send({ type: MESSAGE.explored, runId, answer: explorables.handle(request) });
  } catch (error) {
    send({ type: MESSAGE.crashed, runId, ...whyPythonBroke(error) });
  }
}

// A package the cell imports could not be downloaded, and the network is gone: say that it was
// not saved, rather than let the ModuleNotFoundError suggest that it does not exist.
function notSavedNotice(code, check) {
  const imported = [code, check].filter(Boolean).flatMap((source) => pyodide.code.find_imports(source).toJs());
  const missing = [...new Set(imported)].filter((name) => !(name in pyodide.loadedPackages));
  const names = missing.length ? missing.join(", ") : "a package this cell imports";
  return `You are offline, and ${names} was not saved on this device. Save the book for offline reading (on the Orientation page) while online.`;
}

// The cell runner catches everything a cell raises, so an error here means Python itself is no
// longer usable: the cell ended the interpreter (os._exit), Pyodide hit a fatal error (out of
// wasm memory, a stack overflow), or the cell broke what the runner needs.
function whyPythonBroke(error) {
  const text = describe(error);
  const exit = /exit\((-?\d+)\)/.exec(text);
  if (error?.name === "ExitStatus" || exit) return { reason: "exited", detail: exit ? exit[1] : "" };
  if (
    pyodide._api?.fatal_error_occurred ||
    /fatal error|Aborted|memory access out of bounds|Maximum call stack/i.test(text)
  ) {
    return { reason: "fatal", detail: text.split("\n")[0] };
  }
  return { reason: "broken", detail: text.trim().split("\n").pop() };
}

function describe(error) {
  return error?.message ? error.message : String(error);
}
