"""`[2.18]{.printed}`: a number in the prose that a cell of the same page prints.

An author who quotes a cell's result in the prose marks it so (the bracketed-span syntax of
Pandoc, for this one class). The reader sees the number alone. The build checks that some cell
of the page printed a number that rounds to it, at the precision written: `[2.18]{.printed}`
matches a printed `2.1800` or `2.1843`, `[5.63e-09]{.printed}` a printed `5.63e-09`. When no
cell does (the cell changed, or the prose did), the build warns with the file and line, so
`mkdocs build --strict` (make build, make test) fails; `make serve` shows the warning.
"""

from __future__ import annotations

import logging
import re

from markdown import Extension, Markdown
from markdown.inlinepatterns import InlineProcessor

from bookbuild.markdown.extension import BookExtension
from bookbuild.markdown.source_location import page_markdown, page_source
from bookbuild.markdown.whole_page import on_whole_page

LOG = logging.getLogger("mkdocs.bookbuild")
NUMBER = r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?"
MARKED = re.compile(r"\[(" + NUMBER + r")\]\{\s*\.printed\s*\}")
PRINTED = re.compile(NUMBER)
MARKED_ATTRIBUTE = "bookbuild_printed_numbers"


def rounds_to(printed: str, written: str) -> bool:
    """`printed` is `written` at the precision `written` shows: "2.18" allows 2.175 to 2.185,
    "44" allows 43.5 to 44.5, "5.63e-09" allows 5.625e-09 to 5.635e-09."""
    mantissa, _, exponent = written.lower().partition("e")
    unit = 10.0 ** (int(exponent or 0) - len(mantissa.partition(".")[2]))
    return abs(float(printed) - float(written)) <= 0.5 * unit + 1e-12 * abs(float(written))


def marked_numbers(md: Markdown) -> list[str]:
    page = page_markdown(md)
    if not hasattr(page, MARKED_ATTRIBUTE):
        setattr(page, MARKED_ATTRIBUTE, [])
    return getattr(page, MARKED_ATTRIBUTE)


class PrintedNumber(InlineProcessor):
    def handleMatch(self, match, data):  # noqa: N802 - Python-Markdown's name
        marked_numbers(self.md).append(match.group(1))
        return match.group(1), match.start(0), match.end(0)


def page_results(md: Markdown) -> list:
    """The build's results of the page's cells and exercises (bookbuild.markdown.extension)."""
    page = page_markdown(md)
    book = next((e for e in page.registeredExtensions if isinstance(e, BookExtension)), None)
    return book.page.run.results if book is not None and book.page is not None else []


def check_printed_numbers(md: Markdown, html: str) -> None:
    written = marked_numbers(md)
    if not written:
        return
    outputs = " ".join(result.output for result in page_results(md))
    printed = PRINTED.findall(outputs)
    source = page_source(md)
    reported: set[int] = set()
    for number in written:
        if any(rounds_to(candidate, number) for candidate in printed):
            continue
        line = next(
            (i for i, text in enumerate(source.lines)
             if i not in reported and f"[{number}]" in text and MARKED.search(text)),
            None,
        )  # fmt: skip
        if line is not None:
            reported.add(line)
        LOG.warning(
            f"{source.where(line)}: the prose says {number} is printed by a cell of this page, "
            "but no cell prints a number that rounds to it (at the precision written). Update "
            "the number, or the cell."
        )
    written.clear()


class PrintedNumbersExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # Before the links (`reference`, 170), which would otherwise read [2.18] as a link.
        md.inlinePatterns.register(PrintedNumber(MARKED.pattern, md), "bookbuild_printed", 175)
        on_whole_page(md, "bookbuild_printed_numbers", check_printed_numbers)


def makeExtension(**kwargs) -> PrintedNumbersExtension:  # noqa: N802 - Python-Markdown's name
    return PrintedNumbersExtension(**kwargs)
