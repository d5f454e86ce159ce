"""A cell cannot reach beyond its own Python: not the book's storage or caches, not the page (no
forged message), not the verdict of a check, and not other pages through the book's modules.

Each case is what a learner could paste into a cell (issue: "A cell cannot reach beyond its own
Python"), reproduced in Chromium; each ends with the page working and the reader told.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from bookbuild.markdown.book_exercises import book_exercises
from tests.browser.cells import cell, run, type_code

pytestmark = pytest.mark.browser
CHAPTER = "derivatives/"


def run_code(page, cell_locator, code: str, timeout=120_000) -> str:
    type_code(page, cell_locator, code)
    run(page, cell_locator, timeout=timeout)
    return cell_locator.locator(".bp-cell__live").inner_text()


# From Python and from JavaScript run by Python, every way to name what the worker removed.
REACH = """
import js
from pyodide.code import run_js
names = ["caches", "indexedDB", "postMessage", "BroadcastChannel", "Worker", "SharedWorker"]
print("python:", [hasattr(js, name) for name in names])
print("navigator:", [hasattr(js.navigator, name) for name in ["storage", "serviceWorker", "locks"]])
probes = [
    "typeof caches", "typeof indexedDB", "typeof postMessage", "typeof self.postMessage",
    "typeof globalThis.caches", "typeof Object.getPrototypeOf(self).postMessage",
    "String(Object.getOwnPropertyDescriptor(WorkerGlobalScope.prototype, 'caches'))",
    "String(Object.getOwnPropertyDescriptor(DedicatedWorkerGlobalScope.prototype, 'postMessage'))",
    "typeof new Function('return caches')", "typeof (0, eval)('self.indexedDB')",
    "typeof navigator.storage", "typeof navigator.serviceWorker", "typeof BroadcastChannel",
]
print("js:", [run_js(probe) for probe in probes])
"""


def test_nothing_of_the_books_storage_caches_or_messaging_is_in_reach_of_a_cell(page, site_url):
    page.goto(site_url + CHAPTER)
    shown = run_code(page, cell(page, 0), REACH)
    assert "python: [False, False, False, False, False, False]" in shown, shown
    assert "navigator: [False, False, False]" in shown, shown
    assert "js: ['undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined', " \
        "'undefined', 'undefined', 'function', 'undefined', 'undefined', 'undefined', " \
        "'undefined']" in shown, shown  # fmt: skip


POISON = """from pyodide.code import run_js
run_js('''(async()=>{for(const n of await caches.keys()){const c=await caches.open(n);
for(const r of await c.keys()) if(r.url.includes('training/index.html'))
await c.put(r,new Response('<h1>POISONED</h1>',{headers:{'Content-Type':'text/html'}}))}})()''')
print("no error")
"""


def test_the_cache_poisoning_cell_of_the_issue_gets_an_error_and_the_page_works(page, site_url):
    page.goto(site_url + CHAPTER)
    shown = run_code(page, cell(page, 0), POISON)
    assert "caches is not defined" in shown, shown
    assert "6" in run_code(page, cell(page, 1), "print(2 * 3)")


def test_a_forged_message_cannot_be_sent_from_a_cell(page, site_url):
    page.goto(site_url + CHAPTER)
    forged = (
        "from pyodide.code import run_js\n"
        "run_js(\"setTimeout(() => postMessage({type: 'explored', runId: 1, answer: 'null'}))\")\n"
        "run_js(\"postMessage({type: 'done', runId: 2, value: null, error: null, images: [],"
        ' interrupted: false, truncated: false})")'
    )
    shown = run_code(page, cell(page, 0), forged)
    assert "postMessage is not defined" in shown, shown
    assert "ok" in run_code(page, cell(page, 1), "print('ok')")


def test_a_changed_book_module_is_reported_kept_on_its_page_and_not_seen_by_other_pages(
    page, site_url
):
    page.goto(site_url + CHAPTER)
    patch = (
        "import numpy as np\nimport backprop\n"
        "backprop.Dense.forward = lambda self, X: np.zeros((len(X), 1))\nprint('patched')"
    )
    shown = run_code(page, cell(page, 0), patch)
    assert "Your code changed `backprop.layers.Dense.forward`, part of the book's own code" in shown
    assert "[[0.]]" in run_code(
        page,
        cell(page, 1),
        "from backprop import Dense\nprint(Dense(2, 1).forward(np.ones((1, 2))))",
    ), "on its own page the change holds"
    page.goto(site_url + "forward-propagation/")
    other = run_code(
        page,
        cell(page, 0),
        "import numpy as np\nfrom backprop import Dense\n"
        "print(Dense(2, 1).forward(np.ones((1, 2))).shape, "
        "Dense.forward.__name__)",
    )
    assert "(1, 1) forward" in other, other


def test_replacing_a_checks_helpers_or_json_does_not_solve_an_exercise(page, site_url):
    chapter = next(c for c in book_exercises() if c.page.markdown == "derivatives.md")
    exercise = chapter.exercises[0]
    page.goto(site_url + chapter.page.url_path)
    root = page.locator(f'[data-exercise="{exercise.id}"]')
    tricks = [
        "import exercise_checks\nexercise_checks.expect_number = lambda *a, **k: None\n",
        "import exercise_checks.compare as c\nc.expect_number = lambda *a, **k: None\n",
        'import json\njson.dumps = lambda *a, **k: \'{"value": null, "error": null, "images": [],'
        ' "interrupted": false, "notices": [], "check": {"passed": true, "message": "Solved"}}\'\n',
    ]
    for trick in tricks:
        type_code(page, root.locator("[data-cell]"), trick + exercise.starter)
        root.get_by_role("button", name="Check", exact=True).click()
        page.wait_for_function(
            "(root) => root.dataset.exerciseState && root.getAttribute('aria-busy') !== 'true'",
            arg=root.element_handle(),
            timeout=120_000,
        )
        assert root.get_attribute("data-exercise-state") == "failed", trick
    expect(root.locator("[data-exercise-feedback]")).not_to_contain_text("Solved")


def test_a_typo_in_a_figures_math_is_an_ordinary_error_and_the_variables_stay(page, site_url):
    page.goto(site_url + CHAPTER)
    run_code(page, cell(page, 0), "kept = 7")
    shown = run_code(
        page,
        cell(page, 1),
        "import matplotlib.pyplot as plt\nplt.plot([1, 2, 3])\nplt.title(r'loss $\\alpha_{t$')",
        timeout=180_000,
    )
    assert "A figure this cell made could not be drawn" in shown, shown
    assert "restarted" not in shown
    assert "7" in run_code(page, cell(page, 2), "print(kept)")
    assert page.evaluate("window.__backpropRuntime.workersCreated") == 1


def test_a_changed_matplotlib_setting_is_reported_by_the_cell_that_changed_it(page, site_url):
    page.goto(site_url + CHAPTER)
    shown = run_code(
        page,
        cell(page, 0),
        "import matplotlib.pyplot as plt\nplt.rcParams['lines.linewidth'] = 4",
        timeout=180_000,
    )
    assert "Your code changed matplotlib's settings (`lines.linewidth`)" in shown, shown


def test_emptying_sys_modules_does_not_break_the_next_cell(page, site_url):
    page.goto(site_url + CHAPTER)
    run_code(page, cell(page, 0), "import numpy\nimport sys\nsys.modules.clear()")
    assert "[1. 1.]" in run_code(page, cell(page, 1), "import numpy as np\nprint(np.ones(2))")


def test_bidirectional_controls_are_shown_not_applied(page, site_url):
    page.goto(site_url + CHAPTER)
    shown = run_code(page, cell(page, 0), "print('abc\\u202edef')")
    assert "abc⟨U+202E⟩def" in shown, shown


def test_output_printed_after_a_run_ended_goes_to_its_own_cell(page, site_url):
    page.goto(site_url + CHAPTER)
    first, second = cell(page, 0), cell(page, 1)
    run_code(
        page,
        first,
        "import js\nfrom pyodide.ffi import create_proxy\n"
        "js.setTimeout(create_proxy(lambda: print('late hello')), 300)",
    )
    expect(first.locator(".bp-cell__live")).to_contain_text("Printed after the run ended")
    expect(first.locator(".bp-cell__live")).to_contain_text("late hello")
    run_code(page, second, "print('second')")
    assert "late hello" not in second.locator(".bp-cell__live").inner_text()
