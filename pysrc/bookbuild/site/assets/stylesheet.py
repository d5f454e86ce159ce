"""The book's one stylesheet: styles/book.css and what it imports, Temml's MathML rules included,
bundled by esbuild into docs/assets/generated/styles/ (book.css and its fonts/); and the math
font (bookbuild.site.math_font), which the page template declares.

One stylesheet means one render-blocking request for the book's styles on every page.
"""

from __future__ import annotations

import shutil
import subprocess

from bookbuild.site.assets import GENERATED, NODE_MODULES, ROOT
from bookbuild.site.math_font import copy_math_font

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
    size = (TARGET / "book.css").stat().st_size
    return f"stylesheet: book.css ({size / 1000:.0f} kB); {copy_math_font(ROOT / 'docs')}"
