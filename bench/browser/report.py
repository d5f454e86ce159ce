"""The browser benchmarks' report: medians, ratios and targets, as a Markdown table."""

from __future__ import annotations

import statistics

from bench.browser.measure import BUSY_SECONDS, HOVER_TO_CLICK_MS, PageWeight

TARGETS = {
    "first_ratio": 1.0,
    "warm_ratio": 0.5,
    "second_ms": 100,
    "next_ms": 100,
    "page_bytes": 1_000_000,
}


def median(values) -> float:
    return statistics.median(values) if values else 0.0


def kilobytes(count: int) -> str:
    return f"{count / 1000:,.0f} kB"


def describe_long_tasks(per_run: list[list[float]]) -> str:
    counts = [len(tasks) for tasks in per_run]
    durations = sorted(duration for tasks in per_run for duration in tasks)
    if not durations:
        return f"none ({len(per_run)} run{'s' if len(per_run) > 1 else ''})"
    return f"per run {counts}; {median(durations):.0f} ms median, {durations[-1]:.0f} ms longest"


def verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def timing_rows(floors, runs, chapter, following) -> list[tuple[str, str, str, str]]:
    floor = median(floors)
    first_click = median([run.first_from_click for run in runs])
    first_navigation = median([run.first_from_navigation for run in runs])
    warm = median([run.warm for run in runs])
    second = median([duration for run in runs for duration in run.second])
    next_run = median([run.next_run for run in runs])
    one_worker = all(run.workers_created == 1 for run in runs)
    return [
        ("Floor: bare page, Pyodide + numpy, 1+1, cold (navigation → result)", f"{floor:.0f} ms",
         "", ""),
        (f"First result, cold: /{chapter} cell 1, pointer over the cell at DOMContentLoaded, Run "
         f"{HOVER_TO_CLICK_MS} ms later: Run click → output", f"{first_click:.0f} ms", "", ""),
        ("First result, cold ÷ floor", f"{first_click / floor:.2f}",
         f"≤ {TARGETS['first_ratio']}", verdict(first_click / floor <= TARGETS["first_ratio"])),
        ("the same from navigation start (÷ floor)",
         f"{first_navigation:.0f} ms ({first_navigation / floor:.2f})", "", ""),
        ("First result, warm (a second visit, new tab, service worker): Run click → output",
         f"{warm:.0f} ms ({warm / floor:.2f} of the floor)", f"≤ {TARGETS['warm_ratio']} of it",
         verdict(warm / floor <= TARGETS["warm_ratio"])),
        ("Second result: 1+1 (click → output)", f"{second:.1f} ms", f"< {TARGETS['second_ms']} ms",
         verdict(second < TARGETS["second_ms"])),
        (f"Next chapter (instant navigation to /{following}): its first cell, Run click → output",
         f"{next_run:.0f} ms", f"< {TARGETS['next_ms']} ms, 1 worker",
         verdict(next_run < TARGETS["next_ms"] and one_worker)),
        ("of which the navigation: Next click → that output",
         f"{median([run.next_chapter for run in runs]):.0f} ms", "", ""),
    ]  # fmt: skip


def check_rows(checks, page, exercise_id) -> list[tuple[str, str, str, str]]:
    return [
        (
            f"Check → feedback, warm worker: /{page} exercise {exercise_id}",
            f"{median(checks):.0f} ms",
            "",
            "",
        )
    ]


def long_task_rows(runs) -> list[tuple[str, str, str, str]]:
    busy = [run.busy_long_tasks for run in runs]
    idle = [run.idle_long_tasks for run in runs]
    busy_count, idle_count = sum(map(len, busy)), sum(map(len, idle))
    return [
        (
            "Long tasks > 50 ms: page load, before the Run click",
            describe_long_tasks([run.load_long_tasks for run in runs]),
            "",
            "",
        ),
        (
            "Long tasks > 50 ms: Run click → first output (boot)",
            describe_long_tasks([run.boot_long_tasks for run in runs]),
            "0 from Python",
            "",
        ),
        (
            f"Long tasks > 50 ms: during a {BUSY_SECONDS} s cell",
            describe_long_tasks(busy),
            "0 from Python",
            verdict(busy_count == 0 or busy_count <= idle_count),
        ),
        (
            f"Long tasks > 50 ms: control, {BUSY_SECONDS} s with nothing running",
            describe_long_tasks(idle),
            "",
            "",
        ),
    ]


def weight_rows(weights) -> list[tuple[str, str, str, str]]:
    rows = []
    for weight in weights:
        fits = weight.raw_total < TARGETS["page_bytes"] and not weight.wasm_requests
        wasm = f", {len(weight.wasm_requests)} .wasm" if weight.wasm_requests else ", no .wasm"
        rows.append(
            (
                f"Page weight {weight.path} before interaction (raw; gzip estimate)",
                f"{kilobytes(weight.raw_total)}; {kilobytes(weight.gzip_total)}{wasm}",
                "< 1 MB, no .wasm",
                verdict(fits),
            )
        )
    return rows


def print_weight_breakdown(weight: PageWeight, largest: int = 8) -> None:
    print(f"{weight.path}: {kilobytes(weight.raw_total)} raw, {kilobytes(weight.gzip_total)} gzip")
    for kind, (raw, gzipped) in sorted(weight.by_kind().items(), key=lambda item: -item[1][0]):
        print(f"    {kind:<12} {kilobytes(raw):>9} raw {kilobytes(gzipped):>9} gzip")
    print("  largest:")
    for r in sorted(weight.resources, key=lambda r: -r.raw)[:largest]:
        print(f"    {kilobytes(r.raw):>9} raw {kilobytes(r.gzipped):>9} gzip  /{r.url}")
    if weight.wasm_requests:
        print(f"    .wasm requested before any interaction: {weight.wasm_requests}")


def print_markdown(rows) -> None:
    print("| Measure | Median | Target | |")
    print("|---|---|---|---|")
    for measure, value, target, status in rows:
        print(f"| {measure.strip()} | {value} | {target} | {status} |")
