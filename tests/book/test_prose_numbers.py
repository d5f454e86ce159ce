"""Numbers the prose quotes from a cell agree with what that cell printed when the book was built.

NUMBERS_FROM_CELLS lists, per chapter, numbers written in its prose (outside code and display
math) that a cell on the same page prints. Each must appear in the prose as written, and some
number in the page's build-time output must round to it (the prose may round: "2.18" matches a
printed "2.1800"). If a cell's output or the prose changes and the two no longer agree, this
test fails. Numbers that no cell prints are checked by a test of their own instead (as in
test_worked_example.py).
"""

from __future__ import annotations

import html
import re

import pytest

from bookbuild.book_nav import nav_page
from bookbuild.paths import DOCS

NUMBERS_FROM_CELLS = {
    "index.md": ["2.18", "1.06", "5.76", "0.64"],
    "derivatives.md": ["6.1", "6.01", "3.31", "3.01", "0.25", "0.0066", "0.0002"],
    "partial-derivatives.md": ["153.4", "145.6", "7.8", "54.2", "-0.0011"],
    "gradient-descent.md": ["1.08", "0.178", "44", "5.63e-09", "0.000313", "1.6e-06", "2.7e-11", "-0.305", "0.294"],  # noqa: E501
    "cost-functions.md": ["105", "261", "0.9995", "0.9996", "0.9997", "0.00067", "0.00097", "0.4995", "949", "235", "60"],  # noqa: E501
    "training.md": ["0.999", "0.964", "1348", "449", "3.35", "0.37", "337", "0.532", "0.0004",
                    "0.509", "1.012", "0.881", "0.365", "0.919", "24.3", "139.9", "6.1e-13",
                    "0.23", "0.91", "1.00", "0.70", "1.3e-03", "0.594", "0.301", "0.039",
                    "2.5", "0.6457", "0.0895", "0.0490"],
    "backpropagation.md": ["0.185703", "-0.020217", "1.14", "4820", "2410", "1.03", "0.291027924",
                           "4.2e+34", "78", "0.069249", "0.138498562", "-0.022305", "0.046944"],
    "forward-propagation.md": ["0.988", "8e-07", "2.79e+03", "1.98", "0.839", "0.0307", "0.394",
                               "0.38", "0.39"],
    "chain-rule.md": ["19", "1249", "96", "24", "32.8", "512", "18", "39"],
    "frameworks.md": ["-0.1774", "0.3549", "30", "18", "1.9e-08"],
}  # fmt: skip
CODE_BLOCK = re.compile(r"^[ \t]*```.*?^[ \t]*```", re.M | re.S)
DISPLAY_MATH = re.compile(r"\$\$.*?\$\$", re.S)
NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")
STATIC_OUTPUT_TEXT = re.compile(
    r'<div class="bp-cell__static" data-static-output>(.*?)</div>', re.S
)


def prose_of(markdown_path) -> str:
    text = CODE_BLOCK.sub(" ", markdown_path.read_text())
    return DISPLAY_MATH.sub(" ", text)


def printed_numbers(built_site, chapter: str) -> list[str]:
    page = (built_site.directory / nav_page(chapter).html).read_text()
    outputs = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", block))
                       for block in STATIC_OUTPUT_TEXT.findall(page))  # fmt: skip
    return NUMBER.findall(outputs)


def rounds_to(printed: str, written: str) -> bool:
    decimals = len(written.split(".")[1]) if "." in written and "e" not in written.lower() else 0
    tolerance = 0.5 * 10.0**-decimals if "e" not in written.lower() else 1e-12
    return abs(float(printed) - float(written)) <= tolerance + 1e-12 * abs(float(written))


@pytest.mark.parametrize("chapter", sorted(NUMBERS_FROM_CELLS))
def test_numbers_in_the_prose_are_what_the_cells_print(built_site, chapter):
    markdown_path = DOCS / chapter
    prose = prose_of(markdown_path)
    printed = printed_numbers(built_site, chapter)
    problems = []
    for written in NUMBERS_FROM_CELLS[chapter]:
        if not re.search(rf"(?<![\d.]){re.escape(written)}(?![\d])", prose):
            problems.append(f"{written}: not in the prose of {chapter}")
        elif not any(rounds_to(number, written) for number in printed):
            problems.append(f"{written}: no cell on the page prints a number that rounds to it")
    assert not problems, "\n".join(problems)
