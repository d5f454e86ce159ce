"""The ````exercise block: its static markup, and a build that fails, naming the file and line,
when an exercise does not work as written."""

from __future__ import annotations

import re

import markdown
import pytest
from pymdownx.superfences import SuperFencesException

from bookbuild.markdown.exercise_source import ExerciseError

GOOD = {
    "statement": "Write `double(x)`, which returns $2x$.",
    "starter": "```python starter\ndef double(x):\n    return x\n```",
    "check": '```python check\n"""double(x) is 2x for three numbers."""\n'
    "from exercise_checks import expect_number\nfor x in (1.0, -2.5, 4.0):\n"
    '    expect_number(double(x), 2 * x, f"double({x})")\n```',
    "hint": "```markdown hint\nMultiply by $2$.\n```",
    "solution": "```python solution\ndef double(x):\n    return 2 * x\n```",
    "wrong": '```python wrong diagnosis="times -1"\ndef double(x):\n    return -2 * x\n```',
}


def exercise(**parts) -> str:
    chosen = {**GOOD, **parts}
    body = "\n\n".join(text for text in chosen.values() if text)
    return f'Some prose.\n\n````exercise id="double" title="Double it"\n{body}\n````\n'


def render(text: str) -> str:
    extensions = ["md_in_html", "pymdownx.superfences", "bookbuild.markdown.extension"]
    return markdown.Markdown(extensions=extensions).convert(text)


def test_an_exercise_is_static_first_with_its_hooks():
    page = render(exercise())
    assert re.search(r'<section class="bp-exercise"[^>]* data-exercise="double"', page)
    assert "Exercise 1: Double it" in page and "data-exercise-cell" in page
    assert re.search(r'data-exercise-feedback[^>]*aria-live="polite"|aria-live="polite"[^>]*'
                     r"data-exercise-feedback", page)  # fmt: skip
    solution = re.search(r"<div data-solution[^>]*>(.*?)</div>\s*</details>", page, re.S)
    assert solution and "return" in solution.group(1) and "2" in solution.group(1)
    assert "<summary>Hint 1 of 1</summary>" in page
    assert "Check" not in re.sub(r"<[^>]+>", "", page).split("Looking is fine")[0].replace(
        "The check", ""
    ), "no Check button in the static HTML: the runtime adds it"


@pytest.mark.parametrize("missing", ["check", "solution", "starter"])
def test_an_exercise_without_a_part_fails_with_its_line(missing):
    with pytest.raises(
        ExerciseError, match=rf"<markdown>:3: the exercise 'double' has no {missing}"
    ):
        render(exercise(**{missing: ""}))


def test_a_check_without_a_docstring_is_refused():
    check = GOOD["check"].replace('"""double(x) is 2x for three numbers."""\n', "")
    with pytest.raises(ExerciseError, match="must start with a docstring"):
        render(exercise(check=check))


def test_a_check_that_its_own_solution_fails_fails_the_build():
    solution = "```python solution\ndef double(x):\n    return 2 * x + 1\n```"
    with pytest.raises(SuperFencesException) as failed:
        render(exercise(solution=solution))
    assert "<markdown>:3: exercise 'double': its solution fails its own check" in str(failed.value)
    assert "`double(1.0)` is 3 but it should be 2" in str(failed.value)


def test_a_starter_that_passes_fails_the_build():
    with pytest.raises(SuperFencesException, match="starter code passes its check"):
        render(exercise(starter=GOOD["solution"].replace("solution", "starter")))


def test_a_wrong_answer_must_get_its_diagnosis():
    wrong = GOOD["wrong"].replace("times -1", "a factor of 3")
    with pytest.raises(SuperFencesException, match="should be told 'a factor of 3'"):
        render(exercise(wrong=wrong))


def test_unknown_parts_and_options_are_named():
    with pytest.raises(ExerciseError, match=r"unknown exercise part ```python answer"):
        render(exercise(hint="```python answer\nx = 1\n```"))
    with pytest.raises(ExerciseError, match="unknown exercise option"):
        render(exercise().replace('title="Double it"', 'title="Double it" points="3"'))


def test_two_exercises_with_one_id_are_refused():
    with pytest.raises(ExerciseError, match="ids must be unique"):
        render(exercise() + "\n" + exercise())


def test_an_exercise_runs_apart_from_the_page():
    """Its starter, solution and wrong answers run in copies of the namespace: a cell after the
    exercise does not see `double`."""
    page = exercise() + "\n```python cell error\ndouble(3)\n```\n"
    assert "NameError: name &#x27;double&#x27; is not defined" in render(page)


def test_an_exercise_shown_inside_another_fence_is_only_text():
    shown = f"`````markdown\n{exercise().split(chr(10), 2)[2]}`````\n"
    page = render(f"# How to write one\n\n{shown}")
    assert "bp-exercise" not in page and "data-exercise-cell" not in page
    assert "````exercise id=&quot;double&quot;" in page or '````exercise id="double"' in page
