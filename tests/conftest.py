"""Fixtures shared by the test modules: a fresh store (on SQLite and on PostgreSQL), a real
web server on loopback, a port nothing listens on, the command line as a subprocess, and a
Dask scheduler."""

from __future__ import annotations

import functools
import http.server
import socket
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from pg_support import pg_databases, pg_url  # noqa: F401 - fixtures

from warlog.store import SQLiteStore, open_store

BACKENDS = ["sqlite", "postgres"]


@pytest.fixture(params=BACKENDS)
def backend_db(request, tmp_path: Path) -> str:
    """Where a fresh, empty ledger lives, on each backend: a SQLite file, a PostgreSQL URL."""
    if request.param == "postgres":
        return request.getfixturevalue("pg_url")
    return str(tmp_path / "warlog.db")


@pytest.fixture
def store(backend_db: str) -> SQLiteStore:
    """An empty store in a fresh database (each test runs on SQLite and on PostgreSQL),
    closed after the test."""
    s = open_store(backend_db)
    yield s
    s.close()


@pytest.fixture
def sqlite_store(tmp_path: Path) -> SQLiteStore:
    """An empty store in a fresh SQLite file, for tests of SQLite alone."""
    s = open_store(tmp_path / "warlog.db")
    yield s
    s.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        pass


@dataclass
class Served:
    root: Path  # files written here are served
    base_url: str  # http://127.0.0.1:PORT

    def url(self, name: str) -> str:
        return f"{self.base_url}/{name}"


@pytest.fixture
def http_server(tmp_path: Path) -> Served:
    """A real HTTP server on 127.0.0.1 (any free port) serving a folder, in a thread."""
    root = tmp_path / "www"
    root.mkdir()
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield Served(root=root, base_url=f"http://127.0.0.1:{server.server_address[1]}")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound once, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def warlog_command() -> list[str]:
    """The argv prefix that runs the ``warlog`` command in a separate process, with the
    interpreter running the tests (so the same installed warlog)."""
    return [sys.executable, "-m", "warlog.cli"]


@pytest.fixture(scope="session")
def dask_scheduler() -> str:
    """The address of a real Dask scheduler with two worker processes on 127.0.0.1,
    shared by the tests that need one (starting it and loading the workers' extractors
    costs ~15 s)."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=":0", memory_limit="1.5GB") as cluster:
        yield cluster.scheduler_address
