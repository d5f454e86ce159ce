"""Driving cells as a reader does: type into the editor, press Run, read the output."""

from __future__ import annotations

import re

FLOAT = re.compile(r"-?\d+\.\d*(?:[eE][+-]?\d+)?|-?\d+[eE][+-]?\d+")


def cell(page, index: int):
    return page.locator("[data-cell]").nth(index)


def wait_until_idle(page, cell_locator, timeout=90_000):
    handle = cell_locator.element_handle()
    page.wait_for_function("(el) => !el.hasAttribute('aria-busy')", arg=handle, timeout=timeout)


def run(page, cell_locator, timeout=90_000):
    # The click handler marks the cell busy synchronously, so waiting for idle cannot race it.
    cell_locator.get_by_role("button", name="Run").click()
    wait_until_idle(page, cell_locator, timeout)


def type_code(page, cell_locator, code: str):
    """Replace the cell's code as a reader would: focus the editor, select all, type."""
    cell_locator.get_by_role("textbox").click()  # the first focus loads the editor in its place
    editor = cell_locator.locator(".cm-content")
    editor.wait_for()
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(code)


def live_text(cell_locator) -> str:
    return "".join(cell_locator.locator(".bp-cell__live pre").all_inner_texts())


def static_text(cell_locator) -> str:
    return "".join(cell_locator.locator("[data-static-output] pre").all_inner_texts())


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
