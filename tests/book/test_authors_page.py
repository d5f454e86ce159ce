"""The authors' page ("Writing for this book") shows every construct it lists, working."""

from __future__ import annotations

import re

import pytest

from tests.book.html_text import read_page
from tests.book_nav import nav_page
from tests.conftest import DOCS

PAGE = nav_page("docs/reference/writing.md")
MARKDOWN = (DOCS / PAGE.markdown).read_text()

# What each construct leaves in the built page.
CONSTRUCTS = {
    "a cell with build-time output": r'<div class="bp-cell" data-cell="cell-1"',
    "a cell that shows an error": r"data-expects-error.*?ValueError: Dense 2",
    "a cell with an id": r'data-cell="tangent-slope"',
    "a hidden cell": r'<details class="bp-cell__hidden-code"><summary>',
    "a figure from a hidden cell": r"</details>.{0,400}?bp-cell__static.*?bp-output__image",
    "a markdown-exec table": r"<th>activation",
    "a markdown-exec HTML picture": r"<svg[^>]*>\s*<title>A 2-3-1 network",
    "a markdown-exec session": r"A 784-128-10 network has 101,632 weights",
    "math": r'class="katex-display"',
    "an admonition": r'class="admonition note"',
    "a collapsed admonition": r'<details class="tip"',
    "tabs": r'class="tabbed-set',
    "a footnote": r'class="footnote"',
    "a figure with an image": r'<figure>\s*<img alt="The curve y = x squared[^"]*" '
    r'src="[^"]*tangent-line\.svg',
    "a diagram": r'<figure class="bp-diagram"><svg',
}


@pytest.mark.parametrize("construct", sorted(CONSTRUCTS))
def test_the_page_shows_each_construct(built_site, construct):
    html = (built_site.directory / PAGE.html).read_text()
    assert re.search(CONSTRUCTS[construct], html, re.S), f"{construct}: not on {PAGE.html}"


def test_every_example_shows_its_source_above_its_result(built_site):
    html = (built_site.directory / PAGE.html).read_text()
    examples = MARKDOWN.count('````md exec="on" source="block"')
    assert examples >= 10
    assert html.count('<div class="result">') == examples


def test_the_figure_example_shows_the_markdown_that_made_the_figure():
    """The one example written twice (MkDocs rewrites image paths in the page's own Markdown
    only): its source block and the figure itself must be the same text."""
    shown = re.search(r"```md\n(<figure markdown.*?</figure>)\n```", MARKDOWN, re.S)
    assert shown, "the figure example's source block is missing"
    assert MARKDOWN.count(shown[1]) == 2, "the figure differs from the source shown for it"


def test_the_lead_s_sections_are_waiting_for_their_constructs(built_site):
    headings = read_page(built_site.directory / PAGE.html).headings
    assert "Exercises" in headings and "Explorables" in headings
