"""Mermaid diagrams are drawn at build time into the page: offline, cached, errors located.

That a diagram appears in the PDF is in tests/pdf/test_book_content.py.
"""

from __future__ import annotations

import re
import time
import uuid
from pathlib import Path

from bookbuild.markdown import mermaid_fence
from tests.book.test_light_pages import has_katex_html

DIAGRAM = "```mermaid\nflowchart LR\n  forward[forward pass] --> backward[backward pass]\n```\n"


def test_a_diagram_becomes_an_accessible_svg_in_the_page_with_nothing_from_elsewhere(book):
    built = book({"diagram.md": "# Diagram\n\n" + DIAGRAM})
    result = built.build()
    assert result.returncode == 0, result.stdout + result.stderr
    page = built.page("diagram.md")
    svg = re.search(r'<figure class="bp-diagram">(<svg\b.*?</svg>)</figure>', page, re.S)
    assert svg, "no inline SVG diagram in the page"
    assert 'role="graphics-document' in svg[1] and "backward pass" in svg[1]
    loads = re.findall(
        r'(?:href|src)\s*=\s*"(?!#|data:)([^"]+)"|url\(\s*[\'"]?(?!#|data:)([^\'")]+)', svg[1]
    )
    assert not loads, f"the diagram loads {loads}"
    assert "<script" not in page.split("<article", 1)[1].split("</article>", 1)[0]
    assert not has_katex_html(page), "a diagram's `.katex` style rule is not KaTeX's HTML"


def test_a_drawn_diagram_is_kept_and_not_drawn_again(monkeypatch):
    source = "flowchart LR\n  kept --> again\n"
    mermaid_fence.format_diagram(source, "mermaid", "mermaid", {}, md=_markdown())
    cached = mermaid_fence.CACHE / f"{mermaid_fence.diagram_key(source)}.svg"
    assert cached.exists()

    def refuse(*args):
        raise AssertionError("an unchanged diagram was drawn again")

    monkeypatch.setattr(mermaid_fence.MERMAID, "render", refuse)
    html = mermaid_fence.format_diagram(source, "mermaid", "mermaid", {}, md=_markdown())
    assert "again" in html


def test_the_renderer_cannot_reach_the_network():
    assert "--proxy-server=http://127.0.0.1:9" in mermaid_fence.OFFLINE_FLAGS


def test_a_diagram_mermaid_cannot_parse_names_its_line(book):
    page = "# Diagram\n\nText.\n\n```mermaid\nflowchart LR\n  a -->\n```\n"
    log = book({"diagram.md": page}).failed_build()
    assert "diagram.md:5: Mermaid cannot draw this diagram" in log and "Parse error" in log
    assert "mermaid-cli-intercept" not in log, "the message leaves out Mermaid's bundled stack"


def _markdown():
    import markdown

    return markdown.Markdown()


def diagram_browsers() -> set[int]:
    """Chromium processes that puppeteer started (their profile directory says so)."""
    found = set()
    for entry in Path("/proc").iterdir():
        try:
            command = (entry / "cmdline").read_bytes()
        except (OSError, ValueError):
            continue
        if entry.name.isdigit() and b"puppeteer_dev_chrome_profile" in command:
            found.add(int(entry.name))
    return found


def test_no_browser_outlives_the_build_that_drew_a_diagram(book):
    before = diagram_browsers()
    unique = f"flowchart LR\n  drawn{uuid.uuid4().hex[:8]} --> closed\n"  # never cached
    result = book({"diagram.md": f"# Diagram\n\n```mermaid\n{unique}```\n"}).build()
    assert result.returncode == 0, result.stdout + result.stderr
    deadline = time.monotonic() + 120  # until it has gone; only a hang waits this long
    while diagram_browsers() - before and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not diagram_browsers() - before, "the diagram renderer's Chromium is still running"
