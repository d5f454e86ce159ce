// The computational graph explorer: the reader's expression over Values, drawn by backprop.draw,
// and backward() walked one node at a time in the order it visits them
// (explorables.graph). Each step highlights the node whose backward rule runs and says, with the
// numbers, its upstream gradient times its local derivative for each input.
import { element } from "../cell-view.js";
import { Explorer } from "./explorer.js";

const LEAF_DEFAULT = 1.0;
const number = (value) => (Math.abs(value) < 5e-5 ? 0 : value).toFixed(4);

export class GraphExplorer extends Explorer {
  constructor(root, runtime) {
    super(root, runtime, { label: "Graph settings" });
    this.answer = null;
    this.step = 0; // 0: the whole backward pass; k: after the k-th node's rule
    this.leafInputs = new Map();
    const panel = this.controls;
    const expression = element("input", {
      type: "text",
      value: this.settings.expression,
      spellcheck: "false",
      autocomplete: "off",
      class: "bp-control__expression",
    });
    expression.addEventListener("change", () => this.newExpression(expression.value));
    panel.field("Expression", expression);
    this.leafBox = element("div", { class: "bp-control__leaves" });
    panel.container.insertBefore(this.leafBox, panel.announcer);
    this.stepButton = panel.button("Step", () => this.nextStep());
    this.startOver = panel.button("Show the whole pass", () => this.show(0));
    this.image = element("img", { class: "bp-explorable__graph", alt: "" });
    this.explanation = element("p", { class: "bp-explorable__explanation", "aria-live": "polite" });
    this.live.append(this.image, this.explanation);
    this.buildLeafInputs(Object.keys(this.settings.leaves));
    this.refresh().then(() => this.answer && this.showLive());
  }

  buildLeafInputs(names) {
    const kept = new Map();
    this.leafBox.replaceChildren();
    for (const name of names) {
      const value = this.settings.leaves[name] ?? LEAF_DEFAULT;
      this.settings.leaves[name] = value;
      const input = element("input", { type: "number", step: "any", value, inputmode: "decimal" });
      input.addEventListener("change", () => {
        if (input.value === "" || !Number.isFinite(Number(input.value))) return;
        this.settings.leaves[name] = Number(input.value);
        this.controls.announce(`${name} = ${input.value}`);
        this.refresh();
      });
      const field = this.controls.field(`Value of ${name}`, input);
      this.leafBox.append(field);
      kept.set(name, input);
    }
    this.leafInputs = kept;
    for (const name of Object.keys(this.settings.leaves)) if (!kept.has(name)) delete this.settings.leaves[name];
  }

  async newExpression(text) {
    this.settings.expression = text;
    const found = await this.ask({ action: "leaves", settings: { expression: text } });
    if (!found) return;
    this.buildLeafInputs(found.leaves);
    this.refresh();
  }

  async compute() {
    const answer = await this.ask({ action: "explore", settings: structuredClone(this.settings) });
    if (!answer) {
      this.answer = null;
      this.stepButton.disabled = true;
      return;
    }
    this.answer = answer;
    this.stepButton.disabled = answer.steps.length === 0;
    this.show(0);
  }

  nextStep() {
    if (!this.answer) return;
    this.show(this.step >= this.answer.steps.length ? 1 : this.step + 1);
  }

  show(step) {
    this.step = step;
    this.redrawer.request();
  }

  draw() {
    const answer = this.answer;
    if (!answer) return;
    const total = answer.steps.length;
    const current = this.step ? answer.steps[this.step - 1] : null;
    const svg = current ? current.svg : answer.svg;
    const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
    this.image.addEventListener("load", () => URL.revokeObjectURL(url), { once: true });
    this.image.src = url;
    if (!current) {
      this.image.alt = `${answer.title}, after backward(): ${Object.entries(answer.leaves)
        .map(([name, grad]) => `${name}.grad = ${number(grad)}`)
        .join(", ")}`;
      this.explanation.textContent = `After backward(): ${Object.entries(answer.leaves)
        .map(([name, grad]) => `∂out/∂${name} = ${number(grad)}`)
        .join(
          ", ",
        )}. Press Step to walk through its ${total} backward rule${total === 1 ? "" : "s"} one node at a time.`;
      this.status.textContent = `out = ${number(answer.value)}`;
      return;
    }
    const parts = current.inputs.map(
      (input) =>
        `to ${input.label}: ${number(current.upstream)} × ${number(input.local)} = ${number(input.adds)} (its grad is now ${number(input.grad)})`,
    );
    this.explanation.textContent = `Step ${this.step} of ${total}: the backward rule of ${current.node} (${current.operation}). Its upstream gradient ${number(current.upstream)} times the local derivative gives, ${parts.join("; ")}.`;
    this.image.alt = `${answer.title}, step ${this.step} of ${total}, with ${current.node} highlighted`;
    this.status.textContent =
      this.step === total
        ? "The last step: every grad now equals what backward() gives."
        : `Step ${this.step} of ${total}`;
  }
}

export { GraphExplorer as Explorer };
