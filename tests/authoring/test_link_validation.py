"""Links to a missing page or a missing anchor fail the strict build (MkDocs' `validation`)."""

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
