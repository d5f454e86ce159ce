// The training playground: a network trained by backprop on a toy data set in the page's Python
// worker (explorables.playground), a few epochs per request so that Stop and redraws get through
// between them. It shows the decision boundary with the training points (circles) and held-out
// points (squares), the loss curves, the epoch, and the network with each connection as thick as
// its weight (orange for positive, blue for negative), as TensorFlow Playground draws it.
import { element } from "../cell-view.js";
import { chart, clampedLog, drawAxes, linear, pathOf, svgElement } from "./charts.js";
import { Explorer } from "./explorer.js";

const PLANE = { width: 280, height: 280 };
const CURVES = { width: 300, height: 200 };
const NETWORK = { width: 300, height: 150 };
const POSITIVE = "#c2410c";
const NEGATIVE = "#1d4ed8";

export class PlaygroundExplorer extends Explorer {
  constructor(root, runtime) {
    super(root, runtime, { label: "Training playground settings" });
    this.key = `playground-${Math.random().toString(36).slice(2)}`;
    this.frame = null;
    this.data = null;
    this.stopRequested = false;
    this.buildControls();
    this.buildCharts();
    this.reset().then(() => this.frame && this.showLive());
  }

  buildControls() {
    const s = this.settings;
    const panel = this.controls;
    const change = (name) => (value) => {
      s[name] = value;
      if (this.state !== "running") this.reset();
    };
    panel.select({
      label: "Data set",
      options: [
        ["xor", "XOR"],
        ["moons", "moons"],
        ["spiral", "spiral (3 classes)"],
        ["circles", "circles"],
      ],
      value: s.data_set,
      onChange: change("data_set"),
    });
    panel.range({
      label: "Noise",
      min: 0,
      max: 0.5,
      step: 0.01,
      value: s.noise,
      format: (v) => v.toFixed(2),
      onChange: change("noise"),
    });
    panel.number({ label: "Points", min: 40, max: 1000, step: 10, value: s.size, onChange: change("size") });
    panel.range({
      label: "Hidden layers",
      min: 1,
      max: 4,
      step: 1,
      value: s.hidden_layers,
      onChange: change("hidden_layers"),
    });
    panel.range({ label: "Units per layer", min: 1, max: 16, step: 1, value: s.units, onChange: change("units") });
    panel.select({
      label: "Activation",
      options: ["tanh", "relu", "sigmoid"],
      value: s.activation,
      onChange: change("activation"),
    });
    panel.range({
      label: "Learning rate",
      min: 0.001,
      max: 10,
      value: s.learning_rate,
      log: true,
      format: (v) => v.toPrecision(2),
      onChange: change("learning_rate"),
    });
    panel.select({
      label: "Batch size",
      options: ["1", "4", "8", "16", "32", "64", "256"],
      value: String(s.batch_size),
      onChange: (v) => change("batch_size")(Number(v)),
    });
    panel.number({ label: "Epochs", min: 1, max: 1000, step: 1, value: s.epochs, onChange: change("epochs") });
    panel.number({ label: "Seed", min: 0, max: 10000, step: 1, value: s.seed, onChange: change("seed") });
    this.trainButton = panel.button("Train", () => this.train());
    this.stopButton = panel.button("Stop", () => (this.stopRequested = true), { disabled: "" });
    this.resetButton = panel.button("Reset", () => this.reset());
  }

  buildCharts() {
    const row = element("div", { class: "bp-explorable__row" });
    const side = element("div", { class: "bp-explorable__column" });
    this.live.append(row);
    this.plane = chart(row, {
      ...PLANE,
      margin: { top: 10, right: 10, bottom: 30, left: 36 },
      title: "The decision boundary with the training points (circles) and the held-out points (squares)",
    });
    row.append(side);
    this.curves = chart(side, { ...CURVES, title: "Training loss per epoch and held-out loss" });
    this.network = chart(side, {
      ...NETWORK,
      margin: { top: 8, right: 8, bottom: 8, left: 8 },
      title: "The network: each connection as thick as its weight",
    });
    this.regions = svgElement("g");
    this.points = svgElement("g");
    this.plane.plot.append(this.regions, this.points);
    this.trainCurve = svgElement("path", { class: "bp-chart__path" });
    this.testCurve = svgElement("path", { class: "bp-chart__held-out" });
    this.legend = svgElement("text", { x: CURVES.width - 4, y: 12, "text-anchor": "end", class: "bp-chart__note" });
    this.legend.textContent = "training (solid), held out (dashed)";
    this.curves.plot.append(this.trainCurve, this.testCurve, this.legend);
  }

  async reset() {
    this.stopRequested = true;
    const answer = await this.ask({ action: "start", key: this.key, settings: structuredClone(this.settings) });
    this.stopRequested = false;
    if (!answer) return;
    this.data = answer.data;
    this.frame = answer;
    this.drawPoints();
    this.status.textContent = `Epoch 0 of ${answer.epochs}: press Train.`;
    if (this.state !== "static") this.state = "ready";
    this.redrawer.request();
  }

  async train() {
    if (this.state === "running" || !this.frame) return;
    if (this.frame.finished) await this.reset();
    this.state = "running";
    this.stopRequested = false;
    this.trainButton.disabled = true;
    this.stopButton.disabled = false;
    while (!this.stopRequested) {
      const frame = await this.ask({ action: "train", key: this.key });
      if (!frame) break;
      this.frame = frame;
      this.redrawer.request();
      if (frame.finished) break;
    }
    const stopped = this.stopRequested && !this.frame.finished;
    this.state = stopped ? "stopped" : "done";
    this.trainButton.disabled = false;
    this.stopButton.disabled = true;
    if (document.activeElement === this.stopButton || document.activeElement === document.body)
      this.trainButton.focus();
    this.redrawer.now();
  }

  drawPoints() {
    const [x0, x1, y0, y1] = this.frame.bounds;
    this.x = linear([x0, x1], [0, PLANE.width]);
    this.y = linear([y0, y1], [PLANE.height, 0]);
    const marks = [];
    for (const [set, shape] of [
      [this.data.train, "circle"],
      [this.data.test, "square"],
    ]) {
      for (const [px, py, label] of set) {
        const colour = this.data.colours[label];
        marks.push(
          shape === "circle"
            ? svgElement("circle", { cx: this.x(px), cy: this.y(py), r: 3, fill: colour, class: "bp-chart__point" })
            : svgElement("rect", {
                x: this.x(px) - 3,
                y: this.y(py) - 3,
                width: 6,
                height: 6,
                fill: colour,
                class: "bp-chart__point",
              }),
        );
      }
    }
    this.points.replaceChildren(...marks);
    drawAxes(this.plane, this.x, this.y, { xLabel: "", yLabel: "", xTicks: 5, yTicks: 5 });
  }

  draw() {
    const frame = this.frame;
    if (!frame || !this.x) return;
    this.drawRegions(frame.boundary);
    this.drawCurves(frame);
    this.drawNetwork(frame);
    const verdict =
      frame.diverged ||
      `Epoch ${frame.epoch} of ${frame.epochs}: training accuracy ${(100 * frame.train_accuracy).toFixed(1)}%, held-out accuracy ${(100 * frame.test_accuracy).toFixed(1)}%.`;
    this.status.textContent = this.state === "stopped" ? `Stopped. ${verdict}` : verdict;
    this.plane.describe(
      `${verdict} The boundary is drawn as coloured regions: each colour is the class the network predicts there.`,
    );
  }

  // The regions: one pixel per grid cell, coloured by the predicted class and faded by its
  // confidence, painted into a small canvas and shown scaled up (smoothly) as one SVG image:
  // one element to update per frame instead of 1,681.
  drawRegions(boundary) {
    const rows = boundary.length;
    const columns = boundary[0].length;
    if (!this.canvas) {
      this.canvas = Object.assign(document.createElement("canvas"), { width: columns, height: rows });
      this.regionImage = svgElement("image", { width: PLANE.width, height: PLANE.height, preserveAspectRatio: "none" });
      this.regions.replaceChildren(this.regionImage);
    }
    const context = this.canvas.getContext("2d");
    const pixels = context.createImageData(columns, rows);
    const rgb = this.data.colours.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
    const two = this.data.classes === 2;
    boundary.forEach((row, j) => {
      row.forEach((value, i) => {
        const label = two ? (value >= 0.5 ? 1 : 0) : Math.floor(value);
        const confidence = two ? Math.abs(value - 0.5) * 2 : (value - label) * 10;
        const offset = 4 * ((rows - 1 - j) * columns + i); // rows along y, drawn top down
        pixels.data.set([...rgb[label], Math.round(255 * (0.1 + 0.45 * confidence))], offset);
      });
    });
    context.putImageData(pixels, 0, 0);
    this.regionImage.setAttribute("href", this.canvas.toDataURL());
  }

  drawCurves(frame) {
    const losses = frame.train_losses;
    const held = frame.test_losses;
    const all = [...losses, ...held.map(([, loss]) => loss)].filter((v) => v > 0 && Number.isFinite(v));
    const x = linear([0, Math.max(frame.epochs, 1)], [0, CURVES.width]);
    // The loss axis spans whole decades, so it changes (and is redrawn) only now and then.
    const low = 10 ** Math.floor(Math.log10(Math.max(Math.min(...all, 0.1), 1e-6)));
    const high = 10 ** Math.ceil(Math.log10(Math.max(...all, 1)));
    const y = clampedLog([low, high], [CURVES.height, 0]);
    const axes = `${frame.epochs} ${low} ${high}`;
    this.trainCurve.setAttribute(
      "d",
      losses.length
        ? pathOf(
            losses.map((loss, i) => [i + 1, loss]),
            x,
            y,
          )
        : "",
    );
    this.testCurve.setAttribute("d", held.length ? pathOf(held, x, y) : "");
    if (this.curveAxes !== axes) {
      this.curveAxes = axes;
      drawAxes(this.curves, x, y, { xLabel: "epoch", yLabel: "cross-entropy (log)", yTicks: 4, yFormat: ".1" });
    }
    const last = held.length ? held[held.length - 1][1] : null;
    this.curves.describe(
      last === null
        ? "No training yet."
        : `After epoch ${frame.epoch}: training loss ${losses[losses.length - 1].toFixed(4)}, held-out loss ${last.toFixed(4)}.`,
    );
  }

  // The network: its units and one line per weight, made once per data set and network; each
  // frame only changes the lines' colour and width.
  drawNetwork(frame) {
    const sizes = this.data.sizes;
    if (this.networkSizes !== sizes.join("-")) {
      this.networkSizes = sizes.join("-");
      const layers = sizes.length;
      const spacing = Math.min(16, (NETWORK.height - 16) / Math.max(...sizes));
      const position = (layer, unit) => [
        12 + (layer * (NETWORK.width - 24)) / (layers - 1),
        NETWORK.height / 2 + (unit - (sizes[layer] - 1) / 2) * spacing,
      ];
      this.connections = [];
      const marks = [];
      for (let layer = 0; layer < layers - 1; layer += 1) {
        for (let from = 0; from < sizes[layer]; from += 1) {
          for (let to = 0; to < sizes[layer + 1]; to += 1) {
            const [x1, y1] = position(layer, from);
            const [x2, y2] = position(layer + 1, to);
            const connection = svgElement("line", { x1, y1, x2, y2, "stroke-opacity": "0.8" });
            this.connections.push(connection);
            marks.push(connection);
          }
        }
      }
      sizes.forEach((size, layer) => {
        for (let unit = 0; unit < size; unit += 1) {
          const [cx, cy] = position(layer, unit);
          marks.push(svgElement("circle", { cx, cy, r: 4.5, class: "bp-chart__unit" }));
        }
      });
      this.network.plot.replaceChildren(...marks);
    }
    const weights = frame.weights.flat(2);
    const largest = Math.max(...weights.map(Math.abs), 1e-9);
    weights.forEach((weight, index) => {
      const connection = this.connections[index];
      connection.setAttribute("stroke", weight >= 0 ? POSITIVE : NEGATIVE);
      connection.setAttribute("stroke-width", (0.3 + (3.2 * Math.abs(weight)) / largest).toFixed(2));
    });
    this.network.describe(`A ${sizes.join("-")} network; the largest weight is ${largest.toFixed(2)} in size.`);
  }
}

export { PlaygroundExplorer as Explorer };
