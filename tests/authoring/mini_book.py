"""A small book built with the project's own mkdocs.yml, from pages a test writes.

For what an author sees when a page is wrong: `mkdocs build --strict` in a subprocess, as
`make build` runs it, with the book's Markdown extensions and fences. The config inherits
mkdocs.yml (MkDocs' INHERIT) and replaces only what points at the book's own files: the docs
folder, the nav, the hooks, and the plugins that read the whole book (mkdocstrings, the print
page).
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bookbuild.paths import ROOT


@dataclass
class MiniBook:
    directory: Path
    cell_cache: Path
    pages: dict[str, str] = field(default_factory=dict)

    @property
    def docs(self) -> Path:
        return self.directory / "docs"

    @property
    def site(self) -> Path:
        return self.directory / "site"

    def write(self, pages: dict[str, str]) -> None:
        """Pages by file name, in nav order ("index.md" first); earlier pages stay."""
        self.pages.update(pages)
        pages = self.pages
        for name, text in pages.items():
            (self.docs / name).parent.mkdir(parents=True, exist_ok=True)
            (self.docs / name).write_text(text)
        config = {
            "INHERIT": str(ROOT / "mkdocs.yml"),
            "docs_dir": str(self.docs),
            "site_dir": str(self.site),
            "nav": [{Path(name).stem: name} for name in pages],
            "theme": {"custom_dir": str(ROOT / "docs" / "overrides")},
            "hooks": [],  # errors name their file and line without any (bookbuild.markdown)
            "watch": [],
            "plugins": ["search", {"markdown-exec": {"languages": []}}],
        }
        (self.directory / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))

    def build(self, **environment: str) -> subprocess.CompletedProcess:
        """`mkdocs build --strict`, run from the project's root like `make build`."""
        env = {
            **os.environ,
            "NO_MKDOCS_2_WARNING": "1",
            "BOOK_CELL_CACHE": str(self.cell_cache),
            **environment,
        }
        command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
        command += ["--config-file", str(self.directory / "mkdocs.yml")]
        return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)

    def failed_build(self, **environment: str) -> str:
        """The log (stdout and stderr) of a build that must fail; one that passes fails the test."""
        result = self.build(**environment)
        log = result.stdout + result.stderr
        assert result.returncode != 0, f"the build should fail:\n{log}"
        return log

    def page(self, name: str) -> str:
        stem = Path(name).with_suffix("")
        path = "index.html" if stem.name == "index" else f"{stem}/index.html"
        return (self.site / path).read_text()


def mini_book(tmp_path: Path, pages: dict[str, str]) -> MiniBook:
    book = MiniBook(tmp_path / "book", tmp_path / "cell-cache")
    book.write(pages)
    return book
