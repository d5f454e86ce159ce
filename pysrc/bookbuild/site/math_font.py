"""The book's math font: STIX Two Math (SIL Open Font License), from npm (@fontsource).

MathML is laid out by the browser with the font's OpenType MATH table: the sizes of fractions,
scripts and rules, and the larger variants and pieces of stretchy brackets, braces and roots.
The styles step copies the whole font (about 400 kB) to where mkdocs.yml says (extra.math_font),
and `make serve` serves it as it is. A built site gets it subset to the glyphs its formulas use
(`subset_for_site`, run by bookbuild.site.site_build after MkDocs), the MATH table closed over them.

The page's template (docs/overrides/main.html) declares the font and preloads it on pages that
have math, so it is there before the formulas are first laid out.
"""

from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path

from bookbuild.book_nav import ROOT, mkdocs_config

FONT_SOURCE = (
    ROOT / "node_modules" / "@fontsource" / "stix-two-math" / "files"
    / "stix-two-math-latin-400-normal.woff2"
)  # fmt: skip
MATH_ELEMENT = re.compile(r"<math\b.*?</math>", re.S)
ANNOTATION = re.compile(r"<annotation\b.*?</annotation>", re.S)  # the TeX source, not shown
TAG = re.compile(r"<[^>]+>")
# MathML Core draws a one-letter <mi> in italic by mapping it to the Unicode math italic letters
# (text-transform: math-auto); those code points never appear in the HTML.
MATH_ITALIC = [*range(0x1D434, 0x1D468), 0x210E, *range(0x1D6E2, 0x1D71C)]


def font_path() -> str:
    """The font's path in the site, as mkdocs.yml's extra.math_font names it."""
    return mkdocs_config()["extra"]["math_font"]


def copy_math_font(docs: Path) -> str:
    target = docs / font_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(FONT_SOURCE, target)
    return f"math font: {target.name} ({target.stat().st_size / 1000:.0f} kB, before subsetting)"


def characters_in_math(site: Path) -> set[int]:
    """Every character shown inside a <math> element of the site's pages."""
    found: set[int] = set()
    for page in site.rglob("*.html"):
        for element in MATH_ELEMENT.findall(page.read_text(encoding="utf-8")):
            found.update(map(ord, unescape(TAG.sub("", ANNOTATION.sub("", element)))))
    return found


def subset_for_site(site: Path) -> str:
    """Replace the site's copy of the font by its subset to what the site's formulas show."""
    from fontTools import subset

    font_file = site / font_path()
    characters = characters_in_math(site) | set(range(0x20, 0x7F)) | set(MATH_ITALIC)
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # the font's OpenType features: ssty (script sizes) etc.
    options.notdef_outline = True
    font = subset.load_font(FONT_SOURCE, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=characters)
    subsetter.subset(font)  # keeps the MATH table, closed over the glyphs kept
    before = font_file.stat().st_size
    subset.save_font(font, font_file, options)
    after = font_file.stat().st_size
    return (
        f"math font: {len(characters)} characters, {before / 1000:.0f} kB -> {after / 1000:.0f} kB"
    )


if __name__ == "__main__":
    import sys

    print(subset_for_site(Path(sys.argv[1])))
