"""What the build, the browser runtime and the tests must agree on, written once.

The runtime imports it as the module `book-contract` (the `runtime` asset step writes it as JSON
for esbuild, runtime_bundle.py); the build's Python, the tests and the benchmarks import this
module. Change a value here, and `make assets` carries it into the bundle.
"""

from __future__ import annotations

# Limits and timeouts of the page and the Python worker (runtime/protocol.js says what each does).
LIMITS = {
    "OUTPUT_LIMIT_CHARACTERS": 100_000,  # printed text and value a run may show
    "OUTPUT_FLUSH_MS": 50,  # printed text reaches the page at most this long after it was printed
    "BOOT_TIMEOUT_MS": 60_000,  # Python must be ready within this, or the reader is told
    "INTERRUPT_GRACE_MS": 2_000,  # Stop waits this long for a KeyboardInterrupt, then restarts
    "ANSWER_TIMEOUT_MS": 3_000,  # an idle worker answers within this, or it is replaced
}
# Where the reader's data is kept in localStorage.
STORAGE = {
    "EDIT_PREFIX": "backprop-book:v1:",  # + page path + ":" + cell id: an edited cell's code
    "PROGRESS_KEY": "backprop-book:v1:exercises",  # the solved exercises
}


def edit_key(page_path: str, cell_id: str) -> str:
    """The localStorage key of a reader's edit of a cell ("/derivatives/" and "cell-1")."""
    return f"{STORAGE['EDIT_PREFIX']}{page_path}:{cell_id}"


def as_json() -> dict:
    return {"limits": LIMITS, "storage": STORAGE}
