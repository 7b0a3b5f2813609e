"""A real PostgreSQL server for the tests: started once per test session on 127.0.0.1 in a
temporary folder (initdb + pg_ctl, Debian's binaries), a fresh ledger for each test.

WARLOG_TEST_PG_URL names a server to use instead (a URL of a role that may create
databases). Without either, the PostgreSQL half of the tests skips, saying why.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

PG_VERSIONS = ("15", "16", "17", "14", "13")


def pg_bin() -> Path | None:
    """The folder holding initdb and pg_ctl: Debian's, else the first on PATH."""
    candidates = [os.environ.get("WARLOG_PG_BIN", "")]
    candidates += [f"/usr/lib/postgresql/{v}/bin" for v in PG_VERSIONS]
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for folder in candidates:
        if folder and (Path(folder) / "initdb").is_file() and (Path(folder) / "pg_ctl").is_file():
            return Path(folder)
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PgServer:
    """A throwaway cluster: trust authentication on loopback only, durability off (the
    tests never need to survive a crash of the machine, and fsync costs seconds)."""

    def __init__(self, bin_dir: Path):
        self.bin = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="warlog-pg-"))
        self.port = _free_port()
        self.prefix: list[str] = []
        if os.geteuid() == 0:  # initdb refuses to run as root
            try:
                account = pwd.getpwnam("postgres")
            except KeyError:
                pytest.skip("PostgreSQL tests run as root need a 'postgres' account to run the server")
            os.chown(self.root, account.pw_uid, account.pw_gid)
            self.prefix = ["runuser", "-u", "postgres", "--"]
        self.data = self.root / "data"
        self.url = f"postgresql://warlog@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        done = subprocess.run([*self.prefix, *args], capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{Path(args[0]).name} failed: {done.stderr or done.stdout}\n{tail}")

    def start(self) -> PgServer:
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "warlog", "--auth=trust",
                  "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync")
        options = (f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.root}"
                   " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
                   " -c max_connections=100")
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "server.log"),
                  "-o", options, "-w", "-t", "60", "start")
        return self

    def stop(self) -> None:
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


class Databases:
    """Fresh, empty ledgers on the server at ``admin_url``: each a schema of its own in one
    database made for this session (a schema costs a millisecond, a database a second), named
    by the URL's ``options=-csearch_path=...``, as a user may also keep several ledgers."""

    def __init__(self, admin_url: str, own_server: bool):
        import psycopg

        self.own = own_server
        self.conn = psycopg.connect(admin_url, autocommit=True)
        self.database = f"warlog_test_{os.getpid()}"
        self.conn.execute(f'CREATE DATABASE "{self.database}" TEMPLATE template0')
        parts = urlsplit(admin_url)
        self.base = urlunsplit(parts._replace(path="/" + self.database, query=""))
        self.schemas = (f"ledger_{n}" for n in itertools.count())
        self.inside = psycopg.connect(self.base, autocommit=True)

    def create(self) -> str:
        """The URL of a new, empty ledger."""
        name = next(self.schemas)
        self.inside.execute(f'CREATE SCHEMA "{name}"')
        return f"{self.base}?options=-csearch_path%3D{name}"

    def close(self) -> None:
        self.inside.close()
        if not self.own:  # someone else's server: leave it as it was
            self.conn.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
        self.conn.close()


@pytest.fixture(scope="session")
def pg_databases():
    """Fresh PostgreSQL databases on demand, on one server for the whole session."""
    url = os.environ.get("WARLOG_TEST_PG_URL")
    server = None
    if not url:
        found = pg_bin()
        if found is None:
            pytest.skip("no PostgreSQL binaries (initdb, pg_ctl) found in /usr/lib/postgresql/*/bin "
                        "or on PATH: install Debian's postgresql-15, or set WARLOG_TEST_PG_URL")
        server = PgServer(found).start()
        url = server.url
    dbs = Databases(url, own_server=server is not None)
    try:
        yield dbs
    finally:
        dbs.close()
        if server is not None:
            server.stop()


@pytest.fixture
def pg_url(pg_databases: Databases) -> str:
    """The URL of a fresh, empty PostgreSQL ledger."""
    return pg_databases.create()
