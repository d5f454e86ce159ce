// A legend in HTML, under a chart: each entry a small drawn swatch (a line, dashed or not, or a
// point's shape) and its words. The swatch is decoration (aria-hidden); the words say it all.
import { element } from "../cell-view.js";
import { svgElement } from "./charts.js";

function swatch({ line, dashed = false, shape, colour = "#4b5563" }) {
  const svg = svgElement("svg", { viewBox: "0 0 24 12", width: 24, height: 12, "aria-hidden": "true" });
  if (line) {
    svg.append(
      svgElement("line", {
        x1: 1,
        y1: 6,
        x2: 23,
        y2: 6,
        stroke: line,
        "stroke-width": 2.5,
        ...(dashed ? { "stroke-dasharray": "4 3" } : {}),
      }),
    );
  } else if (shape === "square") {
    svg.append(svgElement("rect", { x: 8, y: 2, width: 8, height: 8, fill: colour }));
  } else {
    svg.append(svgElement("circle", { cx: 12, cy: 6, r: 4, fill: colour }));
  }
  return svg;
}

export function legend(entries, label = "Legend") {
  const list = element("ul", { class: "bp-legend", "aria-label": label });
  for (const entry of entries) {
    const item = element("li");
    item.append(swatch(entry), ` ${entry.text}`);
    list.append(item);
  }
  return list;
}
