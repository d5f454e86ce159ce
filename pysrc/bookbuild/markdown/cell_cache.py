"""Cell results kept between builds, one entry per page, so that a prose edit runs no cell.

A page's entry is valid for one key: the hash of the page's cell sources, in order, and of the
code whose change could change what they show (everything in pysrc/backprop, pysrc/notebook_cell
and pysrc/exercise_checks, the build's adapter, the exercises' proof, and the Python, numpy and
matplotlib versions). Change
a cell, or that code, and the page's cells run again, all of them, in order; edit the prose
around them and they do not run at all. A cell that reads a file from anywhere else is not
re-run when that file changes: delete the cache (`make clean`) then.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.metadata
import json
import sys
from pathlib import Path

from bookbuild.markdown.build_session import BuildCellResult
from bookbuild.paths import ROOT
from notebook_cell import Image

# The code a cell's output depends on, besides the cell itself.
CODE_INPUTS = [
    ROOT / "pysrc" / "backprop",
    ROOT / "pysrc" / "notebook_cell",
    ROOT / "pysrc" / "exercise_checks",
    *(
        Path(__file__).with_name(name)
        for name in [
            "build_session.py",
            "exercise_verify.py",
            "page_run.py",
            "dataflow_proof.py",
            "page_model.py",
            "cell_cache.py",
        ]
    ),
]
DISTRIBUTIONS = ["numpy", "matplotlib"]


def code_fingerprint() -> str:
    digest = hashlib.sha256(sys.version.encode())
    for name in DISTRIBUTIONS:
        digest.update(f"{name}=={importlib.metadata.version(name)}".encode())
    for path in sorted(file for root in CODE_INPUTS for file in source_files(root)):
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def source_files(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    return [
        path
        for path in root.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    ]


def page_key(cell_sources: list[str]) -> str:
    digest = hashlib.sha256(code_fingerprint().encode())
    for source in cell_sources:
        digest.update(b"\0cell\0" + source.encode())
    return digest.hexdigest()


class CellCache:
    """A directory of JSON files, one per page (named by the page's path)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def entry(self, page: str) -> Path:
        return self.directory / (hashlib.sha256(page.encode()).hexdigest()[:24] + ".json")

    def load(self, page: str, key: str) -> list[BuildCellResult] | None:
        try:
            entry = json.loads(self.entry(page).read_text())
        except (OSError, ValueError):
            return None
        if entry.get("key") != key:
            return None
        return [result_from_json(result) for result in entry["results"]]

    def store(self, page: str, key: str, results: list[BuildCellResult]) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        entry = {"page": page, "key": key, "results": [result_to_json(r) for r in results]}
        temporary = self.entry(page).with_suffix(".tmp")
        temporary.write_text(json.dumps(entry))
        temporary.replace(self.entry(page))  # never a half-written entry


def result_to_json(result: BuildCellResult) -> dict:
    images = [{"mime": i.mime, "data": i.base64, "alt": i.alt} for i in result.images]
    return {"output": result.output, "images": images, "error": result.error}


def result_from_json(data: dict) -> BuildCellResult:
    images = [Image(i["mime"], base64.b64decode(i["data"]), i["alt"]) for i in data["images"]]
    return BuildCellResult(data["output"], images, data["error"])
