// Batches printed output in the worker so that a print loop cannot flood the page:
// at most one message per FLUSH_INTERVAL_MS or FLUSH_SIZE characters, and nothing past the limit.
// Python runs synchronously, so timers cannot fire during a cell: the check happens on write.
import { OUTPUT_LIMIT_CHARACTERS } from "./protocol.js";

const FLUSH_INTERVAL_MS = 50;
const FLUSH_SIZE = 8_192;

export class OutputBatcher {
  constructor(send) {
    this.send = send;
    this.decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() };
    this.start(null);
  }

  start(runId) {
    this.runId = runId;
    this.pending = [];
    this.pendingSize = 0;
    this.pendingStream = null;
    this.sent = 0;
    this.truncated = false;
    this.lastFlush = performance.now();
  }

  write(stream, bytes) {
    if (this.truncated) return bytes.length;
    let text = this.decoders[stream].decode(bytes, { stream: true });
    const room = OUTPUT_LIMIT_CHARACTERS - this.sent - this.pendingSize;
    if (text.length > room) {
      text = text.slice(0, Math.max(room, 0));
      this.truncated = true;
    }
    if (this.pendingStream && this.pendingStream !== stream) this.flush();
    this.pendingStream = stream;
    this.pending.push(text);
    this.pendingSize += text.length;
    if (this.truncated || this.pendingSize >= FLUSH_SIZE || performance.now() - this.lastFlush >= FLUSH_INTERVAL_MS) {
      this.flush();
    }
    return bytes.length;
  }

  flush() {
    if (this.pendingSize > 0) this.send(this.pendingStream, this.pending.join(""));
    this.sent += this.pendingSize;
    this.pending = [];
    this.pendingSize = 0;
    this.lastFlush = performance.now();
  }
}
