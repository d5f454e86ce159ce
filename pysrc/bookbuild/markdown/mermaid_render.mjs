// Renders Mermaid diagrams to SVG for the build, with @mermaid-js/mermaid-cli driving headless
// Chromium. Started with the Chromium executable and its flags as arguments; one JSON request per
// line on stdin: {"definition": "...", "id": "..."}; one JSON answer per line on stdout:
// {"svg": "..."} | {"error": "..."}. Kept running for the whole build, so Chromium starts once.
import { renderMermaid } from "@mermaid-js/mermaid-cli";
import puppeteer from "puppeteer";
import { createInterface } from "node:readline";

const [executablePath, ...args] = process.argv.slice(2);
let browser = null;

async function render({ definition, id }) {
  try {
    // pipe: Chromium talks to Node over a pipe, and exits when the pipe closes, so no browser
    // outlives this process, however it ends.
    browser ??= await puppeteer.launch({ executablePath, args, headless: true, pipe: true });
    const { data } = await renderMermaid(browser, definition, "svg", { svgId: id, backgroundColor: "white" });
    return { svg: new TextDecoder().decode(data) };
  } catch (error) {
    return { error: String(error?.message || error) };
  }
}

// One request at a time, in order: the build waits for each answer.
let queue = Promise.resolve();
const lines = createInterface({ input: process.stdin });
lines.on("line", (line) => {
  queue = queue.then(async () => process.stdout.write(`${JSON.stringify(await render(JSON.parse(line)))}\n`));
});
lines.on("close", () => queue.then(() => browser?.close()));
