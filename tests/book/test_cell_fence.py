"""The ```python cell fence: execution rules, error handling and the markup the runtime needs."""

from __future__ import annotations

import html
import re

import pytest
from pymdownx.superfences import SuperFencesException

from tests.book.book_markdown import render


def static_output(page: str) -> list[str]:
    texts = re.findall(r'<pre class="bp-output__text[^"]*">(.*?)</pre>', page, re.S)
    return [html.unescape(text) for text in texts]


def test_cells_share_one_namespace_in_page_order():
    page = render("```python cell\nx = 41\n```\n\ntext\n\n```python cell\nprint(x + 1)\n```\n")
    assert static_output(page) == ["42\n"]


def test_each_page_starts_with_a_fresh_namespace():
    render("```python cell\nleftover = 1\n```\n")
    with pytest.raises(SuperFencesException, match="NameError"):
        render("```python cell\nprint(leftover)\n```\n")


def test_last_expression_is_shown_unless_it_ends_with_a_semicolon():
    assert static_output(render("```python cell\n6 * 7\n```\n")) == ["42\n"]
    assert static_output(render("```python cell\n6 * 7;\n```\n")) == []


def test_an_exception_fails_the_build_with_the_cell_and_a_trimmed_traceback():
    with pytest.raises(SuperFencesException) as raised:
        render("```python cell\ndef f():\n    return 1 / 0\nf()\n```\n")
    message = str(raised.value)
    assert "ZeroDivisionError" in message and "return 1 / 0" in message
    assert "notebook_cell" not in message, "the traceback should start at the reader's code"


def test_a_cell_marked_error_shows_its_traceback_and_must_raise():
    page = render("```python cell error\nraise ValueError('on purpose')\n```\n")
    assert "ValueError: on purpose" in static_output(page)[0]
    assert "data-expects-error" in page
    with pytest.raises(SuperFencesException, match="did not raise"):
        render("```python cell error\nx = 1\n```\n")


def test_cells_get_stable_ids_and_duplicates_are_refused():
    page = render('```python cell\na = 1\n```\n\n```python cell id="named"\nb = 2\n```\n')
    assert re.findall(r'data-cell="([^"]+)"', page) == ["cell-1", "named"]
    with pytest.raises(SuperFencesException, match="unique"):
        render('```python cell id="x"\na = 1\n```\n\n```python cell id="x"\nb = 2\n```\n')


def test_unknown_options_are_refused_with_the_valid_ones_listed():
    with pytest.raises(SuperFencesException, match="valid"):
        render("```python cell hidden\na = 1\n```\n")


def test_a_hidden_cell_runs_and_its_code_is_collapsed_with_the_runtimes_hooks():
    page = render("```python cell hide\nprint('set up')\n```\n")
    assert static_output(page) == ["set up\n"]
    details = re.search(r'<details class="bp-cell__hidden-code">(.*?)</details>', page, re.S)
    assert details, page
    assert "<summary>" in details[1] and 'class="bp-cell__code"' in details[1]
    assert " open" not in page.split("<details", 1)[1].split(">", 1)[0], "collapsed at first"
    assert 'data-source="print(&#x27;set up&#x27;)"' in page


def test_output_is_escaped_so_printed_html_stays_text():
    page = render('```python cell\nprint("<img src=x onerror=alert(1)>")\n```\n')
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page


def test_figures_left_open_become_images_with_alt_text():
    page = render(
        "```python cell\nimport matplotlib.pyplot as plt\n"
        "plt.plot([1, 2])\nplt.title('Line')\n```\n"
    )
    assert 'src="data:image/svg+xml;base64,' in page and 'alt="Figure: Line"' in page


def test_plain_python_fences_are_highlighted_but_not_run():
    page = render("```python\nraise SystemExit\n```\n")
    assert "data-cell" not in page and "SystemExit" in page
