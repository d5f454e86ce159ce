"""MkDocs hook: mkdocstrings' stylesheet only on the pages that show an API reference.

mkdocstrings puts its stylesheet (assets/_mkdocstrings.css) in `extra_css`, so every chapter
loads it: one more render-blocking request on a phone for a page with no API reference.
`on_config` takes it out of `extra_css`; `on_post_page` links it, before the book's own
stylesheet (as mkdocstrings orders it), on the pages whose HTML has mkdocstrings' output. The
print page, written after the pages by mkdocs-print-site-plugin, gets it through
`with_api_stylesheet` (bookbuild.site.pdf.print_page_hook).
"""

from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

STYLESHEET = "assets/_mkdocstrings.css"
API_MARK = 'class="doc doc-'  # the class of every object mkdocstrings renders


@event_priority(-100)  # after mkdocstrings' own on_config has added it
def on_config(config):
    config["extra_css"] = [path for path in config["extra_css"] if str(path) != STYLESHEET]
    return config


def with_api_stylesheet(page_html: str, page_url: str) -> str:
    """The page's HTML, with mkdocstrings' stylesheet linked if the page shows its output."""
    if API_MARK not in page_html:
        return page_html
    link = f'<link rel="stylesheet" href="{get_relative_url(STYLESHEET, page_url)}">'
    # The head's last stylesheet is the book's own (extra_css comes after the theme's).
    books = page_html.rindex('<link rel="stylesheet"', 0, page_html.index("</head>"))
    return page_html[:books] + link + page_html[books:]


def on_post_page(output, page, config):
    return with_api_stylesheet(output, page.url)
