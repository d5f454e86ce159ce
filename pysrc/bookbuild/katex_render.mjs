// Renders TeX to KaTeX HTML for the build. One JSON request per line on stdin:
//   [{"tex": "...", "display": true}, ...]
// One JSON answer per line on stdout: [{"html": "..."} | {"error": "..."}, ...]
// Kept running for the whole build, so Node starts once, not once per formula.
import katex from "katex";
import { createInterface } from "node:readline";

function render({ tex, display }) {
  try {
    return { html: katex.renderToString(tex, { displayMode: display, throwOnError: true, output: "htmlAndMathml" }) };
  } catch (error) {
    return { error: String(error.message || error) };
  }
}

const lines = createInterface({ input: process.stdin });
lines.on("line", (line) => {
  process.stdout.write(JSON.stringify(JSON.parse(line).map(render)) + "\n");
});
