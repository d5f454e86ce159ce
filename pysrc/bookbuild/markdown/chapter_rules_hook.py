"""MkDocs hook: what every chapter has, and the concepts each page keeps as headings.

A chapter is a page of mkdocs.yml's nav outside `reference/`. Each one has, once converted:

- at least one formula, at least two cells, at least one figure (a cell's plot, a build-time
  block's image, an explorable, a diagram or an image) and a "Summary" heading;
- for each exercise, at least three `wrong` answers, each with the diagnosis it must get.

docs/concepts.yml lists, for any page of the nav, the concepts it teaches: each must stay a
heading of that page (case-insensitive; a heading that contains it counts). A new page needs no
entry there.

A page that breaks a rule gets a warning that names the file and line (the page's first line for
what the whole chapter lacks, the exercise's or the concept's own line otherwise): `mkdocs build
--strict` (make build, make test, make test-chapter) fails on it, and `make serve` shows it on
every page of the preview (bookbuild.preview) without hiding the chapter an author is drafting.
"docs/reference/writing.md" states the same rules for authors.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import yaml

from bookbuild.book_nav import pages_of_nav
from bookbuild.markdown.exercise_source import find_exercises
from bookbuild.markdown.source_location import PageFile, PageSource, shown_path

LOG = logging.getLogger("mkdocs.bookbuild")
CONCEPTS_FILE = "concepts.yml"  # in docs/
FIGURE = re.compile(r"<(?:img|figure|svg)\b")
WRONG_ANSWERS = 3


def chapter_problems(html: str, headings: list[str]) -> list[str]:
    """What a chapter's HTML lacks, in words an author acts on."""
    problems = []
    if "<math" not in html:
        problems.append("has no formula: write one with $...$ or $$...$$")
    if html.count("data-cell=") < 2:
        problems.append("has fewer than two cells: a chapter's code runs in ```python cell blocks")
    if not FIGURE.search(html):
        problems.append(
            "has no figure: plot in a cell (matplotlib), or add an explorable, a ```mermaid "
            "diagram or an image"
        )
    if "summary" not in (heading.lower() for heading in headings):
        problems.append('has no "Summary" heading: end the chapter with `## Summary`')
    return problems


def page_headings(toc) -> list[str]:
    """Every heading of a page, from MkDocs' table of contents (the page's title included)."""
    headings = []
    for item in toc:
        headings.append(item.title)
        headings += page_headings(item.children)
    return headings


def missing_concepts(concepts_path: Path, page: str, headings: list[str]) -> list[tuple[int, str]]:
    """(line in concepts.yml, concept) for each concept of `page` that no heading names."""
    lowered = [heading.lower() for heading in headings]
    return [
        (line, concept)
        for line, concept in listed_concepts(concepts_path).get(page, [])
        if not any(concept.lower() in heading for heading in lowered)
    ]


def listed_concepts(path: Path) -> dict[str, list[tuple[int, str]]]:
    """concepts.yml as {page: [(line, concept)]}; empty when the book has no such file."""
    if not path.exists():
        return {}
    root = yaml.compose(path.read_text())
    if root is None:
        return {}
    return {
        key.value: [(item.start_mark.line + 1, str(item.value)) for item in value.value]
        for key, value in root.value
    }


def chapters_of(config) -> set[str]:
    """The chapters of the book being built (its nav's pages outside `reference/`)."""
    return {page.markdown for page in pages_of_nav(config.nav) if page.is_chapter}


def on_page_content(html, page, config, files):
    if page.file.generated_by is not None:  # a page a plugin made (the print page)
        return html
    path = shown_path(page.file.abs_src_path)
    headings = page_headings(page.toc)
    if page.file.src_uri in chapters_of(config):
        for problem in chapter_problems(html, headings):
            LOG.warning(f"{path}:1: this chapter {problem}.")
        lines = page.file.content_string.splitlines()
        source = PageSource(lines, PageFile(path, 1, page.file.src_uri))
        for exercise in find_exercises(lines, source):
            if len(exercise.wrong_answers) < WRONG_ANSWERS:
                LOG.warning(
                    f"{exercise.where}: exercise {exercise.id!r} has "
                    f"{len(exercise.wrong_answers)} wrong answer(s); write at least "
                    f"{WRONG_ANSWERS}, each a plausible mistake with the diagnosis it must get."
                )
    concepts_path = Path(config.docs_dir) / CONCEPTS_FILE
    for line, concept in missing_concepts(concepts_path, page.file.src_uri, headings):
        LOG.warning(
            f"{shown_path(str(concepts_path))}:{line}: {page.file.src_uri} has no heading for "
            f"the concept {concept!r}; its headings are {headings}."
        )
    return html


def on_env(env, config, files):
    """An entry of concepts.yml for a page that is not in the book is a mistake too."""
    concepts_path = Path(config.docs_dir) / CONCEPTS_FILE
    pages = {file.src_uri for file in files.documentation_pages()}
    root = yaml.compose(concepts_path.read_text()) if concepts_path.exists() else None
    for key, _ in root.value if root is not None else []:
        if key.value not in pages:
            LOG.warning(
                f"{shown_path(str(concepts_path))}:{key.start_mark.line + 1}: {key.value} is not "
                "a page of the book (docs/); its concepts cannot be checked."
            )
    return env
