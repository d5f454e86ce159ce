"""Tests of what an author meets: the build's messages, its limits, its cache, the preview."""

from __future__ import annotations

import pytest

from tests.authoring.mini_book import MiniBook, mini_book

INDEX = "# Home\n\nA small book for a test.\n"


@pytest.fixture
def book(tmp_path):
    """A mini book (tests/authoring/mini_book.py): call book.write({...}) and book.build()."""

    def make(pages: dict[str, str]) -> MiniBook:
        return mini_book(tmp_path, {"index.md": INDEX, **pages})

    return make
