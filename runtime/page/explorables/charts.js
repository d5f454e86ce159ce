// The explorables' charts: SVG drawn with d3's scales, shapes, contours and axes. Every figure is
// an <svg role="img"> with a <title> and a <desc> that say what it shows in words.
import { axisBottom, axisLeft } from "d3-axis";
import { contours } from "d3-contour";
import { scaleLinear, scaleLog } from "d3-scale";
import { select } from "d3-selection";
import { line } from "d3-shape";

const SVG = "http://www.w3.org/2000/svg";

export function svgElement(tag, attributes = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

// The widest chart, margins included: shown at most 1:1 (CSS max-width), a chart is never
// scaled up, and in a 330 px phone column its 13 px text is still 13 × 330 / 400 ≈ 10.7 px
// (issue 18: at least 9 px on a phone, 11 px on a desktop column).
export const WIDEST = 400;

// A chart: an accessible <svg> with an inner plotting area `plot` of width × height.
export function chart(parent, { width, height, margin = { top: 10, right: 12, bottom: 38, left: 52 }, title }) {
  const outerWidth = width + margin.left + margin.right;
  if (outerWidth > WIDEST) throw new Error(`a chart ${outerWidth} wide would shrink its text on a phone`);
  const svg = svgElement("svg", {
    viewBox: `0 0 ${outerWidth} ${height + margin.top + margin.bottom}`,
    role: "img",
    class: "bp-chart",
    style: `--chart-width: ${outerWidth}px`,
  });
  const titleNode = svgElement("title");
  titleNode.textContent = title;
  const description = svgElement("desc");
  const plot = svgElement("g", { transform: `translate(${margin.left},${margin.top})` });
  const axes = svgElement("g", { transform: `translate(${margin.left},${margin.top})`, class: "bp-chart__axes" });
  svg.append(titleNode, description, axes, plot);
  parent.append(svg);
  return { svg, plot, axes, width, height, margin, describe: (text) => (description.textContent = text) };
}

export function linear(domain, range) {
  return scaleLinear().domain(domain).range(range);
}

// A log scale for values that can overflow or reach 0: clamped, so every point stays drawable.
export function clampedLog(domain, range) {
  return scaleLog().domain(domain).range(range).clamp(true);
}

const SUPERSCRIPT = { "-": "⁻", 0: "⁰", 1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶", 7: "⁷", 8: "⁸", 9: "⁹" };

// A log axis's labels: 1, 10, 10⁻⁵ (and nothing between powers of ten).
export function powerOfTen(value) {
  const exponent = Math.log10(value);
  if (Math.abs(exponent - Math.round(exponent)) > 1e-9) return "";
  const rounded = Math.round(exponent);
  if (rounded === 0 || rounded === 1) return String(10 ** rounded);
  return `10${[...String(rounded)].map((c) => SUPERSCRIPT[c]).join("")}`;
}

// Axes with d3's ticks; a format is a d3 format string or a function (e.g. powerOfTen).
// Drawn again only when a scale or a label changed: a redraw that keeps them costs nothing here.
export function drawAxes(figure, x, y, { xLabel, yLabel, xTicks = 6, yTicks = 5, xFormat, yFormat }) {
  const key = JSON.stringify([x.domain(), x.range(), y.domain(), y.range(), xLabel, yLabel, xTicks, yTicks]);
  if (figure.axesKey === key) return;
  figure.axesKey = key;
  figure.axes.replaceChildren();
  const bottom = svgElement("g", { transform: `translate(0,${figure.height})` });
  const left = svgElement("g");
  figure.axes.append(bottom, left);
  select(bottom).call(xFormat ? axisBottom(x).ticks(xTicks, xFormat) : axisBottom(x).ticks(xTicks));
  select(left).call(yFormat ? axisLeft(y).ticks(yTicks, yFormat) : axisLeft(y).ticks(yTicks));
  const xText = svgElement("text", {
    x: figure.width / 2,
    y: figure.height + 34,
    "text-anchor": "middle",
    class: "bp-chart__label",
  });
  xText.textContent = xLabel;
  const yText = svgElement("text", {
    transform: `translate(${-figure.margin.left + 12},${figure.height / 2}) rotate(-90)`,
    "text-anchor": "middle",
    class: "bp-chart__label",
  });
  yText.textContent = yLabel;
  figure.axes.append(xText, yText);
}

// Contour lines of a grid {x: [...], y: [...], z: [rows along y]} at the given levels.
export function contourPaths(grid, levels, x, y) {
  const columns = grid.x.length;
  const rows = grid.y.length;
  const values = grid.z.flat();
  const toX = linear([0, columns - 1], [x(grid.x[0]), x(grid.x[columns - 1])]);
  const toY = linear([0, rows - 1], [y(grid.y[0]), y(grid.y[rows - 1])]);
  return contours()
    .size([columns, rows])
    .thresholds(levels)(values)
    .map((polygon) => {
      let d = "";
      for (const shape of polygon.coordinates) {
        for (const ring of shape) {
          d +=
            ring.map(([i, j], k) => `${k ? "L" : "M"}${toX(i - 0.5).toFixed(1)},${toY(j - 0.5).toFixed(1)}`).join("") +
            "Z";
        }
      }
      return { level: polygon.value, d };
    });
}

// An SVG path through points [[x, y], ...] on the given scales.
export function pathOf(points, x, y) {
  return line()
    .x(([px]) => x(px))
    .y(([, py]) => y(py))(points);
}

// Redraws at most once per animation frame, and counts each redraw in data-frame.
export class Redrawer {
  constructor(root, draw) {
    this.root = root;
    this.draw = draw;
    this.pending = 0;
  }

  request() {
    this.pending ||= requestAnimationFrame(() => this.now());
  }

  now() {
    cancelAnimationFrame(this.pending);
    this.pending = 0;
    this.draw();
    this.root.dataset.frame = String(Number(this.root.dataset.frame || 0) + 1);
  }
}
