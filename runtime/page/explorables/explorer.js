// What every explorable shares: it replaces the build's static figure by a live one once Python
// has answered, keeps its state in data-state ("static", then "ready"; "running" while it
// computes or trains; then "done" or "stopped"), counts redraws in data-frame, shows errors in
// place of the figure, and asks Python for the latest settings only (a reader dragging a slider
// faster than Python answers gets the newest settings computed, not every one in between).
// The build's caption describes the build's settings; once the figure is live it is hidden and
// a live caption, which each explorable keeps true (`caption`), takes its place.
import { element } from "../cell-view.js";
import { Redrawer } from "./charts.js";
import { ControlPanel } from "./controls.js";
import { decodeNonFinite } from "./numbers.js";
import { rangeOf } from "./settings.js";

export class Explorer {
  constructor(root, runtime, { label }) {
    this.root = root;
    this.runtime = runtime;
    this.kind = root.dataset.explorable;
    this.settings = JSON.parse(root.dataset.settings);
    this.stage = root.querySelector(".bp-explorable__stage");
    this.staticFigure = root.querySelector(".bp-explorable__static");
    this.staticCaption = root.querySelector("[data-static-caption]");
    this.liveCaption = element("span", { class: "bp-explorable__live-caption", hidden: "" });
    this.staticCaption?.after(this.liveCaption);
    this.live = element("div", { class: "bp-explorable__live", hidden: "" });
    this.message = element("p", { class: "bp-explorable__error", role: "alert", hidden: "" });
    this.stage.append(this.live, this.message);
    this.controls = new ControlPanel(root.querySelector("[data-explorable-controls]"), { label });
    this.status = this.controls.status();
    this.redrawer = new Redrawer(root, () => this.draw());
    this.busy = false;
    this.again = false;
    this.status.textContent = "Starting Python…";
  }

  set state(state) {
    this.root.dataset.state = state;
    if (state === "running") this.root.setAttribute("aria-busy", "true");
    else this.root.removeAttribute("aria-busy");
  }

  get state() {
    return this.root.dataset.state;
  }

  // A slider's range for one of this kind's settings, from explorables.settings.
  rangeOf(name, step = null) {
    return rangeOf(this.kind, name, step);
  }

  // What the live figure shows, in one sentence (replaces the build's caption).
  set caption(text) {
    this.liveCaption.textContent = text;
  }

  // One request to Python; an answer with `error` or `lost` is shown, and resolves to null.
  async ask(request) {
    const answer = decodeNonFinite(await this.runtime.explore({ kind: this.kind, ...request }));
    if (answer.lost) {
      this.fail("Python was restarted while this figure was computing. Change a setting to try again.");
      return null;
    }
    if (answer.error) {
      this.fail(answer.error);
      return null;
    }
    this.message.hidden = true;
    this.live.hidden = false;
    return answer;
  }

  fail(text) {
    this.message.textContent = text;
    this.status.textContent = ""; // what it said was about the figure the error replaces
    this.message.hidden = false;
    this.live.hidden = true;
    this.staticFigure.hidden = true;
    if (this.state !== "static") this.state = "done";
  }

  // The first live figure takes the static one's place, and the live caption the build's.
  showLive() {
    this.staticFigure.hidden = true;
    if (this.staticCaption) this.staticCaption.hidden = true;
    this.liveCaption.hidden = false;
    this.live.hidden = false;
    this.redrawer.now();
    if (this.state === "static") this.state = "ready";
  }

  // Recompute with the current settings; calls made meanwhile fold into one more round.
  async refresh() {
    if (this.busy) {
      this.again = true;
      return;
    }
    this.busy = true;
    const wasReady = this.state !== "static";
    if (wasReady) this.state = "running";
    do {
      this.again = false;
      await this.compute();
    } while (this.again);
    this.busy = false;
    if (wasReady && this.state === "running") this.state = "done";
  }
}
