// The page's handle on the Python worker: boots it on demand, plans and runs cells one request at
// a time, stops runaway cells, and replaces the worker whenever it can no longer be used. One per
// tab: it lives on `window`, so Material's instant navigation reuses it instead of booting Python
// again.
//
// A cell can do anything to its own interpreter. Whatever it does, the next request gets a
// working Python, and the request that lost the interpreter says why ("restarted" events tell
// every page, with what was cleared):
//   stopped       the reader pressed Stop and the worker was replaced
//   exited        the cell ended Python (os._exit)
//   fatal         Pyodide hit a fatal error (out of memory, a stack overflow)
//   broken        the cell broke what the cell runner itself needs
//   unresponsive  after the cell, the worker no longer answered (js.close(), a removed handler)
// Every message from the worker is checked (protocol.js); a malformed answer fails only the
// request it belongs to.
import { ANSWER_TIMEOUT_MS, BOOT_TIMEOUT_MS, checkMessage, INTERRUPT_GRACE_MS, MESSAGE } from "../protocol.js";

const LATE_OUTPUT_RUNS = 20; // finished runs whose late output still reaches their cell

export class PythonRuntime {
  constructor({ workerURL, indexURL }) {
    Object.assign(this, { workerURL, indexURL });
    this.state = "idle"; // idle | booting | ready | failed
    this.workersCreated = 0;
    this.listeners = new Set();
    this.queue = Promise.resolve();
    this.current = null; // the request in progress: {runId, handlers, resolve, finish, result?}
    this.nextId = 1;
    this.waitingForAnswer = null; // {id, timer}
    this.finishedRuns = new Map(); // runId -> handlers, for output printed after a run ended
    // Which cells have run in the current interpreter, and which the page must never re-run on
    // its own (the reader stopped them, or they broke Python), per page, by cell id; and each
    // page's title, to say what a restart cleared.
    this.ranCells = new Map();
    this.heldCells = new Map();
    this.pageTitles = new Map();
  }

  on(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event) {
    for (const listener of [...this.listeners]) listener(event);
  }

  get isolated() {
    return Boolean(this.interruptBuffer);
  }

  // Boot Python if it is not running or booting. Returns a promise for readiness.
  start() {
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
    this.worker.postMessage({ type: MESSAGE.init, indexURL: this.indexURL, interruptBuffer: this.interruptBuffer });
    return this.ready;
  }

  receive(message) {
    if (!checkMessage(message)) {
      // Not a message the worker sends: if it names the request in progress, that request
      // fails (its answer cannot be read); anything else is dropped.
      if (message?.runId !== undefined && message.runId === this.current?.runId) {
        this.finishRun({ error: "Python sent an answer the page could not read." });
      }
      return;
    }
    switch (message.type) {
      case MESSAGE.progress:
        this.emit({ type: "progress", ...message });
        break;
      case MESSAGE.ready:
        if (this.state !== "booting") break;
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
        if (this.current?.runId === message.runId) this.current.handlers.onMessage?.(message);
        break;
      case MESSAGE.stream:
        this.routeOutput(message);
        break;
      case MESSAGE.planned:
      case MESSAGE.done:
      case MESSAGE.explored:
        if (this.current?.runId === message.runId && !this.current.result) this.checkStillAnswering(message);
        break;
      case MESSAGE.crashed:
        if (message.runId === undefined || message.runId === this.current?.runId) {
          this.restart(message.reason, message.detail);
        }
        break;
    }
  }

  // Printed text goes to the cell whose run printed it, also after that run ended.
  routeOutput(message) {
    if (!message.late && this.current?.runId === message.runId) {
      this.current.handlers.onMessage?.(message);
      return;
    }
    this.finishedRuns.get(message.runId)?.onLateOutput?.(message);
  }

  bootFailed(reason) {
    if (this.state !== "booting") return;
    if (!navigator.onLine) {
      reason =
        "You are offline, and Python is not saved on this device: open the book once while online, or save it for offline reading (on the Orientation page).";
    }
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

  // Queue a request; `send(runId)` posts it once the worker is free. Resolves with `finish`
  // applied to the worker's answer, or with {lost: reason, detail} if the interpreter was lost
  // on the way (with the answer too, when the request finished before Python stopped answering).
  request(handlers, send, finish = (answer) => answer) {
    const task = this.queue.then(async () => {
      await this.start();
      const runId = this.nextId++;
      return new Promise((resolve) => {
        this.current = { runId, handlers, resolve, finish };
        handlers.onStart?.();
        send(runId);
        this.expectAnswer(runId, () => this.restart("unresponsive"));
      });
    });
    this.queue = task.catch(() => {});
    return task;
  }

  // Which of the page's cells must run before cell `target`: [{index, id, names}].
  plan(page, cells, target, check = null) {
    return this.request(
      {},
      (runId) =>
        this.worker.postMessage({ type: MESSAGE.plan, runId, page, cells: JSON.stringify(cells), target, check }),
      (answer) => parsed(answer.steps, (steps) => ({ steps })),
    );
  }

  // Run a cell (index `cell` of the last plan): {value, error, images, interrupted, truncated,
  // notices}; with `check` (an exercise's check), also check: {passed, message}.
  run(page, code, filename, handlers, { cell = -1, check = null } = {}) {
    return this.request(handlers, (runId) => {
      this.worker.postMessage({ type: MESSAGE.run, runId, page, code, filename, cell, check });
    });
  }

  // An explorable's request: resolves with its answer (plain data, or {error}), or {lost}.
  explore(request) {
    return this.request(
      {},
      (runId) => this.worker.postMessage({ type: MESSAGE.explore, runId, request: JSON.stringify(request) }),
      (answer) => parsed(answer.answer, (data) => data),
    );
  }

  // The request was answered; before the next one, make sure the worker still listens.
  checkStillAnswering(answer) {
    clearTimeout(this.stopTimer);
    this.current.result = answer;
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
    if (this.current?.result) this.finishRun(this.current.finish(this.current.result)); // the ping
  }

  finishRun(outcome) {
    const { resolve, runId, handlers } = this.current;
    clearTimeout(this.waitingForAnswer?.timer);
    this.waitingForAnswer = null;
    this.current = null;
    this.finishedRuns.set(runId, handlers);
    if (this.finishedRuns.size > LATE_OUTPUT_RUNS) this.finishedRuns.delete(this.finishedRuns.keys().next().value);
    resolve(outcome);
    this.emit({ type: "ran" });
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

  // Put the book's own modules back, as a cell that changed them is reset.
  restoreBookCode() {
    if (this.state === "ready") this.worker.postMessage({ type: MESSAGE.restore });
  }

  // Replace the worker. Every page's Python state is gone, so listeners are told which pages'
  // variables were cleared, with the cells that had run on each.
  restart(reason, detail = "") {
    clearTimeout(this.stopTimer);
    clearTimeout(this.bootTimer);
    clearTimeout(this.waitingForAnswer?.timer);
    this.waitingForAnswer = null;
    this.worker?.terminate();
    const cleared = [...this.ranCells]
      .filter(([, cells]) => cells.size)
      .map(([page, cells]) => ({ page, title: this.pageTitles.get(page) || page, cells: [...cells] }));
    const running = this.current;
    this.current = null;
    this.state = "idle";
    this.emit({ type: "restarted", reason, detail, cleared });
    running?.resolve({ ...(running.result || { images: [] }), lost: reason, detail, cleared });
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

// An answer's JSON text, read: `shape(data)`, or {error} if it cannot be read (a NaN or an
// infinity written as a bare number, say).
function parsed(text, shape) {
  try {
    return shape(JSON.parse(text));
  } catch {
    return { error: "Python's answer could not be read (it was not valid JSON)." };
  }
}

export function sharedRuntime(urls) {
  // Survives instant navigation (and a second evaluation of this module) on the window.
  window.__backpropRuntime ??= new PythonRuntime(urls);
  return window.__backpropRuntime;
}
