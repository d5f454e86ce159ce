"""The book's one stylesheet: styles/book.css and what it imports, KaTeX's stylesheet and fonts
included, bundled by esbuild into docs/assets/generated/styles/ (book.css and its fonts/).

KaTeX's fonts are for the math rendered at build time (bookbuild.katex_math). One stylesheet
means one render-blocking request for the book's styles on every page.
"""

from __future__ import annotations

import shutil
import subprocess

from bookbuild.assets import GENERATED, NODE_MODULES, ROOT

SOURCE = ROOT / "styles" / "book.css"
TARGET = GENERATED / "styles"


def bundle_stylesheet() -> str:
    shutil.rmtree(TARGET, ignore_errors=True)
    TARGET.mkdir(parents=True)
    command = [
        str(NODE_MODULES / ".bin" / "esbuild"),
        str(SOURCE),
        "--bundle",
        "--minify",
        f"--outdir={TARGET}",
        "--asset-names=fonts/[name]-[hash]",
        "--log-level=warning",
    ]
    command += [f"--loader:.{kind}=file" for kind in ("woff2", "woff", "ttf")]  # fmt: skip
    subprocess.run(command, check=True, cwd=ROOT)
    fonts = len(list((TARGET / "fonts").iterdir()))
    size = (TARGET / "book.css").stat().st_size
    return f"stylesheet: book.css ({size / 1000:.0f} kB) and {fonts} KaTeX font files"
