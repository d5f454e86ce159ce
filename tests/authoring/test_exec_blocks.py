"""markdown-exec's build-time blocks work beside the cell fence, held to the book's rules."""

from __future__ import annotations

import re

from tests.book.book_markdown import render

TABLE = '```python exec="on"\nprint("| a | b |")\nprint("|---|---|")\nprint("| 1 | 2 |")\n```\n'


def test_a_block_prints_markdown_into_the_page():
    page = render(TABLE)
    assert "<table>" in page and "<td>1</td>" in page
    assert "print(" not in page, "the code itself is not shown without source="


def test_html_1_puts_the_output_in_as_html_and_source_shows_the_code():
    page = render('```python exec="on" html="1" source="above"\nprint("<b>bold</b>")\n```\n')
    assert "<b>bold</b>" in page
    assert "print" in re.sub(r"<[^>]+>", "", page), "source=above shows the code"


def test_a_session_shares_variables_between_blocks_of_one_page_only():
    first = '```python exec="on" session="s"\nshared = 41\n```\n'
    second = '```python exec="on" session="s"\nprint(shared + 1)\n```\n'
    assert "42" in render(first + "\n" + second)
    failed = ""
    try:
        render(second)  # another page: its session "s" starts empty
    except Exception as error:  # noqa: BLE001 - the message is what is checked
        failed = str(error)
    assert "NameError" in failed


def test_plain_python_and_cells_keep_their_own_fences():
    page = render("```python\nraise SystemExit\n```\n\n" + TABLE + "\n```python cell\n6 * 7\n```\n")
    assert "SystemExit" in page and "data-cell" in page and "<table>" in page


def test_the_pyodide_fence_is_not_available():
    """markdown-exec's pyodide fence loads its editor and Python from other origins."""
    page = render('```pyodide\nprint("hi")\n```\n')
    assert "<script" not in page and "pyodide" not in page.lower().replace("language-pyodide", "")


def test_a_failing_block_fails_the_build_with_its_file_and_line(book):
    page = (
        '# Exec\n\nText.\n\n```python exec="on"\nprint("fine")\nraise RuntimeError("broke")\n```\n'
    )
    log = book({"exec.md": page}).failed_build()
    assert re.search(r"docs/exec\.md:5: a build-time block \(markdown-exec\) failed", log), log
    assert "RuntimeError: broke" in log
    assert "WARNING" not in log, "markdown-exec's own warning is replaced, not printed as well"


def test_a_page_of_blocks_builds_strictly(book):
    result = book({"exec.md": "# Exec\n\n" + TABLE}).build()
    assert result.returncode == 0, result.stdout + result.stderr
