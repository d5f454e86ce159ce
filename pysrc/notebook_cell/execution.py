"""A cell's code, run in its page's namespace with the last-expression rule of notebooks.

If the cell's last statement is an expression, its value is what the cell displays, unless the
line ends with `;` (as in IPython) or the value is a matplotlib object (`plt.plot(...)` as the
last line shows the figure, not a list of lines).
"""

from __future__ import annotations

import ast
import linecache

NOTHING = object()  # "nothing to display", distinct from a cell whose value is None


def execute(source: str, filename: str, namespace: dict):
    """Run `source` in `namespace`; return the value to display, or NOTHING."""
    # Tracebacks can then quote the reader's own lines.
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    tree = ast.parse(source, filename)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, filename, "exec"), namespace)
    if last is None:
        return NOTHING
    value = eval(compile(ast.Expression(last.value), filename, "eval"), namespace)
    if value is None or ends_with_semicolon(source, last) or is_matplotlib_object(value):
        return NOTHING
    return value


def ends_with_semicolon(source: str, last: ast.Expr) -> bool:
    line = source.splitlines()[last.end_lineno - 1]
    return line[last.end_col_offset :].lstrip().startswith(";")


def is_matplotlib_object(value) -> bool:
    """Artists, and lists of them (what plt.plot returns)."""
    items = value if isinstance(value, list | tuple) and value else [value]
    return all(type(item).__module__.startswith("matplotlib") for item in items)
