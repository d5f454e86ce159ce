"""`make serve`: the build's warnings, kept while it runs and listed at the top of every page.

A warning (a chapter rule broken, a number the prose quotes that no cell prints, a link MkDocs
cannot resolve) fails `make build`, but it should not hide the page an author is drafting. The
preview shows each page with a short list of the build's warnings above it: what the author
sees in the browser is what `make build` would stop on. Self-contained: inline styles, no
script.
"""

from __future__ import annotations

import html
import logging
import re

BODY = re.compile(r"<body\b[^>]*>")


class WarningsKept(logging.Handler):
    """Keeps the messages of the warnings logged by a build (MkDocs prints them too); not the
    server's own (`mkdocs.livereload` logs every request that is not a 200 as a warning)."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if not record.name.startswith("mkdocs.livereload"):
            self.messages.append(record.getMessage())

    def clear(self) -> None:
        self.messages = []


def warnings_panel(messages: list[str]) -> str:
    items = "".join(
        f'<li style="margin:.25rem 0;white-space:pre-wrap">{html.escape(message)}</li>'
        for message in messages
    )
    return (
        '<aside data-preview-warnings role="status" style="margin:0;padding:.5rem 1rem;'
        "background:#fff4e5;color:#1a1a1a;border-bottom:3px solid #e65100;"
        'font:14px/1.4 system-ui,sans-serif">'
        f"<strong>The build has {len(messages)} warning{'s' if len(messages) != 1 else ''}"
        "</strong> (<code>make build</code> and <code>make test</code> stop on them; fix them "
        f'and this list goes):<ul style="margin:.25rem 0;padding-left:1.25rem">{items}</ul></aside>'
    )


def with_warnings(page_html: str, messages: list[str]) -> str:
    """The page with the warnings listed at the top of its body (unchanged if there are none)."""
    body = BODY.search(page_html)
    if not messages or body is None:
        return page_html
    return page_html[: body.end()] + warnings_panel(messages) + page_html[body.end() :]
