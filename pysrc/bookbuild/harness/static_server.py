"""Serve a built site on 127.0.0.1 for the browser tests, the benchmarks and the PDF print."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import re
import socket
import threading
from collections.abc import Iterator
from pathlib import Path


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
    }

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass

    def handle(self):
        # The browser may give up on a request (a test aborted it, a page moved on).
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            super().handle()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def port_built_for(site: Path) -> int:
    """The port in the site_url the site was built with (read from its sitemap), or 0.

    Material's instant navigation only follows links whose port matches the sitemap's, so a
    site must be served where it was built for when navigation matters.
    """
    sitemap = site / "sitemap.xml"
    match = (
        re.search(r"<loc>http://127\.0\.0\.1:(\d+)/", sitemap.read_text())
        if sitemap.exists()
        else None
    )
    return int(match.group(1)) if match else 0


class PagesLikeHandler(QuietHandler):
    """Serves as GitHub Pages does: under a project's subpath, gzip for text, max-age=600.

    The subpath is PREFIX (set by `pages_like_handler`); anything outside it is a 404.
    """

    PREFIX = "/book/"
    COMPRESSED = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".wasm", ".txt", ""}
    cache: dict[str, bytes] = {}

    def translate_path(self, path):
        if not path.startswith(self.PREFIX):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(self.PREFIX) :])

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path.split("?")[0]))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.is_file() and path.suffix in self.COMPRESSED):
            return super().send_head()
        key = str(path)
        if key not in self.cache:
            self.cache[key] = gzip.compress(path.read_bytes(), compresslevel=6)
        body = self.cache[key]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def pages_like_handler(prefix: str):
    return type("Pages", (PagesLikeHandler,), {"PREFIX": prefix, "cache": {}})


class CrossOriginIsolatedHandler(QuietHandler):
    """Serves with COOP and COEP, so pages are cross-origin isolated (GitHub Pages is not)."""

    def end_headers(self):
        self.send_header("Cross-Origin-Opener-Policy", "same-origin")
        self.send_header("Cross-Origin-Embedder-Policy", "require-corp")
        super().end_headers()


@contextlib.contextmanager
def serve_directory(directory: Path, port: int = 0, handler=QuietHandler) -> Iterator[str]:
    """Serve `directory` on `port` (0: any free port); yield its base URL."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(handler, directory=str(directory))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
