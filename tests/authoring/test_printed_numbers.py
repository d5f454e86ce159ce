"""`[2.18]{.printed}` marks a number in the prose that a cell of the page prints: the reader sees
the number, and the build checks it against the cells' output
(bookbuild.markdown.printed_numbers)."""

from __future__ import annotations

CELL = "```python cell\nprint(f'{6.0100:.4f} and {2 / 3:.6f}')\n```\n"


def test_a_marked_number_the_cell_prints_is_shown_as_the_number(book):
    page = f"# Numbers\n\n{CELL}\nThe slope is about [6.01]{{.printed}}, and [0.667]{{.printed}}.\n"
    built = book({"numbers.md": page})
    result = built.build()
    assert result.returncode == 0, result.stdout + result.stderr
    html = built.page("numbers.md")
    assert "The slope is about 6.01, and 0.667." in html
    assert ".printed" not in html


def test_a_marked_number_no_cell_prints_fails_the_build_at_its_line(book):
    page = f"# Numbers\n\n{CELL}\nText.\n\nThe slope is about [6.02]{{.printed}}.\n"
    log = book({"numbers.md": page}).failed_build()
    line = page.splitlines().index("The slope is about [6.02]{.printed}.") + 1
    assert f"numbers.md:{line}: the prose says 6.02 is printed by a cell of this page" in log, log
