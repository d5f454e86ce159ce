// Runs the backprop module's pytest suite (tests/module) INSIDE Pyodide under Node.js.
//
// Why: readers run `backprop` in the browser, in Pyodide 0.27.7 with its own numpy (2.0.2) and the
// site's py-compiled backprop wheel; CPython tests alone cannot show that the module behaves the
// same there. This script boots the site's self-hosted Pyodide from docs/assets/generated/pyodide,
// installs numpy and backprop through the site's pyodide-lock.json (the same files the website
// serves), makes the venv's pure-Python pytest and hypothesis importable, and runs the suite.
// No network: everything comes from local files.
//
// Usage: node tests/pyodide/run_module_tests.mjs [extra pytest arguments]
// Exit code: pytest's (0 = all passed); 5 ("no tests collected") and any setup error are failures.
// Last line: "PYODIDE-RESULT {json}" with the outcome counts, for tests/pyodide/test_*.py.

import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import vm from "node:vm";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "../..");
const PYODIDE_DIR = path.join(ROOT, "docs/assets/generated/pyodide");
const SITE_PACKAGES = path.join(ROOT, ".venv/lib/python3.12/site-packages");

// Pure-Python test tooling taken from the venv. Only these: the venv also holds CPython builds of
// numpy etc. that must not shadow Pyodide's. `packaging` (needed by pytest) comes from the site's
// lock instead. The *.dist-info folders carry the entry point of hypothesis's pytest plugin.
const TOOLING = [
  "pytest", "_pytest", "py.py", "pluggy", "iniconfig", "pygments",
  "hypothesis", "_hypothesis_pytestplugin.py", "_hypothesis_globals.py",
  "_hypothesis_ftz_detector.py", "sortedcontainers",
];
const TOOLING_DIST_INFO = /^(pytest|pluggy|iniconfig|pygments|hypothesis|sortedcontainers)-[^-]+\.dist-info$/;

// Tests that cannot run in Pyodide, by node id, with the reason. Keep this empty if at all possible.
const SKIPPED_IN_PYODIDE = {};

const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

function fail(message) {
  console.error(`run_module_tests: ${message}`);
  process.exit(3);
}

// pyodide.asm.js is CommonJS, but the project's package.json says "type": "module", so Node would
// load it as an ES module and fail. Evaluate it as CommonJS instead; loadPyodide then finds
// globalThis._createPyodideModule and does not load the script itself. (Node 20 prints an
// ExperimentalWarning for USE_MAIN_CONTEXT_DEFAULT_LOADER: expected, harmless.)
const asmPath = path.join(PYODIDE_DIR, "pyodide.asm.js");
const commonJsParameters = ["require", "module", "exports", "__filename", "__dirname"];
vm.compileFunction(fs.readFileSync(asmPath, "utf8"), commonJsParameters, {
  filename: asmPath,
  importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
})(
  createRequire(asmPath), { exports: {} }, {}, asmPath, PYODIDE_DIR,
);
const { loadPyodide } = await import(pathToFileURL(path.join(PYODIDE_DIR, "pyodide.mjs")).href);
const pyodide = await loadPyodide({
  indexURL: PYODIDE_DIR + path.sep,
  lockFileURL: path.join(PYODIDE_DIR, "pyodide-lock.json"),
  env: { HOME: "/home/pyodide", HYPOTHESIS_STORAGE_DIRECTORY: "/tmp/hypothesis" },
}).catch((error) => fail(`Pyodide did not boot: ${error.message}`));
console.log(`Pyodide ${pyodide.version} booted in ${seconds()} s`);

// A failed load does not reject: it reports through errorCallback and leaves the package out.
const errors = [];
const loaded = await pyodide.loadPackage(["numpy", "backprop", "packaging"], {
  messageCallback: () => {},
  errorCallback: (message) => errors.push(message),
});
const loadedNames = loaded.map((entry) => entry.name);
for (const wanted of ["numpy", "backprop", "packaging"]) {
  if (!loadedNames.includes(wanted)) errors.push(`${wanted} was not loaded`);
}
if (errors.length) fail(`loading packages from the site's lock failed:\n${errors.join("\n")}`);
console.log(`Loaded ${loaded.map((p) => `${p.name} ${p.version}`).join(", ")} at ${seconds()} s`);

// Host directories are mounted (NODEFS), single files copied. Python never writes bytecode (set
// below), pytest's cache is off and the working directory is in memory, so the host is not touched.
const { FS } = pyodide;
const mount = (hostPath, target) => {
  FS.mkdirTree(target);
  FS.mount(FS.filesystems.NODEFS, { root: hostPath }, target);
};
FS.mkdirTree("/tooling");
const distInfo = fs.readdirSync(SITE_PACKAGES).filter((name) => TOOLING_DIST_INFO.test(name));
for (const name of [...TOOLING, ...distInfo]) {
  const hostPath = path.join(SITE_PACKAGES, name);
  if (!fs.existsSync(hostPath)) fail(`${hostPath} is missing (is the venv installed?)`);
  if (fs.statSync(hostPath).isDirectory()) mount(hostPath, `/tooling/${name}`);
  else FS.writeFile(`/tooling/${name}`, fs.readFileSync(hostPath));
}
// The suite is the package tests.module (relative imports); tests/conftest.py, which builds the
// whole site, must not be imported, so only tests/module is mounted under an in-memory tests/.
mount(path.join(ROOT, "tests/module"), "/suite/tests/module");
FS.writeFile("/suite/tests/__init__.py", "");
FS.writeFile("/suite/pytest.ini", "[pytest]\n");

pyodide.globals.set("extra_args", pyodide.toPy(process.argv.slice(2)));
pyodide.globals.set("skipped_in_pyodide", pyodide.toPy(SKIPPED_IN_PYODIDE));
const script = `
import json, os, sys
sys.dont_write_bytecode = True
sys.path.append("/tooling")  # after site-packages: the lock's numpy, backprop, packaging win
os.makedirs("/tmp/hypothesis", exist_ok=True)
os.chdir("/suite")

import backprop, numpy, pytest
site_packages = "/lib/python3.12/site-packages/"
for module in (backprop, numpy):
    assert module.__file__.startswith(site_packages), f"{module.__name__} from {module.__file__}"
print(f"backprop from {backprop.__file__}; numpy {numpy.__version__}; pytest {pytest.__version__}")


class Outcomes:
    """Counts test outcomes and skips the tests listed in SKIPPED_IN_PYODIDE."""

    def __init__(self):
        self.counts = {}

    @pytest.hookimpl(tryfirst=True)  # before -k or -m deselect anything
    def pytest_collection_modifyitems(self, items):
        unknown = set(skipped_in_pyodide) - {item.nodeid for item in items}
        if unknown:
            raise pytest.UsageError(f"SKIPPED_IN_PYODIDE names no collected test: {unknown}")
        for item in items:
            if item.nodeid in skipped_in_pyodide:
                reason = "not run in Pyodide: " + skipped_in_pyodide[item.nodeid]
                item.add_marker(pytest.mark.skip(reason=reason))

    def pytest_runtest_logreport(self, report):
        if report.when != "call" and report.passed:
            return  # setup and teardown that went well
        if hasattr(report, "wasxfail"):
            outcome = "xpassed" if report.passed else "xfailed"
        else:
            outcome = "error" if report.failed and report.when != "call" else report.outcome
        self.counts[outcome] = self.counts.get(outcome, 0) + 1


outcomes = Outcomes()
# --capture=sys: pytest's default fd capture fails in Emscripten (os.fstat on its dup'ed temp file).
arguments = ["-c", "/suite/pytest.ini", "--rootdir", "/suite", "-p", "no:cacheprovider",
             "--capture=sys", "-ra", "--strict-markers", "-q", "tests/module", *extra_args]
exit_code = int(pytest.main(arguments, plugins=[outcomes]))
tooling = sorted({name.split(".")[0] for name, module in sys.modules.items()
                  if (getattr(module, "__file__", None) or "").startswith("/tooling/")})
json.dumps({"exit_code": exit_code, "counts": outcomes.counts, "tooling_imported": tooling})
`;
// Errors are caught so that Node prints Python's traceback, not a line of minified pyodide.asm.js.
const result = await pyodide.runPythonAsync(script).catch((error) => fail(error.message));
const summary = JSON.parse(result);
summary.seconds = Number(seconds());
summary.skipped_in_pyodide = SKIPPED_IN_PYODIDE;
console.log(`PYODIDE-RESULT ${JSON.stringify(summary)}`);
const passed = summary.counts.passed ?? 0;
process.exit(summary.exit_code === 0 && passed === 0 ? 5 : summary.exit_code);
