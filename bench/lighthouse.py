"""Lighthouse's mobile audit of every chapter: `python -m bench.lighthouse` (part of `make bench`).

The site is built for, and served at, a project subpath, as GitHub Pages serves it: gzip for
text, Cache-Control max-age=600 (bookbuild.harness.static_server.PagesLikeHandler). Lighthouse (npm,
pinned in package.json) runs in its default mobile mode, simulated slow 4G and a 4x slower CPU,
with the project's Chromium. Lighthouse is noisy on a shared machine, so each page is audited
LIGHTHOUSE_RUNS times (default 3) and the medians are reported.

While deciding what to change, LIGHTHOUSE_PAGES=derivatives/,backpropagation/ audits only those
pages, and LIGHTHOUSE_REPORTS=DIR keeps every run's full report there (its `bootup-time` and
`long-tasks` audits say which script costs what).

On a shared machine the load drifts from minute to minute, and a before/after comparison made an
hour apart mostly measures that. LIGHTHOUSE_BASELINE=DIR audits another build too (e.g. of
main, built with SITE_URL=http://127.0.0.1:PORT/backprop-book/), run for run in turn with this
one, and prints its table first.
"""

from __future__ import annotations

import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bookbuild.book_nav import chapters
from bookbuild.harness.browser import chromium_path
from bookbuild.harness.static_server import pages_like_handler, port_built_for, serve_directory
from bookbuild.paths import ROOT
from bookbuild.site import site_build

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
SUBPATH = "/backprop-book/"
RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "3"))
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking " \
    "--disable-component-update --disable-sync --no-first-run"  # fmt: skip
TARGETS = {"performance": 95, "tbt_ms": 150, "cls": 0.01}
REPORTS = os.environ.get("LIGHTHOUSE_REPORTS")
BASELINE = os.environ.get("LIGHTHOUSE_BASELINE")
HEADER = "| page | performance | TBT | CLS | FCP | LCP | DOM elements | bytes | a11y | BP | SEO |"


def audit(url: str, report_name: str = "") -> dict:
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [str(LIGHTHOUSE), url, "--output=json", "--quiet", "--max-wait-for-load=60000",
             f"--chrome-flags={CHROME_FLAGS} --user-data-dir={profile}",
             "--only-categories=performance,accessibility,best-practices,seo"],
            capture_output=True, text=True, timeout=300,
            env={**os.environ, "CHROME_PATH": chromium_path() or ""},
        )  # fmt: skip
    if result.returncode != 0:
        sys.exit(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    if REPORTS and report_name:
        Path(REPORTS).mkdir(parents=True, exist_ok=True)
        (Path(REPORTS) / f"{report_name}.json").write_text(result.stdout)
    audits, categories = report["audits"], report["categories"]
    return {
        "performance": round(100 * categories["performance"]["score"]),
        "accessibility": round(100 * categories["accessibility"]["score"]),
        "best-practices": round(100 * categories["best-practices"]["score"]),
        "seo": round(100 * categories["seo"]["score"]),
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "fcp_ms": audits["first-contentful-paint"]["numericValue"],
        "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
        "dom": audits["dom-size"]["numericValue"],
        "bytes": audits["total-byte-weight"]["numericValue"],
    }


def medians(runs: list[dict]) -> dict:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def targets_met(result: dict) -> bool:
    return (
        result["performance"] >= TARGETS["performance"]
        and result["tbt_ms"] <= TARGETS["tbt_ms"]
        and result["cls"] <= TARGETS["cls"]
    )


def table_row(title: str, result: dict) -> str:
    cells = [
        title,
        f"{result['performance']:.0f}" + ("" if targets_met(result) else " (missed)"),
        f"{result['tbt_ms']:.0f} ms",
        f"{result['cls']:.3f}",
        f"{result['fcp_ms'] / 1000:.1f} s",
        f"{result['lcp_ms'] / 1000:.1f} s",
        f"{result['dom']:.0f}",
        f"{result['bytes'] / 1000:.0f} kB",
        f"{result['accessibility']:.0f}",
        f"{result['best-practices']:.0f}",
        f"{result['seo']:.0f}",
    ]
    return "| " + " | ".join(cells) + " |"


def chosen_pages():
    wanted = os.environ.get("LIGHTHOUSE_PAGES")
    if not wanted:
        return chapters()
    return [page for page in chapters() if page.url_path in wanted.split(",")]


def main() -> None:
    with contextlib.ExitStack() as stack:
        site = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        handler = pages_like_handler(SUBPATH)
        base = stack.enter_context(serve_directory(site, handler=handler)).rstrip("/") + SUBPATH
        built = site_build.build_site(site, site_url=base)
        if built.returncode != 0:
            sys.exit(f"the build failed:\n{(built.stdout + built.stderr)[-3000:]}")
        sites = {"": base}
        if BASELINE:
            baseline = Path(BASELINE)
            served = serve_directory(
                baseline, port_built_for(baseline), pages_like_handler(SUBPATH)
            )
            sites = {"baseline-": stack.enter_context(served).rstrip("/") + SUBPATH, **sites}
        version = json.loads((ROOT / "package.json").read_text())["devDependencies"]
        print(f"Lighthouse {version['lighthouse']}, mobile defaults, {base} (gzip, "
              f"max-age=600), medians of {RUNS} runs")  # fmt: skip
        rows = {prefix: [] for prefix in sites}
        for page in chosen_pages():
            name = page.url_path.strip("/") or "index"
            runs = {prefix: [] for prefix in sites}
            for run in range(RUNS):  # in turn, so that both see the machine's load alike
                for prefix, url in sites.items():
                    runs[prefix].append(audit(url + page.url_path, f"{prefix}{name}-{run}"))
            for prefix in sites:
                rows[prefix].append(table_row(page.title, medians(runs[prefix])))
                print(f"{prefix or 'this build: '}{rows[prefix][-1]}", flush=True)
    for prefix in sites:
        print()
        print(f"{BASELINE} (baseline):" if prefix else "This build:")
        print(HEADER)
        print("|---|---|---|---|---|---|---|---|---|---|---|")
        print("\n".join(rows[prefix]))
    print()
    print(
        f"Targets: performance >= {TARGETS['performance']}, TBT <= {TARGETS['tbt_ms']} ms, "
        f"CLS <= {TARGETS['cls']}; accessibility, best practices and SEO 100."
    )


if __name__ == "__main__":
    main()
