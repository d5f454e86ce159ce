"""markdown-exec's build-time blocks (```` ```python exec="on" ````), held to the book's rules.

markdown-exec runs a block when the book is built and puts what it prints in the page, as
Markdown or, with `html="1"`, as HTML: the natural tool for a figure or a table whose code the
reader need not run. Its options are its own (`source=`, `session=`, `result=`, ...). This
module is its fence in mkdocs.yml (custom fences `python` and `md`, beside the `cell` fence),
and changes three of its behaviours to the book's, without forking it:

1. A block that fails makes markdown-exec log a warning and show the traceback in the page.
   Here the build stops with a BookError that names the Markdown file and line, and the warning
   is not logged as well.
2. markdown-exec keeps a `session=` namespace for as long as the process lives: across pages,
   and across `make serve`'s rebuilds. Here a session belongs to one conversion of one page, so
   a page's output depends neither on other pages nor on the previous build; and a page with
   blocks imports `backprop` afresh when it starts, as a page whose cells run does.
3. Only the `python` and `md` formatters are reachable. markdown-exec's `pyodide` fence loads
   its editor and Python from other origins, which the site forbids; it is not registered.

A block with both `cell` and `exec` is refused (the `cell` fence says so, with its line).
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterator

import markdown_exec

from bookbuild.markdown.book_error import BookError
from bookbuild.markdown.source_location import page_source

# markdown-exec logs under its own name, or under MkDocs' plugin loggers once its plugin loaded.
MARKDOWN_EXEC_LOGGERS = ("markdown_exec", "mkdocs.plugins.markdown_exec")
# The opening line of a block markdown-exec runs (a page with one imports backprop afresh).
EXEC_OPENING = re.compile(r"^[ \t>]*(?:`{3,}|~{3,})[ \t]*(?:python|md)\b.*\bexec=", re.M)


def validate(language, inputs, options, attrs, md) -> bool:
    """markdown-exec's own validator, except for blocks that also say `cell`."""
    if "cell" in inputs:
        return False
    return markdown_exec.validator(language, inputs, options, attrs, md)


def has_blocks(text: str) -> bool:
    return EXEC_OPENING.search(text) is not None


def format_block(source, language, css_class, options, md, **kwargs) -> str:
    page = page_source(md)
    where = page.where(page.find_block(source))
    if options.get("session"):
        options = {**options, "session": f"{page.conversion}:{page.path}:{options['session']}"}
    with warnings_of_markdown_exec() as warnings:
        html = markdown_exec.formatter(source, language, css_class, options, md, **kwargs)
    if warnings:
        raise BookError(where, "a build-time block (markdown-exec) failed:\n" + warnings[0])
    return html


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def warnings_of_markdown_exec() -> Iterator[list[str]]:
    """The warnings markdown-exec logs in the block, kept from MkDocs' log (they become errors)."""
    handler = Collect()
    loggers = [logging.getLogger(name) for name in MARKDOWN_EXEC_LOGGERS]
    propagated = [logger.propagate for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.propagate = False
    try:
        yield handler.messages
    finally:
        for logger, propagate in zip(loggers, propagated, strict=True):
            logger.removeHandler(handler)
            logger.propagate = propagate
