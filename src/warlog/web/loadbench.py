"""Load benchmark (not a test): the incident list API on a ledger made of the demo
incidents copied N times, served by uvicorn on loopback, hammered by keep-alive clients.

    python -m warlog.web.loadbench --demo-db warlog-demo/warlog.db [--copies 100]
        [--seconds 20] [--clients 8]

Prints requests/s and latency percentiles as one JSON object."""

from __future__ import annotations

import argparse
import http.client
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import closing
from pathlib import Path

from warlog.model import Incident
from warlog.store import open_store
from warlog.store.review import SQLiteReview


def build(demo_db: Path, target: Path, copies: int) -> tuple[int, str]:
    """The demo ledger with each incident stored ``copies`` times (new ids); returns the
    number of incidents and an API token."""
    shutil.copy(demo_db, target)
    store = open_store(target)
    originals = store.incidents()
    with store.transaction():
        for k in range(1, copies):
            for inc in originals:
                data = inc.model_dump(mode="json")
                data["id"] = f"{inc.id}-{k}"
                data["event_id_cnty"] = f"{inc.event_id_cnty}-{k}"
                copy = Incident.model_validate(data)
                store.conn.execute(
                    "INSERT INTO incidents (id, event_id_cnty, event_date, event_type, iso, location, data)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (copy.id, copy.event_id_cnty, copy.event_date.isoformat(), copy.event_type, copy.iso,
                     copy.location, copy.model_dump_json()))
    review = SQLiteReview(store)
    review.add_user("loadbench", "analyst", "loadbench-password")
    token = review.create_token("loadbench", "load benchmark")
    n = store.count("incidents")
    store.close()
    return n, token


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc), 0 elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    import os

    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def hammer(port: int, token: str, path: str, seconds: float, clients: int) -> list[float]:
    latencies: list[float] = []
    errors: list[str] = []
    stop = time.monotonic() + seconds

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        mine = []
        while time.monotonic() < stop:
            t = time.perf_counter()
            conn.request("GET", path, headers={"Authorization": f"Bearer {token}"})
            resp = conn.getresponse()
            resp.read()
            mine.append(time.perf_counter() - t)
            if resp.status != 200:
                errors.append(str(resp.status))
        latencies.extend(mine)
        conn.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise SystemExit(f"{len(errors)} requests failed, e.g. HTTP {errors[0]}")
    return latencies


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--demo-db", type=Path, default=Path("warlog-demo/warlog.db"))
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--path", default="/api/incidents?per_page=50")
    parser.add_argument("--pg-url", default="",
                        help="serve from this empty PostgreSQL database instead (the ledger is "
                             "copied into it), e.g. postgresql://warlog@127.0.0.1/loadbench")
    args = parser.parse_args(argv)
    if not args.demo_db.is_file():
        raise SystemExit(f"no demo database at {args.demo_db}; run `warlog demo` first")
    with tempfile.TemporaryDirectory(prefix="warlog-load-") as tmp:
        db = Path(tmp) / "load.db"
        n, token = build(args.demo_db, db, args.copies)
        served = str(db)
        if args.pg_url:
            from warlog.store.copy import copy_ledger

            with closing(open_store(db)) as source, closing(open_store(args.pg_url)) as target:
                copy_ledger(source, target)
            served = args.pg_url
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--factory", "warlog.web.loadbench:_app", "--host",
             "127.0.0.1", "--port", str(port), "--log-level", "warning", "--no-access-log"],
            env={**__import__("os").environ, "WARLOG_LOAD_DB": served})
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise SystemExit("the server did not start") from None
                    time.sleep(0.2)
            hammer(port, token, args.path, 2, 2)  # warm up: first parse, caches
            cpu_before = _cpu_seconds(server.pid)
            lat = sorted(hammer(port, token, args.path, args.seconds, args.clients))
            cpu = _cpu_seconds(server.pid) - cpu_before
        finally:
            server.terminate()
            server.wait(timeout=10)

    def pct(p: float) -> float:
        return round(1000 * lat[min(len(lat) - 1, int(p * len(lat)))], 1)

    result = {"incidents": n, "requests": len(lat), "seconds": args.seconds, "clients": args.clients,
              "requests_per_s": round(len(lat) / args.seconds, 1), "p50_ms": pct(0.50),
              "p95_ms": pct(0.95), "p99_ms": pct(0.99), "max_ms": round(1000 * lat[-1], 1),
              # the server's own CPU per request: what the figures would be on idle cores
              "server_cpu_ms_per_request": round(1000 * cpu / len(lat), 2),
              "path": args.path, "backend": "postgresql" if args.pg_url else "sqlite"}
    print(json.dumps(result))
    return result


def _app():
    import os

    from warlog.web.app import Settings, create_app

    return create_app(Settings(db=os.environ["WARLOG_LOAD_DB"]))


if __name__ == "__main__":
    main()
