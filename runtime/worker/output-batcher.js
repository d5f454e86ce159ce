// Printed output on its way from Python to the page: soon enough to watch, never a flood.
//
// - The first write after a quiet spell is sent at once (a print before a long computation shows
//   before the computation, and survives a Stop).
// - Later writes wait at most OUTPUT_FLUSH_MS: Python runs synchronously, so no timer can fire
//   during a cell; instead `flushIfDue` is called from Python's own periodic signal check (see
//   python-ticks.js) and every write checks the clock.
// - At most OUTPUT_LIMIT_CHARACTERS per run, printed text and the displayed value together
//   (`fit`); the rest is cut, and `truncated` says so.
// - After its run has finished (`finish`), what the run's code still prints (a timer, an asyncio
//   task) is sent as late output of that run, soon after it is printed: no cell runs to tick.
import { OUTPUT_FLUSH_MS, OUTPUT_LIMIT_CHARACTERS } from "../protocol.js";

const FLUSH_SIZE = 8_192;

export class OutputBatcher {
  constructor(send, limit = OUTPUT_LIMIT_CHARACTERS) {
    this.send = send;
    this.limit = limit;
    this.start(null);
  }

  start(runId) {
    this.runId = runId;
    this.finished = false;
    this.decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() };
    this.pending = [];
    this.pendingSize = 0;
    this.pendingStream = null;
    this.used = 0; // characters sent or pending in this run
    this.truncated = false;
    this.lastSend = -Infinity;
  }

  write(stream, bytes) {
    if (this.truncated) return bytes.length;
    const text = this.fit(this.decoders[stream].decode(bytes, { stream: true }));
    if (this.pendingStream && this.pendingStream !== stream) this.flush();
    this.pendingStream = stream;
    this.pending.push(text);
    this.pendingSize += text.length;
    if (this.truncated || this.pendingSize >= FLUSH_SIZE) this.flush();
    else if (this.finished) this.lateTimer ??= setTimeout(() => this.flush(), OUTPUT_FLUSH_MS);
    else this.flushIfDue();
    return bytes.length;
  }

  // The run is over: send what it printed; what it prints from now on is late.
  finish() {
    this.flush();
    this.finished = true;
  }

  // The part of `text` that still fits in this run's limit.
  fit(text) {
    const room = Math.max(this.limit - this.used, 0);
    if (text.length > room) {
      text = text.slice(0, room);
      this.truncated = true;
    }
    this.used += text.length;
    return text;
  }

  flushIfDue() {
    if (this.pendingSize > 0 && performance.now() - this.lastSend >= OUTPUT_FLUSH_MS) this.flush();
  }

  flush() {
    clearTimeout(this.lateTimer);
    this.lateTimer = undefined;
    if (this.pendingSize > 0) {
      this.send(this.pendingStream, this.pending.join(""), this.finished);
      this.lastSend = performance.now();
    }
    this.pending = [];
    this.pendingSize = 0;
  }
}
