"""What keeps a chapter light on a phone, checked exactly in the built HTML (the Lighthouse run
itself is a benchmark, bench/lighthouse.py): no print-only asset, one stylesheet of the book's
own, each cell toolbar's place reserved, math as MathML, and a ceiling on the elements."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from bookbuild.book_nav import chapters
from tests.book.html_text import read_page

CHAPTERS = [page.html for page in chapters()]
# Set from what the chapters reach (the largest, Backpropagation: 8,453 elements with MathML;
# 18,600 with KaTeX's HTML and MathML) with room for a few more sections. Raised from 10,500
# when issue 19 added six sections to Backpropagation (11,185 elements); raised again to 14,000
# when issue 20 gave its six exercises three hints and an explanation each, and issue 18 split
# long inline formulas into one <math> per piece so a phone can break them (13,349). Most of
# it is highlighted code (5,888 spans); blocks out of view are not laid out (content-visibility).
DOM_CEILING = 14_000


class ElementCounter(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements = 0

    def handle_starttag(self, tag, attrs):
        self.elements += 1

    def handle_startendtag(self, tag, attrs):
        self.elements += 1


def has_katex_html(html: str) -> bool:
    """KaTeX's HTML, not the word: a Mermaid diagram's own stylesheet has `.node .katex path`."""
    return 'class="katex' in html


def elements_in(html: str) -> int:
    counter = ElementCounter()
    counter.feed(html)
    return counter.elements


@pytest.mark.parametrize("page", CHAPTERS)
def test_a_chapter_loads_no_print_only_asset_and_one_stylesheet_of_the_books(built_site, page):
    assets = [url for _, url in read_page(built_site.directory / page).assets]
    print_only = [url for url in assets if "print-site" in url or "print_site" in url]
    assert not print_only, f"{page} loads the print page's {print_only}"
    own = [url for url in assets if url.split("?")[0].endswith(".css") and "/generated/" in url]
    assert len(own) == 1 and own[0].split("?")[0].endswith("styles/book.css"), own
    # Material's own two (assets/stylesheets/) are the theme's; the book adds no other.
    served = [url for url in assets if "stylesheets/" in url and "assets/stylesheets/" not in url]
    assert not served, f"{page} loads a stylesheet of its own besides book.css: {served}"


def test_mkdocstrings_stylesheet_is_linked_only_where_there_is_an_api_reference(built_site):
    def stylesheets(page):
        return [url for _, url in read_page(built_site.directory / page).assets if ".css" in url]

    assert [url for url in stylesheets("reference/api/index.html") if "_mkdocstrings" in url]
    assert [url for url in stylesheets("print_page/index.html") if "_mkdocstrings" in url]
    for page in CHAPTERS:
        assert not [url for url in stylesheets(page) if "_mkdocstrings" in url], page


def test_the_palette_stylesheet_keeps_its_colours_without_the_switching_rule(built_site):
    """Material's script sets and removes an attribute on <body> on every load; its rule on every
    element below made each a restyle of the whole page (bookbuild/site/palette_switch_hook.py)."""
    palettes = list((built_site.directory / "assets" / "stylesheets").glob("palette.*.min.css"))
    assert len(palettes) == 1, palettes
    stylesheet = palettes[0].read_text()
    assert "data-md-color-switching" not in stylesheet
    # Still Material's palettes: the book's primary and accent colours, and the dark scheme.
    for selector in ("[data-md-color-primary=indigo]", "[data-md-color-accent=deep-orange]",
                     "[data-md-color-scheme=slate]"):  # fmt: skip
        assert selector in stylesheet, selector


@pytest.mark.parametrize("page", [page.html for page in chapters() if page.has_cells])
def test_every_cell_has_its_code_lines_and_its_toolbar_place_in_the_static_html(built_site, page):
    html = (built_site.directory / page).read_text()
    cells = re.split(r'(?=<div class="bp-cell" )', html)[1:]
    assert cells, f"{page} has no cell"
    missing = [i for i, cell in enumerate(cells) if 'data-cell-toolbar' not in cell.split(
        'class="bp-cell__static"')[0]]  # fmt: skip
    assert not missing, f"{page}: cells {missing} have no toolbar place before their output"
    # Its number of lines, which keeps the place of its code while it is out of view
    # (styles/rendering.css); test_layout_stability measures that place against the code.
    unnumbered = [i for i, cell in enumerate(cells) if "--bp-lines: " not in cell.split("<pre")[0]]
    assert not unnumbered, f"{page}: cells {unnumbered} have no number of lines"


@pytest.mark.parametrize("page", CHAPTERS)
def test_a_chapter_stays_under_the_element_ceiling(built_site, page):
    html = (built_site.directory / page).read_text()
    assert not has_katex_html(html), f"{page} still has KaTeX's HTML"
    elements = elements_in(html)
    print(f"{page}: {elements} elements")
    assert elements <= DOM_CEILING, f"{page} has {elements} elements (ceiling {DOM_CEILING})"
