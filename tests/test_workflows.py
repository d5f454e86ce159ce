"""The GitHub workflow is valid, passes the security linter with no findings, runs the README's
test command, and can only publish a commit whose tests passed."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from bookbuild.paths import ROOT

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
ACTIONS = sorted((GITHUB / "actions").glob("*/action.yml"))  # the repository's own actions
BIN = Path(sys.executable).parent
CI = GITHUB / "workflows" / "ci.yml"
SELF = "$/"  # GitHub's self-repository syntax: an action of this repository, at the same commit


def run(command):
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True)


def jobs() -> dict[str, dict]:
    return yaml.safe_load(CI.read_text())["jobs"]


def steps_of(job: dict) -> list[dict]:
    """The job's steps, with those of the repository's own actions it uses in their place."""
    found = []
    for step in job.get("steps", []):
        uses = step.get("uses", "")
        if uses.startswith(SELF):
            action = ROOT / uses.removeprefix(SELF) / "action.yml"
            found += yaml.safe_load(action.read_text())["runs"]["steps"]
        else:
            found.append(step)
    return found


def schema_problems(schema: str, paths: list[Path]) -> str:
    result = run([str(BIN / "check-jsonschema"), "--builtin-schema", schema, *map(str, paths)])
    return "" if result.returncode == 0 else result.stdout + result.stderr


def test_workflows_match_githubs_workflow_schema():
    assert not schema_problems("vendor.github-workflows", WORKFLOWS)


def test_the_repositorys_actions_match_githubs_action_schema():
    assert ACTIONS, "the set-up is one action, .github/actions/set-up/action.yml"
    assert not schema_problems("vendor.github-actions", ACTIONS)


def test_zizmor_finds_nothing():
    zizmor = [str(BIN / "zizmor"), "--offline", "--no-progress"]
    result = run([*zizmor, *map(str, WORKFLOWS + ACTIONS)])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr


def test_every_action_is_pinned_to_a_full_commit_hash():
    for path in WORKFLOWS + ACTIONS:
        for line in path.read_text().splitlines():
            if "uses:" in line:
                reference = line.split("uses:")[1].split("#")[0].strip()
                if reference.startswith(SELF):
                    continue  # the repository's own action, at the running commit
                _, _, version = reference.partition("@")
                assert re.fullmatch(r"[0-9a-f]{40}", version), f"{path.name}: {line}"
                assert "# v" in line, f"{path.name}: say which version the hash is: {line}"


def readme_test_command() -> str:
    """The command the README tells a newcomer runs every test."""
    readme = (ROOT / "README.md").read_text()
    found = re.search(r"^(make \S+)\s+# .*\brun every test", readme, re.M)
    assert found, "the README should name its test command (`make test  # ... run every test`)"
    return found.group(1)


def jobs_running(command: str) -> set[str]:
    return {
        name
        for name, job in jobs().items()
        if any(step.get("run", "").strip() == command for step in steps_of(job))
    }


def test_ci_runs_the_readme_test_command():
    command = readme_test_command()
    assert jobs_running(command), f"ci.yml does not run `{command}`"
    assert command in (ROOT / ".ci" / "run").read_text().splitlines()


def needed_by(name: str) -> set[str]:
    """Every job `name` waits for, directly or through others."""
    needs = jobs()[name].get("needs", [])
    direct = {needs} if isinstance(needs, str) else set(needs)
    return direct.union(*(needed_by(job) for job in direct))


def test_nothing_is_published_before_the_same_commits_tests_pass():
    publishing = {
        name
        for name, job in jobs().items()
        if any("pages" in step.get("uses", "") for step in steps_of(job))
    }
    assert publishing, "ci.yml should build and deploy the book to GitHub Pages"
    testing = jobs_running(readme_test_command())
    for name in publishing:
        assert needed_by(name) & testing, f"{name} does not wait for `make test`"
    assert [path.name for path in WORKFLOWS] == ["ci.yml"], "one workflow: another could publish"
