"""BookError: a mistake in the book's source, reported once, at its Markdown file and line.

It is both of the exception types that the tools in between let through untouched:
pymdownx.superfences re-raises a SuperFencesException from a fence (any other exception makes it
quietly show the block as plain code), and MkDocs prints a BuildError's message once, without a
traceback, then stops the build ("Aborted with a BuildError!").
"""

from __future__ import annotations

from mkdocs.exceptions import BuildError
from pymdownx.superfences import SuperFencesException


class BookError(SuperFencesException, BuildError):
    """`where` is "docs/derivatives.md:42" (or the file alone when the line is not known)."""

    def __init__(self, where: str, message: str) -> None:
        self.where = where
        super().__init__(f"{where}: {message}")
