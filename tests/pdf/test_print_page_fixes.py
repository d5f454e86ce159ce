"""The MkDocs hook that keeps mkdocs-print-site-plugin's print page fast to build and its links
whole (bookbuild.site.pdf.print_page_hook)."""

from __future__ import annotations

import pytest
from mkdocs_print_site_plugin.urls import update_anchor_ids as plugin_update_anchor_ids

from bookbuild.site.pdf.print_page_hook import repair_dangling_links, update_anchor_ids

pytestmark = pytest.mark.pdf

MATH_LIKE = "<p>" + '<span class="mord"><mi>x</mi><mo>=</mo></span>' * 400 + "</p>\n"


@pytest.mark.parametrize(
    "html",
    [
        '<h2 id="the-slope">The slope<a class="headerlink" href="#the-slope">¶</a></h2>',
        '<h3 class="doc" id="backprop.Dense">Dense</h3>',
        '<li id="fn:mazur">\n<p>Mazur</p></li>',
        '<div data-id="x" id="y"><span id="z"></span></div>',
    ],
)
def test_renames_the_same_ids_as_the_plugin(html):
    assert update_anchor_ids(html, "chapter") == plugin_update_anchor_ids(html, "chapter")


def test_also_renames_footnote_marks_inside_a_paragraph():
    html = '<p>As shown.<sup id="fnref:1"><a href="#fn:1">1</a></sup></p>'
    assert 'id="chapter-fnref:1"' in update_anchor_ids(html, "chapter")


@pytest.mark.timeout(120)
def test_finishes_on_long_runs_of_math_tags():
    """A pattern that backtracks on nested tags takes hours here; a linear one, milliseconds.
    The bound (pytest-timeout) only stops a hang: how fast it is, is not asserted."""
    html = update_anchor_ids(MATH_LIKE * 50 + '<h2 id="end">End</h2>', "chapter")
    assert 'id="chapter-end"' in html


def test_repairs_links_without_a_target():
    html = (
        '<section id="index"></section><h2 id="a">A</h2>'
        '<a href="#a">kept</a> <a href="#.">home</a> <a class="autorefs" href="#str">str</a>'
        ' <a href="https://example.org/#x">external</a>'
    )
    repaired = repair_dangling_links(html)
    assert '<a href="#a">kept</a>' in repaired
    assert '<a href="#index">home</a>' in repaired
    assert '<a class="autorefs">str</a>' in repaired
    assert 'href="https://example.org/#x"' in repaired
