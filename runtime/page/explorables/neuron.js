// One neuron, then one layer (explorables.neuron): a Dense(2, n) layer's output over the plane of
// its two inputs (x₁, x₂). The shading is the chosen unit's a = g(z); each unit's line z = 0 is
// drawn in its colour (where σ crosses ½ and tanh 0, and where ReLU bends), with an arrow along
// (w₁, w₂), the way z grows. Sliders move the chosen unit's weights and bias; the reader's point
// x shows z = x W + b and a = g(z), computed by backprop's Dense in this page's Python.
import { element } from "../cell-view.js";
import { chart, drawAxes, linear, svgElement } from "./charts.js";
import { Explorer } from "./explorer.js";
import { legend } from "./legend.js";
import { factor, significant } from "./numbers.js";
import { choicesOf } from "./settings.js";

const PLANE = { width: 300, height: 300 };
const UNIT_COLOURS = ["#c2410c", "#1d4ed8", "#15803d"];
const G = { sigmoid: "σ", tanh: "tanh", relu: "relu" };

export class NeuronExplorer extends Explorer {
  constructor(root, runtime) {
    super(root, runtime, { label: "Neuron settings" });
    this.answer = null;
    this.unit = 0; // the unit whose output is shaded and whose sliders are shown
    this.buildControls();
    this.buildChart();
    this.caption = "Live: z = x W + b and a = g(z) by backprop's Dense, in this page's Python.";
    this.refresh().then(() => this.answer && this.showLive());
  }

  buildControls() {
    const s = this.settings;
    const panel = this.controls;
    panel.select({
      label: "Activation",
      options: choicesOf(this.kind, "activation"),
      value: s.activation,
      onChange: (value) => {
        s.activation = value;
        this.refresh();
      },
    });
    panel.range({
      label: "Units",
      ...this.rangeOf("units"),
      value: s.units,
      onChange: (value) => {
        s.units = value;
        this.unit = Math.min(this.unit, value - 1);
        this.listUnits();
        this.refresh();
      },
    });
    this.unitSelect = panel.select({
      label: "Shade and move unit",
      options: ["1"],
      value: "1",
      onChange: (value) => {
        this.unit = Number(value) - 1;
        this.showUnitWeights();
        this.redrawer.request();
      },
    });
    this.listUnits();
    const weight = this.rangeOf("weights", 0.1);
    const slider = (label, read, write) =>
      panel.range({
        label,
        ...weight,
        value: read(),
        format: (v) => v.toFixed(1),
        onInput: (value) => {
          write(value);
          this.refresh();
        },
      });
    this.w1 = slider(
      "Weight w₁",
      () => s.weights[0][this.unit],
      (v) => (s.weights[0][this.unit] = v),
    );
    this.w2 = slider(
      "Weight w₂",
      () => s.weights[1][this.unit],
      (v) => (s.weights[1][this.unit] = v),
    );
    this.b = slider(
      "Bias b",
      () => s.biases[this.unit],
      (v) => (s.biases[this.unit] = v),
    );
    const point = this.rangeOf("x", 0.1);
    for (const index of [0, 1]) {
      panel.number({
        label: `Input x${index ? "₂" : "₁"}`,
        ...point,
        value: s.x[index],
        onChange: (value) => {
          s.x[index] = value;
          this.refresh();
        },
      });
    }
  }

  listUnits() {
    const units = this.settings.units;
    this.unitSelect.replaceChildren(
      ...Array.from({ length: units }, (_, j) => element("option", { value: String(j + 1) }, String(j + 1))),
    );
    this.unitSelect.value = String(this.unit + 1);
    this.unitSelect.disabled = units === 1;
    this.showUnitWeights();
  }

  showUnitWeights() {
    if (!this.w1) return;
    this.w1.value = this.settings.weights[0][this.unit];
    this.w2.value = this.settings.weights[1][this.unit];
    this.b.value = this.settings.biases[this.unit];
  }

  buildChart() {
    const row = element("div", { class: "bp-explorable__row" });
    this.plane = chart(row, {
      ...PLANE,
      margin: { top: 10, right: 12, bottom: 38, left: 46 },
      title: "The output of the neuron over the plane of its inputs, with its line z = 0",
    });
    const id = Math.random().toString(36).slice(2);
    const defs = svgElement("defs");
    UNIT_COLOURS.forEach((colour, j) => {
      const marker = svgElement("marker", {
        id: `bp-neuron-arrow-${j}-${id}`,
        viewBox: "0 0 10 10",
        refX: 8,
        refY: 5,
        markerWidth: 6,
        markerHeight: 6,
        orient: "auto",
      });
      marker.append(svgElement("path", { d: "M0,0L10,5L0,10z", fill: colour }));
      defs.append(marker);
    });
    this.plane.svg.prepend(defs);
    this.arrowId = id;
    this.shade = svgElement("image", { width: PLANE.width, height: PLANE.height, preserveAspectRatio: "none" });
    this.lines = svgElement("g");
    this.pointMark = svgElement("circle", { r: 5, class: "bp-chart__start" });
    this.plane.plot.append(this.shade, this.lines, this.pointMark);
    this.readout = element("div", { class: "bp-explorable__readout", "aria-live": "polite" });
    const side = element("div", { class: "bp-explorable__column" });
    this.unitLegend = element("ul", { class: "bp-legend" });
    side.append(this.readout, this.unitLegend);
    row.append(side);
    this.live.append(row);
  }

  async compute() {
    const answer = await this.ask({ action: "explore", settings: structuredClone(this.settings) });
    if (!answer) return;
    this.answer = answer;
    this.redrawer.request();
  }

  draw() {
    const answer = this.answer;
    if (!answer) return;
    const [low, high] = answer.window;
    const x = linear([low, high], [0, PLANE.width]);
    const y = linear([low, high], [PLANE.height, 0]);
    if (!this.axesDrawn) {
      drawAxes(this.plane, x, y, { xLabel: "x₁", yLabel: "x₂", xTicks: 5, yTicks: 5 });
      this.axesDrawn = true;
    }
    const unit = Math.min(this.unit, answer.outputs.length - 1);
    this.paint(answer.outputs[unit], answer.range, UNIT_COLOURS[unit]);
    this.lines.replaceChildren(
      ...answer.lines.flatMap((ends, j) => {
        if (!ends) return [];
        const [[x1, y1], [x2, y2]] = ends;
        const [mx, my] = [(x1 + x2) / 2, (y1 + y2) / 2];
        const [w1, w2] = [answer.W[0][j], answer.W[1][j]];
        const length = Math.hypot(w1, w2) || 1;
        return [
          svgElement("line", {
            x1: x(x1),
            y1: y(y1),
            x2: x(x2),
            y2: y(y2),
            stroke: UNIT_COLOURS[j],
            "stroke-width": j === unit ? 3 : 2,
          }),
          svgElement("line", {
            x1: x(mx),
            y1: y(my),
            x2: x(mx + (0.9 * w1) / length),
            y2: y(my + (0.9 * w2) / length),
            stroke: UNIT_COLOURS[j],
            "stroke-width": 2,
            "marker-end": `url(#bp-neuron-arrow-${j}-${this.arrowId})`,
          }),
        ];
      }),
    );
    const [px, py] = answer.settings.x;
    this.pointMark.setAttribute("cx", x(px));
    this.pointMark.setAttribute("cy", y(py));
    this.drawReadout(answer, unit);
  }

  // The chosen unit's output a over the plane: white at the activation's low end, the unit's
  // colour at its high end, one pixel per grid point, scaled up smoothly.
  paint(grid, [low, high], colour) {
    const rows = grid.length;
    const columns = grid[0].length;
    this.canvas ??= Object.assign(document.createElement("canvas"), { width: columns, height: rows });
    const context = this.canvas.getContext("2d");
    const pixels = context.createImageData(columns, rows);
    const rgb = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
    grid.forEach((row, j) => {
      row.forEach((value, i) => {
        const share = Math.min(Math.max((value - low) / (high - low || 1), 0), 1);
        pixels.data.set([...rgb, Math.round(200 * share)], 4 * ((rows - 1 - j) * columns + i));
      });
    });
    context.putImageData(pixels, 0, 0);
    this.shade.setAttribute("href", this.canvas.toDataURL());
  }

  drawReadout(answer, unit) {
    const g = G[answer.settings.activation];
    const [x1, x2] = answer.settings.x;
    const n = (value) => significant(value, 4);
    const lines = [element("p", { class: "bp-explorable__shapes" }, answer.shapes)];
    answer.z.forEach((z, j) => {
      const [w1, w2, b] = [answer.W[0][j], answer.W[1][j], answer.b[j]];
      const sum = `${n(w1)}·${factor(n(x1))} + ${factor(n(w2))}·${factor(n(x2))} + ${factor(n(b))}`;
      lines.push(
        element(
          "p",
          { class: j === unit ? "bp-explorable__unit bp-explorable__unit--shaded" : "bp-explorable__unit" },
          `Unit ${j + 1}: z = ${sum} = ${n(z)}, a = ${g}(${n(z)}) = ${n(answer.a[j])}`,
        ),
      );
    });
    this.readout.replaceChildren(...lines);
    const entries = answer.z.map((_, j) => ({
      line: UNIT_COLOURS[j],
      text: `unit ${j + 1}: z = 0, arrow where z grows`,
    }));
    const replacement = legend(entries, "The units' lines z = 0");
    this.unitLegend.replaceWith(replacement);
    this.unitLegend = replacement;
    this.status.textContent = `At x = (${x1}, ${x2}): a = [${answer.a.map(n).join(", ")}]; shading: unit ${unit + 1}'s output a.`;
    this.plane.describe(
      `Unit ${unit + 1}'s output ${g}(z) shaded over x₁ and x₂ from ${answer.window[0]} to ${answer.window[1]}; ${answer.lines.filter(Boolean).length} line(s) z = 0 drawn.`,
    );
  }
}

export { NeuronExplorer as Explorer };
