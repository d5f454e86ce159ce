"""The explorables' timings, each in the page's one Python worker, warm (after it is ready):

    control → redraw   for every explorable, a control changed as a reader changes it (a
                       slider's input, a select's or a number's change, a button's click), from
                       the event to the redrawn figure (data-frame), median of 4 × REPEATS; and
                       the main-thread tasks over 50 ms during those changes, twice: by the
                       clock (the Long Tasks API), and by the CPU time the main thread spent in
                       them (a Chrome trace's thread time). On a shared machine the first counts
                       the moments the page's thread was descheduled; the second does not.
    training           the playground's default run, Train → done, with its long tasks

Alone: `python -m bench.browser.explorables [SITE_DIR]` (e.g. `site` after `make build`; without
SITE_DIR it builds one).
"""

from __future__ import annotations

import json
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
IDLE_MS = 3_000
TRACE_CATEGORIES = ["disabled-by-default-devtools.timeline"]  # its RunTask events: every task
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
    control_long_tasks: dict[str, list[list[float]]] = field(default_factory=dict)  # per change
    idle_long_tasks: dict[str, list[float]] = field(default_factory=dict)  # the control window
    cpu_long_tasks: dict[str, list[float]] = field(default_factory=dict)  # by thread time, ms
    longest_cpu_task: dict[str, float] = field(default_factory=dict)
    training_ms: list[float] = field(default_factory=list)
    epochs: int = 0
    training_long_tasks: list[list[float]] = field(default_factory=list)
    held_out: list[str] = field(default_factory=list)
    training_cpu_longest: list[float] = field(default_factory=list)


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


def main_thread_tasks(trace: bytes) -> list[tuple[float, float]]:
    """(clock ms, CPU ms) of every task the page's main thread (CrRendererMain) ran."""
    events = json.loads(trace)
    events = events["traceEvents"] if isinstance(events, dict) else events
    main = {
        e["tid"]
        for e in events
        if e.get("name") == "thread_name" and e.get("args", {}).get("name") == "CrRendererMain"
    }
    return [
        (e["dur"] / 1000, e.get("tdur", e["dur"]) / 1000)
        for e in events
        if e.get("name") == "RunTask" and e.get("tid") in main and "dur" in e
    ]


def measure_controls(browser, base_url: str, timings: ExplorableTimings) -> None:
    for name, (path, label, event, values) in CONTROLS.items():
        kind = name.split(",")[0]
        times, tasks = [], []
        with fresh_page(browser) as page:
            root = ready(page, base_url, path, kind)
            browser.start_tracing(page=page, categories=TRACE_CATEGORIES)
            for repeat in range(4 * REPEATS):
                settle(page, root)
                value = values[repeat % len(values)]
                page.evaluate(
                    f"(arg) => window.__bench.keep(({CHANGE})(arg))",
                    [root.element_handle(), label, event, value],
                )
                run = kept_result(page, f"{name}: {label}")
                times.append(run["end"] - run["start"])
                tasks.append(long_tasks_between(page, run["start"], run["end"] + 1))
                if event == "click" and root.get_by_role("button", name=label).is_disabled():
                    root.get_by_role("button", name="Reset").click()
            cpu = [cpu for _, cpu in main_thread_tasks(browser.stop_tracing())]
            timings.cpu_long_tasks[name] = [task for task in cpu if task > TARGET_MS]
            timings.longest_cpu_task[name] = max(cpu, default=0.0)
            # The control: as long with nothing running. On a busy machine the page's thread is
            # descheduled now and then, and those pauses count as long tasks too.
            start = page.evaluate("performance.now()")
            page.wait_for_timeout(IDLE_MS)
            timings.idle_long_tasks[name] = long_tasks_between(page, start, start + IDLE_MS)
            check_clean(page, base_url, name)
        timings.control_ms[name] = times
        timings.control_long_tasks[name] = tasks
        print(f"  {name}: {label} → redraw, median {statistics.median(times):.0f} ms", flush=True)


def measure_training(browser, base_url: str, timings: ExplorableTimings) -> None:
    for _ in range(REPEATS):
        with fresh_page(browser) as page:
            ready(page, base_url, "training/", "playground")
            root = EXPLORABLE.format(kind="playground")
            browser.start_tracing(page=page, categories=TRACE_CATEGORIES)
            run = await_in_page(page, "training", f"window.__bench.train({root})")
            cpu = [cpu for _, cpu in main_thread_tasks(browser.stop_tracing())]
            timings.training_cpu_longest.append(max(cpu, default=0.0))
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
        per_change = timings.control_long_tasks[name]
        longest = max((task for tasks in per_change for task in tasks), default=0.0)
        hit = sum(1 for tasks in per_change if tasks)
        idle = timings.idle_long_tasks.get(name, [])
        tasks = f"tasks > 50 ms in {hit} of {len(times)} changes" + (
            f" (longest {longest:.0f} ms)" if hit else ""
        )
        control = f"; idle control: {len(idle)} in {IDLE_MS / 1000:g} s" + (
            f" (longest {max(idle):.0f} ms)" if idle else ""
        )
        cpu_long = timings.cpu_long_tasks.get(name, [])
        cpu = (
            f"; by CPU time: longest task {timings.longest_cpu_task.get(name, 0):.0f} ms, "
            f"{len(cpu_long)} over {TARGET_MS} ms"
        )
        rows.append(
            (
                f"Explorable {name}: {label} → redrawn figure (warm, {len(times)} changes)",
                f"{middle:.0f} ms; by the clock: {tasks}{control}{cpu}",
                f"< {TARGET_MS} ms, no task over {TARGET_MS} ms",
                "met"
                if middle < TARGET_MS and not hit
                else "met by CPU time"
                if middle < TARGET_MS and not cpu_long
                else "MISSED",
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
            (f"by the clock: longest {longest:.0f} ms" if longest else "by the clock: none")
            + f"; by CPU time: longest {max(timings.training_cpu_longest, default=0):.0f} ms",
            "none",
            "met"
            if longest == 0.0
            else "met by CPU time"
            if max(timings.training_cpu_longest, default=0) <= TARGET_MS
            else "MISSED",
        ),
    ]
    return rows


def main() -> None:
    from playwright.sync_api import sync_playwright

    from bench.browser.report import print_markdown
    from bench.browser.site import build_bench_site
    from bookbuild.harness.browser import launch_chromium
    from bookbuild.harness.static_server import serve_directory

    given = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    with tempfile.TemporaryDirectory(prefix="bench-site-") as directory:
        site = given or Path(directory)
        # Each measure opens its page afresh, so no instant navigation: any free port serves.
        with serve_directory(site) as base_url:
            if not given:
                build_bench_site(site, base_url)
            with sync_playwright() as playwright, launch_chromium(playwright) as browser:
                timings = measure_explorables(browser, base_url)
    print_markdown(explorable_rows(timings))


if __name__ == "__main__":
    main()
