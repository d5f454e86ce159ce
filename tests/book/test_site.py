"""The whole book builds strictly, renders its math and loads nothing from another origin.

The rules every chapter meets (a formula, cells, a figure, a summary) and the concepts each page
keeps as headings (docs/concepts.yml) are the build's own (bookbuild.markdown.chapter_rules_hook,
tested in tests/authoring/test_chapter_rules.py): the strict build below fails on them.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from tests.book.html_text import read_page

RAW_TEX = re.compile(r"\$\$|\\\(|\\\)|\\\[|\\\]|(?<![\w$])\$[^$\s][^$]*\$")


def test_build_is_strict_and_warning_free(built_site):
    assert built_site.log != "(reused BOOK_SITE_DIR)", "unset BOOK_SITE_DIR to test the build"
    assert "WARNING" not in built_site.log, built_site.log
    print(f"mkdocs build --strict took {built_site.seconds:.1f} s")


def test_every_formula_is_rendered_as_mathml_and_no_raw_tex_is_left(built_site):
    for page in built_site.pages():
        html = page.read_text()
        assert 'class="arithmatex">\\(' not in html and 'class="arithmatex">\\[' not in html
        text = read_page(page).text
        leftover = RAW_TEX.search(text)
        assert leftover is None, f"{page}: raw TeX {leftover.group(0)!r} in the page text"


def test_no_page_loads_anything_from_another_origin(built_site):
    """Scripts, styles, images, fonts, frames, preloads: all same-origin (links may leave)."""
    offenders = []
    for page in built_site.pages():
        for tag, url in read_page(page).assets:
            scheme = urlparse(url).scheme
            if scheme not in ("", "data") or url.startswith("//"):
                offenders.append(f"{page.relative_to(built_site.directory)}: <{tag}> {url}")
    for stylesheet in built_site.directory.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", stylesheet.read_text(errors="ignore")):
            if urlparse(url).scheme not in ("", "data"):
                offenders.append(f"{stylesheet.name}: url({url})")
    assert not offenders, "other-origin assets:\n" + "\n".join(offenders)


def test_no_page_has_a_stray_title_element_in_its_body(built_site):
    """A raw <title> in the body (an unescaped docstring, say) makes the browser read the rest of
    the page as the title's text: everything after it vanishes. SVG's own <title> is fine."""
    offenders = []
    for page in built_site.pages():
        html = page.read_text()
        body = re.sub(r"<svg\b.*?</svg>", "", html[html.index("<body") :], flags=re.S)
        if re.search(r"<title\b", body, re.I):
            offenders.append(str(page.relative_to(built_site.directory)))
    assert not offenders, f"pages with a <title> in their body: {offenders}"
