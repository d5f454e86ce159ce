"""Markdown rendered as the book renders it: the Markdown extensions and fences of mkdocs.yml.

For tests of one construct without a whole build. The cell cache is off (every cell runs);
`render(text, cell_timeout=2)` changes a setting of bookbuild.markdown.extension.
"""

from __future__ import annotations

from functools import cache

import markdown
from mkdocs.config import load_config

from bookbuild.paths import ROOT

EXTENSION = "bookbuild.markdown.extension"


@cache
def book_markdown_settings() -> tuple[list, dict]:
    config = load_config(str(ROOT / "mkdocs.yml"))
    return config.markdown_extensions, config.mdx_configs


def render(text: str, **cell_settings) -> str:
    extensions, configs = book_markdown_settings()
    cells = {**configs[EXTENSION], "cache_dir": "", **cell_settings}
    configs = {**configs, EXTENSION: cells}
    return markdown.Markdown(extensions=extensions, extension_configs=configs).convert(text)
