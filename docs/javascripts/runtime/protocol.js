// The message protocol between the page (runtime-client.js) and the Python worker (worker.js).
// Messages are plain objects; only strings, numbers and copied bytes cross (no proxies).
//
// page -> worker
//   init     {indexURL, runtimeURL, interruptBuffer?}       boot Pyodide, numpy and backprop
//   run      {runId, page, code, filename}                  run one cell in the page's namespace
// worker -> page
//   progress {stage, file, loaded, total}                   boot download progress, in bytes
//   ready    {}                                             Python is ready for cells
//   bootError {message}                                     boot failed; the page offers Retry
//   status   {runId, message}                               e.g. "Loading matplotlib"
//   stream   {runId, stream: "stdout"|"stderr", text}       batched printed output
//   done     {runId, value, error, images, truncated}       value: repr or null; error: traceback
//   crashed  {runId, error}                                 the interpreter is unusable: restart
export const MESSAGE = Object.freeze({
  init: "init",
  run: "run",
  progress: "progress",
  ready: "ready",
  bootError: "bootError",
  status: "status",
  stream: "stream",
  done: "done",
  crashed: "crashed",
});

// Printed output kept per cell run; beyond it the output is cut and marked as truncated.
export const OUTPUT_LIMIT_CHARACTERS = 100_000;
// Boot must finish within this time, or the reader is told and offered Retry.
export const BOOT_TIMEOUT_MS = 60_000;
// Stop waits this long for a KeyboardInterrupt before it restarts the worker.
export const INTERRUPT_GRACE_MS = 2_000;
