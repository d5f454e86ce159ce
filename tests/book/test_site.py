"""The whole book builds strictly, covers every concept, renders its math and loads nothing
from another origin."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

from bookbuild.book_nav import chapters, nav_pages
from tests.book.html_text import read_page

# Every concept the book must teach, as a heading on its chapter's page (case-insensitive).
CONCEPT_HEADINGS = {
    "index.html": ["What a network computes", "What backpropagation and gradient descent are for",
                   "How to use this book"],
    "derivatives/index.html": ["The slope", "The limit definition", "Numerical derivatives",
                               "Error as h shrinks", "The tangent line",
                               "Rules for products and quotients",
                               "Derivatives of sigmoid and tanh"],
    "partial-derivatives/index.html": ["Partial derivatives", "The gradient",
                                       "Steepest ascent and descent",
                                       "Downhill is not towards the minimum"],
    "gradient-descent/index.html": ["Small steps", "The learning rate",
                                    "Trajectories on a 2-D function", "Momentum",
                                    "More than one minimum",
                                    "Explore: the learning rate, momentum and the start"],
    "forward-propagation/index.html": ["A neuron", "Layers and batches", "A picture of a network",
                                       "The prediction ŷ", "Initialising the weights"],
    "cost-functions/index.html": ["Mean squared error", "Cross-entropy",
                                  "Binary cross-entropy",
                                  "Binary cross-entropy against MSE on XOR",
                                  "Cost as a function of the weights"],
    "chain-rule/index.html": ["The chain rule", "The Value engine", "Gates route gradients",
                              "Gradients add up", "Forward mode and reverse mode",
                              "Jacobians and vector-Jacobian products",
                              "Step through backward() yourself"],
    "backpropagation/index.html": ["A chain of single neurons", "A layer is two gates",
                                   "The four equations", "Why the backward pass is cheap",
                                   "Row-batch and column-vector conventions",
                                   "A worked example: a 2-2-2 sigmoid network",
                                   "Checking backprop with numerical gradients"],
    "training/index.html": ["The mini-batch loop", "Loss curves", "XOR", "A nonlinear data set",
                            "A training playground",
                            "Handwritten digits", "Mini-batch size", "Overfitting", "Weight decay",
                            "What goes wrong", "Learning rate too large", "Saturation",
                            "Vanishing gradients"],
    "frameworks/index.html": ["Value and autograd", "Network and nn.Linear",
                              "The weight layout trap", "Gradients accumulate",
                              "The training loop", "What a framework adds"],
    "reference/notation/index.html": ["Notation"],
    "reference/api/index.html": ["API reference"],
    "reference/references/index.html": ["References"],
    "reference/solutions/index.html": ["Solutions to the exercises"],
    "reference/writing/index.html": ["Writing for this book", "Which fence runs a Python block",
                                     "Cells", "Cell options", "Cells that show an error", "Ids",
                                     "Hidden code", "Build-time blocks (markdown-exec)", "Math",
                                     "Admonitions", "Tabs", "Footnotes", "Figures and images",
                                     "Diagrams", "Links", "Exercises", "Explorables"],
}  # fmt: skip
CHAPTERS = [page.html for page in chapters()]
RAW_TEX = re.compile(r"\$\$|\\\(|\\\)|\\\[|\\\]|(?<![\w$])\$[^$\s][^$]*\$")


def test_build_is_strict_and_warning_free(built_site):
    assert built_site.log != "(reused BOOK_SITE_DIR)", "unset BOOK_SITE_DIR to test the build"
    assert "WARNING" not in built_site.log, built_site.log
    print(f"mkdocs build --strict took {built_site.seconds:.1f} s")


def test_every_page_of_the_nav_lists_its_concepts():
    assert set(CONCEPT_HEADINGS) == {page.html for page in nav_pages()}


@pytest.mark.parametrize("page", sorted(CONCEPT_HEADINGS))
def test_each_concept_is_a_heading_of_its_chapter(built_site, page):
    headings = [heading.lower() for heading in read_page(built_site.directory / page).headings]
    missing = [
        concept for concept in CONCEPT_HEADINGS[page]
        if not any(concept.lower() in heading for heading in headings)
    ]  # fmt: skip
    assert not missing, f"{page}: no heading for {missing}; headings are {headings}"


@pytest.mark.parametrize("page", CHAPTERS)
def test_every_chapter_has_math_cells_figures_and_a_summary(built_site, page):
    html = (built_site.directory / page).read_text()
    assert html.count("<math") >= 1, f"{page} has no rendered formula"
    assert html.count("data-cell=") >= 2, f"{page} has fewer than two cells"
    assert "bp-output__image" in html, f"{page} has no figure"
    assert "summary" in [h.lower() for h in read_page(built_site.directory / page).headings]


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
