"""The Node.js versions the project supports are written once, in package.json's `engines`.

npm refuses any other (engine-strict) and names the project when it does; every package in
package-lock.json supports every version in the range; CI sets up a version in it; the README
points at the range rather than naming versions of its own.
"""

from __future__ import annotations

import json
import re
import subprocess

import yaml

from bookbuild.paths import ROOT

GITHUB = ROOT / ".github"


def engines() -> str:
    return json.loads((ROOT / "package.json").read_text())["engines"]["node"]


def subsets(pairs: list[tuple[str, str]]) -> list[bool]:
    """For each (a, b): does range b allow every version range a allows? (npm's semver)"""
    command = ["node", "tests/semver_subsets.mjs", json.dumps(pairs)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_every_locked_package_supports_every_node_version_the_project_allows():
    packages = json.loads((ROOT / "package-lock.json").read_text())["packages"]
    required = [
        (path.split("node_modules/")[-1], entry["engines"]["node"])
        for path, entry in packages.items()
        if path and isinstance(entry.get("engines"), dict) and "node" in entry["engines"]
    ]
    answers = subsets([(engines(), needed) for _, needed in required])
    pairs = zip(required, answers, strict=True)
    narrower = [f"{name} ({needed})" for (name, needed), ok in pairs if not ok]
    assert not narrower, f"these packages do not support all of {engines()}: {narrower}"


def test_ci_sets_up_a_node_version_the_project_allows():
    files = [*GITHUB.glob("workflows/*.yml"), *GITHUB.glob("actions/*/action.yml")]
    versions = []
    for path in files:
        document = yaml.safe_load(path.read_text())
        jobs = document.get("jobs", {}).values() if "jobs" in document else [document["runs"]]
        versions += [
            str(step["with"]["node-version"])
            for job in jobs
            for step in job.get("steps", [])
            if "actions/setup-node" in step.get("uses", "")
        ]
    assert versions, "CI sets up Node.js with actions/setup-node"
    allowed = subsets([(version, engines()) for version in versions])
    assert all(allowed), f"CI sets up Node {versions}; package.json's engines allow {engines()}"


def test_npm_refuses_another_node_version_and_names_the_project():
    assert "engine-strict=true" in (ROOT / ".npmrc").read_text().splitlines()
    package = json.loads((ROOT / "package.json").read_text())
    assert package.get("name") and package.get("version"), "npm's refusal would say `undefined`"


def test_the_readme_points_at_the_range_and_names_no_node_version_of_its_own():
    readme = (ROOT / "README.md").read_text()
    assert "`engines`" in readme
    named = re.findall(r"\bNode(?:\.js)? v?\d+(?:\.\d+)*", readme)
    assert not named, f"the README names {named}: say `package.json`'s `engines` instead"
