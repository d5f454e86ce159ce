"""Every page list of the tests comes from mkdocs.yml's nav, and covers every page it should."""

from __future__ import annotations

from bookbuild.book_nav import nav_pages
from bookbuild.paths import DOCS
from tests.browser.test_every_cell import PAGES_WITH_CELLS

NOT_PAGES = {"overrides"}  # exclude_docs in mkdocs.yml


def test_every_markdown_file_of_the_book_is_in_the_nav():
    files = {
        path.relative_to(DOCS).as_posix()
        for path in DOCS.rglob("*.md")
        if path.relative_to(DOCS).parts[0] not in NOT_PAGES
    }
    assert files == {page.markdown for page in nav_pages()}


def test_the_browser_test_runs_every_page_that_has_cells(built_site):
    """A chapter whose cells were never run in Pyodide must not pass `make test`."""
    with_cells = {
        page.url_path
        for page in nav_pages()
        if "data-cell=" in (built_site.directory / page.html).read_text()
    }
    assert with_cells, "no page has cells: is the site built?"
    missing = with_cells - set(PAGES_WITH_CELLS)
    assert not missing, f"pages with cells that the browser test does not run: {missing}"
