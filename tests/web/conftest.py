"""A store built by the real pipeline from the example article and three small texts, and clients over it."""

from __future__ import annotations

import socket
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from tests.conftest import SEED
from tidende.ingest import read_inputs
from tidende.pipeline import Pipeline
from tidende.records import Document
from tidende.store import open_store
from tidende.web.app import create_app

ARTICLES = Path(__file__).parent / "data" / "articles.jsonl"
#: The payloads ``nb-xss`` carries in its text and title.
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


def build_store(path: Path) -> dict[str, Document]:
    """Run the pipeline on the example article and ``data/articles.jsonl`` and store the documents."""
    articles = [r.article for r in read_inputs([str(SEED), str(ARTICLES)]) if r.article is not None]
    docs: dict[str, Document] = {}
    with open_store(path) as store:
        for article, doc in Pipeline().pipe(articles):
            assert isinstance(doc, Document), doc
            store.add(doc, source=article.source)
            docs[doc.id] = doc
    return docs


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Document]]:
    path = tmp_path_factory.mktemp("web") / "tidende.db"
    return path, build_store(path)


@pytest.fixture(scope="session")
def db(built: tuple[Path, dict[str, Document]]) -> Path:
    return built[0]


@pytest.fixture(scope="session")
def docs(built: tuple[Path, dict[str, Document]]) -> dict[str, Document]:
    return built[1]


@pytest.fixture(scope="session")
def app(db: Path) -> FastAPI:
    return create_app(db)


@pytest.fixture(scope="session")
def server(app: FastAPI) -> Iterator[str]:
    """The explorer served by uvicorn in a background thread on a free local port; yields its base URL."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)
    sock.close()


@pytest.fixture(scope="session")
def client(app: FastAPI) -> Iterator[httpx.Client]:
    """An HTTP client calling the app in process (an httpx client over ASGI: as fast as a test can be);
    the browser tests and ``live`` use the real server."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette would rather it used httpx2, which is not installed
        from starlette.testclient import TestClient
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="session")
def live(server: str) -> Iterator[httpx.Client]:
    """An HTTP client talking to the uvicorn server over TCP."""
    with httpx.Client(base_url=server, timeout=20) as c:
        yield c
