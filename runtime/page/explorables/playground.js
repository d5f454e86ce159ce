// The training playground: a network trained by backprop on a toy data set in the page's Python
// worker (explorables.playground), a few epochs per request so that Stop and redraws get through
// between them. It shows the decision boundary with the training points (circles) and held-out
// points (squares), the two loss curves, the size of each layer's gradient ‖∂L/∂W^[l]‖ as training
// goes (where the first layers' is far smaller, they hardly learn: vanishing gradients), and the
// network with each connection as thick as its weight (orange positive, blue negative), as
// TensorFlow Playground draws it. One line says what just happened, with a link to the part of
// "What goes wrong" it belongs to; suggested experiments set the controls and train in one click.
import { element } from "../cell-view.js";
import { chart, clampedLog, drawAxes, linear, pathOf, powerOfTen, svgElement } from "./charts.js";
import { Explorer } from "./explorer.js";
import { legend } from "./legend.js";
import { choicesOf, EXPERIMENTS } from "./settings.js";

const PLANE = { width: 280, height: 280 };
const CURVES = { width: 290, height: 170 };
const GRADIENTS = { width: 290, height: 170 };
const NETWORK = { width: 300, height: 150 };
const POSITIVE = "#c2410c";
const NEGATIVE = "#1d4ed8";
const TRAINING = "#c2410c";
const HELD_OUT = "#1d4ed8";
// One colour per layer of the gradient chart, from the first layer to the last (at most 5).
const LAYER_COLOURS = ["#7c3aed", "#0e7490", "#15803d", "#b45309", "#be123c"];
const BATCH_SIZES = [1, 4, 8, 16, 32, 64, 256];
const DATA_SET_NAMES = { xor: "XOR", moons: "moons", spiral: "spiral (3 classes)", circles: "circles" };

export class PlaygroundExplorer extends Explorer {
  constructor(root, runtime) {
    super(root, runtime, { label: "Training playground settings" });
    this.key = `playground-${Math.random().toString(36).slice(2)}`;
    this.frame = null;
    this.data = null;
    this.stopRequested = false;
    this.inputs = {};
    this.buildControls();
    this.buildCharts();
    this.caption = "Live: the network trains in this page's Python with backprop, a few epochs per redraw.";
    this.reset().then(() => this.frame && this.showLive());
  }

  buildControls() {
    const s = this.settings;
    const panel = this.controls;
    const change = (name) => (value) => {
      s[name] = value;
      if (this.state !== "running") this.reset();
    };
    this.inputs.data_set = panel.select({
      label: "Data set",
      options: choicesOf(this.kind, "data_set").map((name) => [name, DATA_SET_NAMES[name] ?? name]),
      value: s.data_set,
      onChange: change("data_set"),
    });
    this.inputs.noise = panel.range({
      label: "Noise",
      ...this.rangeOf("noise", 0.01),
      value: s.noise,
      format: (v) => v.toFixed(2),
      onChange: change("noise"),
    });
    this.inputs.size = panel.number({
      label: "Points",
      ...this.rangeOf("size"),
      step: 10,
      value: s.size,
      onChange: change("size"),
    });
    this.inputs.hidden_layers = panel.range({
      label: "Hidden layers",
      ...this.rangeOf("hidden_layers"),
      value: s.hidden_layers,
      onChange: change("hidden_layers"),
    });
    this.inputs.units = panel.range({
      label: "Units per layer",
      ...this.rangeOf("units"),
      value: s.units,
      onChange: change("units"),
    });
    this.inputs.activation = panel.select({
      label: "Activation",
      options: choicesOf(this.kind, "activation"),
      value: s.activation,
      onChange: change("activation"),
    });
    this.inputs.learning_rate = panel.range({
      label: "Learning rate",
      ...this.rangeOf("learning_rate"),
      logStep: 0.05,
      value: s.learning_rate,
      format: (v) => v.toPrecision(2),
      onChange: change("learning_rate"),
    });
    const { min, max } = this.rangeOf("batch_size");
    this.inputs.batch_size = panel.select({
      label: "Batch size",
      options: [...new Set([...BATCH_SIZES, s.batch_size])]
        .filter((size) => size >= min && size <= max)
        .sort((a, b) => a - b)
        .map(String),
      value: String(s.batch_size),
      onChange: (v) => change("batch_size")(Number(v)),
    });
    this.inputs.epochs = panel.number({
      label: "Epochs",
      ...this.rangeOf("epochs"),
      value: s.epochs,
      onChange: change("epochs"),
    });
    this.inputs.seed = panel.number({
      label: "Seed",
      ...this.rangeOf("seed"),
      value: s.seed,
      onChange: change("seed"),
    });
    this.trainButton = panel.button("Train", () => this.train(), { disabled: "" });
    this.stopButton = panel.button("Stop", () => (this.stopRequested = true), { disabled: "" });
    this.resetButton = panel.button("Reset", () => this.reset());
    this.experiments = element("div", { class: "bp-explorable__experiments", role: "group", "aria-label": "Try" });
    this.experiments.append(element("span", { class: "bp-control__label" }, "Try:"));
    for (const experiment of EXPERIMENTS) {
      const button = element("button", { type: "button", class: "bp-button bp-button--experiment" }, experiment.label);
      button.addEventListener("click", () => this.tryExperiment(experiment.settings));
      this.experiments.append(button);
    }
    panel.container.after(this.experiments);
  }

  // Set every control to the experiment's settings, start afresh and train.
  async tryExperiment(settings) {
    if (this.state === "running") {
      this.stopRequested = true;
      await this.training;
    }
    Object.assign(this.settings, settings);
    for (const [name, input] of Object.entries(this.inputs)) input.value = this.settings[name];
    await this.reset();
    this.train();
  }

  buildCharts() {
    const row = element("div", { class: "bp-explorable__row" });
    const side = element("div", { class: "bp-explorable__column" });
    this.live.append(row);
    this.plane = chart(row, {
      ...PLANE,
      margin: { top: 10, right: 10, bottom: 34, left: 40 },
      title: "The decision boundary with the training points (circles) and the held-out points (squares)",
    });
    row.append(side);
    this.curves = chart(side, {
      ...CURVES,
      margin: { top: 10, right: 12, bottom: 38, left: 58 },
      title: "Training loss (orange) and held-out loss (blue, dashed) per epoch",
    });
    this.gradients = chart(side, {
      ...GRADIENTS,
      margin: { top: 10, right: 12, bottom: 38, left: 58 },
      title: "The size of each layer's gradient ‖∂L/∂W‖ as training goes, on a log scale",
    });
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
    this.curves.plot.append(this.trainCurve, this.testCurve);
    this.gradientLines = svgElement("g");
    this.gradients.plot.append(this.gradientLines);
    this.legend = legend([
      { line: TRAINING, text: "training loss" },
      { line: HELD_OUT, dashed: true, text: "held-out loss" },
      { shape: "circle", text: "training point" },
      { shape: "square", text: "held-out point (never trained on)" },
      { line: POSITIVE, text: "positive weight" },
      { line: NEGATIVE, text: "negative weight (thicker: larger)" },
    ]);
    this.layerLegend = element("ul", { class: "bp-legend" });
    this.whatHappened = element("p", { class: "bp-explorable__what-happened", "aria-live": "polite" });
    this.live.append(this.legend, this.layerLegend, this.whatHappened);
  }

  async reset() {
    this.stopRequested = true;
    this.trainButton.disabled = true;
    const answer = await this.ask({ action: "start", key: this.key, settings: structuredClone(this.settings) });
    this.stopRequested = false;
    if (!answer) return;
    this.data = answer.data;
    this.frame = answer;
    this.drawPoints();
    this.status.textContent = `Epoch 0 of ${answer.epochs}: press Train.`;
    this.trainButton.disabled = false;
    this.labelTrain();
    if (this.state !== "static") this.state = "ready";
    this.redrawer.request();
  }

  // Train does what its name says: Train from epoch 0, Continue after a Stop, Restart when done.
  labelTrain() {
    const frame = this.frame;
    this.trainButton.textContent = !frame || frame.epoch === 0 ? "Train" : frame.finished ? "Restart" : "Continue";
  }

  train() {
    this.training = this.trainChunks();
    return this.training;
  }

  async trainChunks() {
    if (this.state === "running" || !this.frame) return;
    if (this.frame.finished) await this.reset();
    this.state = "running";
    this.stopRequested = false;
    this.trainButton.disabled = true;
    this.stopButton.disabled = false;
    // Leaving the page (instant navigation takes the figure out of the document) pauses it:
    // the next page's cells get the worker, and coming back shows Train from epoch 0.
    while (!this.stopRequested && this.root.isConnected) {
      const frame = await this.ask({ action: "train", key: this.key });
      if (!frame) break;
      this.frame = frame;
      this.redrawer.request();
      if (frame.finished) break;
    }
    const stopped = (this.stopRequested || !this.root.isConnected) && !this.frame.finished;
    this.state = stopped ? "stopped" : "done";
    this.trainButton.disabled = false;
    this.stopButton.disabled = true;
    this.labelTrain();
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
                class: "bp-chart__point bp-chart__point--held-out",
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
    this.drawGradients(frame);
    this.drawNetwork(frame);
    const verdict =
      frame.diverged ||
      `Epoch ${frame.epoch} of ${frame.epochs}: training accuracy ${(100 * frame.train_accuracy).toFixed(1)}%, held-out accuracy ${(100 * frame.test_accuracy).toFixed(1)}%.`;
    this.status.textContent = this.state === "stopped" ? `Stopped. ${verdict}` : verdict;
    this.plane.describe(
      `${verdict} The boundary is drawn as coloured regions: each colour is the class the network predicts there.`,
    );
    this.tellWhatHappened(frame.what_happened);
  }

  tellWhatHappened(happened) {
    if (!happened) {
      this.whatHappened.replaceChildren();
      return;
    }
    const link = element("a", { href: `#${happened.section}` }, "What goes wrong");
    this.whatHappened.replaceChildren(`${happened.text} `, link, ".");
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
      drawAxes(this.curves, x, y, { xLabel: "epoch", yLabel: "cross-entropy", yTicks: 3, yFormat: ".1" });
    }
    const last = held.length ? held[held.length - 1][1] : null;
    this.curves.describe(
      last === null
        ? "No training yet."
        : `After epoch ${frame.epoch}: training loss ${losses[losses.length - 1].toFixed(4)}, held-out loss ${last.toFixed(4)}.`,
    );
  }

  // ‖∂L/∂W^[l]‖ per layer after each chunk, one line per layer, on a log axis of whole decades.
  drawGradients(frame) {
    const history = frame.gradient_sizes;
    const layers = history[0][1].length;
    const sizes = history.flatMap(([, perLayer]) => perLayer).filter((v) => v > 0 && Number.isFinite(v));
    const x = linear([0, Math.max(frame.epochs, 1)], [0, GRADIENTS.width]);
    const low = 10 ** Math.floor(Math.log10(Math.max(Math.min(...sizes, 1), 1e-12)));
    const high = 10 ** Math.ceil(Math.log10(Math.max(...sizes, low * 10)));
    const y = clampedLog([low, high], [GRADIENTS.height, 0]);
    const colour = (l) => LAYER_COLOURS[l % LAYER_COLOURS.length];
    const latest = history[history.length - 1];
    this.gradientLines.replaceChildren(
      ...Array.from({ length: layers }, (_, l) =>
        svgElement("path", {
          d: pathOf(
            history.map(([epoch, perLayer]) => [epoch, Math.max(perLayer[l], low)]),
            x,
            y,
          ),
          class: "bp-chart__layer",
          stroke: colour(l),
        }),
      ),
      // The latest size of each layer as a dot, so that even one chunk's shows.
      ...latest[1].map((size, l) =>
        svgElement("circle", { cx: x(latest[0]), cy: y(Math.max(size, low)), r: 3, fill: colour(l) }),
      ),
    );
    const axes = `${frame.epochs} ${low} ${high}`;
    if (this.gradientAxes !== axes) {
      this.gradientAxes = axes;
      drawAxes(this.gradients, x, y, { xLabel: "epoch", yLabel: "‖∂L/∂W‖", yTicks: 3, yFormat: powerOfTen });
    }
    if (this.layerLegend.childElementCount !== layers) {
      const entries = Array.from({ length: layers }, (_, l) => ({
        line: LAYER_COLOURS[l % LAYER_COLOURS.length],
        text: l === layers - 1 ? `layer ${l + 1} (output)` : `layer ${l + 1}`,
      }));
      const replacement = legend(entries, "Gradient size per layer");
      this.layerLegend.replaceWith(replacement);
      this.layerLegend = replacement;
    }
    this.gradients.describe(
      `After epoch ${latest[0]}, the gradient's size per layer, from layer 1 to layer ${layers}: ${latest[1]
        .map((v) => v.toExponential(1))
        .join(", ")}.`,
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
