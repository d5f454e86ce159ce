// The message protocol between the page (page/runtime-client.js) and the Python worker
// (worker/worker.js). Messages are plain objects; only strings, numbers, booleans and copied
// bytes cross (no proxies).
//
// page -> worker
//   init      {indexURL, interruptBuffer?, firstCell}   boot Pyodide, the boot manifest's
//                                                    packages and what firstCell imports
//   run       {runId, page, code, filename, check?}  run one cell in the page's namespace; with
//                                                    an exercise's check, check it after
//   ping      {pingId}                               are you still answering? (after every run)
//   forget    {page}                                 drop the page's namespace (its variables)
//   explore   {runId, request}                       an explorable's request (JSON text), for
//                                                    explorables.worker_adapter
// worker -> page
//   progress  {stage, file, loaded, total}           boot download progress, in bytes
//   ready     {}                                     Python is ready for cells
//   bootError {message}                              boot failed; the page offers Retry
//   started   {runId}                                the run arrived (the worker still listens)
//   status    {runId, message}                       e.g. "Loading matplotlib"
//   stream    {runId, stream: "stdout"|"stderr", text}   printed output, batched
//   done      {runId, value, error, images, interrupted, truncated, check?}
//                                                    value: repr or null; error: traceback or
//                                                    null; images: [{mime, data (base64), alt}];
//                                                    check: {passed, message, mistake} (if
//                                                    asked for); mistake: the id of the mistake
//                                                    found ("transpose") or null
//   crashed   {runId, reason, detail}                the interpreter is unusable: restart it;
//                                                    reason: "exited" | "fatal" | "broken"
//   pong      {pingId}
//   explored  {runId, answer}                        the explorable's answer (JSON text)
export const MESSAGE = Object.freeze({
  init: "init",
  run: "run",
  ping: "ping",
  forget: "forget",
  explore: "explore",
  progress: "progress",
  ready: "ready",
  bootError: "bootError",
  started: "started",
  status: "status",
  stream: "stream",
  done: "done",
  crashed: "crashed",
  pong: "pong",
  explored: "explored",
});

// Text a run may show (printed output and the displayed value together); the worker cuts the
// rest and the page says so, once.
export const OUTPUT_LIMIT_CHARACTERS = 100_000;
// Printed text reaches the page at most this long after it was printed while a cell runs.
export const OUTPUT_FLUSH_MS = 50;
// Boot must finish within this time, or the reader is told and offered Retry.
export const BOOT_TIMEOUT_MS = 60_000;
// Stop waits this long for a KeyboardInterrupt before it restarts the worker.
export const INTERRUPT_GRACE_MS = 2_000;
// An idle worker answers a run or a ping at once; one that does not within this time has been
// closed or deafened by a cell, and is replaced.
export const ANSWER_TIMEOUT_MS = 3_000;
