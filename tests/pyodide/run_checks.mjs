// Runs exercises' checks through the browser's adapter (notebook_cell.worker_session) in the site's
// Pyodide under Node.js, for tests/pyodide/test_checks_in_pyodide.py.
//
// Usage: node tests/pyodide/run_checks.mjs TRIES.json   (a JSON list of {code, check}, each run as
// the exercise cell of its own page). Output, last line: "CHECKS-RESULT [json]", one entry per
// try: the worker's `check` result ({passed, message, mistake}), or null if the code raised.
import fs from "node:fs";

import { bootSitePyodide } from "./site_pyodide.mjs";

const tries = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const pyodide = await bootSitePyodide(["numpy", "backprop", "notebook-cell", "exercise-checks"]);
const session = pyodide.pyimport("notebook_cell.worker_session");
session.configure(JSON.stringify({ available_packages: ["numpy", "backprop", "exercise_checks"] }));
const results = tries.map(({ code, check }, index) => {
  const result = JSON.parse(session.run(`/try-${index}/`, code, "<cell 1>", check));
  return result.check ?? null;
});
console.log(`CHECKS-RESULT ${JSON.stringify(results)}`);
