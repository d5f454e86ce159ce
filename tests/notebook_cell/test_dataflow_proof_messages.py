"""What the build says when a cell shows something else after only the cells it needs."""

from __future__ import annotations

import pytest

from bookbuild.markdown.book_error import BookError
from bookbuild.markdown.build_session import BuildCellResult
from bookbuild.markdown.dataflow_proof import check_same
from bookbuild.markdown.page_model import PageModel
from bookbuild.markdown.source_location import docs_file_source
from notebook_cell.page_plan import PagePlanner

PAGE = (
    "# P\n\n```python cell\ndef f():\n    return hidden\n```\n\n```python cell\nprint(f())\n```\n"
)


def test_a_name_missing_after_only_the_needed_cells_is_named_with_the_cells_line():
    lines = PAGE.split("\n")
    model = PageModel.parse(docs_file_source("p.md", lines))
    planner = PagePlanner(model.page_cells())
    found = BuildCellResult(error="NameError: name 'hidden' is not defined\n")
    with pytest.raises(BookError) as raised:
        check_same(model, planner, 1, (0,), BuildCellResult(output="1\n"), found)
    message = str(raised.value)
    assert message.startswith("docs/p.md:8: cell 'cell-2' needs more")
    assert "NameError: `hidden` was not defined" in message
    assert "cell-1 at docs/p.md:3" in message
