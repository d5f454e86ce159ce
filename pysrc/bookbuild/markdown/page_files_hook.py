"""MkDocs hook: tell bookbuild.markdown.source_location which Markdown file each page comes from.

Errors in cells, build-time blocks and formulas then name the file and the line ("docs/
derivatives.md:42"). MkDocs has already removed the page's YAML front matter from the Markdown
it converts, so the line the Markdown starts at is counted here. Listed under `hooks:` in
mkdocs.yml; without it (another tool), errors still give the line, counted from the Markdown.
"""

from __future__ import annotations

import os

from bookbuild.markdown import source_location


def shown_path(path: str) -> str:
    """Relative to the directory the build runs in, as an editor or terminal opens it."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def first_markdown_line(file_text: str, markdown: str) -> int:
    """The file's line number of the Markdown's first line (1 when there is no front matter)."""
    start = file_text.rfind(markdown) if markdown else -1
    return file_text.count("\n", 0, start) + 1 if start > 0 else 1


def on_page_markdown(markdown, page, config, files):
    text = page.file.content_string
    source_location.begin_page(
        shown_path(page.file.abs_src_path), first_markdown_line(text, markdown), page.file.src_uri
    )
    return markdown


def on_page_content(html, page, config, files):
    source_location.end_page()
    return html
