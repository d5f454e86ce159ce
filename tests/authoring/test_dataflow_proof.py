"""The build proves what each cell needs: run after only those cells, it shows what it showed in
page order. A cell the analysis misreads fails the build at its line; `needs=` fixes it."""

from __future__ import annotations

import re

ALIAS = """# Aliases

```python cell id="data"
data = {"values": [1, 2]}
```

```python cell id="view"
view = data["values"]
```

```python cell id="append"
view.append(3)
```

```python cell NEEDS
print(data)
```
"""


def test_a_cell_whose_needs_are_misread_fails_the_build_at_its_line_with_what_it_showed(book):
    log = book({"alias.md": ALIAS.replace(" NEEDS", "")}).failed_build()
    found = re.search(r"docs/alias\.md:(\d+): cell 'cell-4' needs more than the build found", log)
    assert found, log
    assert int(found[1]) == 15, "the line of the cell's opening fence"
    assert re.search(r"data at \S*docs/alias\.md:3\b", log), "it names the cells it ran after"
    assert "{'values': [1, 2]}" in log and "{'values': [1, 2, 3]}" in log
    assert 'needs="ID"' in log


def test_a_declared_need_is_proved_like_a_found_one_and_written_into_the_page(book):
    built = book({"alias.md": ALIAS.replace("NEEDS", 'needs="append"')})
    result = built.build()
    assert result.returncode == 0, result.stdout + result.stderr
    cell = re.search(r'<div class="bp-cell"[^>]*data-cell="cell-4"[^>]*>', built.page("alias.md"))
    assert cell, "the fourth cell is on the page"
    assert 'data-needs="data view append"' in cell[0]
    assert 'data-declared-needs="append"' in cell[0]


def test_a_need_that_names_no_earlier_cell_fails_at_its_line(book):
    page = '# Needs\n\n```python cell needs="later"\nx = 1\n```\n\n'
    page += '```python cell id="later"\ny = 2\n```\n'
    log = book({"needs.md": page}).failed_build()
    assert re.search(r"needs\.md:3: needs=\"later\": no cell above this one has the id", log), log
