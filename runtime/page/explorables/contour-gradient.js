// The gradient on a contour map (explorables.contour_gradient): a function of (x, y) drawn as
// contour lines, a point p the reader drags (or types), ∇f(p) as an arrow, perpendicular to the
// contour through p, and a direction u the reader turns. The projection of ∇f(p) on u is drawn
// along u: its signed length is the directional derivative Dᵤf = ∇f · u = ‖∇f‖ cos φ. The map
// keeps x and y at one scale, or right angles would not look right.
import { element } from "../cell-view.js";
import { chart, contourPaths, drawAxes, linear, svgElement } from "./charts.js";
import { Explorer } from "./explorer.js";
import { legend } from "./legend.js";
import { factor, significant } from "./numbers.js";
import { choicesOf, STARTS } from "./settings.js";

const WIDTH = 310;
const TALLEST = 310;
const GRADIENT = "#c2410c";
const DIRECTION = "#1d4ed8";
const PROJECTION = "#15803d";
const SURFACE_NAMES = { "hill-and-pit": "a hill and a pit", valley: "the valley x²/2 + 5y²" };

export class ContourGradientExplorer extends Explorer {
  constructor(root, runtime) {
    super(root, runtime, { label: "Contour map settings" });
    this.grid = null;
    this.answer = null;
    this.buildControls();
    this.row = element("div", { class: "bp-explorable__row" });
    this.readout = element("p", { class: "bp-explorable__readout", "aria-live": "polite" });
    this.live.append(
      this.row,
      legend([
        { line: GRADIENT, text: "∇f(p), uphill" },
        { line: DIRECTION, text: "the direction u" },
        { line: PROJECTION, text: "∇f projected on u: Dᵤf" },
        { line: "#111827", text: "the contour through p" },
      ]),
      this.readout,
    );
    this.caption = "Live: ∇f by backprop.numerical_gradient, Dᵤf by backprop.derivative, in this page's Python.";
    this.refresh().then(() => this.answer && this.showLive());
  }

  buildControls() {
    const s = this.settings;
    const panel = this.controls;
    panel.select({
      label: "Surface",
      options: choicesOf(this.kind, "surface").map((name) => [name, SURFACE_NAMES[name] ?? name]),
      value: s.surface,
      onChange: (value) => {
        s.surface = value;
        this.grid = null;
        this.movePoint([...STARTS[this.kind][value]]);
      },
    });
    const point = this.rangeOf("point", 0.1);
    this.pointX = panel.number({
      label: "Point x",
      ...point,
      value: s.point[0],
      onChange: (value) => this.movePoint([value, s.point[1]]),
    });
    this.pointY = panel.number({
      label: "Point y",
      ...point,
      value: s.point[1],
      onChange: (value) => this.movePoint([s.point[0], value]),
    });
    panel.range({
      label: "Direction of u (degrees)",
      ...this.rangeOf("direction", 1),
      value: s.direction,
      format: (v) => `${Math.round(v)}°`,
      onInput: (value) => {
        s.direction = value;
        this.refresh();
      },
    });
  }

  movePoint(point) {
    this.settings.point = point;
    this.pointX.value = point[0];
    this.pointY.value = point[1];
    this.refresh();
  }

  // A chart whose plot has the surface's proportions, with arrowheads and the pointer's drag.
  buildChart() {
    const [x0, x1] = this.grid.x_range;
    const [y0, y1] = this.grid.y_range;
    const height = Math.min(TALLEST, Math.round((WIDTH * (y1 - y0)) / (x1 - x0)));
    const width = Math.round((height * (x1 - x0)) / (y1 - y0));
    this.x = linear([x0, x1], [0, width]);
    this.y = linear([y0, y1], [height, 0]);
    this.map?.svg.remove();
    this.map = chart(this.row, {
      width,
      height,
      margin: { top: 10, right: 12, bottom: 38, left: 46 },
      title: "Contours of f, the gradient at p, and the direction u",
    });
    const id = Math.random().toString(36).slice(2);
    const defs = svgElement("defs");
    for (const [name, colour] of [
      ["gradient", GRADIENT],
      ["direction", DIRECTION],
    ]) {
      const marker = svgElement("marker", {
        id: `bp-arrow-${name}-${id}`,
        viewBox: "0 0 10 10",
        refX: 8,
        refY: 5,
        markerWidth: 6,
        markerHeight: 6,
        orient: "auto-start-reverse",
      });
      marker.append(svgElement("path", { d: "M0,0L10,5L0,10z", fill: colour }));
      defs.append(marker);
    }
    this.map.svg.prepend(defs);
    // d3-contour closes each region along the grid's edge, half a cell outside the plot: the
    // clip keeps only the contour lines themselves.
    const clip = svgElement("clipPath", { id: `bp-clip-${id}` });
    clip.append(svgElement("rect", { width, height }));
    defs.append(clip);
    this.contours = svgElement("g", { class: "bp-chart__contour-lines", "clip-path": `url(#bp-clip-${id})` });
    this.level = svgElement("path", { class: "bp-chart__level", "clip-path": `url(#bp-clip-${id})` });
    this.projection = svgElement("line", { class: "bp-chart__projection", stroke: PROJECTION });
    this.dropped = svgElement("line", { class: "bp-chart__dropped" });
    this.direction = svgElement("line", {
      stroke: DIRECTION,
      "stroke-width": 2.5,
      "marker-end": `url(#bp-arrow-direction-${id})`,
    });
    this.gradient = svgElement("line", {
      stroke: GRADIENT,
      "stroke-width": 3,
      "marker-end": `url(#bp-arrow-gradient-${id})`,
    });
    this.point = svgElement("circle", { r: 5, class: "bp-chart__start" });
    this.map.plot.append(
      this.contours,
      this.level,
      this.dropped,
      this.projection,
      this.direction,
      this.gradient,
      this.point,
    );
    this.contours.replaceChildren(
      ...contourPaths(this.grid, this.grid.levels, this.x, this.y).map(({ d }) =>
        svgElement("path", { d, class: "bp-chart__contour-line" }),
      ),
    );
    this.map.plot.prepend(svgElement("rect", { width, height, class: "bp-chart__frame" }));
    drawAxes(this.map, this.x, this.y, { xLabel: "x", yLabel: "y", xTicks: 5, yTicks: 5 });
    this.dragToMove(width, height);
  }

  dragToMove(width, height) {
    const svg = this.map.svg;
    let dragging = false;
    const place = (event) => {
      const box = svg.getBoundingClientRect();
      const scale = (width + this.map.margin.left + this.map.margin.right) / box.width;
      const px = (event.clientX - box.left) * scale - this.map.margin.left;
      const py = (event.clientY - box.top) * scale - this.map.margin.top;
      if (px < 0 || py < 0 || px > width || py > height) return;
      this.movePoint([Number(this.x.invert(px).toFixed(2)), Number(this.y.invert(py).toFixed(2))]);
    };
    svg.addEventListener("pointerdown", (event) => {
      dragging = true;
      svg.setPointerCapture(event.pointerId);
      place(event);
    });
    svg.addEventListener("pointermove", (event) => dragging && place(event));
    svg.addEventListener("pointerup", () => (dragging = false));
  }

  async compute() {
    const settings = structuredClone(this.settings);
    if (!this.grid || this.grid.surface !== settings.surface) {
      const grid = await this.ask({ action: "surface", settings });
      if (!grid) return;
      this.grid = grid;
      this.buildChart();
    }
    const answer = await this.ask({ action: "explore", settings });
    if (!answer) return;
    this.answer = answer;
    this.redrawer.request();
  }

  draw() {
    const answer = this.answer;
    if (!answer || !this.map) return;
    const [px, py] = answer.settings.point;
    const scale = this.grid.arrow_scale;
    const [gx, gy] = answer.gradient;
    const [ux, uy] = answer.u;
    const reach = 0.22 * (this.grid.x_range[1] - this.grid.x_range[0]);
    const along = answer.directional * scale;
    const set = (node, attributes) => {
      for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    };
    const at = (dx, dy) => ({ x: this.x(px + dx), y: this.y(py + dy) });
    set(this.point, { cx: this.x(px), cy: this.y(py) });
    const tip = at(scale * gx, scale * gy);
    set(this.gradient, { x1: this.x(px), y1: this.y(py), x2: tip.x, y2: tip.y });
    const end = at(reach * ux, reach * uy);
    set(this.direction, { x1: this.x(px), y1: this.y(py), x2: end.x, y2: end.y });
    const foot = at(along * ux, along * uy);
    set(this.projection, { x1: this.x(px), y1: this.y(py), x2: foot.x, y2: foot.y });
    set(this.dropped, { x1: tip.x, y1: tip.y, x2: foot.x, y2: foot.y });
    const [level] = contourPaths(this.grid, [answer.value], this.x, this.y);
    this.level.setAttribute("d", level?.d ?? "");
    const n = (value) => significant(value, 4);
    const words =
      answer.phi === null
        ? `At p = (${px}, ${py}) the gradient is zero: every direction is level, Dᵤf = 0.`
        : `At p = (${px}, ${py}), f = ${n(answer.value)} and ∇f = (${n(gx)}, ${n(gy)}), ‖∇f‖ = ${n(answer.length)}. Along u at ${Math.round(answer.settings.direction)}°, φ = ${answer.phi.toFixed(1)}°, so Dᵤf = ‖∇f‖ cos φ = ${n(answer.length)} × ${factor(n(answer.cos_phi))} = ${n(answer.directional)}; measured along u with backprop.derivative: ${n(answer.measured)}.`;
    this.readout.textContent = words;
    this.status.textContent =
      answer.phi === null
        ? "∇f = 0 here."
        : `Dᵤf = ${n(answer.directional)}: ${Math.abs(answer.phi - 90) < 0.5 ? "u runs along the contour, so f does not change" : answer.phi < 90 ? "uphill" : "downhill"}.`;
    this.map.describe(words);
    this.caption = `Live: f = ${this.grid.formula}; the gradient (orange) at p is perpendicular to the black contour through p.`;
  }
}

export { ContourGradientExplorer as Explorer };
