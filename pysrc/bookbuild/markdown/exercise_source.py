"""Exercises as authors write them: one fenced block, with its parts as fences inside it.

    ````exercise id="central-difference" title="The central difference"
    The statement, in Markdown (math, links, code).

    ```python starter
    def central_difference(f, x, h):
        return 0.0  # runs, but does not solve the task
    ```

    ```python check
    '''What the check verifies, in one sentence (the solutions appendix prints it).'''
    expect_number(central_difference(math.sin, 1.0, 1e-3), math.cos(1.0), ...)
    ```

    ```markdown hint
    The first hint; each further hint fence is revealed after the one before.
    ```

    ```python solution
    def central_difference(f, x, h):
        return (f(x + h) - f(x - h)) / (2 * h)
    ```

    ```python wrong diagnosis="forward difference"
    A plausible wrong answer; its check must fail with a message containing the diagnosis.
    ```
    ````

The outer fence has more backticks than the inner ones. `id` must be unique in the book: it keys
the reader's progress. Every mistake in the block is reported with its file and line.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from mkdocs.exceptions import BuildError

from bookbuild.markdown.source_location import PageSource

OPENING = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{4,}|~{4,})exercise\b(?P<options>.*)$")
# Any other fence: an exercise shown inside one (the authors' page's example) is only text.
OTHER_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")
PART = re.compile(r"^```(?P<language>\w+)\s+(?P<kind>\w+)(?P<options>.*)$")
OPTION = re.compile(r'(\w[\w-]*)="([^"]*)"')
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PART_LANGUAGES = {"starter": "python", "check": "python", "solution": "python",
                  "wrong": "python", "hint": "markdown"}  # fmt: skip


class ExerciseError(BuildError):
    """A malformed exercise; the message starts with its file and line. A BuildError: MkDocs
    prints the message once, with no traceback, and stops."""


@dataclass
class WrongAnswer:
    code: str
    diagnosis: str  # the feedback must contain this text
    line: str  # file:line of its fence


@dataclass
class Exercise:
    id: str
    title: str
    where: str  # file:line of the opening fence
    statement: str = ""
    starter: str | None = None
    check: str | None = None
    solution: str | None = None
    hints: list[str] = field(default_factory=list)
    wrong_answers: list[WrongAnswer] = field(default_factory=list)
    start: int = 0  # index of the opening line in the page's lines
    end: int = 0  # index just after the closing line

    @property
    def version(self) -> str:
        """Changes when the task does (statement, check, solution), so old progress is void."""
        text = "\0".join([self.statement, self.check or "", self.solution or ""])
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    @property
    def verifies(self) -> str:
        """The check's docstring: what a pass means."""
        match = re.match(r'\s*(?:"""|\'\'\')(.*?)(?:"""|\'\'\')', self.check or "", re.S)
        return " ".join(match.group(1).split()) if match else ""


def options_of(text: str) -> dict[str, str]:
    return dict(OPTION.findall(text))


def find_exercises(lines: list[str], source: PageSource) -> list[Exercise]:
    """Every exercise block in a page's lines, parsed and validated."""
    exercises, index = [], 0
    while index < len(lines):
        opening = OPENING.match(lines[index])
        if not opening:
            index = after_other_fence(lines, index)
            continue
        closing = find_closing(lines, index, opening["fence"], source)
        exercises.append(parse_exercise(lines, index, closing, opening, source))
        index = closing + 1
    seen: dict[str, str] = {}
    for exercise in exercises:
        if exercise.id in seen:
            raise ExerciseError(f"{exercise.where}: the id {exercise.id!r} is also used at "
                                f"{seen[exercise.id]}; ids must be unique")  # fmt: skip
        seen[exercise.id] = exercise.where
    return exercises


def after_other_fence(lines: list[str], index: int) -> int:
    """The index after line `index`, or after the fenced block that opens there."""
    other = OTHER_FENCE.match(lines[index])
    if not other:
        return index + 1
    fence = other["fence"]
    closing = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}\s*$")
    end = next((i for i in range(index + 1, len(lines)) if closing.match(lines[i])), len(lines))
    return end + 1


def find_closing(lines: list[str], start: int, fence: str, source: PageSource) -> int:
    for index in range(start + 1, len(lines)):
        if lines[index].strip() == fence:
            return index
    raise ExerciseError(f"{source.where(start)}: this exercise has no closing {fence}")


def parse_exercise(lines, start, closing, opening, source: PageSource) -> Exercise:
    where = source.where(start)
    options = options_of(opening["options"])
    unknown = set(options) - {"id", "title"}
    if unknown:
        raise ExerciseError(f"{where}: unknown exercise option(s) {sorted(unknown)}; "
                            "an exercise takes id=\"...\" and title=\"...\"")  # fmt: skip
    exercise_id, title = options.get("id", ""), options.get("title", "")
    if not ID.match(exercise_id):
        raise ExerciseError(f'{where}: an exercise needs id="lowercase-words-with-dashes", '
                            f"got {exercise_id!r}")  # fmt: skip
    if not title:
        raise ExerciseError(f'{where}: the exercise {exercise_id!r} needs a title="..."')
    exercise = Exercise(exercise_id, title, where, start=start, end=closing + 1)
    indent = len(opening["indent"])
    body = [line[indent:] for line in lines[start + 1 : closing]]
    statement: list[str] = []
    index = 0
    while index < len(body):
        part = PART.match(body[index])
        if not part:
            if body[index].strip() and index > len(statement):  # a part came before this text
                raise ExerciseError(f"{source.where(start + 1 + index)}: text between the "
                                    "exercise's parts; the statement goes first")  # fmt: skip
            statement.append(body[index])
            index += 1
            continue
        end = next((i for i in range(index + 1, len(body)) if body[i].strip() == "```"), None)
        if end is None:
            raise ExerciseError(f"{source.where(start + 1 + index)}: this part has no closing ```")
        add_part(exercise, part, "\n".join(body[index + 1 : end]), source.where(start + 1 + index))
        index = end + 1
    exercise.statement = "\n".join(statement).strip()
    for required in ("statement", "starter", "check", "solution"):
        if not getattr(exercise, required):
            raise ExerciseError(f"{where}: the exercise {exercise_id!r} has no {required}")
    if not exercise.verifies:
        raise ExerciseError(f"{where}: the check of {exercise_id!r} must start with a docstring "
                            "saying what it verifies")  # fmt: skip
    return exercise


def add_part(exercise: Exercise, part: re.Match, text: str, where: str) -> None:
    kind, language = part["kind"], part["language"]
    if PART_LANGUAGES.get(kind) != language:
        known = ", ".join(f"```{lang} {name}" for name, lang in PART_LANGUAGES.items())
        raise ExerciseError(f"{where}: unknown exercise part ```{language} {kind}; the parts are "
                            f"{known}")  # fmt: skip
    if kind == "hint":
        exercise.hints.append(text.strip())
    elif kind == "wrong":
        diagnosis = options_of(part["options"]).get("diagnosis", "")
        if not diagnosis:
            raise ExerciseError(f'{where}: a wrong answer needs diagnosis="..." (text its '
                                "feedback must contain)")  # fmt: skip
        exercise.wrong_answers.append(WrongAnswer(text, diagnosis, where))
    elif getattr(exercise, kind) is not None:
        raise ExerciseError(f"{where}: the exercise {exercise.id!r} has two {kind} parts")
    else:
        setattr(exercise, kind, text)
