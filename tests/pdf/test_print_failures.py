"""A print that fails exits non-zero with a clear message and leaves no PDF at the output path."""

from __future__ import annotations

import pytest

from bookbuild.harness.browser import INSTALL_HINT
from tests.pdf.conftest import run_pdf_command

pytestmark = pytest.mark.pdf


def print_into(built_site, directory, *arguments, env=None):
    output = directory / "backprop-book.pdf"
    result = run_pdf_command(
        "--no-build", "--site-dir", built_site.directory, "--output", output, *arguments, env=env
    )
    return result, output


def assert_failed_cleanly(result, output, message):
    assert result.returncode != 0, result.stdout
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert not output.exists(), "a failed print left a PDF at the output path"
    assert not list(output.parent.iterdir()), f"left behind: {list(output.parent.iterdir())}"


def test_a_missing_print_page_fails_with_its_http_status(built_site, tmp_path):
    result, output = print_into(built_site, tmp_path, "--print-page", "no-such-page/")
    assert_failed_cleanly(result, output, "answered HTTP 404")


def test_an_impossible_timeout_fails_and_says_so(built_site, tmp_path):
    result, output = print_into(built_site, tmp_path, "--timeout", "0.001")
    assert result.returncode != 0
    assert_failed_cleanly(result, output, "0.001 s")


def test_a_missing_chromium_fails_with_install_instructions(built_site, tmp_path):
    nowhere = str(tmp_path / "nowhere")
    hidden = {"PATH": nowhere, "PLAYWRIGHT_BROWSERS_PATH": nowhere}
    result, output = print_into(built_site, tmp_path / "out", env=hidden)
    (tmp_path / "out").mkdir(exist_ok=True)
    assert_failed_cleanly(result, output, INSTALL_HINT)
