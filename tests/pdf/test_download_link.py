"""Every page of the site links to the PDF that `make pdf` writes into it."""

from __future__ import annotations

import re

import pytest

from bookbuild.site.pdf import PDF_PATH

pytestmark = pytest.mark.pdf

DOWNLOAD_LINK = re.compile(r'<a href="([^"]*)" class="md-header__button bp-download-pdf"')


def test_every_page_has_a_download_pdf_link_in_its_header(built_site, online_url):
    for page in built_site.pages():
        html = page.read_text()
        header = html[html.index("<header") : html.index("</header>")]
        link = DOWNLOAD_LINK.search(header)
        assert link, f"{page.relative_to(built_site.directory)}: no Download PDF link in the header"
        # Absolute: Material's instant navigation keeps the header while the page changes.
        assert link.group(1) == online_url + PDF_PATH
        assert "Download PDF" in header
