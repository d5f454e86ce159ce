// The backward pass of a whole network, step by step (explorables.backward_pass): Mazur's 2-2-2
// sigmoid network by default, or one of the reader's sizes with random weights, on one example.
// Python computes the whole pass at once with backprop (Network.forward, Network.backward, SGD);
// the page walks through it. "Step forward" runs the forward pass a layer at a time (Z and A),
// then the cost; "Step backward" runs BP1 (or BP2) and then BP3 and BP4 for each layer from the
// last, each with its shapes, e.g. δ^[2] (1×2) · W^[2]ᵀ (2×2) → (1×2), ⊙ σ′(Z^[1]); each weight's
// line takes the colour of its gradient's sign and the width of its size once BP4 has computed
// it, and a click on it (or the "Chain rule for" list) shows its chain-rule product. "Update"
// asks Python for the network after one more SGD step, and the cost chart shows the cost fall.
// Numbers are printed to 9 decimals, as the chapter prints Mazur's.
import { element } from "../cell-view.js";
import { chart, drawAxes, linear, pathOf, svgElement } from "./charts.js";
import { Explorer } from "./explorer.js";
import { legend } from "./legend.js";
import { NetworkDiagram } from "./network-diagram.js";
import { notation } from "./notation.js";
import { decimals, factor } from "./numbers.js";
import { choicesOf, settingOf } from "./settings.js";

const COSTS = { width: 300, height: 110 };
const number = (value) => decimals(value, 9);
const row = (values) => `[${values.map(number).join(", ")}]`;
const matrix = (rows) => `[${rows.map(row).join(", ")}]`;
const SLOPE = { sigmoid: "σ′", tanh: "tanh′", relu: "relu′" };
const SLOPE_RULE = { sigmoid: "A(1 − A)", tanh: "1 − A²", relu: "1 where Z > 0, else 0" };

export class BackwardPassExplorer extends Explorer {
  constructor(root, runtime) {
    super(root, runtime, { label: "Backward pass settings" });
    this.trace = null;
    this.position = 0;
    this.selected = null;
    this.sizes = settingOf(this.kind, "sizes");
    this.mostUpdates = settingOf(this.kind, "updates").max;
    this.buildControls();
    this.buildFigure();
    this.caption =
      "Live: the network's forward and backward pass, computed in this page's Python by backprop's Network.backward.";
    this.refresh().then(() => this.trace && this.showLive());
  }

  buildControls() {
    const s = this.settings;
    const panel = this.controls;
    // The steps' buttons sit above the figure, where they stay put while the numbers change.
    this.toolbar = element("div", { class: "bp-explorable__toolbar", role: "group", "aria-label": "Steps" });
    const button = (label, action) => {
      const made = element("button", { type: "button", class: "bp-button" }, label);
      made.addEventListener("click", action);
      this.toolbar.append(made);
      return made;
    };
    this.stepForwardButton = button("Step forward", () => this.stepForward());
    this.stepBackwardButton = button("Step backward", () => this.stepBackward());
    this.updateButton = button("Update", () => this.update());
    this.resetButton = button("Reset", () => this.reset());
    this.weightsSelect = panel.select({
      label: "Network",
      options: choicesOf(this.kind, "weights").map((name) => [
        name,
        name === "mazur" ? "Mazur's 2-2-2 example" : "random weights",
      ]),
      value: s.weights,
      onChange: (value) => {
        s.weights = value;
        if (value === "mazur") this.setSizes([2, 2, 2]);
        this.changed();
      },
    });
    const [fewest, most] = this.sizes.hidden;
    this.hiddenSelect = panel.select({
      label: "Hidden layers",
      options: Array.from({ length: most - fewest + 1 }, (_, i) => String(fewest + i)),
      value: String(s.sizes.length - 2),
      onChange: () => this.sizesChanged(),
    });
    const sizeInput = (label, [min, max], value) =>
      panel.number({ label, min, max, step: 1, value, onChange: () => this.sizesChanged() });
    this.sizeInputs = [
      sizeInput("Inputs", this.sizes.input, s.sizes[0]),
      sizeInput("Units in hidden layer 1", this.sizes.units, s.sizes[1]),
      sizeInput("Units in hidden layer 2", this.sizes.units, s.sizes.length > 3 ? s.sizes[2] : 2),
      sizeInput("Outputs", this.sizes.output, s.sizes[s.sizes.length - 1]),
    ];
    this.sizeInputs[2].disabled = s.sizes.length < 4;
    panel.select({
      label: "Activation",
      options: choicesOf(this.kind, "activation"),
      value: s.activation,
      onChange: (value) => {
        s.activation = value;
        this.changed();
      },
    });
    panel.range({
      label: "Learning rate",
      ...this.rangeOf("learning_rate"),
      logStep: 0.05,
      value: s.learning_rate,
      format: (v) => v.toPrecision(2),
      onChange: (value) => {
        s.learning_rate = value;
        this.changed();
      },
    });
    this.weightSelect = panel.select({
      label: "Chain rule for",
      options: [["", "a weight (or click its line)"]],
      value: "",
      onChange: (value) => this.select(value ? value.split(",").map(Number) : null),
    });
  }

  buildFigure() {
    const row = element("div", { class: "bp-explorable__row" });
    const side = element("div", { class: "bp-explorable__column" });
    this.live.append(this.toolbar, row);
    const diagram = element("div", { class: "bp-explorable__diagram" });
    row.append(diagram, side);
    this.diagram = new NetworkDiagram(diagram, { onSelect: (l, k, j) => this.select([l, k, j]) });
    this.readout = element("div", { class: "bp-explorable__readout", "aria-live": "polite" });
    side.append(this.readout);
    this.costs = chart(side, {
      ...COSTS,
      margin: { top: 10, right: 12, bottom: 38, left: 70 },
      title: "The cost after each update",
    });
    this.costPath = svgElement("path", { class: "bp-chart__path" });
    this.costDots = svgElement("g");
    this.costs.plot.append(this.costPath, this.costDots);
    this.live.append(
      legend([
        { line: "#c2410c", text: "∂L/∂w > 0: the update lowers w" },
        { line: "#1d4ed8", text: "∂L/∂w < 0: the update raises w" },
        { line: "#9ca3af", text: "gradient not computed yet (thicker: larger)" },
      ]),
    );
  }

  // The sizes the inputs say, [n_0, hidden…, n_L]; Mazur's weights fit 2-2-2 only.
  sizesChanged() {
    const hidden = Number(this.hiddenSelect.value);
    this.sizeInputs[2].disabled = hidden < 2;
    const [inputs, first, second, outputs] = this.sizeInputs.map((input) => Number(input.value));
    const sizes = hidden < 2 ? [inputs, first, outputs] : [inputs, first, second, outputs];
    this.settings.sizes = sizes;
    if (this.settings.weights === "mazur" && sizes.join() !== "2,2,2") {
      this.settings.weights = "random";
      this.weightsSelect.value = "random";
      this.controls.announce("Mazur's weights fit only the 2-2-2 network: random weights now.");
    }
    this.changed();
  }

  setSizes(sizes) {
    this.settings.sizes = sizes;
    this.hiddenSelect.value = String(sizes.length - 2);
    this.sizeInputs[0].value = sizes[0];
    this.sizeInputs[1].value = sizes[1];
    if (sizes.length > 3) this.sizeInputs[2].value = sizes[2];
    this.sizeInputs[2].disabled = sizes.length < 4;
    this.sizeInputs[3].value = sizes[sizes.length - 1];
  }

  // A setting changed: the same step of the new network's pass (the network as first built).
  changed() {
    this.settings.updates = 0;
    this.refresh();
  }

  async compute() {
    const trace = await this.ask({ action: "trace", settings: structuredClone(this.settings) });
    if (!trace) {
      this.trace = null;
      this.enableButtons();
      return;
    }
    const shape = this.trace?.sizes.join("-");
    this.trace = trace;
    if (shape !== trace.sizes.join("-")) {
      this.selected = null;
      this.listWeights();
    }
    this.position = Math.min(this.position, trace.steps.length - 1);
    this.redrawer.request();
  }

  get costStep() {
    return this.trace.steps.findIndex((step) => step.phase === "cost");
  }

  get lastStep() {
    return this.trace.steps.length - 1;
  }

  stepForward() {
    if (!this.trace || this.position >= this.costStep) return;
    this.position += 1;
    this.redrawer.request();
  }

  stepBackward() {
    if (!this.trace || this.position < this.costStep || this.position >= this.lastStep) return;
    this.position += 1;
    this.redrawer.request();
  }

  async update() {
    if (!this.trace || this.position < this.lastStep || this.settings.updates >= this.mostUpdates) return;
    this.settings.updates += 1;
    this.position = 0;
    await this.refresh();
  }

  reset() {
    this.settings.updates = 0;
    this.position = 0;
    this.select(null);
    this.refresh();
  }

  select(weight) {
    this.selected = weight ? { l: weight[0], k: weight[1], j: weight[2] } : null;
    this.weightSelect.value = weight ? weight.join(",") : "";
    this.redrawer.request();
  }

  weightName(l, k, j) {
    const names = this.trace.names;
    const from = names.units[l - 1][k - 1];
    const to = names.units[l][j - 1];
    const own = names.weights ? `${names.weights[l - 1][k - 1][j - 1]}, ` : "";
    return {
      symbol: `W^[${l}]_${k}${j}`,
      words: `${own}${from} → ${to}`,
      option: `${own}${from} → ${to}: W[${l}] row ${k}, column ${j}`,
    };
  }

  listWeights() {
    const options = [element("option", { value: "" }, "a weight (or click its line)")];
    this.trace.layers.forEach((layer, index) => {
      layer.W.forEach((weights, k) => {
        weights.forEach((_, j) => {
          const { option } = this.weightName(index + 1, k + 1, j + 1);
          options.push(element("option", { value: `${index + 1},${k + 1},${j + 1}` }, option));
        });
      });
    });
    this.weightSelect.replaceChildren(...options);
    this.weightSelect.value = "";
  }

  // What the steps up to the current one have computed.
  known() {
    const known = { forward: new Set(), deltas: new Set(), gradients: new Set(), cost: false };
    for (const step of this.trace.steps.slice(0, this.position + 1)) {
      if (step.phase === "forward") known.forward.add(step.layer);
      if (step.phase === "cost") known.cost = true;
      if (step.phase === "backward") known.deltas.add(step.layer);
      if (step.phase === "gradients") known.gradients.add(step.layer);
    }
    return known;
  }

  // Buttons that cannot act now are disabled; focus on one of them moves to the next that can.
  enableButtons() {
    const ready = Boolean(this.trace);
    const position = this.position;
    const buttons = [this.stepForwardButton, this.stepBackwardButton, this.updateButton];
    const focused = buttons.find((button) => button === document.activeElement);
    this.stepForwardButton.disabled = !ready || position >= this.costStep;
    this.stepBackwardButton.disabled = !ready || position < this.costStep || position >= this.lastStep;
    this.updateButton.disabled = !ready || position < this.lastStep || this.settings.updates >= this.mostUpdates;
    if (focused?.disabled) buttons.find((button) => !button.disabled)?.focus();
  }

  draw() {
    if (!this.trace) return;
    const known = this.known();
    this.diagram.draw(this.trace, known, this.selected);
    this.drawReadout(known);
    this.drawCosts();
    this.enableButtons();
    const step = this.trace.steps[this.position];
    const cost = known.cost ? ` Cost L = ${number(this.trace.cost)}.` : "";
    this.status.textContent = `Step ${this.position} of ${this.lastStep}: ${this.title(step)}.${cost}`;
  }

  title(step) {
    const depth = this.trace.layers.length;
    if (step.phase === "network") {
      const updates = this.settings.updates;
      return updates ? `the network after ${updates} update${updates === 1 ? "" : "s"}` : "the network";
    }
    if (step.phase === "forward") return `forward, layer ${step.layer}`;
    if (step.phase === "cost") return "the cost";
    if (step.phase === "backward")
      return step.rule === "BP1"
        ? `BP1, the error of the output layer ${depth}`
        : `BP2, the error of layer ${step.layer} from layer ${step.layer + 1}'s`;
    return `BP3 and BP4, layer ${step.layer}'s gradients`;
  }

  // The current step's equation with its shapes, and its numbers.
  drawReadout(known) {
    const trace = this.trace;
    const step = trace.steps[this.position];
    const layer = trace.layers[step.layer - 1];
    const g = SLOPE[trace.settings.activation];
    const lines = [];
    const show = (name, value) => lines.push([name, value]);
    if (step.phase === "network") {
      show("x", row(trace.x[0]));
      show("target y", row(trace.y[0]));
      trace.layers.forEach((each, index) => {
        show(`W^[${index + 1}]`, matrix(each.W));
        show(`b^[${index + 1}]`, row(each.b));
      });
      const costs = trace.costs;
      if (costs.length > 1) {
        const [before, after] = costs.slice(-2);
        show("update", `W ← W − ${trace.settings.learning_rate} ∂L/∂W, b ← b − ${trace.settings.learning_rate} ∂L/∂b`);
        show("cost", `${number(before)} → ${number(after)} (${after < before ? "fell" : "rose"})`);
      }
    } else if (step.phase === "forward") {
      show(`Z^[${step.layer}]`, row(layer.Z[0]));
      show(`A^[${step.layer}]`, row(layer.A[0]));
    } else if (step.phase === "cost") {
      show("L", number(trace.cost));
      show(`∂L/∂A^[${step.layer}]`, row(trace.output_gradient[0]));
    } else if (step.phase === "backward") {
      const incoming = step.rule === "BP1" ? `∂L/∂A^[${step.layer}]` : `δ^[${step.layer + 1}] W^[${step.layer + 1}]ᵀ`;
      show(incoming, row(layer.dA[0]));
      show(`${g}(Z^[${step.layer}]) = ${SLOPE_RULE[trace.settings.activation]}`, row(layer.slope[0]));
      show(`δ^[${step.layer}]`, row(layer.delta[0]));
    } else {
      show(`∂L/∂b^[${step.layer}]`, row(layer.db));
      show(`∂L/∂W^[${step.layer}]`, matrix(layer.dW));
    }
    const heading = element("p", { class: "bp-explorable__step" });
    heading.append(`Step ${this.position} of ${this.lastStep}: ${this.title(step)}`);
    const shapes = element("p", { class: "bp-explorable__shapes" });
    shapes.append(notation(step.shapes));
    const values = element("dl", { class: "bp-explorable__values" });
    for (const [name, value] of lines) {
      const term = element("dt");
      term.append(notation(name));
      values.append(term, element("dd", {}, value));
    }
    this.readout.replaceChildren(heading, shapes, values, this.chainRule(known));
  }

  // The selected weight's gradient as the chain rule makes it: a^[l−1]_k · δ^[l]_j.
  chainRule(known) {
    const paragraph = element("p", { class: "bp-explorable__chain-rule" });
    if (!this.selected) {
      paragraph.textContent = "Click a weight's line, or choose it under “Chain rule for”, to see its gradient.";
      return paragraph;
    }
    const { l, k, j } = this.selected;
    const { symbol, words } = this.weightName(l, k, j);
    paragraph.append(notation(`∂L/∂${symbol} (${words})`));
    if (!known.gradients.has(l)) {
      paragraph.append(`: not computed yet; Step backward to BP4 of layer ${l}.`);
      return paragraph;
    }
    const layer = this.trace.layers[l - 1];
    const input = l === 1 ? this.trace.x[0][k - 1] : this.trace.layers[l - 2].A[0][k - 1];
    const delta = layer.delta[0][j - 1];
    paragraph.append(
      " = ",
      notation(`${l === 1 ? `x_${k}` : `a^[${l - 1}]_${k}`} · δ^[${l}]_${j}`),
      ` = ${factor(number(input))} × ${factor(number(delta))} = ${number(layer.dW[k - 1][j - 1])}`,
    );
    return paragraph;
  }

  drawCosts() {
    const costs = this.trace.costs;
    const x = linear([0, Math.max(costs.length - 1, 1)], [0, COSTS.width]);
    const low = Math.min(...costs);
    const high = Math.max(...costs);
    const pad = (high - low) * 0.1 || Math.abs(high) * 0.1 || 0.1;
    const y = linear([low - pad, high + pad], [COSTS.height, 0]);
    const points = costs.map((cost, update) => [update, cost]);
    this.costPath.setAttribute("d", pathOf(points, x, y));
    this.costDots.replaceChildren(
      ...points.map(([update, cost]) =>
        svgElement("circle", { cx: x(update), cy: y(cost), r: 3, class: "bp-chart__dot" }),
      ),
    );
    drawAxes(this.costs, x, y, {
      xLabel: "update",
      yLabel: "cost L",
      xTicks: Math.min(costs.length, 5),
      yTicks: 3,
      yFormat: ".3f",
    });
    this.costs.describe(
      `The cost after each of ${costs.length - 1} updates: ${costs.map((cost) => number(cost)).join(", ")}.`,
    );
  }
}

export { BackwardPassExplorer as Explorer };
