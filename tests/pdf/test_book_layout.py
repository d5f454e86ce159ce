"""The printed book's shape: A4 pages, cover and contents, chapters on new pages, bookmarks,
page numbers, running heads, embedded fonts, tagged text."""

from __future__ import annotations

import re
import subprocess

import pytest
from PIL import Image, ImageStat

from tests.pdf.pdf_reading import nav_chapters

pytestmark = pytest.mark.pdf

A4_POINTS = (595.28, 841.89)
NAV_TITLES = [title for title, _ in nav_chapters()]


def test_every_page_is_a4(printed_book):
    sizes = {
        (round(float(page.mediabox.width)), round(float(page.mediabox.height)))
        for page in printed_book.reader.pages
    }
    assert sizes == {(round(A4_POINTS[0]), round(A4_POINTS[1]))}, sizes
    info = subprocess.run(["pdfinfo", str(printed_book.path)], capture_output=True, text=True)
    assert re.search(r"Page size:.*\(A4\)", info.stdout), info.stdout


def test_the_cover_has_title_subtitle_edition_and_the_online_address(printed_book, online_url):
    cover = " ".join(printed_book.page_texts[0].split())
    assert "Backpropagation, step by step" in cover
    assert "An interactive textbook on derivatives" in cover
    assert re.search(r"Edition of \d{1,2} [A-Z][a-z]+ 20\d\d", cover), cover
    assert online_url in cover


def test_the_contents_follow_the_cover_with_every_chapter_and_its_page(printed_book):
    outline_pages = {entry.title: entry.page for entry in printed_book.outline}
    contents = printed_book.pages_text(2, outline_pages["Contents"] + 3)
    assert printed_book.page_texts[1].lstrip().startswith("Contents")
    layout = subprocess.run(
        ["pdftotext", "-layout", "-f", "2", "-l", "4", str(printed_book.path), "-"],
        capture_output=True,
        text=True,
    ).stdout
    for title in NAV_TITLES:
        assert title in contents, f"the contents do not list {title!r}"
        numbered = next(name for name in outline_pages if name.endswith(f" {title}"))
        number = numbered.split(" ")[0]
        line = re.search(rf"^\s*{re.escape(number)}\s+{re.escape(title)}\s+(\d+)\s*$", layout, re.M)
        assert line, f"no contents line with a page number for {numbered!r}"
        assert int(line.group(1)) == outline_pages[numbered], f"{numbered}: wrong page number"


def test_the_outline_has_every_chapter_with_its_sections(printed_book):
    top_level = [entry.title for entry in printed_book.outline if entry.depth == 0]
    for title in NAV_TITLES:
        assert any(re.fullmatch(rf"[\d.]+ {re.escape(title)}", entry) for entry in top_level), (
            f"no bookmark for {title!r}; top-level bookmarks: {top_level}"
        )
    sections = [entry.title for entry in printed_book.outline if entry.depth == 1]
    assert "4.2 The learning rate" in sections, sections
    assert len(sections) >= 2 * len(NAV_TITLES)


def test_each_chapter_starts_at_the_top_of_a_new_page(printed_book, chapter_pages):
    outline = {entry.page: entry for entry in printed_book.outline if entry.depth == 0}
    for title, (first, _) in chapter_pages.items():
        heading = outline[first]
        assert heading.top > A4_POINTS[1] - 120, f"{title!r} does not start at the top of a page"
        # The page before ends another chapter (or the contents): its running head differs.
        assert title not in printed_book.page_texts[first - 2].split("\n", 3)[0]


def test_chapter_and_section_headings_are_numbered(printed_book):
    assert re.search(r"^8 Backpropagation$", printed_book.text, re.M)
    assert re.search(r"^4\.2 The learning rate$", printed_book.text, re.M)


def test_every_page_after_the_cover_shows_its_number(printed_book):
    unnumbered = [
        number
        for number, text in enumerate(printed_book.page_texts[1:], start=2)
        if str(number) not in [line.strip() for line in text.splitlines()]
    ]
    assert not unnumbered, f"pages without their page number: {unnumbered}"


def test_chapter_pages_have_the_chapter_as_running_head(printed_book, chapter_pages):
    first, last = chapter_pages["Gradient descent"]
    assert last > first, "the chapter should run over several pages"
    for number in range(first + 1, last + 1):
        head = printed_book.page_texts[number - 1].strip().splitlines()[0]
        assert " ".join(head.split()) == "4 Gradient descent", f"page {number}: {head!r}"


def test_every_page_is_light(printed_book, tmp_path):
    """Dark text on white paper, even though the site has a dark scheme for screens."""
    subprocess.run(
        ["pdftoppm", "-gray", "-r", "12", str(printed_book.path), str(tmp_path / "page")],
        check=True,
    )
    dark = []
    for image in sorted(tmp_path.glob("page-*.pgm")):
        if ImageStat.Stat(Image.open(image)).mean[0] < 200:
            dark.append(image.stem)
    assert not dark, f"dark pages: {dark}"


def test_fonts_are_embedded(printed_book):
    fonts = subprocess.run(["pdffonts", str(printed_book.path)], capture_output=True, text=True)
    rows = fonts.stdout.splitlines()[2:]
    assert rows, fonts.stdout
    not_embedded = [row for row in rows if row.split()[-5] != "yes"]
    assert not not_embedded, "fonts not embedded:\n" + "\n".join(not_embedded)


def test_the_pdf_is_tagged_and_its_words_are_whole(printed_book):
    info = subprocess.run(["pdfinfo", str(printed_book.path)], capture_output=True, text=True)
    assert re.search(r"^Tagged:\s+yes", info.stdout, re.M), info.stdout
    assert "Backpropagation, step by step" in info.stdout  # the document title
    words = set(re.findall(r"[A-Za-z]+", printed_book.text))
    assert {"backpropagation", "derivative", "gradient", "network"} <= words
