"""MkDocs hook: a link to a heading (an anchor) that is not there fails the build, at its line.

MkDocs itself only warns, after the whole site is written, without the line ("Doc file 'x.md'
contains a link '#the-four-equation', but there is no such anchor on this page"), so in
`make serve` it is one more line in the terminal. Here, once every page is converted (`on_env`,
before any page is written), each link to an anchor is looked up: a missing one is a BookError
with the Markdown file and line of the link and the nearest anchor the target page has
(`#the-four-equation` → `#the-four-equations`). `mkdocs build` stops on it, and `make serve`
shows it in the browser in place of the pages (bookbuild.preview), like every build error.
"""

from __future__ import annotations

import difflib

from bookbuild.markdown.book_error import BookError
from bookbuild.markdown.source_location import shown_path


def link_line(markdown: str, link: str) -> int | None:
    """The 1-based line of the Markdown where `link` is written (as a target), if found."""
    for number, line in enumerate(markdown.splitlines(), start=1):
        if f"({link}" in line or f"]: {link}" in line or f'"{link}"' in line:
            return number
    return None


def nearest(anchor: str, anchors: set[str]) -> str:
    close = difflib.get_close_matches(anchor, sorted(anchors), n=1, cutoff=0.6)
    return f"; the nearest is #{close[0]}" if close else ""


def missing_anchors(page) -> list[str]:
    """One message per link of `page` to an anchor its target page does not have."""
    problems = []
    for target, links in (page.links_to_anchors or {}).items():
        anchors = target.page.present_anchor_ids if target.page else None
        if anchors is None:  # not a page, or not converted (another tool's)
            continue
        for anchor, link in links.items():
            if anchor in anchors or anchor.startswith("fnref:"):
                continue  # (an unreferenced footnote is MkDocs' own warning)
            line = link_line(page.file.content_string, link)
            where = shown_path(page.file.abs_src_path) + (f":{line}" if line else "")
            on = "this page" if target is page.file else target.src_uri
            problems.append(
                f"{where}: the link {link!r} goes to #{anchor}, which {on} does not have"
                + nearest(anchor, anchors)
            )
    return problems


def on_env(env, config, files):
    problems = []
    for file in files.documentation_pages():
        if file.page is not None and file.generated_by is None:
            problems += missing_anchors(file.page)
    if problems:
        where, _, message = problems[0].partition(": ")
        rest = "".join(f"\n{problem}" for problem in problems[1:])
        raise BookError(where, message + rest)
    return env
