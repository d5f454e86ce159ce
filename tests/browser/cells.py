"""Comparing a cell's output in the browser with the build's; driving cells is shared with the
benchmarks in bookbuild.harness.reader_actions."""

from __future__ import annotations

import re

from bookbuild.harness.reader_actions import (  # noqa: F401 - the tests import these from here
    cell,
    live_text,
    next_chapter,
    previous_chapter,
    run,
    static_text,
    type_code,
    wait_until_idle,
)

# How long a browser test waits for a state it needs (Python started, a run or a check done, a
# figure drawn): as long as a busy machine may take, so that only a hang reaches it. Tests wait
# for states, never for a time; how fast things are is bench/browser's to measure.
STATE_TIMEOUT_MS = 600_000
FLOAT = re.compile(r"-?\d+\.\d*(?:[eE][+-]?\d+)?|-?\d+[eE][+-]?\d+")


def same_output(expected: str, found: str) -> bool:
    """Equal after rounding floats to the printed precision and ignoring spacing."""
    expected_floats, found_floats = FLOAT.findall(expected), FLOAT.findall(found)
    if FLOAT.sub("#", expected).split() != FLOAT.sub("#", found).split():
        return False
    if len(expected_floats) != len(found_floats):
        return False
    return all(close(a, b) for a, b in zip(expected_floats, found_floats, strict=True))


def close(printed: str, other: str) -> bool:
    mantissa = printed.lower().split("e")[0]
    decimals = len(mantissa.split(".")[1]) if "." in mantissa else 0
    exponent = int(printed.lower().split("e")[1]) if "e" in printed.lower() else 0
    unit = 10.0 ** (exponent - decimals)
    return abs(float(printed) - float(other)) <= 2 * unit + 1e-12 * abs(float(printed))


def open_through_nav(page, url: str) -> None:
    """The first page by its address, every later one through the nav's link to it (Material's
    instant navigation), until the page left behind is gone and the new page's cells are
    attached (the address changes before Material swaps the content in)."""
    if not page.url.startswith("http"):
        page.goto(url)
        left_behind = None
    else:
        left_behind = page.evaluate_handle("() => document.querySelector('[data-cell]')")
        page.evaluate(
            "(url) => [...document.querySelectorAll('a.md-nav__link')]"
            ".find((link) => link.href === url).click()",
            url,
        )
    page.wait_for_function(
        """([url, old]) => {
             const cells = [...document.querySelectorAll('[data-cell]')];
             return location.href === url && !(old && old.isConnected) && cells.length > 0
               && cells.every((cell) => cell.matches('.bp-cell--attached')); }""",
        arg=[url, left_behind],
    )


def on_page(tab, url: str):
    """`tab` at `url`, loaded only if it is elsewhere: a tab that is already there keeps its
    Python (a load would start another)."""
    if tab.url != url:
        tab.goto(url)
    return tab
