"""The authors' page ("Writing for this book") shows every construct it lists, working."""

from __future__ import annotations

import re

import pytest
import yaml

from bookbuild.book_nav import nav_page
from bookbuild.markdown.build_session import PageSession
from bookbuild.markdown.exercise_source import find_exercises
from bookbuild.markdown.exercise_verify import verify
from bookbuild.markdown.source_location import docs_file_source
from bookbuild.paths import DOCS
from explorables.settings import SETTINGS, settings_for

PAGE = nav_page("docs/reference/writing.md")
MARKDOWN = (DOCS / PAGE.markdown).read_text()

# What each construct leaves in the built page.
CONSTRUCTS = {
    "a cell with build-time output": r'<div class="bp-cell" id="cell-1" data-cell="cell-1"',
    "a cell that shows an error": r"data-expects-error.*?ValueError: Dense 2",
    "a cell with an id": r'data-cell="tangent-slope"',
    "a hidden cell": r'<details class="bp-cell__hidden-code"><summary>',
    "a figure from a hidden cell": r"</details>.{0,400}?bp-cell__static.*?bp-output__image",
    "a markdown-exec table": r"<th>activation",
    "a markdown-exec HTML picture": r"<svg[^>]*>\s*<title>A 2-3-1 network",
    "a markdown-exec session": r"A 784-128-10 network has 101,632 weights",
    "math": r'<div class="arithmatex"><math[^>]*display="block"',
    "an admonition": r'class="admonition note"',
    "a collapsed admonition": r'<details class="tip"',
    "tabs": r'class="tabbed-set',
    "a footnote": r'class="footnote"',
    "a figure with an image": r'<figure>\s*<img alt="The curve y = x squared[^"]*" '
    r'src="[^"]*tangent-line\.svg',
    "a diagram": r'<figure class="bp-diagram"><svg',
}


@pytest.mark.parametrize("construct", sorted(CONSTRUCTS))
def test_the_page_shows_each_construct(built_site, construct):
    html = (built_site.directory / PAGE.html).read_text()
    assert re.search(CONSTRUCTS[construct], html, re.S), f"{construct}: not on {PAGE.html}"


def test_every_example_shows_its_source_above_its_result(built_site):
    html = (built_site.directory / PAGE.html).read_text()
    examples = MARKDOWN.count('````md exec="on" source="block"')
    assert examples >= 10
    assert html.count('<div class="result">') == examples


def test_the_figure_example_shows_the_markdown_that_made_the_figure():
    """The one example written twice (MkDocs rewrites image paths in the page's own Markdown
    only): its source block and the figure itself must be the same text."""
    shown = re.search(r"```md\n(<figure markdown.*?</figure>)\n```", MARKDOWN, re.S)
    assert shown, "the figure example's source block is missing"
    assert MARKDOWN.count(shown[1]) == 2, "the figure differs from the source shown for it"


def test_the_exercise_example_is_a_working_exercise():
    """Shown as text (it is not one of the book's exercises), it is proved here as the build
    proves every exercise: the solution passes, the starter fails, the wrong answer is told."""
    shown = re.search(r"`````markdown\n(````exercise.*?\n````)\n`````", MARKDOWN, re.S)
    assert shown, "the exercise example is missing"
    lines = shown[1].split("\n")
    (exercise,) = find_exercises(lines, docs_file_source(PAGE.markdown, lines))
    empty_page = PageSession().namespace
    assert verify(exercise, lambda code: empty_page, number=1, timeout=30).output is not None
    assert exercise.wrong_answers, "the example shows a wrong answer with its diagnosis"


def test_the_explorable_example_has_valid_settings():
    shown = re.search(
        r"````markdown\n```explorable kind=\"([\w-]+)\"\n(.*?)```\n````", MARKDOWN, re.S
    )
    assert shown, "the explorable example is missing"
    settings = yaml.safe_load(shown[2])
    settings.pop("caption")
    assert settings_for(shown[1], settings)
    for kind in SETTINGS:
        assert f"| `{kind}` |" in MARKDOWN, f"the table of explorables lacks {kind}"
