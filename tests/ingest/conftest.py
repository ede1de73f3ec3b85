"""A local HTTP server for the feed and page readers: serves ``tests/data/ingest`` on 127.0.0.1."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"
#: Fixture links use this base; the server rewrites it to its own address.
FIXTURE_BASE = b"http://example.invalid"
#: Fixture paths the server maps to files (the links in the feeds).
ROUTES = {"/nyheter/luftvern": "nb-artikkel.html", "/world/quotas": "en-report.htm",
          "/world/denmark": "forside.html"}
TYPES = {".html": "text/html; charset=utf-8", ".htm": "text/html; charset=utf-8", ".rss": "application/rss+xml",
         ".atom": "application/atom+xml", ".xml": "application/xml"}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        name = ROUTES.get(self.path, self.path.lstrip("/"))
        path = DATA / name
        if "/" in name or not path.is_file():
            self.send_error(404)
            return
        base = f"http://127.0.0.1:{self.server.server_address[1]}".encode()
        body = path.read_bytes().replace(FIXTURE_BASE, base)
        self.send_response(200)
        self.send_header("Content-Type", TYPES.get(path.suffix, "application/octet-stream"))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        """Keep test output quiet."""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The base URL of a server for ``tests/data/ingest`` (fixture links point back to it)."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("no_proxy", "127.0.0.1")  # a proxy set in the environment must not see the test's requests
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
