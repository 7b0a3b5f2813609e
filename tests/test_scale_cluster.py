"""Extraction on Dask workers (a real LocalCluster of 2 processes on loopback) ends with
the same store as a single-process run, and a scheduler that does not answer is said
in words."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from contextlib import closing
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner
from live_db import count_while_written

from warlog import runner
from warlog.cli import main
from warlog.scale import ClusterError, ClusterSpec
from warlog.store import open_store

TOWNS = ["Mosul", "Aleppo", "Raqqa", "Fallujah", "Ramadi", "Tikrit", "Idlib", "Homs"]


def corpus(folder: Path) -> Path:
    """The demo reports and 40 invented one-paragraph reports (several per incident)."""
    folder.mkdir()
    with resources.as_file(resources.files("warlog.demo").joinpath("reports")) as demo:
        for f in demo.iterdir():
            (folder / f.name).write_bytes(f.read_bytes())
    for i in range(40):
        town, day = TOWNS[i % len(TOWNS)], f"2017-03-{1 + i % 9:02d}"
        (folder / f"invented-{i:02d}.txt").write_text(
            f"---\ndate: {day}\npublisher: Outlet {i % 5}\n---\n"
            f"An air strike hit a market in {town} on {day}, killing {2 + i % 7} civilians "
            f"and wounding {i} others, residents said. Report number {i}.\n", encoding="utf-8")
    return folder


def snapshot(db: Path) -> dict:
    with closing(sqlite3.connect(db)) as conn:
        def rows(sql):
            return conn.execute(sql).fetchall()
        return {
            "documents": rows("SELECT id, extracted_at IS NOT NULL FROM documents ORDER BY id"),
            "mentions": rows("SELECT id, document_id, data FROM mentions ORDER BY id"),
            "quotes": rows("SELECT document_id, mention_id, text, start FROM quotes ORDER BY 1, 4"),
            "places": rows("SELECT * FROM places ORDER BY geonameid"),
            "incidents": rows("SELECT id, event_id_cnty, data FROM incidents ORDER BY id"),
            "links": rows("SELECT * FROM incident_mentions ORDER BY 1, 2"),
            "failures": rows("SELECT locator, reason FROM failures ORDER BY 1"),
        }


@pytest.fixture(scope="module")
def single_run(tmp_path_factory) -> tuple[Path, dict]:
    """The corpus, and the store a plain single-process `warlog run` leaves from it."""
    root = tmp_path_factory.mktemp("single")
    reports = corpus(root / "reports")
    result = CliRunner().invoke(main, ["run", str(reports), "--db", str(root / "single.db"),
                                       "--quiet"])
    assert result.exit_code == 0, result.output
    return reports, snapshot(root / "single.db")


@pytest.mark.slow
def test_scale_cluster_run_matches_single_process(tmp_path, dask_scheduler, single_run):
    reports, a = single_run
    spread = tmp_path / "spread.db"
    cli = CliRunner()
    second = cli.invoke(main, ["run", str(reports), "--db", str(spread), "--quiet",
                               "--cluster", dask_scheduler])
    assert second.exit_code == 0, second.output
    b = snapshot(spread)
    assert len(a["documents"]) == 52 + 40 and all(done for _, done in b["documents"])
    assert len(a["mentions"]) > 60 and len(a["incidents"]) > 20
    assert a == b
    # a second run finds nothing pending and changes nothing
    again = cli.invoke(main, ["run", str(reports), "--db", str(spread), "--cluster", dask_scheduler])
    assert again.exit_code == 0 and "extract: 0 event mentions" in again.output
    assert snapshot(spread) == b


@pytest.mark.slow
def test_scale_cluster_small_batches_one_bar_per_document(tmp_path, dask_scheduler):
    """Many small batches, more than the in-flight window: every document written once,
    and the client's single bar advanced once per document."""
    from distributed import Client

    from warlog.scale import extract_on

    reports = corpus(tmp_path / "reports")
    store = open_store(tmp_path / "w.db")
    runner.ingest(store, [str(reports)], runner.Feedback(quiet=True))
    ticks = []
    with Client(dask_scheduler) as client:
        stats = extract_on(client, store, lambda: ticks.append(1), batch_size=3)
    assert len(ticks) == stats.documents == 92 and stats.failed == 0
    assert store.count("documents", "extracted_at IS NULL") == 0
    assert stats.mentions == store.count("mentions")
    assert len(stats.peak_mb_per_worker) == 2
    assert all(100 < mb < 1500 for mb in stats.peak_mb_per_worker.values())
    store.close()


@pytest.mark.slow
def test_scale_cluster_no_ner_reaches_the_workers(tmp_path, dask_scheduler):
    """`--no-ner` on the workers: the same store as a single-process `--no-ner` run, and
    not the one NER gives (a nurse's surname that is also a town is her name to NER)."""
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "invented-nurse.txt").write_text(
        "---\ndate: 2016-06-05\n---\nAn air strike on a market killed five civilians on "
        "Monday, Amal Hassan, a nurse at the hospital, told reporters in the village of Kafr "
        "Nabl.\n", encoding="utf-8")
    cli = CliRunner()
    stores = {}
    for name, extra in [("ner", []), ("plain", ["--no-ner"]),
                        ("plain-cluster", ["--no-ner", "--cluster", dask_scheduler])]:
        result = cli.invoke(main, ["run", str(reports), "--db", str(tmp_path / f"{name}.db"),
                                   "--quiet", *extra])
        assert result.exit_code == 0, result.output
        stores[name] = snapshot(tmp_path / f"{name}.db")
    assert stores["plain-cluster"] == stores["plain"] != stores["ner"]
    assert '"Hassan"' in stores["plain-cluster"]["mentions"][0][2]


@pytest.mark.parametrize("size", [1, 7, 100])
def test_store_pending_batches_pages_skip_written(tmp_path, size):
    reports = corpus(tmp_path / "reports")
    store = open_store(tmp_path / "p.db")
    runner.ingest(store, [str(reports)], runner.Feedback(quiet=True))
    seen = []
    for batch in store.pending_batches(size):
        assert 0 < len(batch) <= size
        seen.extend(d.id for d in batch)
        store.replace_mentions(batch[0].id, [])  # written while paging: must not shift pages
    assert len(seen) == len(set(seen)) == 92
    store.close()


def test_scale_cluster_unreachable_said_in_words(tmp_path, closed_port):
    store = open_store(tmp_path / "u.db")
    with resources.as_file(resources.files("warlog.demo").joinpath("reports")) as demo:
        runner.ingest(store, [str(demo)], runner.Feedback(quiet=True))
    spec = ClusterSpec(address=f"tcp://127.0.0.1:{closed_port}", connect_timeout="2s")
    with pytest.raises(ClusterError, match=f"127.0.0.1:{closed_port}.*dask scheduler"):
        runner.extract(store, runner.Feedback(quiet=True), cluster=spec)
    assert store.count("documents", "extracted_at IS NULL") == 52  # nothing half-written
    store.close()


@pytest.mark.slow
def test_scale_cluster_sigkill_mid_run_then_rerun_matches(tmp_path, dask_scheduler,
                                                          warlog_command, single_run):
    """`warlog run --cluster` killed (SIGKILL) while batches come back, then run again:
    the store ends as one clean single-process run leaves it."""
    reports, clean = single_run
    killed = tmp_path / "killed.db"

    argv = [*warlog_command, "run", str(reports), "--db", str(killed), "--cluster",
            dask_scheduler, "--quiet"]
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    try:
        extracted = "SELECT count(*) FROM documents WHERE extracted_at IS NOT NULL"
        while count_while_written(killed, extracted) == 0:
            assert proc.poll() is None, f"warlog ended before it was killed: {proc.stderr.read()}"
            assert time.monotonic() < deadline, "no batch came back in time"
            time.sleep(0.005)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        proc.kill()
        proc.wait(timeout=30)
        proc.stderr.close()
    assert count_while_written(killed, "SELECT count(*) FROM documents WHERE extracted_at IS NULL") > 0

    rerun = CliRunner().invoke(main, ["run", str(reports), "--db", str(killed), "--quiet",
                                      "--cluster", dask_scheduler])
    assert rerun.exit_code == 0, rerun.output
    assert snapshot(killed) == clean



def test_scale_cluster_without_workers_said_in_words(tmp_path, monkeypatch):
    """A real scheduler with no worker yet (a cluster still queued): a plain message, soon."""
    from distributed import LocalCluster

    import warlog.scale

    monkeypatch.setattr(warlog.scale, "WORKER_WAIT_S", 1)
    store = open_store(tmp_path / "n.db")
    with resources.as_file(resources.files("warlog.demo").joinpath("reports")) as demo:
        runner.ingest(store, [str(demo)], runner.Feedback(quiet=True))
    with LocalCluster(n_workers=0, processes=True, host="127.0.0.1",
                      dashboard_address=":0") as cluster:
        spec = ClusterSpec(address=cluster.scheduler_address)
        with pytest.raises(ClusterError, match="no workers for 1 s; start some"):
            runner.extract(store, runner.Feedback(quiet=True), cluster=spec)
    assert store.count("documents", "extracted_at IS NULL") == 52
    store.close()
