// The Python worker: one Pyodide for the whole tab, off the main thread.
// It speaks the protocol described in protocol.js; only strings and copied bytes cross.
import { MESSAGE } from "./protocol.js";
import { OutputBatcher } from "./output-batcher.js";
import { countDownloads } from "./download-progress.js";

let pyodide = null;
let session = null; // the Python module bookbuild.browser_session
let batcher = null;

const post = (message) => self.postMessage(message);

self.onmessage = async ({ data }) => {
  if (data.type === MESSAGE.init) await boot(data);
  else if (data.type === MESSAGE.run) await run(data);
};

async function boot({ indexURL, runtimeURL, interruptBuffer }) {
  try {
    const sizesResponse = await fetch(`${indexURL}boot-sizes.json`);
    if (!sizesResponse.ok) throw new Error(`could not download boot-sizes.json (HTTP ${sizesResponse.status})`);
    const sizes = await sizesResponse.json();
    countDownloads(
      sizes,
      (progress) => post({ type: MESSAGE.progress, ...progress }),
      (message) => pyodide || post({ type: MESSAGE.bootError, message }),
    );
    const { loadPyodide } = await import(/* webpackIgnore: true */ `${indexURL}pyodide.mjs`);
    pyodide = await loadPyodide({ indexURL, lockFileURL: `${indexURL}pyodide-lock.json`, env: { MPLBACKEND: "Agg" } });
    if (interruptBuffer) pyodide.setInterruptBuffer(interruptBuffer);
    await loadPackages(["numpy", "backprop"]);
    await installSession(runtimeURL);
    batcher = new OutputBatcher((stream, text) => post({ type: MESSAGE.stream, runId: batcher.runId, stream, text }));
    pyodide.setStdout({ write: (bytes) => batcher.write("stdout", bytes) });
    pyodide.setStderr({ write: (bytes) => batcher.write("stderr", bytes) });
    post({ type: MESSAGE.ready });
  } catch (error) {
    post({ type: MESSAGE.bootError, message: describe(error) });
  }
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
    throw new Error(`could not load ${missing.join(", ") || names.join(", ")}: ${errors.join("; ") || "not installed"}`);
  }
}

async function installSession(runtimeURL) {
  pyodide.FS.mkdirTree("/home/pyodide/bookbuild");
  pyodide.FS.writeFile("/home/pyodide/bookbuild/__init__.py", "");
  for (const name of ["cell_runner.py", "browser_session.py"]) {
    const response = await fetch(`${runtimeURL}${name}`);
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
    pyodide.FS.writeFile(`/home/pyodide/bookbuild/${name}`, await response.text());
  }
  session = pyodide.pyimport("bookbuild.browser_session");
}

async function run({ runId, page, code, filename }) {
  batcher.start(runId);
  try {
    // Packages a cell imports (matplotlib, say) load on demand, with progress.
    await pyodide.loadPackagesFromImports(code, {
      messageCallback: (message) => post({ type: MESSAGE.status, runId, message }),
      errorCallback: (message) => post({ type: MESSAGE.status, runId, message }),
    });
    const result = JSON.parse(session.run(page, code, filename));
    batcher.flush();
    post({ type: MESSAGE.done, runId, ...result, truncated: batcher.truncated });
  } catch (error) {
    batcher.flush();
    // A fatal Pyodide error (e.g. out of wasm memory) leaves the interpreter unusable.
    const fatal = Boolean(pyodide._api?.fatal_error_occurred) || /fatal error|Aborted|memory access out of bounds/i.test(String(error));
    post({ type: fatal ? MESSAGE.crashed : MESSAGE.done, runId, error: describe(error), images: [], value: null });
  }
}

function describe(error) {
  return error && error.message ? error.message : String(error);
}
