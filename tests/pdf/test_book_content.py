"""What the printed book says and shows: every chapter, rendered math, cells as code with their
build-time output and figures, no browser controls, working links."""

from __future__ import annotations

import base64
import html
import re

import pytest

from bookbuild.book_nav import chapters
from bookbuild.markdown.book_exercises import book_exercises
from bookbuild.paths import DOCS
from tests.pdf.pdf_reading import code_texts, inline_code_texts, nav_chapters

pytestmark = pytest.mark.pdf

# Terms each chapter cannot be without (case-insensitive), looked for in its own pages.
KEY_TERMS = {
    "Orientation": ["backpropagation", "gradient descent"],
    "Derivatives": ["central difference", "derivative"],
    "Partial derivatives and the gradient": ["partial derivative", "gradient"],
    "Gradient descent": ["learning rate"],
    "Forward propagation": ["sigmoid", "activation"],
    "Cost functions": ["cross-entropy", "mean squared error"],
    "The chain rule and computational graphs": ["chain rule"],
    "Backpropagation": ["δ", "chain rule"],
    "Training a network end to end": ["mini-batch", "learning rate"],
    "From this book to a framework": ["PyTorch", "autograd"],
}
SVG_DATA_URI = re.compile(r'src="data:image/svg\+xml;base64,([^"]+)"')
WORKED_EXAMPLE_NUMBERS = ["0.593269992", "0.751365070", "0.298371109"]
TEX_COMMANDS = "frac|partial|sum|mathbf|mathrm|cdot|left|right|begin|hat|sigma|delta|eta"
RAW_TEX = re.compile(rf"\\({TEX_COMMANDS})\b|\$\$|\\\(|\\\[")
# Lines made only of control labels ("Run", "RunReset": adjacent buttons), not prose.
CONTROL_LABELS = r"(?:Run|Stop|Reset|Restart|Edit|Check|all)"
CONTROL_LINE = re.compile(rf"^[ \t]*(?:{CONTROL_LABELS}[ \t]*)+$|^[ \t]*Loading\b.*$", re.M)


def test_every_chapter_title_is_in_the_text(printed_book):
    text = " ".join(printed_book.text.split())
    missing = [title for title, _ in nav_chapters() if title not in text]
    assert not missing, f"chapter titles missing from the text: {missing}"


@pytest.mark.parametrize("chapter", [page.title for page in chapters()])
def test_each_chapter_has_its_key_terms_on_its_pages(printed_book, chapter_pages, chapter):
    assert chapter in KEY_TERMS, f"say which terms {chapter!r} cannot be without in KEY_TERMS"
    text = " ".join(printed_book.pages_text(*chapter_pages[chapter]).split()).lower()
    missing = [term for term in KEY_TERMS[chapter] if term.lower() not in text]
    assert not missing, f"{chapter}: {missing} not found on pages {chapter_pages[chapter]}"


def test_math_is_rendered_once_and_no_tex_source_is_left(printed_book, built_site):
    """A formula's MathML keeps its TeX source in an <annotation>, which must not print: no TeX
    in the text means no formula printed twice. (Code may hold TeX, e.g. a plot's label.)"""
    # pdftotext joins a line that wrapped after a "-" and drops the "-": compare without them.
    print_page = (built_site.directory / "print_page" / "index.html").read_text()
    code = [block.replace("-", "") for block in code_texts(print_page)]
    # Inline code that shows TeX on purpose ("`$...$` inline", on the authors' page).
    inline = sorted(
        {piece for piece in inline_code_texts(print_page) if RAW_TEX.search(piece)},
        key=len,
        reverse=True,
    )

    def prose(line: str) -> str:
        for piece in inline:
            line = line.replace(piece, "")
        return line

    leftovers = [
        line
        for line in printed_book.text.splitlines()
        if RAW_TEX.search(prose(line)) and not any(line.strip().replace("-", "") in c for c in code)
    ]
    assert not leftovers, "raw TeX in the PDF text:\n" + "\n".join(leftovers)


def test_no_runtime_controls_are_printed(printed_book):
    controls = CONTROL_LINE.findall(printed_book.text)
    assert not controls, f"control labels in the PDF: {controls}"
    assert "Loading Python" not in printed_book.text


def test_cells_print_their_code_and_build_time_output(printed_book):
    text = printed_book.text
    assert text.count("Output computed when the book was built") >= 9  # at least one per chapter
    assert "import numpy as np" in text
    assert "from backprop import" in text


def test_the_worked_example_numbers_appear(printed_book, chapter_pages):
    source = (DOCS / "backpropagation.md").read_text()
    not_in_source = [number for number in WORKED_EXAMPLE_NUMBERS if number not in source]
    assert not not_in_source, f"the worked example no longer says {not_in_source}"
    chapter = printed_book.pages_text(*chapter_pages["Backpropagation"])
    missing = [number for number in WORKED_EXAMPLE_NUMBERS if number not in chapter]
    assert not missing, f"worked example numbers missing from the PDF: {missing}"


def test_every_chapter_with_figures_has_them_in_the_pdf(printed_book, chapter_pages, built_site):
    """Figures are <img> elements; tagged PDF keeps each as a Figure element with its alt text
    and page. (SVG figures print as vector drawings, not images, so counting images would miss
    them.)"""
    figures = printed_book.figure_pages()
    for title, markdown in nav_chapters():
        page = built_site.directory / markdown.replace("index.md", "").replace(".md", "/")
        html = (page / "index.html" if page.is_dir() else page).read_text()
        expected = html.count('class="bp-output__image"')
        first, last = chapter_pages[title]
        printed = [alt for number, alt in figures if first <= number <= last]
        assert len(printed) >= expected, f"{title}: {expected} figures in its HTML, {printed} here"


def test_svg_figures_stay_vector_graphics(printed_book, built_site):
    """Only the build's PNG figures, and pictures that an SVG figure itself embeds as pixels
    (matplotlib's imshow), may be raster images in the PDF: SVGs print as vectors."""
    print_page = (built_site.directory / "print_page" / "index.html").read_text()
    png_figures = print_page.count('class="bp-output__image" src="data:image/png')
    svgs = [base64.b64decode(data).decode() for data in SVG_DATA_URI.findall(print_page)]
    assert len(svgs) >= 9
    embedded_rasters = sum(svg.count("<image ") for svg in svgs)
    assert printed_book.raster_image_count() <= png_figures + embedded_rasters


def test_internal_links_jump_within_the_pdf_and_external_links_stay(printed_book):
    links = printed_book.link_annotations()
    destinations = {str(name).removeprefix("/") for name in printed_book.reader.named_destinations}
    internal = [str(link["/Dest"]).removeprefix("/") for link in links if "/Dest" in link]
    external = [link["/A"]["/URI"] for link in links if link.get("/A", {}).get("/S") == "/URI"]
    assert len(internal) >= 50, f"only {len(internal)} internal links"
    assert not set(internal) - destinations, "internal links to missing destinations"
    assert any(uri.startswith("https://") for uri in external)
    assert not [uri for uri in external if "print_page" in uri], "links into the print page"


def test_each_chapter_with_cells_points_to_its_online_edition(printed_book, online_url):
    text = " ".join(printed_book.text.split())
    for title, markdown in nav_chapters():
        if "python cell" not in (DOCS / markdown).read_text():
            continue
        path = "" if markdown == "index.md" else markdown.removesuffix(".md") + "/"
        assert f"online edition: {online_url}{path}" in text, f"{title}: no note with its URL"


def test_the_solutions_appendix_lists_every_exercise_and_no_controls_print(
    printed_book, chapter_pages
):
    appendix = " ".join(
        printed_book.pages_text(*chapter_pages["Solutions to the exercises"]).split()
    )
    exercises = [exercise for chapter in book_exercises() for exercise in chapter.exercises]
    assert exercises
    for exercise in exercises:
        assert exercise.title in appendix, f"the appendix lacks {exercise.title!r}"
        assert " ".join(exercise.verifies.split()[:6]) in appendix
    text = printed_book.text
    for runtime_only in ("Hint 1 of", "exercises solved", "Export progress", "Looking is fine"):
        assert runtime_only not in text, f"{runtime_only!r} is printed"
    assert text.count("The solution, and what the check verifies, are in") == len(exercises)


def test_each_explorable_prints_its_build_time_figure_and_caption_but_no_controls(
    printed_book, built_site
):
    print_page = (built_site.directory / "print_page" / "index.html").read_text()
    explorables = re.findall(r'<figure class="bp-explorable".*?</figure>', print_page, re.S)
    assert len(explorables) >= 3
    # Chromium writes a line break in an alt text as a space.
    alts = {" ".join(alt.split()) for _, alt in printed_book.figure_pages()}
    text = " ".join(printed_book.text.split())
    for markup in explorables:
        alt = html.unescape(
            re.search(r'class="bp-explorable__static"[^>]* alt="([^"]*)"', markup)[1]
        )
        assert " ".join(alt.split()) in alts, f"the explorable figure {alt!r} is not in the PDF"
    assert text.count("Online, you can") >= len(explorables)
    for control in ("Pin this run", "Show the whole pass", "Units per layer", "Starting Python"):
        assert control not in text, f"the control {control!r} is printed"


def test_diagrams_are_printed_as_drawings_with_their_labels(printed_book, built_site):
    """Mermaid diagrams are inline SVG drawn at build time, so the PDF has them too."""
    print_page = (built_site.directory / "print_page" / "index.html").read_text()
    diagrams = re.findall(
        r'<figure class="bp-diagram">(<svg\b.*?</svg>)</figure>', print_page, re.S
    )
    assert diagrams, "no diagram on the print page"
    text = " ".join(printed_book.text.split())
    assert "backward pass: dA, dZ, dW, db" in text, "the diagram's labels are not in the PDF"
