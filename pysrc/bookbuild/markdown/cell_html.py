"""A cell's static HTML: the highlighted code, the original source and the build-time output.

It reads well without JavaScript and in print; the browser runtime (runtime/page/) takes the
element over by its hooks: `data-cell` (the id), `data-source`, `data-source-hash`,
`data-static-output`, `data-expects-error`, `data-exercise-cell`, `data-needs` (the ids of the
cells it needs on a fresh page, as the build proved), `data-declared-needs` (what its author
declared), and the classes `bp-cell` and `bp-cell__code`. Each cell is an anchor (`id`
"cell-ID"), which a message about a cell links to. A hidden cell (`hide`) has its code inside a
closed <details>; the runtime opens the editor there.
"""

from __future__ import annotations

import functools
import hashlib
import html

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer

from bookbuild.markdown.build_session import BuildCellResult

# The same markup as Material's own code blocks, so cells look like the rest of the book.
CODE_FORMATTER = HtmlFormatter(cssclass="language-python highlight", wrapcode=True)
HIDDEN_CODE_SUMMARY = "Show the code"
# The toolbar's place, kept as tall as the runtime's toolbar (styles/cells.css), so that nothing
# below it moves when the runtime fills it with Run, Stop and Reset.
TOOLBAR_PLACE = '<div class="bp-cell__toolbar" data-cell-toolbar></div>'


def render_cell(
    cell_id: str,
    source: str,
    result: BuildCellResult,
    expects_error: bool,
    hide_code: bool,
    *,
    exercise: bool = False,
    needs: tuple[str, ...] = (),
    declared_needs: tuple[str, ...] = (),
) -> str:
    """`exercise`: the cell of an exercise (bookbuild.markdown.exercise_block),
    `data-exercise-cell`."""
    source_hash = hashlib.sha256(source.encode()).hexdigest()[:16]
    attributes = f'id="{anchor(cell_id)}" data-cell="{html.escape(cell_id)}"'
    attributes += f' data-source-hash="{source_hash}" data-needs="{html.escape(" ".join(needs))}"'
    if declared_needs:
        attributes += f' data-declared-needs="{html.escape(" ".join(declared_needs))}"'
    attributes += f' data-source="{html.escape(source)}"'
    if expects_error:
        attributes += " data-expects-error"
    if exercise:
        attributes += " data-exercise-cell"
    code = f'<div class="bp-cell__code">{highlighted(source)}</div>'
    if hide_code:
        code = (
            '<details class="bp-cell__hidden-code">'
            f"<summary>{HIDDEN_CODE_SUMMARY}</summary>{code}</details>"
        )
    static_output = render_static_output(result)
    return f'<div class="bp-cell" {attributes}>{code}{TOOLBAR_PLACE}{static_output}</div>'


def anchor(cell_id: str) -> str:
    """The cell's anchor in the page: "cell-3" stays "cell-3"; "tangent" becomes "cell-tangent"
    (and an exercise's cell "cell-exercise-ID": its section is "exercise-ID")."""
    return html.escape(cell_id if cell_id.startswith("cell-") else f"cell-{cell_id}")


@functools.lru_cache(maxsize=4096)
def highlighted(source: str) -> str:
    """Pygments' HTML for a cell's code; remembered, as `make serve` rebuilds the same cells."""
    return highlight(source, PythonLexer(), CODE_FORMATTER)


def render_static_output(result: BuildCellResult) -> str:
    parts = []
    if result.output:
        parts.append(f'<pre class="bp-output__text">{html.escape(result.output)}</pre>')
    if result.error:
        error = html.escape(result.error)
        parts.append(f'<pre class="bp-output__text bp-output__error">{error}</pre>')
    for image in result.images:
        parts.append(
            f'<img class="bp-output__image" src="{image.data_uri}" alt="{html.escape(image.alt)}">'
        )
    if not parts:
        return '<div class="bp-cell__static" data-static-output hidden></div>'
    label = '<p class="bp-cell__label">Output computed when the book was built</p>'
    return f'<div class="bp-cell__static" data-static-output>{label}{"".join(parts)}</div>'
