"""Math rendered at build time: pymdownx.arithmatex (generic) output becomes MathML (Temml).

Formulas then show without JavaScript, offline and in the PDF; the browser lays the MathML out
itself with the book's math font (STIX Two Math, styles/math.css), which the site serves,
subset to the glyphs the book uses (bookbuild.site.math_font). A formula Temml cannot parse fails
the build, naming the Markdown file and line. Each formula is rendered once per process: `make
serve`'s rebuilds reuse what the previous build rendered.

On a narrow screen a long inline formula may break across lines (tex_breaks.mjs), but the
punctuation right after a formula stays on its line: it is wrapped with the formula's last
piece in a `bp-math-punctuated` span, which does not break (styles/math.css).
"""

from __future__ import annotations

import atexit
import html
import json
import re
import subprocess
from pathlib import Path

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

from bookbuild.markdown.book_error import BookError
from bookbuild.markdown.source_location import page_source, remember_page_source

RENDERER = Path(__file__).with_name("tex_render.mjs")
# arithmatex's generic output: \( \) in a span for inline math, with the punctuation that follows
# it, and \[ \] in a div for display math.
ARITHMATEX = re.compile(
    r'<span class="arithmatex">\\\((?P<inline>.*?)\\\)</span>(?P<punctuation>[.,;:!?)\]]*)'
    r'|<div class="arithmatex">\\\[(?P<display>.*?)\\\]</div>',
    re.DOTALL,
)


class MathError(RuntimeError):
    pass


class TexProcess:
    """A Node process running tex_render.mjs, started on first use and kept for the build."""

    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None
        self.rendered: dict[tuple[str, bool], dict] = {}

    def render(self, formulas: list[dict]) -> list[dict]:
        """Temml's answer for each formula; only formulas not rendered before go to Node."""
        missing = list(
            {
                (f["tex"], f["display"]): f for f in formulas if self.key(f) not in self.rendered
            }.values()
        )
        if missing:
            for formula, answer in zip(missing, self.render_in_node(missing), strict=True):
                self.rendered[self.key(formula)] = answer
        return [self.rendered[self.key(formula)] for formula in formulas]

    @staticmethod
    def key(formula: dict) -> tuple[str, bool]:
        return formula["tex"], formula["display"]

    def render_in_node(self, formulas: list[dict]) -> list[dict]:
        if self.process is None or self.process.poll() is not None:
            self.process = subprocess.Popen(
                ["node", str(RENDERER)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                cwd=RENDERER.parent,
            )
            atexit.register(self.process.kill)
        self.process.stdin.write(json.dumps(formulas) + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        if not answer:
            raise MathError("the math renderer stopped: is `npm ci` done (node_modules/temml)?")
        return json.loads(answer)


TEX = TexProcess()


class MathPostprocessor(Postprocessor):
    def run(self, text: str) -> str:
        matches = list(ARITHMATEX.finditer(text))
        if not matches:
            return text
        formulas = [
            {
                "tex": html.unescape(match["display"] or match["inline"] or ""),
                "display": match["display"] is not None,
            }
            for match in matches
        ]
        rendered = iter(TEX.render(formulas))

        def replace(match: re.Match) -> str:
            answer = next(rendered)
            if "error" in answer:
                tex = html.unescape(match["display"] or match["inline"] or "")
                source = page_source(self.md)
                raise BookError(
                    source.where(source.find_text(tex)),
                    f"the formula {tex!r} is not valid TeX (Temml): {answer['error']}",
                )
            if match["display"] is not None:
                return f'<div class="arithmatex">{answer["html"]}</div>'
            formula, punctuation = answer["html"], match["punctuation"]
            if punctuation:  # the last piece and its punctuation, together
                last = formula.rindex("<math")
                bound = f'<span class="bp-math-punctuated">{formula[last:]}{punctuation}</span>'
                formula = formula[:last] + bound
            return f'<span class="arithmatex">{formula}</span>'

        return ARITHMATEX.sub(replace, text)


class MathExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        remember_page_source(md)
        # After raw HTML is restored (priority 30), where arithmatex's display math sits.
        md.postprocessors.register(MathPostprocessor(md), "bookbuild_math", 25)


def makeExtension(**kwargs) -> MathExtension:  # noqa: N802 - Python-Markdown's entry point name
    return MathExtension(**kwargs)
