// The message protocol between the page (page/runtime-client.js) and the Python worker
// (worker/worker.js). Messages are plain objects; only strings, numbers, booleans and copied
// bytes cross (no proxies). The page checks every message it receives (checkMessage): a message
// that does not fit is dropped, and fails at most the request it names.
//
// page -> worker
//   init      {indexURL, interruptBuffer?}              boot Pyodide and the boot manifest's
//                                                       packages, with what a first cell imports
//   plan      {runId, page, cells, target, check?}      which of the page's cells must run before
//                                                       cell `target` (cells: JSON text, each
//                                                       {id, code, needs, exercise, expectsError})
//   run       {runId, page, code, filename, cell, check?}   run one cell (index `cell` of the last
//                                                       plan) in the page's namespace; with an
//                                                       exercise's check, check it after
//   ping      {pingId}                                  are you still answering? (after every run)
//   forget    {page}                                    drop the page's namespace (its variables)
//   restore   {}                                        put the book's modules back as they were
//   explore   {runId, request}                          an explorable's request (JSON text), for
//                                                       explorables.worker_adapter
// worker -> page
//   progress  {stage, file, loaded, total}              boot download progress, in bytes
//   ready     {}                                        Python is ready for cells
//   bootError {message}                                 boot failed; the page offers Retry
//   started   {runId}                                   the request arrived (the worker listens)
//   status    {runId, message}                          e.g. "Loading matplotlib"
//   stream    {runId, stream: "stdout"|"stderr", text, late?}   printed output, batched; `late`:
//                                                       printed after its run ended (a timer, a
//                                                       background task)
//   planned   {runId, steps}                            steps: JSON text, [{index, id, names}]
//   done      {runId, value, error, images, interrupted, truncated, notices, check?}
//                                                       value: repr or null; error: traceback or
//                                                       null; images: [{mime, data (base64), alt}];
//                                                       notices: what the cell changed beyond its
//                                                       variables; check: {passed, message}
//   crashed   {runId, reason, detail}                   the interpreter is unusable: restart it;
//                                                       reason: "exited" | "fatal" | "broken"
//   pong      {pingId}
//   explored  {runId, answer}                           the explorable's answer (JSON text)
export const MESSAGE = Object.freeze({
  init: "init",
  plan: "plan",
  run: "run",
  ping: "ping",
  forget: "forget",
  restore: "restore",
  explore: "explore",
  progress: "progress",
  ready: "ready",
  bootError: "bootError",
  started: "started",
  status: "status",
  stream: "stream",
  planned: "planned",
  done: "done",
  crashed: "crashed",
  pong: "pong",
  explored: "explored",
});

// The fields each message from the worker must have, and their types ("?" after a type: may be
// missing). The page drops any other message.
const FROM_WORKER = {
  progress: { stage: "string", file: "string?", loaded: "number", total: "number" },
  ready: {},
  bootError: { message: "string" },
  started: { runId: "number" },
  status: { runId: "number", message: "string" },
  stream: { runId: "number", stream: "string", text: "string", late: "boolean?" },
  planned: { runId: "number", steps: "string" },
  done: {
    runId: "number",
    value: "string|null",
    error: "string|null",
    images: "array",
    interrupted: "boolean",
    truncated: "boolean",
    notices: "array?",
    check: "object?",
  },
  crashed: { runId: "number?", reason: "string", detail: "string?" },
  pong: { pingId: "number" },
  explored: { runId: "number", answer: "string" },
};

function hasType(value, types) {
  return types.split("|").some((type) => {
    if (type === "null") return value === null;
    if (type === "array") return Array.isArray(value);
    if (type === "object") return value !== null && typeof value === "object" && !Array.isArray(value);
    return typeof value === type;
  });
}

// Is `message` one the worker may send? A message from anything else, or a malformed one, is not.
export function checkMessage(message) {
  const fields = message && typeof message === "object" ? FROM_WORKER[message.type] : undefined;
  if (!fields) return false;
  return Object.entries(fields).every(([name, type]) => {
    const optional = type.endsWith("?");
    if (optional && message[name] === undefined) return true;
    return hasType(message[name], optional ? type.slice(0, -1) : type);
  });
}

// Text a run may show (printed output and the displayed value together); the worker cuts the
// rest and the page says so, once.
export const OUTPUT_LIMIT_CHARACTERS = 100_000;
// Printed text reaches the page at most this long after it was printed while a cell runs.
export const OUTPUT_FLUSH_MS = 50;
// Boot must finish within this time, or the reader is told and offered Retry.
export const BOOT_TIMEOUT_MS = 60_000;
// Stop waits this long for a KeyboardInterrupt before it restarts the worker.
export const INTERRUPT_GRACE_MS = 2_000;
// An idle worker answers a request or a ping at once; one that does not within this time has
// been closed or deafened by a cell, and is replaced.
export const ANSWER_TIMEOUT_MS = 3_000;
