"""Cell results are kept between builds: a prose edit runs no cell; a changed cell or changed
module code runs the page's cells again."""

from __future__ import annotations

from bookbuild.markdown import cell_cache


def counting_page(prose: str, counter, last_cell: str = "value = 6 * 7\nvalue") -> str:
    """A page whose first cell appends a line to `counter` each time it runs."""
    return (
        f"# Cached\n\n{prose}\n\n"
        "```python cell\n"
        f"with open({str(counter)!r}, 'a') as runs:\n    runs.write('ran\\n')\n"
        "```\n\n"
        f"```python cell\n{last_cell}\n```\n"
    )


def runs(counter) -> int:
    return counter.read_text().count("ran") if counter.exists() else 0


def test_a_prose_only_edit_runs_no_cell(book, tmp_path):
    counter = tmp_path / "runs.txt"
    built = book({"cached.md": counting_page("First words.", counter)})
    first = built.build()
    assert first.returncode == 0, first.stderr
    assert runs(counter) == 1 and "cached.md: ran 2 cells" in first.stderr

    built.write({"cached.md": counting_page("Other words, *edited*.", counter)})
    second = built.build()
    assert second.returncode == 0, second.stderr
    assert runs(counter) == 1, "a prose edit ran a cell"
    assert "ran 2 cells" not in second.stderr
    page = built.page("cached.md")
    assert "Other words" in page and "42" in page, "the cached output is still shown"


def test_editing_a_cell_runs_the_page_again(book, tmp_path):
    counter = tmp_path / "runs.txt"
    built = book({"cached.md": counting_page("Words.", counter)})
    assert built.build().returncode == 0
    built.write({"cached.md": counting_page("Words.", counter, last_cell="6 * 9")})
    result = built.build()
    assert result.returncode == 0, result.stderr
    assert runs(counter) == 2, "the cells above the edited one run again, so it sees their work"
    assert "54" in built.page("cached.md")


def test_changing_the_module_code_changes_every_pages_key(tmp_path, monkeypatch):
    module = tmp_path / "backprop"
    module.mkdir()
    (module / "layers.py").write_text("W = 1\n")
    monkeypatch.setattr(cell_cache, "CODE_INPUTS", [module])
    monkeypatch.setattr(cell_cache, "ROOT", tmp_path)
    before = cell_cache.page_key(["print(1)"])
    assert cell_cache.page_key(["print(1)"]) == before, "the key is stable"
    (module / "layers.py").write_text("W = 2\n")
    assert cell_cache.page_key(["print(1)"]) != before


def test_the_fingerprint_covers_the_module_and_the_cell_core():
    covered = {path.name for path in cell_cache.CODE_INPUTS}
    assert {"backprop", "notebook_cell", "build_session.py"} <= covered
    assert {"exercise_checks", "exercise_verify.py"} <= covered, (
        "an exercise's proof depends on them"
    )


def exercise_page(counter, solution: str = "def double(x):\n    return 2 * x") -> str:
    """A page with a cell, then an exercise whose check appends to `counter` on each proof."""
    return (
        "# Exercises\n\n"
        "```python cell\nfactor = 2\n```\n\n"
        '````exercise id="double-it" title="Double it"\n'
        "Write `double(x)`.\n\n"
        "```python starter\ndef double(x):\n    return x\n```\n\n"
        '```python check\n"""double(x) equals factor * x."""\n'
        f"with open({str(counter)!r}, 'a') as runs:\n    runs.write('ran\\n')\n"
        "from exercise_checks import expect_number\n"
        "expect_number(double(3.0), factor * 3.0, 'double(3.0)')\n```\n\n"
        "```markdown hint\nMultiply.\n```\n\n"
        f"```python solution\n{solution}\n```\n\n"
        "```markdown explanation\nDoubling multiplies by $2$, the factor of the check.\n```\n\n"
        '```python wrong diagnosis="sign"\ndef double(x):\n    return -2 * x\n```\n\n'
        '```python wrong diagnosis="half"\ndef double(x):\n    return x + 0\n```\n'
        "````\n"
    )


def test_an_exercise_is_proved_once_and_again_when_it_changes(book, tmp_path):
    counter = tmp_path / "runs.txt"
    # Each exercise points the PDF's reader to its solution in the appendix.
    appendix = "# Solutions\n\n## Double it {#solution-double-it}\n"
    built = book({"exercises.md": exercise_page(counter), "reference/solutions.md": appendix})
    first = built.build()
    assert first.returncode == 0, first.stderr
    proofs = runs(counter)
    assert proofs == 4, "the check runs on the starter, the solution and each wrong answer"
    assert "exercises.md: ran 2 cells" in first.stderr

    built.write({"exercises.md": exercise_page(counter).replace("Write", "Now write")})
    assert built.build().returncode == 0
    assert runs(counter) == proofs, "a prose edit proved the exercise again"
    assert 'data-exercise="double-it"' in built.page("exercises.md")

    built.write({"exercises.md": exercise_page(counter, "def double(x):\n    return x * 2")})
    again = built.build()
    assert again.returncode == 0, again.stderr
    assert runs(counter) == 2 * proofs, "an edited solution was not proved again"
