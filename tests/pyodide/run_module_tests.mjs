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
import path from "node:path";

import { ROOT, bootSitePyodide, fail } from "./site_pyodide.mjs";

const SITE_PACKAGES = path.join(ROOT, ".venv/lib/python3.12/site-packages");

// Pure-Python test tooling taken from the venv. Only these: the venv also holds CPython builds of
// numpy etc. that must not shadow Pyodide's. `packaging` (needed by pytest) comes from the site's
// lock instead. The *.dist-info folders carry the entry point of hypothesis's pytest plugin.
const TOOLING = [
  "pytest",
  "_pytest",
  "py.py",
  "pluggy",
  "iniconfig",
  "pygments",
  "hypothesis",
  "_hypothesis_pytestplugin.py",
  "_hypothesis_globals.py",
  "_hypothesis_ftz_detector.py",
  "sortedcontainers",
];
const TOOLING_DIST_INFO = /^(pytest|pluggy|iniconfig|pygments|hypothesis|sortedcontainers)-[^-]+\.dist-info$/;

const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

const pyodide = await bootSitePyodide(["numpy", "backprop", "packaging"], {
  HYPOTHESIS_STORAGE_DIRECTORY: "/tmp/hypothesis",
});
console.log(`Pyodide ${pyodide.version} booted, numpy, backprop and packaging loaded in ${seconds()} s`);

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
    """Counts test outcomes: every test of the suite must pass here too."""

    def __init__(self):
        self.counts = {}

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
json.dumps({"exit_code": exit_code, "counts": outcomes.counts})
`;
// Errors are caught so that Node prints Python's traceback, not a line of minified pyodide.asm.js.
const result = await pyodide.runPythonAsync(script).catch((error) => fail(error.message));
const summary = JSON.parse(result);
summary.seconds = Number(seconds());
console.log(`PYODIDE-RESULT ${JSON.stringify(summary)}`);
const passed = summary.counts.passed ?? 0;
process.exit(summary.exit_code === 0 && passed === 0 ? 5 : summary.exit_code);
