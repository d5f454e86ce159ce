// The secant becomes the tangent (explorables.secant): a function, its secant from x to x + h and
// its tangent at x, with h on a log slider from 1 down to 1e-15. Beside it, the secant slope's
// error |(f(x + h) − f(x))/h − f′(x)| for every h, on log axes, with the current h marked and the
// two errors that make it up: truncation, about ½|f″(x)| h (falling with h), and rounding, about
// ε/h (rising as h shrinks). f′(x) is exact: backprop.Value's backward() through f.
import { chart, clampedLog, drawAxes, linear, pathOf, powerOfTen, svgElement } from "./charts.js";
import { element } from "../cell-view.js";
import { Explorer } from "./explorer.js";
import { legend } from "./legend.js";
import { factor, significant } from "./numbers.js";
import { choicesOf } from "./settings.js";

const PLANE = { width: 256, height: 200 };
const ERRORS = { width: 256, height: 200 };
const FORMULAS = { square: "x²", cubic: "x³ − 2x", tanh: "tanh x", exp: "eˣ" };
const SECANT = "#c2410c";
const TANGENT = "#1d4ed8";
const SMALLEST = 1e-18;

export class SecantExplorer extends Explorer {
  constructor(root, runtime) {
    super(root, runtime, { label: "Secant settings" });
    this.answer = null;
    this.buildControls();
    this.buildCharts();
    this.caption =
      "Live: the secant slope computed in floats, f′(x) from backprop.Value's backward(), in this page's Python.";
    this.refresh().then(() => this.answer && this.showLive());
  }

  buildControls() {
    const s = this.settings;
    const panel = this.controls;
    const change = (name) => (value) => {
      s[name] = value;
      this.refresh();
    };
    panel.select({
      label: "Function",
      options: choicesOf(this.kind, "function").map((name) => [name, `f(x) = ${FORMULAS[name] ?? name}`]),
      value: s.function,
      onChange: change("function"),
    });
    panel.range({
      label: "x",
      ...this.rangeOf("x", 0.1),
      value: s.x,
      format: (v) => v.toFixed(1),
      onInput: change("x"),
    });
    panel.range({
      label: "Step h",
      ...this.rangeOf("h"),
      logStep: 0.1,
      value: s.h,
      format: (v) => v.toExponential(1),
      onInput: change("h"),
    });
  }

  buildCharts() {
    const row = element("div", { class: "bp-explorable__row" });
    this.live.append(row);
    this.plane = chart(row, { ...PLANE, title: "The function, its secant from x to x + h, and its tangent at x" });
    this.errors = chart(row, {
      ...ERRORS,
      margin: { top: 10, right: 12, bottom: 38, left: 64 },
      title: "The secant slope's error for every h, on log axes",
    });
    const clip = `bp-clip-${Math.random().toString(36).slice(2)}`;
    const clipPath = svgElement("clipPath", { id: clip });
    clipPath.append(svgElement("rect", { width: PLANE.width, height: PLANE.height }));
    this.plane.svg.prepend(clipPath);
    const clipped = svgElement("g", { "clip-path": `url(#${clip})` });
    this.curve = svgElement("path", { class: "bp-chart__curve" });
    this.tangent = svgElement("path", { class: "bp-chart__tangent" });
    this.secant = svgElement("path", { class: "bp-chart__path" });
    this.ends = svgElement("g");
    clipped.append(this.curve, this.tangent, this.secant, this.ends);
    this.plane.plot.append(clipped);
    this.truncation = svgElement("path", { class: "bp-chart__reference" });
    this.rounding = svgElement("path", { class: "bp-chart__reference bp-chart__reference--rounding" });
    this.errorPath = svgElement("path", { class: "bp-chart__path" });
    this.here = svgElement("circle", { r: 5, class: "bp-chart__start" });
    this.errors.plot.append(this.truncation, this.rounding, this.errorPath, this.here);
    this.readout = element("p", { class: "bp-explorable__readout", "aria-live": "polite" });
    this.live.append(
      legend([
        { line: "#1f2937", text: "f" },
        { line: SECANT, text: "secant, and its slope's error" },
        { line: TANGENT, dashed: true, text: "tangent" },
        { line: "#6b7280", dashed: true, text: "truncation ½|f″|h and rounding ε/h" },
      ]),
      this.readout,
    );
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
    const { x: at, h } = answer.settings;
    const curve = answer.curve;
    const ys = curve.map(([, y]) => y);
    const [low, high] = [Math.min(...ys), Math.max(...ys)];
    const pad = 0.12 * (high - low || 1);
    const x = linear([curve[0][0], curve[curve.length - 1][0]], [0, PLANE.width]);
    const y = linear([low - pad, high + pad], [PLANE.height, 0]);
    const line = (slope) =>
      pathOf(
        [curve[0][0], curve[curve.length - 1][0]].map((t) => [t, answer.fx + slope * (t - at)]),
        x,
        y,
      );
    this.curve.setAttribute("d", pathOf(curve, x, y));
    this.secant.setAttribute("d", Number.isFinite(answer.secant) ? line(answer.secant) : "");
    this.tangent.setAttribute("d", line(answer.exact));
    this.ends.replaceChildren(
      ...[
        [at, answer.fx],
        [at + h, answer.f_x_plus_h],
      ].map(([px, py]) => svgElement("circle", { cx: x(px), cy: y(py), r: 4, class: "bp-chart__dot" })),
    );
    drawAxes(this.plane, x, y, { xLabel: "x", yLabel: "y", xTicks: 5, yTicks: 4 });
    this.drawErrors(answer);
    const formula = answer.formula;
    this.readout.textContent = `Secant slope (f(x + h) − f(x))/h = ${significant(answer.secant, 10)}; f′(${at}) = ${significant(answer.exact, 10)}; error ${significant(answer.secant_error, 2)}. The central difference, backprop.derivative(f, x, h), is ${significant(answer.central, 10)} (error ${significant(answer.central_error, 2)}).`;
    this.status.textContent = answer.verdict;
    this.plane.describe(
      `f(x) = ${formula} near x = ${at}: the secant to x + h = ${significant(at + h, 6)} has slope ${significant(answer.secant, 6)}, the tangent ${significant(answer.exact, 6)}.`,
    );
    this.caption = `Live: f(x) = ${formula} at x = ${at} with h = ${h.toExponential(1)}; the secant slope is ${significant(answer.secant, 6)} ${answer.secant === answer.exact ? "=" : "against"} f′(x) = ${factor(significant(answer.exact, 6))}, computed in this page's Python by backprop.`;
  }

  drawErrors(answer) {
    const steps = answer.errors;
    const x = clampedLog([steps[0][0], steps[steps.length - 1][0]], [0, ERRORS.width]);
    const errors = steps.map(([, error]) => error).filter((e) => e > 0 && Number.isFinite(e));
    const high = 10 ** Math.ceil(Math.log10(Math.max(...errors, 1)));
    const y = clampedLog([1e-17, high], [ERRORS.height, 0]);
    const points = steps.map(([step, error]) => [step, Math.max(error, SMALLEST)]);
    this.errorPath.setAttribute("d", pathOf(points, x, y));
    const h = answer.settings.h;
    const ends = [steps[0][0], steps[steps.length - 1][0]];
    const reference = (size) =>
      pathOf(
        ends.map((step) => [step, Math.max(size(step), SMALLEST)]),
        x,
        y,
      );
    this.truncation.setAttribute(
      "d",
      reference((step) => (answer.truncation * step) / h),
    );
    this.rounding.setAttribute(
      "d",
      reference((step) => (answer.rounding * h) / step),
    );
    this.here.setAttribute("cx", x(h));
    this.here.setAttribute("cy", y(Math.max(answer.secant_error, SMALLEST)));
    drawAxes(this.errors, x, y, {
      xLabel: "step h",
      yLabel: "error",
      xTicks: 4,
      yTicks: 4,
      xFormat: powerOfTen,
      yFormat: powerOfTen,
    });
    this.errors.describe(
      `At h = ${h.toExponential(1)} the secant slope's error is ${significant(answer.secant_error, 2)}. ${answer.verdict}`,
    );
  }
}

export { SecantExplorer as Explorer };
