// The site's own Pyodide (docs/assets/generated/pyodide), booted under Node.js, with packages
// installed from the site's pyodide-lock.json: the very files the website serves. No network.
// Shared by run_module_tests.mjs and run_cells.mjs.

import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import vm from "node:vm";

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, "../..");
export const PYODIDE_DIR = path.join(ROOT, "docs/assets/generated/pyodide");

export function fail(message) {
  console.error(`${path.basename(process.argv[1])}: ${message}`);
  process.exit(3);
}

// Boot Pyodide and load `packages` (lock names); returns the pyodide object.
export async function bootSitePyodide(packages, env = {}) {
  // pyodide.asm.js is CommonJS, but the project's package.json says "type": "module", so Node
  // would load it as an ES module and fail. Evaluate it as CommonJS instead; loadPyodide then
  // finds globalThis._createPyodideModule and does not load the script itself. (Node 20 prints an
  // ExperimentalWarning for USE_MAIN_CONTEXT_DEFAULT_LOADER: expected, harmless.)
  const asmPath = path.join(PYODIDE_DIR, "pyodide.asm.js");
  const commonJsParameters = ["require", "module", "exports", "__filename", "__dirname"];
  vm.compileFunction(fs.readFileSync(asmPath, "utf8"), commonJsParameters, {
    filename: asmPath,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  })(createRequire(asmPath), { exports: {} }, {}, asmPath, PYODIDE_DIR);
  const { loadPyodide } = await import(pathToFileURL(path.join(PYODIDE_DIR, "pyodide.mjs")).href);
  const pyodide = await loadPyodide({
    indexURL: PYODIDE_DIR + path.sep,
    lockFileURL: path.join(PYODIDE_DIR, "pyodide-lock.json"),
    env: { HOME: "/home/pyodide", ...env },
  }).catch((error) => fail(`Pyodide did not boot: ${error.message}`));
  // A failed load does not reject: it reports through errorCallback and leaves the package out.
  const errors = [];
  const loaded = await pyodide.loadPackage(packages, {
    messageCallback: () => {},
    errorCallback: (message) => errors.push(message),
  });
  const loadedNames = loaded.map((entry) => entry.name);
  for (const wanted of packages) {
    if (!loadedNames.includes(wanted)) errors.push(`${wanted} was not loaded`);
  }
  if (errors.length) fail(`loading packages from the site's lock failed:\n${errors.join("\n")}`);
  return pyodide;
}
