"""KaTeX's stylesheet and fonts, for the math that bookbuild.katex_math renders at build time."""

from __future__ import annotations

import shutil

from bookbuild.assets import GENERATED, NODE_MODULES


def copy_katex() -> str:
    target = GENERATED / "katex"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    dist = NODE_MODULES / "katex" / "dist"
    shutil.copyfile(dist / "katex.min.css", target / "katex.min.css")
    shutil.copytree(dist / "fonts", target / "fonts")
    return f"katex: stylesheet and {len(list((target / 'fonts').iterdir()))} font files"
