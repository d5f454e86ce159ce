"""The error of an exercise written wrongly, found while reading the page (before any proof)."""

from __future__ import annotations

from mkdocs.exceptions import BuildError


class ExerciseError(BuildError):
    """A malformed exercise; the message starts with its file and line. A BuildError: MkDocs
    prints the message once, with no traceback, and stops."""
