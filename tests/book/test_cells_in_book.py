"""Every cell of the book is in its page with its code, its source and its build-time output."""

from __future__ import annotations

import html
import re

from bookbuild.book_nav import nav_pages
from tests.book.page_items import page_items

CELL_ELEMENT = re.compile(r'<div class="bp-cell" (?P<attributes>[^>]*)>')
STATIC_OUTPUT = re.compile(r'<div class="bp-cell__static" data-static-output(?P<hidden> hidden)?>')


def test_every_cell_is_rendered_in_order_with_its_original_source(built_site):
    """The chapters' cells, and each exercise's starter as its cell, in the Markdown's order."""
    total = 0
    for page in nav_pages():
        sources = [item.starter if kind == "exercise" else item for kind, item in page_items(page)]
        rendered = [
            html.unescape(re.search(r'data-source="([^"]*)"', m["attributes"]).group(1))
            for m in CELL_ELEMENT.finditer((built_site.directory / page.html).read_text())
        ]
        assert rendered == sources, f"{page.markdown}: the HTML's cells differ from the Markdown"
        total += len(sources)
    assert total >= 20, f"only {total} cells in the whole book"
    print(f"{total} cells in the book")


def test_cells_that_print_or_plot_show_their_build_time_output(built_site):
    for nav_page in nav_pages():
        page = (built_site.directory / nav_page.html).read_text()
        for element in re.split(r'(?=<div class="bp-cell" )', page)[1:]:
            cell_id = re.search(r'data-cell="([^"]*)"', element).group(1)
            source = html.unescape(re.search(r'data-source="([^"]*)"', element).group(1))
            static = STATIC_OUTPUT.search(element)
            assert static, f"{nav_page.markdown} {cell_id}: no data-static-output element"
            if "print(" in source or "plt." in source:
                assert not static["hidden"], f"{nav_page.markdown} {cell_id}: output is empty"
            if "plt." in source and "plt.close" not in source:
                assert "bp-output__image" in element, f"{nav_page.markdown} {cell_id}: no figure"
