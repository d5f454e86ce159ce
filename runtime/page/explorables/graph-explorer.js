// The computational graph explorer: the reader's expression over Values, drawn by backprop.draw,
// and backward() walked one node at a time in the order it visits them
// (explorables.graph). Each step highlights the node whose backward rule runs and says, with the
// numbers, its upstream gradient times its local derivative for each input, where that local
// derivative comes from (its rule, e.g. 1 − out² for tanh, with the value it uses), and, when an
// input gets gradient along several paths, the sum so far ("1 + (−3) = −2").
// Numbers are printed to six significant digits, so that a product multiplies out by hand.
import { element } from "../cell-view.js";
import { Explorer } from "./explorer.js";
import { factor, significant } from "./numbers.js";

const LEAF_DEFAULT = 1.0;
const number = (value) => significant(value, 6);

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
    this.stepButton = panel.button("Step backward", () => this.nextStep());
    this.startOver = panel.button("Show the whole pass", () => this.show(0));
    this.image = element("img", { class: "bp-explorable__graph", alt: "" });
    this.explanation = element("div", { class: "bp-explorable__explanation", "aria-live": "polite" });
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
    this.caption = `Live: the graph of ${answer.expression}, built from backprop.Values and drawn by backprop.draw, with backward() walked one node at a time.`;
    const current = this.step ? answer.steps[this.step - 1] : null;
    const svg = current ? current.svg : answer.svg;
    const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
    this.image.addEventListener("load", () => URL.revokeObjectURL(url), { once: true });
    this.image.src = url;
    if (!current) {
      this.image.alt = `${answer.title}, after backward(): ${Object.entries(answer.leaves)
        .map(([name, grad]) => `${name}.grad = ${number(grad)}`)
        .join(", ")}`;
      const grads = Object.entries(answer.leaves).map(([name, grad]) => `∂out/∂${name} = ${number(grad)}`);
      const rules = `${total} backward rule${total === 1 ? "" : "s"}`;
      this.explanation.replaceChildren(
        element(
          "p",
          {},
          `After backward(): ${grads.join(", ")}. Press Step backward to run its ${rules} one node at a time.`,
        ),
      );
      this.status.textContent = `out = ${number(answer.value)}`;
      return;
    }
    const parts = current.inputs.map((input) => {
      const values = input.rule.values.map(([name, value]) => `${name} = ${number(value)}`).join(", ");
      const { formula } = input.rule;
      const rule =
        values || formula !== number(input.local)
          ? `local derivative ${formula}${values ? `, with ${values},` : ""} is ${number(input.local)}`
          : `local derivative ${formula}`;
      const product = `${factor(number(current.upstream))} × ${factor(number(input.local))} = ${number(input.adds)}`;
      const sum =
        input.sum.length > 1
          ? `its grad is now ${input.sum.map((term, i) => (i ? factor(number(term)) : number(term))).join(" + ")} = ${number(input.grad)}`
          : `its grad is now ${number(input.grad)}`;
      return element("li", {}, `to ${input.label}: ${rule}; upstream × local = ${product}; ${sum}.`);
    });
    const heading = `Step ${this.step} of ${total}: the backward rule of ${current.node} (${current.operation}), with upstream gradient ${number(current.upstream)}:`;
    const list = element("ul");
    list.append(...parts);
    this.explanation.replaceChildren(element("p", {}, heading), list);
    this.image.alt = `${answer.title}, step ${this.step} of ${total}, with ${current.node} highlighted`;
    this.status.textContent =
      this.step === total
        ? "The last step: every grad now equals what backward() gives."
        : `Step ${this.step} of ${total}`;
  }
}

export { GraphExplorer as Explorer };
