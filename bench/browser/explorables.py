"""The explorables' timings: the playground's default training run, and the gradient descent
explorer's answer to a slider, both in the page's one Python worker (warm, after it is ready)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bench.browser.measure import REPEATS
from bench.browser.pages import await_in_page, check_clean, fresh_page, long_tasks_between

EXPLORABLE = "document.querySelector('[data-explorable=\"{kind}\"]')"


@dataclass
class ExplorableTimings:
    training_ms: list[float] = field(default_factory=list)
    epochs: int = 0
    training_long_tasks: list[list[float]] = field(default_factory=list)
    held_out: list[str] = field(default_factory=list)
    slider_ms: list[float] = field(default_factory=list)


def ready(page, base_url: str, path: str, kind: str):
    page.goto(base_url + path)
    root = page.locator(f'[data-explorable="{kind}"]')
    root.scroll_into_view_if_needed()
    page.wait_for_function("(el) => el.dataset.state === 'ready'", arg=root.element_handle(),
                           timeout=180_000, polling=100)  # fmt: skip
    return EXPLORABLE.format(kind=kind)


def measure_explorables(browser, base_url: str) -> ExplorableTimings:
    timings = ExplorableTimings()
    for _ in range(REPEATS):
        with fresh_page(browser) as page:
            root = ready(page, base_url, "training/", "playground")
            run = await_in_page(page, "training", f"window.__bench.train({root})")
            timings.training_ms.append(run["end"] - run["start"])
            timings.training_long_tasks.append(long_tasks_between(page, run["start"], run["end"]))
            timings.epochs = int(re.search(r"Epoch (\d+) of", run["status"]).group(1))
            timings.held_out.append(re.search(r"held-out accuracy ([\d.]+%)", run["status"])[1])
            check_clean(page, base_url, "playground")
    with fresh_page(browser) as page:
        root = ready(page, base_url, "gradient-descent/", "gradient-descent")
        for repeat in range(4 * REPEATS):
            value = -1.5 + 0.3 * (repeat % 4)  # log10 of the learning rate: 0.03 ... 0.25
            expression = f"window.__bench.slide({root}, 'Learning rate', {value})"
            timings.slider_ms.append(await_in_page(page, "a slider change", expression))
        check_clean(page, base_url, "gradient descent explorer")
    return timings
