"""One Node.js version for the project: package.json's `engines`, the README and the workflows
agree, the machine runs it, and npm refuses a package that does not support it."""

from __future__ import annotations

import json
import re
import subprocess

import yaml

from bookbuild.paths import ROOT

WORKFLOWS = ["ci.yml", "pages.yml"]


def engines_major() -> str:
    engines = json.loads((ROOT / "package.json").read_text())["engines"]["node"]
    found = re.fullmatch(r"(\d+)\.x", engines)
    assert found, f'package.json engines.node should name one major version ("20.x"): {engines}'
    return found[1]


def test_the_readme_names_the_node_version_of_package_json():
    readme = (ROOT / "README.md").read_text()
    assert set(re.findall(r"Node\.js (\d+)", readme)) == {engines_major()}, "the README's Node.js"


def test_the_workflows_set_up_the_node_version_of_package_json():
    for name in WORKFLOWS:
        workflow = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text())
        versions = [
            str(step["with"]["node-version"])
            for job in workflow["jobs"].values()
            for step in job.get("steps", [])
            if "actions/setup-node" in step.get("uses", "")
        ]
        assert versions == [engines_major()], f"{name} sets up Node {versions}"


def test_this_machine_runs_that_node_version():
    version = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout
    assert version.lstrip("v").split(".")[0] == engines_major(), version


def test_npm_ci_fails_on_a_package_that_does_not_support_it():
    settings = (ROOT / ".npmrc").read_text().splitlines()
    assert "engine-strict=true" in settings
