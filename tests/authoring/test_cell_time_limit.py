"""A cell past its build-time limit is stopped, and the build fails, naming the cell."""

from __future__ import annotations

from tests.book.book_markdown import render

SLOW_PAGE = "# Slow\n\nText.\n\n```python cell\nimport time\ntime.sleep(60)\n```\n"


def test_a_sleeping_cell_fails_the_build_after_the_limit(book):
    # Without the limit the cell would sleep its 60 s and the build would pass: the message is
    # the proof that it was stopped (how long a build takes depends on the machine's load).
    log = book({"slow.md": SLOW_PAGE}).failed_build(BOOK_CELL_TIMEOUT="2")
    assert "slow.md:5: cell 'cell-1' ran for more than 2 s" in log, log
    assert "time.sleep(60)" in log and "cell_timeout" in log


def test_a_cell_cannot_swallow_the_limit_with_its_own_except(monkeypatch):
    stubborn = (
        "```python cell\nimport time\nwhile True:\n    try:\n        time.sleep(5)\n"
        "    except Exception:\n        pass\n```\n"
    )
    try:
        render(stubborn, cell_timeout=1)
    except Exception as error:  # noqa: BLE001 - the message is what is checked
        message = str(error)
    else:
        message = ""
    assert "ran for more than 1 s" in message  # (without the limit, render never returns)


def test_a_quick_cell_is_not_affected_by_the_limit():
    assert "42" in render("```python cell\n6 * 7\n```\n", cell_timeout=1)
