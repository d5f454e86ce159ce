"""A chapter's cells and exercises in the order its Markdown has them."""

from __future__ import annotations

import re

from bookbuild.exercise_source import find_exercises
from bookbuild.page_source import PageSource

CELL_OPENING = re.compile(r"^(?P<indent>[ \t]*)```python cell(?P<options>[^\n]*)$")


def page_items(page):
    """The page's cells and exercises in document order: ("cell", code) or ("exercise", e)."""
    lines = page.source.read_text().split("\n")
    starts = {e.start: e for e in find_exercises(lines, PageSource(page.markdown, 1))}
    index = 0
    while index < len(lines):
        if index in starts:
            yield "exercise", starts[index]
            index = starts[index].end
            continue
        opening = CELL_OPENING.match(lines[index])
        if not opening:
            index += 1
            continue
        indent = opening["indent"]
        end = next(i for i in range(index + 1, len(lines)) if lines[i] == f"{indent}```")
        yield "cell", "\n".join(line[len(indent) :] for line in lines[index + 1 : end])
        index = end + 1
