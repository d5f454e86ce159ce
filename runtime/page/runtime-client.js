// The page's handle on the Python worker: boots it on demand, runs cells one at a time, stops
// runaway cells, and replaces the worker whenever it can no longer be used. One per tab: it lives
// on `window`, so Material's instant navigation reuses it instead of booting Python again.
//
// A cell can do anything to its own interpreter. Whatever it does, the next run gets a working
// Python, and the run that lost the interpreter says why ("restarted" events tell every page):
//   stopped       the reader pressed Stop and the worker was replaced
//   exited        the cell ended Python (os._exit)
//   fatal         Pyodide hit a fatal error (out of memory, a stack overflow)
//   broken        the cell broke what the cell runner itself needs
//   unresponsive  after the cell, the worker no longer answered (js.close(), a removed handler)
import { MESSAGE, BOOT_TIMEOUT_MS, INTERRUPT_GRACE_MS, ANSWER_TIMEOUT_MS } from "../protocol.js";

export class PythonRuntime {
  constructor({ workerURL, indexURL }) {
    Object.assign(this, { workerURL, indexURL });
    this.state = "idle"; // idle | booting | ready | failed
    this.workersCreated = 0;
    this.listeners = new Set();
    this.queue = Promise.resolve();
    this.current = null; // the run in progress: {runId, handlers, resolve, result?}
    this.nextId = 1;
    this.waitingForAnswer = null; // {id, resolve, timer}
    // Which cells have run in the current interpreter, and which the page must never re-run on
    // its own (the reader stopped them, or they broke Python), per page, by cell id.
    this.ranCells = new Map();
    this.heldCells = new Map();
  }

  on(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event) {
    for (const listener of [...this.listeners]) listener(event);
  }

  // Boot Python if it is not running or booting. Returns a promise for readiness. `firstCell`:
  // the code of the page's first cell, whose imports load during the boot.
  start(firstCell = "") {
    if (this.state === "booting" || this.state === "ready") return this.ready;
    this.state = "booting";
    this.workersCreated += 1;
    this.ranCells.clear();
    this.worker = new Worker(this.workerURL, { type: "module", name: "python" });
    this.worker.onmessage = ({ data }) => this.receive(data);
    this.worker.onerror = (event) => this.workerFailed(event.message || "the Python worker stopped");
    this.interruptBuffer = self.crossOriginIsolated ? new Int32Array(new SharedArrayBuffer(4)) : null;
    this.ready = new Promise((resolve, reject) => {
      this.settleBoot = { resolve, reject };
    });
    this.ready.catch(() => {}); // a failed boot is reported through events, not as unhandled
    this.bootTimer = setTimeout(
      () => this.bootFailed(`Python did not start within ${BOOT_TIMEOUT_MS / 1000} s.`),
      BOOT_TIMEOUT_MS,
    );
    this.emit({ type: "booting" });
    this.worker.postMessage({
      type: MESSAGE.init,
      indexURL: this.indexURL,
      interruptBuffer: this.interruptBuffer,
      firstCell,
    });
    return this.ready;
  }

  receive(message) {
    switch (message.type) {
      case MESSAGE.progress:
        this.emit({ type: "progress", ...message });
        break;
      case MESSAGE.ready:
        clearTimeout(this.bootTimer);
        this.state = "ready";
        this.settleBoot.resolve();
        this.emit({ type: "ready" });
        break;
      case MESSAGE.bootError:
        this.bootFailed(message.message);
        break;
      case MESSAGE.started:
      case MESSAGE.pong:
        this.answered(message.runId ?? message.pingId);
        break;
      case MESSAGE.status:
      case MESSAGE.stream:
        if (this.current?.runId === message.runId) this.current.handlers.onMessage(message);
        break;
      case MESSAGE.done:
        if (this.current?.runId === message.runId) this.checkStillAnswering(message);
        break;
      case MESSAGE.explored:
        if (this.current?.runId === message.runId) this.finishRun(JSON.parse(message.answer));
        break;
      case MESSAGE.crashed:
        this.restart(message.reason, message.detail);
        break;
    }
  }

  bootFailed(reason) {
    if (this.state !== "booting") return;
    clearTimeout(this.bootTimer);
    this.worker.terminate();
    this.state = "failed";
    this.settleBoot.reject(new Error(reason));
    this.emit({ type: "failed", reason });
  }

  workerFailed(reason) {
    if (this.state === "booting") this.bootFailed(reason);
    else this.restart("fatal", reason);
  }

  // Queue a cell. Resolves with the worker's result {value, error, images, interrupted,
  // truncated}, or, if the interpreter was lost on the way, with {lost: reason, detail} (and
  // the result too, when the cell finished before Python stopped answering).
  // With `check` (an exercise's check), the result also has check: {passed, message}.
  run(page, code, filename, handlers, check = null) {
    const task = this.queue.then(() => this.runNow(page, code, filename, handlers, check));
    this.queue = task.catch(() => {});
    return task;
  }

  async runNow(page, code, filename, handlers, check) {
    await this.start();
    const runId = this.nextId++;
    return new Promise((resolve) => {
      this.current = { runId, handlers, resolve };
      handlers.onStart?.();
      this.worker.postMessage({ type: MESSAGE.run, runId, page, code, filename, check });
      this.expectAnswer(runId, () => this.restart("unresponsive"));
    });
  }

  // An explorable's request, queued with the cells: resolves with its answer (plain data, or
  // {error}), or {lost: reason} if Python was restarted on the way.
  explore(request) {
    const task = this.queue.then(() => this.exploreNow(request));
    this.queue = task.catch(() => {});
    return task;
  }

  async exploreNow(request) {
    await this.start();
    const runId = this.nextId++;
    return new Promise((resolve) => {
      this.current = { runId, handlers: { onMessage() {} }, resolve };
      this.worker.postMessage({ type: MESSAGE.explore, runId, request: JSON.stringify(request) });
    });
  }

  // The cell finished; before the next one, make sure the worker still listens.
  checkStillAnswering(result) {
    clearTimeout(this.stopTimer);
    this.current.result = result;
    const pingId = this.nextId++;
    this.worker.postMessage({ type: MESSAGE.ping, pingId });
    this.expectAnswer(pingId, () => this.restart("unresponsive"));
  }

  expectAnswer(id, onSilence) {
    clearTimeout(this.waitingForAnswer?.timer);
    const asked = performance.now();
    const check = (again) => {
      // A main thread blocked past the deadline may hold the answer in its queue: look once more.
      if (!again && performance.now() - asked > 2 * ANSWER_TIMEOUT_MS) {
        this.waitingForAnswer.timer = setTimeout(() => check(true), 200);
      } else onSilence();
    };
    this.waitingForAnswer = { id, timer: setTimeout(() => check(false), ANSWER_TIMEOUT_MS) };
  }

  answered(id) {
    if (this.waitingForAnswer?.id !== id) return;
    clearTimeout(this.waitingForAnswer.timer);
    this.waitingForAnswer = null;
    if (this.current?.result) this.finishRun(this.current.result); // the ping after a run
  }

  finishRun(outcome) {
    const { resolve } = this.current;
    this.current = null;
    resolve(outcome);
  }

  // Stop the running cell: a KeyboardInterrupt where the page can deliver one (cross-origin
  // isolated), else, or if it has not landed within the grace period, a fresh worker.
  stop() {
    if (!this.current || this.current.result) return;
    if (this.interruptBuffer) {
      this.interruptBuffer[0] = 2; // SIGINT
      clearTimeout(this.stopTimer);
      this.stopTimer = setTimeout(() => this.restart("stopped"), INTERRUPT_GRACE_MS);
    } else {
      this.restart("stopped");
    }
  }

  // Drop a page's variables in the worker (its next cell starts from nothing).
  forget(page) {
    this.ranCells.delete(page);
    if (this.state === "ready") this.worker.postMessage({ type: MESSAGE.forget, page });
  }

  // Replace the worker. Every page's Python state is gone, so listeners are told.
  restart(reason, detail = "") {
    clearTimeout(this.stopTimer);
    clearTimeout(this.bootTimer);
    clearTimeout(this.waitingForAnswer?.timer);
    this.waitingForAnswer = null;
    this.worker?.terminate();
    const running = this.current;
    this.current = null;
    this.state = "idle";
    this.emit({ type: "restarted", reason, detail });
    running?.resolve({ ...(running.result || { images: [] }), lost: reason, detail });
    this.start();
  }

  ranCellsOf(page) {
    if (!this.ranCells.has(page)) this.ranCells.set(page, new Set());
    return this.ranCells.get(page);
  }

  heldCellsOf(page) {
    if (!this.heldCells.has(page)) this.heldCells.set(page, new Set());
    return this.heldCells.get(page);
  }
}

export function sharedRuntime(urls) {
  // Survives instant navigation (and a second evaluation of this module) on the window.
  window.__backpropRuntime ??= new PythonRuntime(urls);
  return window.__backpropRuntime;
}
