"""```` ```mermaid ```` diagrams, drawn when the book is built, as SVG inside the page.

The page then needs no script and nothing from another origin, and the diagram prints in the PDF.
@mermaid-js/mermaid-cli draws each diagram in headless Chromium (mermaid_render.mjs: one Node
process and one browser per build, started only when a diagram is not cached yet, with every
network request sent to a dead proxy, so drawing is offline). Each SVG is kept in
.cache/diagrams/ under the hash of its definition and of the renderer, so an unchanged diagram
is never drawn again. A diagram Mermaid cannot parse fails the build, naming the file and line.

Configured in mkdocs.yml as a pymdownx.superfences custom fence (name `mermaid`).
"""

from __future__ import annotations

import atexit
import hashlib
import json
import re
import subprocess
from pathlib import Path

from bookbuild.harness.browser import CHROMIUM_FLAGS, INSTALL_HINT, chromium_path
from bookbuild.markdown.book_error import BookError
from bookbuild.markdown.source_location import page_source
from bookbuild.paths import ROOT

CACHE = ROOT / ".cache" / "diagrams"
RENDERER = Path(__file__).with_name("mermaid_render.mjs")
MERMAID_CLI = ROOT / "node_modules" / "@mermaid-js" / "mermaid-cli" / "package.json"
OFFLINE_FLAGS = ["--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>"]
STACK_LINE = re.compile(r"^\s*at\s|mermaid-cli-intercept")


class RendererError(RuntimeError):
    pass


def validate(language, inputs, options, attrs, md) -> bool:
    if inputs:
        options["mistake"] = f"a mermaid diagram takes no options (found {sorted(inputs)})"
    return True


def format_diagram(source, language, css_class, options, md, **kwargs) -> str:
    page = page_source(md)
    where = page.where(page.find_block(source))
    if options.get("mistake"):
        raise BookError(where, options["mistake"])
    key = diagram_key(source)
    cached = CACHE / f"{key}.svg"
    if cached.exists():
        svg = cached.read_text(encoding="utf-8")
    else:
        try:
            answer = MERMAID.render(source, f"diagram-{key[:12]}")
        except RendererError as error:
            raise BookError(where, str(error)) from None
        if "error" in answer:
            raise BookError(where, f"Mermaid cannot draw this diagram: {answer['error']}")
        svg = answer["svg"]
        CACHE.mkdir(parents=True, exist_ok=True)
        temporary = cached.with_suffix(".tmp")
        temporary.write_text(svg, encoding="utf-8")
        temporary.replace(cached)
    return f'<figure class="bp-diagram">{svg}</figure>'


def diagram_key(definition: str) -> str:
    digest = hashlib.sha256(definition.encode())
    digest.update(RENDERER.read_bytes())
    digest.update(MERMAID_CLI.read_bytes() if MERMAID_CLI.exists() else b"")
    return digest.hexdigest()


def without_stack(error: str) -> str:
    """Mermaid's message without the stack of its bundled code."""
    return "\n".join(line for line in error.splitlines() if not STACK_LINE.search(line)).strip()


class MermaidProcess:
    """A Node process running mermaid_render.mjs, started on first use and kept for the build."""

    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None

    def render(self, definition: str, svg_id: str) -> dict:
        if self.process is None or self.process.poll() is not None:
            self.process = self.start()
        self.process.stdin.write(json.dumps({"definition": definition, "id": svg_id}) + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        if not answer:
            raise RendererError(
                "the diagram renderer stopped: is `npm ci` done (@mermaid-js/mermaid-cli)?"
            )
        answer = json.loads(answer)
        if "error" in answer:
            answer["error"] = without_stack(answer["error"])
        return answer

    def start(self) -> subprocess.Popen:
        executable = chromium_path() or playwright_chromium()
        process = subprocess.Popen(
            ["node", str(RENDERER), executable, *CHROMIUM_FLAGS, *OFFLINE_FLAGS],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        atexit.register(stop, process)
        return process


def stop(process: subprocess.Popen) -> None:
    """End of input: the renderer closes its browser and exits; killed if it has not in 10 s."""
    try:
        process.stdin.close()
        process.wait(timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        process.kill()


def playwright_chromium() -> str:
    """Playwright's own Chromium, where the system has none (see bookbuild.harness.browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        executable = playwright.chromium.executable_path
    if not Path(executable).exists():
        raise RendererError("diagrams are drawn with Chromium. " + INSTALL_HINT)
    return executable


MERMAID = MermaidProcess()
