// A small network drawn as TensorFlow Playground draws one: a column of units per layer, a line
// per weight. Each unit shows its name and the numbers known so far (x; a and δ); each weight's
// line is grey until its gradient ∂L/∂w is known, then orange (positive) or blue (negative), as
// thick as its size relative to the largest in the network. A click on a line selects that
// weight (`onSelect(l, k, j)`, W^[l]_kj counted from 1); wide transparent lines over the thin
// ones make it easy to hit.
import { chart, svgElement } from "./charts.js";
import { decimals, significant } from "./numbers.js";

const WIDTH = 336;
const RADIUS = 17;
const UNIT_HEIGHT = 2 * RADIUS + 32; // a unit with its two lines of numbers under it
const POSITIVE = "#c2410c";
const NEGATIVE = "#1d4ed8";
const UNKNOWN = "#9ca3af";

export class NetworkDiagram {
  constructor(parent, { onSelect }) {
    this.parent = parent;
    this.onSelect = onSelect;
    this.shape = "";
  }

  // Units' centres: columns evenly spread, each column's units centred, UNIT_HEIGHT apart.
  layout(sizes, height) {
    return sizes.map((size, l) =>
      Array.from({ length: size }, (_, j) => [
        RADIUS + (l * (WIDTH - 2 * RADIUS)) / (sizes.length - 1),
        RADIUS + (height - UNIT_HEIGHT) / 2 + (j - (size - 1) / 2) * UNIT_HEIGHT,
      ]),
    );
  }

  // Lines and units made once per network shape; later draws change their colours and texts.
  build(sizes, names) {
    const shape = `${sizes.join("-")} ${names.units.flat().join(" ")}`;
    if (shape === this.shape) return;
    this.shape = shape;
    const height = Math.max(...sizes) * UNIT_HEIGHT;
    const old = this.figure?.svg;
    this.figure = chart(this.parent, {
      width: WIDTH,
      height,
      margin: { top: 6, right: 46, bottom: 0, left: 10 },
      title: "The network: units with their values, and each weight's line coloured by its gradient",
    });
    this.figure.svg.classList.add("bp-chart--network");
    if (old) old.replaceWith(this.figure.svg);
    this.positions = this.layout(sizes, height);
    this.lines = [];
    const lines = svgElement("g");
    const targets = svgElement("g");
    for (let l = 1; l < sizes.length; l += 1) {
      this.lines[l] = [];
      for (let k = 0; k < sizes[l - 1]; k += 1) {
        this.lines[l][k] = [];
        for (let j = 0; j < sizes[l]; j += 1) {
          const [x1, y1] = this.positions[l - 1][k];
          const [x2, y2] = this.positions[l][j];
          const line = svgElement("line", {
            x1,
            y1,
            x2,
            y2,
            class: "bp-chart__weight",
            "data-weight": `${l},${k + 1},${j + 1}`,
          });
          const target = svgElement("line", { x1, y1, x2, y2, class: "bp-chart__weight-target" });
          target.addEventListener("click", () => this.onSelect(l, k + 1, j + 1));
          lines.append(line);
          targets.append(target);
          this.lines[l][k][j] = line;
        }
      }
    }
    this.units = [];
    const units = svgElement("g");
    this.positions.forEach((column, l) => {
      this.units[l] = column.map(([cx, cy], j) => {
        const group = svgElement("g", { class: "bp-chart__neuron" });
        group.append(
          svgElement("circle", { cx, cy, r: RADIUS, class: l === 0 ? "bp-chart__input" : "bp-chart__unit" }),
        );
        const name = svgElement("text", { x: cx, y: cy + 4.5, "text-anchor": "middle", class: "bp-chart__name" });
        name.textContent = names.units[l][j];
        const first = svgElement("text", { x: cx, y: cy + RADIUS + 14, "text-anchor": "middle" });
        const second = svgElement("text", {
          x: cx,
          y: cy + RADIUS + 28,
          "text-anchor": "middle",
          class: "bp-chart__delta",
        });
        group.append(name, first, second);
        units.append(group);
        return { first, second };
      });
    });
    this.targetTexts = this.positions[sizes.length - 1].map(([cx, cy]) => {
      const text = svgElement("text", { x: cx + RADIUS + 4, y: cy + 4.5, class: "bp-chart__target" });
      units.append(text);
      return text;
    });
    this.figure.plot.replaceChildren(lines, units, targets);
  }

  // `known`: what the current step has computed, {forward: layers with Z and A known,
  // deltas: layers with δ known, gradients: layers with ∂L/∂W known}.
  draw(trace, known, selected) {
    const { sizes, layers } = trace;
    this.build(sizes, trace.names);
    const largest = Math.max(
      ...layers.flatMap((layer, l) => (known.gradients.has(l + 1) ? layer.dW.flat().map(Math.abs) : [])),
      1e-300,
    );
    for (let l = 1; l < sizes.length; l += 1) {
      layers[l - 1].dW.forEach((row, k) => {
        row.forEach((gradient, j) => {
          const line = this.lines[l][k][j];
          const isKnown = known.gradients.has(l);
          line.setAttribute("stroke", isKnown ? (gradient >= 0 ? POSITIVE : NEGATIVE) : UNKNOWN);
          line.setAttribute("stroke-width", isKnown ? (1 + (7 * Math.abs(gradient)) / largest).toFixed(2) : 1.5);
          const isSelected = selected && selected.l === l && selected.k === k + 1 && selected.j === j + 1;
          line.classList.toggle("bp-chart__weight--selected", Boolean(isSelected));
        });
      });
    }
    this.units[0].forEach((unit, j) => {
      unit.first.textContent = `x ${significant(trace.x[0][j], 4)}`;
      unit.second.textContent = "";
    });
    for (let l = 1; l < sizes.length; l += 1) {
      const layer = layers[l - 1];
      this.units[l].forEach((unit, j) => {
        unit.first.textContent = known.forward.has(l) ? `a ${decimals(layer.A[0][j], 4)}` : "";
        unit.second.textContent = known.deltas.has(l) ? `δ ${significant(layer.delta[0][j], 3)}` : "";
      });
    }
    this.targetTexts.forEach((text, j) => {
      text.textContent = `y ${significant(trace.y[0][j], 3)}`;
    });
    this.figure.describe(
      `A ${sizes.join("-")} network. ${known.gradients.size ? `Weights coloured by the sign of their gradient, thickest ${significant(largest, 3)}.` : "No gradient computed yet."}`,
    );
  }
}
