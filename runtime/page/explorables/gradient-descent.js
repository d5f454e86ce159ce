// The gradient descent explorer: a cost surface as contours, a descent's trajectory on it and
// its loss per step, computed by backprop.gradient_descent in the page's Python worker
// (explorables.gradient_descent). The start point moves by click or drag on the plot, or by its
// two number inputs; a run can be pinned to compare with the next. Switching the surface moves
// the start to that surface's own (explorables.settings.STARTS), inside its window.
import { element } from "../cell-view.js";
import { chart, clampedLog, contourPaths, drawAxes, linear, pathOf, powerOfTen, svgElement } from "./charts.js";
import { Explorer } from "./explorer.js";
import { STARTS } from "./settings.js";

const PLANE = { width: 336, height: 228 };
const LOSSES = { width: 300, height: 228 };
const LEVELS = 14;
const SMALLEST_GAP = 1e-12;

export class GradientDescentExplorer extends Explorer {
  constructor(root, runtime) {
    super(root, runtime, { label: "Gradient descent settings" });
    this.surface = null;
    this.run = null;
    this.pinned = null;
    this.buildControls();
    this.buildCharts();
    this.refresh().then(() => this.showLive());
  }

  buildControls() {
    const s = this.settings;
    const panel = this.controls;
    const change = (name) => (value) => {
      s[name] = value;
      this.refresh();
    };
    this.surfaceSelect = panel.select({
      label: "Surface",
      options: [
        ["valley", "the valley x²/2 + 5y²"],
        ["two-minima", "two minima"],
      ],
      value: s.surface,
      onChange: (value) => {
        s.surface = value;
        this.surface = null;
        this.pinned = null;
        this.moveStart([...STARTS[this.kind][value]]);
      },
    });
    panel.range({
      label: "Learning rate",
      ...this.rangeOf("learning_rate"),
      logStep: 0.05,
      value: s.learning_rate,
      format: (v) => v.toPrecision(2),
      onInput: change("learning_rate"),
    });
    panel.range({
      label: "Momentum",
      ...this.rangeOf("momentum", 0.01),
      value: s.momentum,
      format: (v) => v.toFixed(2),
      onInput: change("momentum"),
    });
    panel.range({ label: "Steps", ...this.rangeOf("steps"), value: s.steps, onInput: change("steps") });
    const start = this.rangeOf("start", 0.1);
    this.startX = panel.number({
      label: "Start x",
      ...start,
      value: s.start[0],
      onChange: (x) => this.moveStart([x, s.start[1]]),
    });
    this.startY = panel.number({
      label: "Start y",
      ...start,
      value: s.start[1],
      onChange: (y) => this.moveStart([s.start[0], y]),
    });
    this.pinButton = panel.button("Pin this run", () => this.pin(), { "aria-pressed": "false" });
  }

  buildCharts() {
    const row = element("div", { class: "bp-explorable__row" });
    this.live.append(row);
    this.plane = chart(row, { ...PLANE, title: "Contours of the surface with the path of gradient descent" });
    this.losses = chart(row, {
      ...LOSSES,
      margin: { top: 10, right: 12, bottom: 38, left: 64 },
      title: "f − f_min at each step, on a log scale",
    });
    const clip = `bp-clip-${Math.random().toString(36).slice(2)}`;
    const clipPath = svgElement("clipPath", { id: clip });
    clipPath.append(svgElement("rect", { width: PLANE.width, height: PLANE.height }));
    this.plane.svg.prepend(clipPath);
    this.contours = svgElement("g", { class: "bp-chart__contours", "clip-path": `url(#${clip})` });
    this.pinnedPath = svgElement("path", { class: "bp-chart__pinned" });
    this.path = svgElement("path", { class: "bp-chart__path" });
    this.dots = svgElement("g", { class: "bp-chart__dots" });
    this.startMark = svgElement("circle", { r: 5, class: "bp-chart__start" });
    this.minimaMarks = svgElement("g");
    this.plane.plot.append(this.contours, this.pinnedPath, this.path, this.dots, this.minimaMarks, this.startMark);
    this.pinnedLoss = svgElement("path", { class: "bp-chart__pinned" });
    this.lossPath = svgElement("path", { class: "bp-chart__path" });
    this.lossNote = svgElement("text", { x: LOSSES.width - 4, y: 14, "text-anchor": "end", class: "bp-chart__note" });
    this.losses.plot.append(this.pinnedLoss, this.lossPath, this.lossNote);
    // Click or drag on the plane to move the start; the newest position wins.
    const surfaceArea = this.plane.svg;
    let dragging = false;
    const place = (event) => {
      const box = surfaceArea.getBoundingClientRect();
      const scale = (PLANE.width + this.plane.margin.left + this.plane.margin.right) / box.width;
      const px = (event.clientX - box.left) * scale - this.plane.margin.left;
      const py = (event.clientY - box.top) * scale - this.plane.margin.top;
      if (!this.x || px < 0 || py < 0 || px > PLANE.width || py > PLANE.height) return;
      this.moveStart([Number(this.x.invert(px).toFixed(2)), Number(this.y.invert(py).toFixed(2))]);
    };
    surfaceArea.addEventListener("pointerdown", (event) => {
      dragging = true;
      surfaceArea.setPointerCapture(event.pointerId);
      place(event);
    });
    surfaceArea.addEventListener("pointermove", (event) => dragging && place(event));
    surfaceArea.addEventListener("pointerup", () => (dragging = false));
  }

  moveStart(point) {
    this.settings.start = point;
    this.startX.value = point[0];
    this.startY.value = point[1];
    this.refresh();
  }

  pin() {
    this.pinned = this.pinned ? null : this.run;
    this.pinButton.textContent = this.pinned ? "Unpin the run" : "Pin this run";
    this.pinButton.setAttribute("aria-pressed", String(Boolean(this.pinned)));
    this.redrawer.request();
  }

  async compute() {
    const settings = structuredClone(this.settings);
    if (!this.surface || this.surface.surface !== settings.surface) {
      const grid = await this.ask({ action: "surface", settings });
      if (!grid) return;
      this.surface = grid;
      const [x0, x1] = grid.x_range;
      const [y0, y1] = grid.y_range;
      this.x = linear([x0, x1], [0, PLANE.width]);
      this.y = linear([y0, y1], [PLANE.height, 0]);
      this.drawSurface();
    }
    const run = await this.ask({ action: "descend", settings });
    if (!run) return;
    this.run = run;
    this.status.textContent = run.verdict;
    this.redrawer.request();
  }

  drawSurface() {
    const values = this.surface.z.flat().sort((a, b) => a - b);
    const levels = Array.from(
      { length: LEVELS },
      (_, i) => values[Math.floor(((i + 0.5) / LEVELS) * 0.96 * values.length)],
    );
    // Bands: each level's region (where f is above it) painted over the one below, lighter
    // towards the minimum; their edges are the contour lines. Clipped to the plot's frame.
    const bands = contourPaths(this.surface, [...new Set(levels)], this.x, this.y);
    this.contours.replaceChildren(
      ...bands.map(({ d }, i) =>
        svgElement("path", {
          d,
          class: "bp-chart__contour",
          "fill-opacity": (0.05 + (0.5 * (bands.length - i)) / bands.length).toFixed(2),
        }),
      ),
      svgElement("rect", { width: PLANE.width, height: PLANE.height, class: "bp-chart__frame" }),
    );
    this.minimaMarks.replaceChildren(
      ...this.surface.minima.map(([mx, my]) =>
        svgElement("path", {
          d: `M${this.x(mx)},${this.y(my) - 6}l1.8,4.2 4.5,0.4-3.4,3 1,4.4-3.9-2.3-3.9,2.3 1-4.4-3.4-3 4.5-0.4z`,
          class: "bp-chart__minimum",
        }),
      ),
    );
    drawAxes(this.plane, this.x, this.y, { xLabel: "x", yLabel: "y" });
  }

  draw() {
    if (!this.run || !this.x) return;
    const inside = (points) =>
      points.map(([px, py]) => [Math.max(Math.min(px, 1e6), -1e6), Math.max(Math.min(py, 1e6), -1e6)]);
    const points = inside(this.run.points);
    this.path.setAttribute("d", pathOf(points, this.x, this.y));
    this.dots.replaceChildren(
      ...points
        .slice(0, 201)
        .map(([px, py]) => svgElement("circle", { cx: this.x(px), cy: this.y(py), r: 2.2, class: "bp-chart__dot" })),
    );
    const [sx, sy] = this.settings.start;
    this.startMark.setAttribute("cx", this.x(sx));
    this.startMark.setAttribute("cy", this.y(sy));
    this.pinnedPath.setAttribute("d", this.pinned ? pathOf(inside(this.pinned.points), this.x, this.y) : "");
    // The loss axis: f − f_min on a log scale, clamped so that an overflowing run stays visible.
    const runs = [this.run, this.pinned].filter(Boolean);
    const steps = Math.max(...runs.map((r) => r.settings.steps), 1);
    const gaps = runs.flatMap((r) => r.gaps).filter((g) => g > 0 && Number.isFinite(g));
    const low = Math.max(Math.min(...gaps, 1), SMALLEST_GAP);
    const high = Math.min(Math.max(...gaps, 10), 1e15);
    const x = linear([0, steps], [0, LOSSES.width]);
    const y = clampedLog([low / 2, high * 2], [LOSSES.height, 0]);
    const lossPoints = (r) => r.gaps.map((g, step) => [step, Math.max(g, SMALLEST_GAP)]);
    this.lossPath.setAttribute("d", pathOf(lossPoints(this.run), x, y));
    this.pinnedLoss.setAttribute("d", this.pinned ? pathOf(lossPoints(this.pinned), x, y) : "");
    drawAxes(this.losses, x, y, { xLabel: "step", yLabel: "f − f_min (log scale)", yTicks: 4, yFormat: powerOfTen });
    this.lossNote.textContent = this.run.diverged ? `diverged after ${this.run.diverged_after} steps` : "";
    const pinnedWords = this.pinned
      ? ` A pinned run (dashed) with learning rate ${this.pinned.settings.learning_rate} and momentum ${this.pinned.settings.momentum} is shown for comparison.`
      : "";
    this.plane.describe(
      `${this.run.verdict} Learning rate ${this.run.settings.learning_rate}, momentum ${this.run.settings.momentum}, from (${sx}, ${sy}).${pinnedWords}`,
    );
    this.losses.describe(this.run.verdict);
    const { learning_rate: rate, momentum, steps: count, surface } = this.run.settings;
    this.caption = `Live: ${count} steps of gradient descent on ${surface === "valley" ? "the valley" : "the surface with two minima"} from (${sx}, ${sy}), learning rate ${rate}, momentum ${momentum}, computed in this page's Python by backprop.gradient_descent.`;
  }
}

export { GradientDescentExplorer as Explorer };
