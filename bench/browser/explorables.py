"""The explorables' timings, each in the page's one Python worker, warm (after it is ready):

    control → redraw   for every explorable, a control changed as a reader changes it (a
                       slider's input, a select's or a number's change, a button's click), from
                       the event to the redrawn figure (data-frame), median of 4 × REPEATS; and
                       the longest main-thread task during those changes
    training           the playground's default run, Train → done, with its long tasks

Alone: `python -m bench.browser.explorables [SITE_DIR]` (a site built for the port it is served
on, e.g. `SITE_URL=http://127.0.0.1:8761/ make build`; without SITE_DIR it builds one).
"""

from __future__ import annotations

import re
import statistics
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from bench.browser.measure import REPEATS
from bench.browser.pages import (
    await_in_page,
    check_clean,
    fresh_page,
    kept_result,
    long_tasks_between,
)

EXPLORABLE = "document.querySelector('[data-explorable=\"{kind}\"]')"
TARGET_MS = 50  # issue 21: a control change to the redrawn figure, and no task longer
# Each explorable's page, the control a reader changes, the event it fires, and the values it
# takes in turn (each a real change from the one before).
CONTROLS = {
    "secant": ("derivatives/", "Step h", "input", ["-3", "-6", "-9", "-1"]),
    "contour-gradient": (
        "partial-derivatives/",
        "Direction of u (degrees)",
        "input",
        ["40", "130", "250", "300"],
    ),
    "gradient-descent": (
        "gradient-descent/",
        "Learning rate",
        "input",
        ["-1.5", "-1.2", "-0.9", "-0.6"],
    ),
    "neuron": ("forward-propagation/", "Weight w₁", "input", ["1.5", "-2", "3", "0.4"]),
    "graph": ("chain-rule/", "Value of a", "change", ["1", "3", "-2", "2"]),
    "backward-pass": (
        "backpropagation/",
        "Activation",
        "change",
        ["tanh", "relu", "sigmoid", "tanh"],
    ),
    "backward-pass, Step forward": ("backpropagation/", "Step forward", "click", [None]),
    "playground": ("training/", "Noise", "change", ["0.2", "0.1", "0.25", "0.15"]),
}
# A control changed as the reader's browser fires it; resolves at the next redraw.
CHANGE = """async ([root, label, event, value]) => {
  const after = Number(root.dataset.frame);
  const start = performance.now();
  if (event === "click") {
    [...root.querySelectorAll("button")].find((b) => b.textContent === label).click();
  } else {
    const input = [...root.querySelectorAll("input, select")]
      .find((el) => el.labels[0]?.textContent === label);
    input.value = value;
    input.dispatchEvent(new Event(event, { bubbles: true }));
  }
  const end = await window.__bench.redrawn(root, after);
  return { start, end };
}"""


@dataclass
class ExplorableTimings:
    control_ms: dict[str, list[float]] = field(default_factory=dict)
    control_long_tasks: dict[str, list[float]] = field(default_factory=dict)
    training_ms: list[float] = field(default_factory=list)
    epochs: int = 0
    training_long_tasks: list[list[float]] = field(default_factory=list)
    held_out: list[str] = field(default_factory=list)


def ready(page, base_url: str, path: str, kind: str):
    page.goto(base_url + path)
    root = page.locator(f'[data-explorable="{kind}"]')
    root.scroll_into_view_if_needed()
    page.wait_for_function(
        "(el) => el.dataset.state === 'ready'",
        arg=root.element_handle(),
        timeout=180_000,
        polling=100,
    )
    return root


def settle(page, root) -> None:
    """Wait until the explorable is idle (no request of its own still on the way)."""
    page.wait_for_function(
        "(el) => el.dataset.state !== 'running'",
        arg=root.element_handle(),
        timeout=180_000,
        polling=50,
    )
    page.wait_for_timeout(150)


def measure_controls(browser, base_url: str, timings: ExplorableTimings) -> None:
    for name, (path, label, event, values) in CONTROLS.items():
        kind = name.split(",")[0]
        times, tasks = [], []
        with fresh_page(browser) as page:
            root = ready(page, base_url, path, kind)
            for repeat in range(4 * REPEATS):
                settle(page, root)
                value = values[repeat % len(values)]
                page.evaluate(
                    f"(arg) => window.__bench.keep(({CHANGE})(arg))",
                    [root.element_handle(), label, event, value],
                )
                run = kept_result(page, f"{name}: {label}")
                times.append(run["end"] - run["start"])
                tasks += long_tasks_between(page, run["start"], run["end"] + 1)
                if event == "click" and root.get_by_role("button", name=label).is_disabled():
                    root.get_by_role("button", name="Reset").click()
            check_clean(page, base_url, name)
        timings.control_ms[name] = times
        timings.control_long_tasks[name] = tasks
        print(f"  {name}: {label} → redraw, median {statistics.median(times):.0f} ms", flush=True)


def measure_training(browser, base_url: str, timings: ExplorableTimings) -> None:
    for _ in range(REPEATS):
        with fresh_page(browser) as page:
            ready(page, base_url, "training/", "playground")
            root = EXPLORABLE.format(kind="playground")
            run = await_in_page(page, "training", f"window.__bench.train({root})")
            timings.training_ms.append(run["end"] - run["start"])
            timings.training_long_tasks.append(long_tasks_between(page, run["start"], run["end"]))
            timings.epochs = int(re.search(r"Epoch (\d+) of", run["status"]).group(1))
            timings.held_out.append(re.search(r"held-out accuracy ([\d.]+%)", run["status"])[1])
            check_clean(page, base_url, "playground")


def measure_explorables(browser, base_url: str) -> ExplorableTimings:
    timings = ExplorableTimings()
    measure_controls(browser, base_url, timings)
    measure_training(browser, base_url, timings)
    return timings


def explorable_rows(timings: ExplorableTimings) -> list[tuple[str, str, str, str]]:
    rows = []
    for name, times in timings.control_ms.items():
        _, label, _, _ = CONTROLS[name]
        middle = statistics.median(times)
        longest = max(timings.control_long_tasks[name], default=0.0)
        tasks = f"longest task {longest:.0f} ms" if longest else "no task over 50 ms"
        rows.append(
            (
                f"Explorable {name}: {label} → redrawn figure (warm, {len(times)} changes)",
                f"{middle:.0f} ms; {tasks}",
                f"< {TARGET_MS} ms, no task over {TARGET_MS} ms",
                "met" if middle < TARGET_MS and not longest else "MISSED",
            )
        )
    total = statistics.median(timings.training_ms) if timings.training_ms else 0.0
    longest = max((d for tasks in timings.training_long_tasks for d in tasks), default=0.0)
    rows += [
        (
            f"Playground: the default run ({timings.epochs} epochs), Train → done",
            f"{total / 1000:.1f} s ({total / max(timings.epochs, 1):.0f} ms per epoch); "
            f"held out {', '.join(timings.held_out)}",
            "< 10 s",
            "met" if total < 10_000 else "MISSED",
        ),
        (
            "Playground: main-thread long tasks > 50 ms during training",
            f"longest {longest:.0f} ms" if longest else "none",
            "none",
            "met" if longest == 0.0 else "MISSED",
        ),
    ]
    return rows


def main() -> None:
    from playwright.sync_api import sync_playwright

    from bench.browser.report import print_markdown
    from bench.browser.site import build_bench_site
    from bookbuild.harness.browser import launch_chromium
    from bookbuild.harness.static_server import port_built_for, serve_directory

    given = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    with tempfile.TemporaryDirectory(prefix="bench-site-") as directory:
        site = given or Path(directory)
        with serve_directory(site, port_built_for(site) if given else 0) as base_url:
            if not given:
                build_bench_site(site, base_url)
            with sync_playwright() as playwright, launch_chromium(playwright) as browser:
                timings = measure_explorables(browser, base_url)
    print_markdown(explorable_rows(timings))


if __name__ == "__main__":
    main()
