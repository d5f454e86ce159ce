"""A mistake in a page fails the build with one message that names the Markdown file and line."""

from __future__ import annotations

import re

import pytest

FRONT_MATTER = "---\ntitle: Errors\n---\n"  # MkDocs removes it before converting: lines shift


def failing_build(book, page: str):
    return book({"errors.md": FRONT_MATTER + page}).failed_build()


def location(log: str) -> tuple[str, int]:
    found = re.search(r"(\S*errors\.md):(\d+): ", log)
    assert found, f"no file:line in the message:\n{log}"
    return found[1], int(found[2])


def test_a_cell_that_raises_names_the_line_that_raised(book):
    page = "# Errors\n\nText.\n\n```python cell\nx = 1\ny = 0\nx / y\n```\n"
    log = failing_build(book, page)
    path, line = location(log)
    assert path.endswith("docs/errors.md")
    assert line == 11, "line 11 of the file (3 lines of front matter) is `x / y`"
    assert "ZeroDivisionError" in log and "mark it ```python cell error```" in log


def test_a_syntax_error_names_its_line_and_does_not_suggest_marking_it_error(book):
    log = failing_build(book, "# Errors\n\n```python cell\nfor x in range(3)\n    print(x)\n```\n")
    assert location(log)[1] == 7
    assert "is not valid Python" in log and "SyntaxError" in log
    assert "cell error" not in log


def test_a_formula_that_is_not_valid_tex_names_its_line(book):
    log = failing_build(book, "# Errors\n\nFine $x$.\n\nBroken $\\frac{1}{$ here.\n")
    assert location(log)[1] == 8
    assert "is not valid TeX" in log


@pytest.mark.parametrize(
    "fence, message",
    [
        ("```python cell hidden\nx = 1\n```", "unknown cell option"),
        ('```python cell exec="on"\nx = 1\n```', "not both"),
        ('```python cell id="a"\nx = 1\n```\n\n```python cell id="a"\ny = 2\n```', "unique"),
    ],
)
def test_a_fence_with_wrong_options_names_its_line(book, fence, message):
    log = failing_build(book, f"# Errors\n\nText.\n\n{fence}\n")
    assert location(log)[1] >= 8 and message in log


def test_the_error_is_printed_once_without_a_traceback_of_the_build(book):
    log = failing_build(book, "# Errors\n\n```python cell\nraise ValueError('once')\n```\n")
    assert log.count("ValueError: once") == 1, log
    assert "mkdocs/commands/build.py" not in log, "MkDocs' own traceback should not be shown"
