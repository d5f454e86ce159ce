// Renders TeX to MathML for the build, with Temml. One JSON request per line on stdin:
//   [{"tex": "...", "display": true}, ...]
// One JSON answer per line on stdout: [{"html": "<math>...</math>"} | {"error": "..."}, ...]
// Kept running for the whole build, so Node starts once, not once per formula.
//
// MathML, not KaTeX's HTML: browsers lay it out natively (MathML Core) with the book's math
// font, in about half the elements of KaTeX's HTML-and-MathML output, and screen readers read
// it. `annotate` keeps the TeX in an <annotation>, which copy and paste use.
import temml from "temml";
import { createInterface } from "node:readline";
import { breakableInline } from "./tex_breaks.mjs";

function render({ tex, display }) {
  try {
    const whole = temml.renderToString(tex, { displayMode: display, throwOnError: true, annotate: true });
    return { html: display ? whole : breakableInline(tex, whole) };
  } catch (error) {
    return { error: String(error.message || error) };
  }
}

const lines = createInterface({ input: process.stdin });
lines.on("line", (line) => {
  process.stdout.write(`${JSON.stringify(JSON.parse(line).map(render))}\n`);
});
