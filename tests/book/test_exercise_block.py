"""The ````exercise block: its static markup, and a build that fails, naming the file and line,
when an exercise does not work as written."""

from __future__ import annotations

import re

import markdown
import pytest
from pymdownx.superfences import SuperFencesException

from bookbuild.book_nav import chapters
from bookbuild.markdown.book_exercises import ChapterExercises, book_exercises
from bookbuild.markdown.exercise_counts import check_exercise_counts
from bookbuild.markdown.exercise_source import ExerciseError

GOOD = {
    "statement": "Write `double(x)`, which returns $2x$.",
    "starter": "```python starter\ndef double(x):\n    return x\n```",
    "check": '```python check\n"""double(x) is 2x for three numbers."""\n'
    "from exercise_checks import expect_number\nfor x in (1.0, -2.5, 4.0):\n"
    '    expect_number(double(x), 2 * x, f"double({x})")\n```',
    "hint": "```markdown hint\nMultiply by $2$.\n```",
    "solution": "```python solution\ndef double(x):\n    return 2 * x\n```",
    "explanation": "```markdown explanation\nDoubling is adding $x$ to itself: $x + x = 2x$.\n```",
    "wrong": '```python wrong diagnosis="sign"\ndef double(x):\n    return -2 * x\n```',
}


def exercise(**parts) -> str:
    chosen = {**GOOD, **parts}
    body = "\n\n".join(text for text in chosen.values() if text)
    return f'Some prose.\n\n````exercise id="double" title="Double it"\n{body}\n````\n'


def line_of(text: str, fence: str) -> int:
    """The 1-based line of the first line of `text` that starts with `fence`."""
    return next(n for n, line in enumerate(text.split("\n"), start=1) if line.startswith(fence))


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


@pytest.mark.parametrize("missing", ["check", "solution", "starter", "explanation"])
def test_an_exercise_without_a_part_fails_with_its_line(missing):
    with pytest.raises(
        ExerciseError, match=rf"<markdown>:3: the exercise 'double' has no {missing}"
    ):
        render(exercise(**{missing: ""}))


def test_a_check_without_a_docstring_is_refused():
    check = GOOD["check"].replace('"""double(x) is 2x for three numbers."""\n', "")
    with pytest.raises(ExerciseError, match="must start with a docstring"):
        render(exercise(check=check))


def test_a_solution_that_fails_its_own_check_is_told_to_its_author_at_its_fence():
    solution = "```python solution\ndef double(x):\n    return 2 * x + 1\n```"
    page = exercise(solution=solution)
    with pytest.raises(SuperFencesException) as failed:
        render(page)
    where = f"<markdown>:{line_of(page, '```python solution')}"
    assert f"{where}: the solution of exercise 'double' fails its own check" in str(failed.value)
    assert "`double(1.0)` is 3 but it should be 2" in str(failed.value)
    assert "Fix the solution or the check." in str(failed.value)


def test_the_solution_and_why_it_works_are_folded_in_the_chapter():
    page = render(exercise())
    fold = re.search(r'<details class="bp-exercise__solution".*?</details>', page, re.S)
    assert fold and "Why it works." in fold.group(0) and "adding" in fold.group(0)


def test_a_check_that_raises_an_error_of_its_own_fails_the_build_at_the_answer():
    check = (
        '```python check\n"""double(x) is 2x."""\nimport numpy as np\n'
        "assert float(np.asarray(double(1.0)).reshape(())) == 2.0, 'not 2'\n```"
    )
    starter = "```python starter\ndef double(x):\n    return [x, x]\n```"
    page = exercise(check=check, starter=starter, wrong="")
    with pytest.raises(SuperFencesException) as failed:
        render(page)
    assert f"<markdown>:{line_of(page, '```python starter')}:" in str(failed.value)
    assert "raised an error of its own on the starter" in str(failed.value)


def test_a_starter_that_passes_fails_the_build():
    with pytest.raises(SuperFencesException, match="starter code passes its check"):
        render(exercise(starter=GOOD["solution"].replace("solution", "starter")))


def test_a_wrong_answer_must_get_exactly_its_diagnosis():
    page = exercise(wrong=GOOD["wrong"].replace('"sign"', '"half"'))
    with pytest.raises(SuperFencesException) as failed:
        render(page)
    assert f"<markdown>:{line_of(page, '```python wrong')}: this wrong answer" in str(failed.value)
    assert "should be diagnosed 'half', but its check found the mistake 'sign'" in str(failed.value)


def test_a_wrong_answer_that_passes_fails_the_build_at_its_fence():
    page = exercise(wrong=GOOD["wrong"].replace("-2 * x", "x + x"))
    with pytest.raises(SuperFencesException, match="this wrong answer passes the check"):
        render(page)


def test_a_diagnosis_is_an_id_that_the_checks_know():
    with pytest.raises(ExerciseError, match='needs diagnosis="id"'):
        render(exercise(wrong=GOOD["wrong"].replace('"sign"', '"times -1"')))
    page = exercise(wrong=GOOD["wrong"].replace('"sign"', '"tripled"'))
    with pytest.raises(ExerciseError) as failed:
        render(page)
    message = str(failed.value)
    assert message.startswith(f"<markdown>:{line_of(page, '```python wrong')}: the mistake")
    assert "'tripled' is unknown" in message and "transpose" in message and "sign" in message


def test_an_exercise_s_own_mistakes_are_known_by_their_ids():
    check = (
        '```python check\n"""double(x) is 2x."""\nfrom exercise_checks import Mistake, '
        "expect_number\nfor x in (1.0, 3.0):\n    expect_number(double(x), 2 * x, "
        "f'double({x})', mistakes={'squared': Mistake('you square x', x * x)})\n```"
    )
    wrong = '```python wrong diagnosis="squared"\ndef double(x):\n    return x * x\n```'
    assert "bp-exercise" in render(exercise(check=check, wrong=wrong))


def test_a_hint_may_not_give_away_a_line_of_the_solution():
    page = exercise(hint="```markdown hint\nWrite `return 2 * x`.\n```")
    with pytest.raises(ExerciseError) as failed:
        render(page)
    assert str(failed.value).startswith(
        f"<markdown>:{line_of(page, '```markdown hint')}: hint 1 of exercise 'double' contains "
        "the solution's code `return 2 * x`"
    )
    hint = "```markdown hint\nIt is `2 * x`.\n```"  # shorter than a giveaway
    assert "bp-exercise" in render(exercise(hint=hint))


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


def test_a_chapter_with_too_few_exercises_fails_at_its_exercises_heading():
    book = book_exercises()
    check_exercise_counts(book)  # the book itself has enough
    second = book[1]
    short = [*book[:1], ChapterExercises(second.page, second.exercises[:2]), *book[2:]]
    with pytest.raises(ExerciseError) as failed:
        check_exercise_counts(short)
    heading = line_of(second.page.source.read_text(), "## Exercises")
    assert str(failed.value).startswith(
        f"docs/{second.page.markdown}:{heading}: the chapter {second.page.title!r} has 2 exercises"
    )
    last = chapters()[-1]
    without_last = [chapter for chapter in book if chapter.page != last]
    with pytest.raises(ExerciseError, match=f"the chapter {last.title!r} has 0 exercises"):
        check_exercise_counts(without_last)
