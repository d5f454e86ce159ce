"""The ```explorable fence: a setting that is unknown or out of range fails the build at the
line that gives it, which is where the author has to look."""

from __future__ import annotations

import pytest
from pymdownx.superfences import SuperFencesException

from tests.book.book_markdown import render

FENCE = (
    "# A page\n\nSome prose.\n\n"
    '```explorable kind="gradient-descent"\n'
    "surface: valley\n"
    "learning_rate: {rate}\n"
    "{extra}"
    "steps: 40\n"
    "caption: Plain gradient descent.\n"
    "```\n"
)


def failure(rate="0.05", extra="") -> str:
    with pytest.raises(SuperFencesException) as failed:
        render(FENCE.format(rate=rate, extra=extra))
    return str(failed.value)


def test_a_value_out_of_range_is_named_at_its_own_line():
    message = failure(rate="18")
    assert "<markdown>:7: explorable gradient-descent: learning_rate must be between" in message


def test_an_unknown_setting_is_named_at_its_line_with_every_setting_caption_included():
    message = failure(extra="schedule: step-decay\n")
    assert "<markdown>:8: explorable gradient-descent: unknown setting(s) ['schedule']" in message
    assert "steps (and caption, the figure's sentence)" in message


def test_good_settings_build_the_figure():
    assert 'data-explorable="gradient-descent"' in render(FENCE.format(rate="0.05", extra=""))
