"""The Python side of the browser worker: one namespace per page, results as JSON strings.

The worker copies this file and `cell_runner.py` into Pyodide's file system as the package
`bookbuild`, so a cell runs under the same rules as at build time. Only strings cross to
JavaScript (no proxies): `run` returns JSON with the displayed value, the traceback and the
figures (PNG, base64). Printed text does not pass through here: it streams from sys.stdout.
"""

from __future__ import annotations

import base64
import json
import logging
import sys

from bookbuild.cell_runner import run_cell, start_page, svg_of, take_figures, trimmed_traceback

# Pyodide's first `import matplotlib` builds a font cache and says so on stderr; the reader's
# output should be only what their code printed.
logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)

namespaces: dict[str, dict] = {}
current_page: list[str] = []


def run(page: str, code: str, filename: str) -> str:
    if current_page != [page]:
        start_page()
        current_page[:] = [page]
    namespace = namespaces.setdefault(page, {"__name__": "__main__"})
    result: dict = {"value": None, "error": None, "images": []}
    value = None
    try:
        value = run_cell(code, filename, namespace)
    except KeyboardInterrupt:
        result["error"] = "KeyboardInterrupt: the cell was stopped."
    except BaseException as error:  # noqa: BLE001 - show the reader whatever their code raised
        result["error"] = trimmed_traceback(error, filename)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    svg = svg_of(value)
    if svg is not None:
        result["images"].append(image("image/svg+xml", svg.encode(), "Computational graph"))
    elif value is not None:
        result["value"] = repr(value)
    result["images"] += [image(*figure) for figure in take_figures("png", dpi=100)]
    return json.dumps(result)


def image(mime: str, data: bytes, alt: str) -> dict:
    return {"mime": mime, "data": base64.b64encode(data).decode("ascii"), "alt": alt}
