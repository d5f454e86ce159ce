"""The layout shows the architecture: no module of pysrc/ imports, directly or through others,
a module that imports it back (an import inside a function counts: it only hides the cycle)."""

from __future__ import annotations

import ast
from pathlib import Path

from bookbuild.paths import PYSRC


def module_name(path: Path) -> str:
    parts = path.relative_to(PYSRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, modules: set[str]) -> set[str]:
    """The pysrc modules `path` imports, wherever the import statement is."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        found |= {target for target in targets if target in modules}
    # A package's own __init__ runs before its modules: not a cycle of the layout.
    ancestors = {".".join(name.split(".")[:n]) for n in range(1, name.count(".") + 1)}
    return found - {name} - ancestors


def import_graph() -> dict[str, set[str]]:
    paths = [p for p in PYSRC.rglob("*.py") if "__pycache__" not in p.parts]
    modules = {module_name(path) for path in paths}
    return {module_name(path): imports_of(path, modules) for path in paths}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_import_graph_sees_imports_inside_functions_and_relative_imports():
    graph = import_graph()
    assert "notebook_cell.dataflow" in graph["notebook_cell.page_plan"], "a relative import"
    assert "bookbuild.markdown.page_model" in graph["bookbuild.book_nav"]


def test_no_module_of_pysrc_imports_itself_through_others():
    assert cycles({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [["a", "b"]], "the check finds one"
    assert cycles(import_graph()) == []
