"""The GitHub workflows are valid and pass the security linter with no findings."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from bookbuild.paths import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent


def run(command):
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True)


def test_there_are_ci_and_pages_workflows():
    assert {path.name for path in WORKFLOWS} >= {"ci.yml", "pages.yml"}


def test_workflows_match_githubs_workflow_schema():
    result = run([str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows",
                  *map(str, WORKFLOWS)])  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing():
    result = run([str(BIN / "zizmor"), "--offline", "--no-progress", *map(str, WORKFLOWS)])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr


def test_every_action_is_pinned_to_a_full_commit_hash():
    for workflow in WORKFLOWS:
        for line in workflow.read_text().splitlines():
            if "uses:" in line:
                reference = line.split("uses:")[1].split("#")[0].strip()
                _, _, version = reference.partition("@")
                assert re.fullmatch(r"[0-9a-f]{40}", version), f"{workflow.name}: {line}"
                assert "# v" in line, f"{workflow.name}: say which version the hash is: {line}"


def readme_test_command() -> str:
    """The command the README tells a newcomer runs every test."""
    readme = (ROOT / "README.md").read_text()
    found = re.search(r"^(make \S+)\s+# .*\brun every test", readme, re.M)
    assert found, "the README should name its test command (`make test  # ... run every test`)"
    return found.group(1)


def test_ci_runs_the_readme_test_command():
    command = readme_test_command()
    steps = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text())["jobs"]
    runs = [step.get("run", "") for job in steps.values() for step in job["steps"]]
    assert any(run.strip() == command for run in runs), f"ci.yml does not run `{command}`: {runs}"
    assert command in (ROOT / ".ci" / "run").read_text().splitlines()
