"""What every chapter has, and the concepts a page keeps, are rules of the build
(bookbuild.markdown.chapter_rules_hook): a page that breaks one fails the strict build with a
warning that names the file and line. No test lists the book's chapters or their concepts."""

from __future__ import annotations

import pytest

from tests.authoring.mini_book import CHAPTER_RULES, HOOKS, MiniBook

EXERCISE = """
````exercise id="double" title="Double it"
Write `double(x)`, which returns twice `x`.

```python starter
def double(x):
    return x
```

```python check
'''double(x) returns twice x for a few numbers.'''
from exercise_checks import expect_number

expect_number(double(3.0), 6.0, "double(3.0)")
```

```markdown hint
Twice a number is that number added to itself.
```

```markdown hint
Multiply `x` by a constant.
```

```python solution
def double(x):
    return 2 * x
```

```markdown explanation
Twice `x` is `x` added to itself, which is `2 * x`: the check compares it with 6.0 for 3.0, so
any other factor fails it.
```

```python wrong diagnosis="factor-2"
def double(x):
    return 4 * x
```
````
"""
COMPLETE = """# A chapter

The slope of $x^2$ is $2x$.

## Plotting

```python cell
import matplotlib.pyplot as plt
plt.plot([0, 1], [0, 1]);
```

```python cell
print(2 * 3)
```

## Summary

It has everything.
"""
BARE = "# A draft\n\nSome words, no more.\n\n## Exercises\n" + EXERCISE


@pytest.fixture
def chapters(tmp_path):
    def make(pages: dict[str, str]) -> MiniBook:
        book = MiniBook(tmp_path / "book", tmp_path / "cell-cache", hooks=[*HOOKS, CHAPTER_RULES])
        book.write(pages)
        return book

    return make


def test_a_chapter_with_a_formula_cells_a_figure_and_a_summary_builds(chapters):
    result = chapters({"index.md": COMPLETE}).build()
    assert result.returncode == 0, result.stdout + result.stderr


def test_what_a_chapter_lacks_is_named_with_its_file_and_line(chapters):
    log = chapters({"index.md": COMPLETE, "draft.md": BARE}).failed_build()
    for lack in ("no formula", "fewer than two cells", "no figure", 'no "Summary" heading'):
        assert f"draft.md:1: this chapter has {lack}" in log, log
    assert "index.md:1:" not in log, "the complete chapter breaks no rule"
    exercise_line = BARE.splitlines().index('````exercise id="double" title="Double it"') + 1
    assert f"draft.md:{exercise_line}: exercise 'double' has 1 wrong answer(s)" in log, log


def test_a_reference_page_is_not_held_to_a_chapters_rules(chapters):
    result = chapters({"index.md": COMPLETE, "reference/notes.md": "# Notes\n\nWords.\n"}).build()
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_concept_that_is_no_longer_a_heading_is_named_at_its_line_in_concepts_yml(chapters):
    book = chapters({"index.md": COMPLETE})
    concepts = "# what each page teaches\nindex.md:\n  - Plotting\n  - The tangent line\n"
    (book.docs / "concepts.yml").write_text(concepts)
    log = book.failed_build()
    assert "concepts.yml:4: index.md has no heading for the concept 'The tangent line'" in log
    assert "'Plotting'" not in log.split("concepts.yml:4")[0], "a heading that exists is no problem"
