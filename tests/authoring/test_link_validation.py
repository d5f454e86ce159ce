"""Links to a missing page or a missing anchor fail the strict build (MkDocs' `validation`); a
missing anchor is an error with the link's line and the nearest heading
(bookbuild.markdown.anchor_links_hook)."""

from __future__ import annotations


def test_a_link_to_a_missing_anchor_fails_the_strict_build(book):
    page = "# Links\n\n## A section\n\n[The section](#a-section), [nothing](#no-such-section).\n"
    log = book({"links.md": page}).failed_build()
    assert "no-such-section" in log and "Aborted" in log


def test_a_link_to_a_missing_page_fails_the_strict_build(book):
    log = book({"links.md": "# Links\n\nSee [a page](no-such-page.md).\n"}).failed_build()
    assert "no-such-page.md" in log, log


def test_good_links_and_anchors_build(book):
    page = "# Links\n\n## A section\n\nSee [the section](#a-section) and [home](index.md).\n"
    result = book({"links.md": page}).build()
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_link_to_a_missing_heading_names_its_line_and_the_nearest_heading(book):
    page = "# Links\n\n## The four equations\n\nText.\n\nSee [them](#the-four-equation).\n"
    log = book({"links.md": page}).failed_build()
    assert "links.md:7: the link '#the-four-equation' goes to #the-four-equation" in log, log
    assert "the nearest is #the-four-equations" in log
    assert log.count("#the-four-equation'") == 1, "the error is shown once"


def test_a_link_to_a_missing_heading_of_another_page_names_that_page(book):
    pages = {"a.md": "# A\n\n## Gradients\n", "b.md": "# B\n\nSee [A](a.md#gradient).\n"}
    log = book(pages).failed_build()
    assert "b.md:3: the link 'a.md#gradient' goes to #gradient, which a.md does not have" in log
    assert "the nearest is #gradients" in log
