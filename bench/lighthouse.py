"""Lighthouse's mobile audit of every chapter: `python -m bench.lighthouse` (part of `make bench`).

The site is built for, and served at, a project subpath, as GitHub Pages serves it: gzip for
text, Cache-Control max-age=600 (bookbuild.harness.static_server.PagesLikeHandler). Lighthouse (npm,
pinned in package.json) runs in its default mobile mode, simulated slow 4G and a 4x slower CPU,
with the project's Chromium. Lighthouse is noisy on a shared machine, so each page is audited
LIGHTHOUSE_RUNS times (default 3) and the medians are reported.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bookbuild.book_nav import chapters
from bookbuild.harness.browser import chromium_path
from bookbuild.harness.static_server import pages_like_handler, serve_directory
from bookbuild.paths import ROOT
from bookbuild.site import site_build

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
SUBPATH = "/backprop-book/"
RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "3"))
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking " \
    "--disable-component-update --disable-sync --no-first-run"  # fmt: skip
TARGETS = {"performance": 95, "tbt_ms": 150, "cls": 0.01}


def audit(url: str) -> dict:
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


def main() -> None:
    with tempfile.TemporaryDirectory() as directory:
        site = Path(directory)
        handler = pages_like_handler(SUBPATH)
        with serve_directory(site, handler=handler) as root_url:
            base = root_url.rstrip("/") + SUBPATH
            built = site_build.build_site(site, site_url=base)
            if built.returncode != 0:
                sys.exit(f"the build failed:\n{(built.stdout + built.stderr)[-3000:]}")
            version = json.loads((ROOT / "package.json").read_text())["devDependencies"]
            print(f"Lighthouse {version['lighthouse']}, mobile defaults, {base} (gzip, "
                  f"max-age=600), medians of {RUNS} runs")  # fmt: skip
            print()
            print("| page | performance | TBT | CLS | FCP | LCP | DOM elements | bytes "
                  "| a11y | BP | SEO |")  # fmt: skip
            print("|---|---|---|---|---|---|---|---|---|---|---|")
            for page in chapters():
                result = medians([audit(base + page.url_path) for _ in range(RUNS)])
                print(table_row(page.title, result), flush=True)
    print()
    print(
        f"Targets: performance >= {TARGETS['performance']}, TBT <= {TARGETS['tbt_ms']} ms, "
        f"CLS <= {TARGETS['cls']}; accessibility, best practices and SEO 100."
    )


if __name__ == "__main__":
    main()
