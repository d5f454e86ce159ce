"""When a check stops with an error, the feedback says whose error it was: the reader's code
(their traceback), or the check's own, which never blames the reader's code."""

from __future__ import annotations

from notebook_cell import run_cell, run_check


def checked(reader: str, check: str):
    namespace: dict = {}
    assert run_cell(reader, "<cell 4>", namespace).error is None
    return run_check(check, namespace, "<cell 4>")


def test_an_error_in_the_reader_s_function_shows_their_traceback():
    result = checked("def f(x):\n    return x / 0\n", "f(1.0)\n")
    assert not result.passed and result.mistake == "reader-error"
    assert result.message.startswith("Your code raised an error when the check ran it:")
    assert 'File "<cell 4>", line 2, in f' in result.message


def test_an_error_of_the_check_itself_does_not_blame_the_reader():
    check = '"""f(x) is one number."""\nimport numpy as np\nnp.asarray(f(1.0)).reshape(())\n'
    result = checked("import numpy as np\ndef f(x):\n    return np.array([x, x])\n", check)
    assert not result.passed and result.mistake == "check-error"
    assert "Your code raised" not in result.message
    assert "The check could not examine your answer" in result.message
    assert "(line 3 of the check)" in result.message
    assert "ValueError: cannot reshape array of size 2 into shape ()" in result.message


def test_a_name_the_reader_did_not_define_is_named():
    result = checked("x = 1\n", "forward_pass(1)\n")
    assert result.mistake == "undefined"
    assert (
        result.message == "Your code does not define `forward_pass`, which this exercise asks for."
    )


def test_the_mistake_travels_to_the_page_with_the_message():
    result = checked(
        "def f():\n    return 1\n",
        "from exercise_checks import expect\n"
        "expect(f() == 2, 'f() is 1, not 2', mistake='off-by-one')\n",
    )
    assert result.as_message() == {
        "passed": False,
        "message": "f() is 1, not 2",
        "mistake": "off-by-one",
    }
