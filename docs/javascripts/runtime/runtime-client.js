// The page's handle on the Python worker: boots it on demand, runs cells one at a time,
// stops runaway cells, and restarts the worker when it must. One per tab: it lives on
// `window`, so Material's instant navigation reuses it instead of booting Python again.
import { MESSAGE, BOOT_TIMEOUT_MS, INTERRUPT_GRACE_MS } from "./protocol.js";

export class PythonRuntime {
  constructor({ workerURL, indexURL, runtimeURL }) {
    Object.assign(this, { workerURL, indexURL, runtimeURL });
    this.state = "idle"; // idle | booting | ready | failed
    this.workersCreated = 0;
    this.listeners = new Set();
    this.queue = Promise.resolve();
    this.current = null; // the run in progress: {runId, handlers, resolve}
    this.nextRunId = 1;
  }

  on(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event) {
    for (const listener of [...this.listeners]) listener(event);
  }

  // Boot Python if it is not running or booting. Returns a promise for readiness.
  start() {
    if (this.state === "booting" || this.state === "ready") return this.ready;
    this.state = "booting";
    this.workersCreated += 1;
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
      runtimeURL: this.runtimeURL,
      interruptBuffer: this.interruptBuffer,
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
      case MESSAGE.status:
      case MESSAGE.stream:
        if (this.current?.runId === message.runId) this.current.handlers.onMessage(message);
        break;
      case MESSAGE.done:
        this.finishRun(message);
        break;
      case MESSAGE.crashed:
        this.restart("Python crashed", message.error);
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
    else this.restart("Python crashed", reason);
  }

  // Queue a cell; resolves with {value, error, images, truncated, stopped?}.
  run(page, code, filename, handlers) {
    const task = this.queue.then(() => this.runNow(page, code, filename, handlers));
    this.queue = task.catch(() => {});
    return task;
  }

  async runNow(page, code, filename, handlers) {
    await this.start();
    const runId = this.nextRunId++;
    return new Promise((resolve) => {
      this.current = { runId, handlers, resolve };
      handlers.onStart?.();
      this.worker.postMessage({ type: MESSAGE.run, runId, page, code, filename });
    });
  }

  finishRun(message) {
    if (!this.current || this.current.runId !== message.runId) return;
    const { resolve } = this.current;
    this.current = null;
    clearTimeout(this.stopTimer);
    resolve(message);
  }

  // Stop the running cell: a KeyboardInterrupt where the page can deliver one (cross-origin
  // isolated), else, or if it has not landed within the grace period, a fresh worker.
  stop() {
    if (!this.current) return;
    if (this.interruptBuffer) {
      this.interruptBuffer[0] = 2; // SIGINT
      clearTimeout(this.stopTimer);
      this.stopTimer = setTimeout(() => this.restart("stopped"), INTERRUPT_GRACE_MS);
    } else {
      this.restart("stopped");
    }
  }

  // Replace the worker. Every page's Python state is gone, so listeners are told.
  restart(reason, detail = "") {
    clearTimeout(this.stopTimer);
    clearTimeout(this.bootTimer);
    this.worker?.terminate();
    const interrupted = this.current;
    this.current = null;
    this.state = "idle";
    this.emit({ type: "reset", reason, detail });
    interrupted?.resolve({ stopped: reason === "stopped", crashed: reason !== "stopped", error: detail, images: [] });
    this.start();
  }
}

export function sharedRuntime(urls) {
  // Survives instant navigation (and a second evaluation of this module) on the window.
  window.__backpropRuntime ??= new PythonRuntime(urls);
  return window.__backpropRuntime;
}
