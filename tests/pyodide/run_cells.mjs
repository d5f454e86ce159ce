// Runs cells through the browser's adapter (notebook_cell.worker_session) in the site's Pyodide
// under Node.js, and prints what the page would receive, for tests/pyodide/test_one_cell_core.py.
//
// Usage: node tests/pyodide/run_cells.mjs CELLS.json   (a JSON list of cell sources, run in order
// on one page). Output, last line: "CELLS-RESULT [json]", one entry per cell: the worker's result
// (value, error, images, interrupted) plus `printed`, the text streamed from stdout and stderr.
import fs from "node:fs";

import { bootSitePyodide } from "./site_pyodide.mjs";

const cells = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const pyodide = await bootSitePyodide(["numpy", "backprop", "notebook-cell", "matplotlib"]);
let printed = "";
const decoder = new TextDecoder();
const write = (bytes) => {
  printed += decoder.decode(bytes, { stream: true });
  return bytes.length;
};
pyodide.setStdout({ write });
pyodide.setStderr({ write });
const session = pyodide.pyimport("notebook_cell.worker_session");
session.configure(JSON.stringify({ available_packages: ["numpy", "matplotlib", "backprop"] }));
const results = cells.map((code, index) => {
  printed = "";
  const result = JSON.parse(session.run("/test-page/", code, `<cell ${index + 1}>`));
  return { ...result, printed };
});
console.log(`CELLS-RESULT ${JSON.stringify(results)}`);
