"""The book's own modules as they were loaded, kept apart from what cells do to them.

A cell may change a module of the book (`backprop.Dense.forward = ...`), to experiment. That is
the reader's business on their page, and the cell is told what it changed. But no other page,
and no exercise's check, should see the change: checks compare with the book's own code, and a
check's helpers (`exercise_checks.expect_number`) must be the book's, or a wrong answer could be
"solved" by replacing them. So the worker snapshots each watched module before any cell can touch
it, and puts the snapshot back before each check and when another page runs.

Watched: every module of backprop, exercise_checks, explorables and notebook_cell, and json (the
worker's answers go through it): each module's attributes, and the attributes of the classes it
defines (methods are class attributes: a replaced method is found). A function's code object is
compared too, since `f.__code__ = ...` changes a function without replacing it.
"""

from __future__ import annotations

import contextlib
import importlib
import sys
import types

WATCHED_PACKAGES = ("backprop", "exercise_checks", "explorables", "notebook_cell", "json")
MISSING = object()


def watched(name: str) -> bool:
    return name.partition(".")[0] in WATCHED_PACKAGES


class Snapshot:
    """One module as it was loaded: the module, its attributes, its classes' attributes, and
    the code objects of its functions and methods."""

    def __init__(self, module: types.ModuleType) -> None:
        self.module = module
        self.attributes = dict(vars(module))
        own = [
            (key, value)
            for key, value in self.attributes.items()
            if getattr(value, "__module__", None) == module.__name__
        ]
        self.classes = {key: dict(vars(value)) for key, value in own if isinstance(value, type)}
        functions = [(key, value) for key, value in own if isinstance(value, types.FunctionType)]
        for class_name, class_attributes in self.classes.items():
            functions += [
                (f"{class_name}.{key}", value)
                for key, value in class_attributes.items()
                if isinstance(value, types.FunctionType)
            ]
        self.codes = {key: (function, function.__code__) for key, function in functions}

    def changes(self) -> list[str]:
        name = self.module.__name__
        if sys.modules.get(name) is not self.module:
            return [name]
        now = vars(self.module)
        # A submodule imported since (a package's attribute) is not a change.
        found = [
            key
            for key in differences(self.attributes, now)
            if not (key not in self.attributes and isinstance(now[key], types.ModuleType))
        ]
        for class_name, class_attributes in self.classes.items():
            found += [
                f"{class_name}.{key}"
                for key in differences(class_attributes, dict(vars(self.attributes[class_name])))
            ]
        found += [
            key for key, (function, code) in self.codes.items() if function.__code__ is not code
        ]
        return [f"{name}.{key}" for key in found]

    def restore(self) -> None:
        sys.modules[self.module.__name__] = self.module
        namespace = vars(self.module)
        submodules = {
            key: value
            for key, value in namespace.items()
            if key not in self.attributes and isinstance(value, types.ModuleType)
        }
        put_back(namespace, {**self.attributes, **submodules})
        for class_name, class_attributes in self.classes.items():
            cls = self.attributes[class_name]
            for key in differences(class_attributes, dict(vars(cls))):
                if key in class_attributes:
                    setattr(cls, key, class_attributes[key])
                else:
                    delattr(cls, key)
        for function, code in self.codes.values():
            function.__code__ = code


class ModuleGuard:
    def __init__(self) -> None:
        self.snapshots: dict[str, Snapshot] = {}

    def prepare(self, imported: set[str]) -> None:
        """Import the watched packages among `imported` (top-level names) before a cell can,
        and snapshot every watched module loaded so far that has none yet."""
        for name in sorted(imported):
            if watched(name) and name not in sys.modules:
                with contextlib.suppress(ImportError):  # not here: the cell's import will say so
                    importlib.import_module(name)
        for name, module in list(sys.modules.items()):
            if (
                watched(name)
                and name not in self.snapshots
                and isinstance(module, types.ModuleType)
            ):
                self.snapshots[name] = Snapshot(module)

    def changes(self) -> list[str]:
        """What cells changed in the watched modules: "backprop.layers.Dense.forward", ..."""
        return sorted(
            {change for snapshot in self.snapshots.values() for change in snapshot.changes()}
        )

    def restore(self) -> list[str]:
        """Put every watched module back as it was loaded; return what had changed."""
        changed = self.changes()
        for snapshot in self.snapshots.values():
            snapshot.restore()
        return changed


def differences(before: dict, now: dict) -> list[str]:
    """The names, dunders aside, whose value is not the same object in `now` as in `before`."""
    keys = (set(before) | set(now)) - {
        key for key in set(before) | set(now) if key.startswith("__")
    }
    return sorted(key for key in keys if before.get(key, MISSING) is not now.get(key, MISSING))


def put_back(namespace: dict, attributes: dict) -> None:
    for key in set(namespace) - set(attributes):
        del namespace[key]
    for key, value in attributes.items():
        if namespace.get(key, MISSING) is not value:
            namespace[key] = value
