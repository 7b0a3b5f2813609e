"""`warlog watch` picks up new reports from folders and feeds as they appear, and a
watcher killed with SIGKILL, started again, loses nothing and redoes nothing."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import time
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from live_db import count_while_written

from warlog import runner
from warlog.cli import main
from warlog.watch import Watcher, parse_every

TOWNS = ["Mosul", "Aleppo", "Raqqa", "Fallujah", "Ramadi", "Tikrit", "Idlib", "Homs", "Douma"]


def write_report(folder: Path, i: int) -> None:
    town, day = TOWNS[i % len(TOWNS)], f"2018-05-{1 + i % 20:02d}"
    path = folder / f"report-{i:03d}.txt"
    tmp = folder / f".{path.name}.part"  # hidden while written (watch skips dot files)
    tmp.write_text(f"---\ndate: {day}\npublisher: Outlet {i % 4}\n---\n"
                   f"Shelling hit a residential area of {town} on {day}, killing {1 + i % 6} "
                   f"civilians, a local monitor said in report {i}.\n", encoding="utf-8")
    tmp.rename(path)


@pytest.mark.parametrize(("text", "seconds"), [
    ("90", 90), ("30s", 30), ("5m", 300), ("1.5h", 5400), ("1d", 86400), (" 2 M ", 120)])
def test_watch_parse_every(text, seconds):
    assert parse_every(text) == seconds


@pytest.mark.parametrize("text", ["", "0", "5 minutes", "-1m", "m"])
def test_watch_parse_every_refuses(text):
    with pytest.raises(ValueError, match="not an interval"):
        parse_every(text)


@given(st.text(max_size=12))
def test_watch_parse_every_any_text_is_seconds_or_said(text):
    try:
        seconds = parse_every(text)
    except ValueError as err:
        assert "30s, 5m, 1h or 1d" in str(err)
    else:
        assert seconds > 0


def test_watch_missing_folder_said_in_words(tmp_path):
    result = CliRunner().invoke(main, ["watch", str(tmp_path / "nowhere"), "--db",
                                       str(tmp_path / "w.db"), "--polls", "1"])
    assert result.exit_code == 2 and "no file or folder at" in result.output


def test_watch_folder_and_feed_new_items_only(tmp_path, http_server, store):
    """In-process: each poll ingests only what is new, in a folder and in a feed."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    for i in range(3):
        write_report(folder, i)
    items = []

    def publish(n: int) -> None:
        items.append(f"<item><title>Item {n}</title><link>https://example.org/{n}</link>"
                     f"<description>A car bomb exploded near a checkpoint in Kirkuk, killing "
                     f"{n + 2} soldiers, police said in bulletin {n}.</description></item>")
        http_server.root.joinpath("feed.xml").write_text(
            "<?xml version='1.0'?><rss version='2.0'><channel><title>Invented Wire</title>"
            + "".join(reversed(items)) + "</channel></rss>", encoding="utf-8")

    publish(1)
    watcher = Watcher(store, [str(folder), http_server.url("feed.xml")],
                      runner.Feedback(quiet=True))
    first = watcher.poll()
    assert first.new_documents == 4 and first.mentions >= 4 and first.incidents
    # when each report was extracted (a column both backends have, unlike SQLite's rowid)
    stamps = dict(store.conn.execute("SELECT id, extracted_at FROM documents").fetchall())

    idle = watcher.poll()  # nothing new: nothing read, extracted or regrouped
    assert (idle.new_documents, idle.mentions, idle.incidents) == (0, 0, None)

    write_report(folder, 3)
    publish(2)
    third = watcher.poll()
    assert third.new_documents == 2 and third.mentions >= 2
    assert store.count("documents") == 6 and store.count("documents", "extracted_at IS NULL") == 0
    # the earlier reports were not extracted again
    after = dict(store.conn.execute("SELECT id, extracted_at FROM documents").fetchall())
    assert all(after[doc] == stamp for doc, stamp in stamps.items())
    linked = store.conn.execute("SELECT count(DISTINCT mention_id) FROM incident_mentions")
    assert linked.fetchone()[0] == store.count("mentions")



def wait_for(db: Path, sql: str, at_least: int, proc: subprocess.Popen, seconds: float = 120):
    deadline = time.monotonic() + seconds
    while count_while_written(db, sql) < at_least:
        assert proc.poll() is None, f"warlog watch ended: {proc.stderr.read()}"
        assert time.monotonic() < deadline, f"timed out waiting for {sql} >= {at_least}"
        time.sleep(0.02)


EXTRACTED = "SELECT count(*) FROM documents WHERE extracted_at IS NOT NULL"
LINKED = "SELECT count(DISTINCT mention_id) FROM incident_mentions"


def _partition(conn: sqlite3.Connection) -> list[list[str]]:
    """Incidents as the sets of mentions they hold."""
    return sorted(sorted(json.loads(r[0])["mention_ids"]) for r in conn.execute("SELECT data FROM incidents"))


@pytest.mark.slow
def test_watch_sigkill_and_restart_loses_and_redoes_nothing(tmp_path, warlog_command):
    folder = tmp_path / "inbox"
    folder.mkdir()
    for i in range(60):
        write_report(folder, i)
    db = tmp_path / "watch.db"
    argv = [*warlog_command, "watch", str(folder), "--db", str(db), "--every", "1s", "--quiet"]

    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(db, EXTRACTED, 1, proc)  # killed part-way through the first poll
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        proc.kill()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    with closing(sqlite3.connect(db)) as conn:
        before = dict(conn.execute("SELECT id, rowid FROM mentions").fetchall())
        extracted_before = conn.execute(EXTRACTED).fetchone()[0]
    assert before and extracted_before < 60  # some work done, some left

    for i in range(60, 70):  # reports that arrive while it is down
        write_report(folder, i)
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(db, EXTRACTED, 70, proc)
        write_report(folder, 70)  # and one while it runs again
        wait_for(db, EXTRACTED, 71, proc)
        mentions = count_while_written(db, "SELECT count(*) FROM mentions")
        wait_for(db, LINKED, mentions, proc)
    finally:
        proc.kill()
        proc.wait(timeout=30)
        proc.stderr.close()

    with closing(sqlite3.connect(db)) as conn:
        after = dict(conn.execute("SELECT id, rowid FROM mentions").fetchall())
        docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        incidents = _partition(conn)
    assert docs == 71 and len(after) >= 71
    assert all(after[mid] == rowid for mid, rowid in before.items()), "re-extracted"

    clean = tmp_path / "clean.db"  # one plain run over the same 71 reports
    result = CliRunner().invoke(main, ["run", str(folder), "--db", str(clean), "--quiet"])
    assert result.exit_code == 0, result.output
    with closing(sqlite3.connect(clean)) as conn:
        # the same reports grouped the same way; incident numbers follow arrival order
        assert _partition(conn) == incidents


@pytest.mark.slow
def test_watch_on_a_cluster_keeps_one_for_every_poll(tmp_path, dask_scheduler, store):
    """--cluster: each poll's new reports go to the same workers, and end as one
    process would leave them."""
    from warlog.scale import ClusterSpec

    folder = tmp_path / "inbox"
    folder.mkdir()
    for i in range(12):
        write_report(folder, i)
    polls = []

    def arrived(poll) -> None:  # between polls, more reports arrive
        polls.append(poll)
        if len(polls) < 3:
            for i in range(12 + 4 * (len(polls) - 1), 12 + 4 * len(polls)):
                write_report(folder, i)

    watcher = Watcher(store, [str(folder)], runner.Feedback(quiet=True),
                      cluster=ClusterSpec(address=dask_scheduler))
    assert watcher.run(every=0.05, polls=3, on_poll=arrived) == 3
    assert watcher._client is None  # the client closed with the watch
    assert [p.new_documents for p in polls] == [12, 4, 4]
    assert store.count("documents", "extracted_at IS NULL") == 0
    actors = store.conn.execute("SELECT count(*) FROM actors").fetchone()[0]
    assert actors > 100  # the registry synced, as one process does
    clean = tmp_path / "clean.db"
    result = CliRunner().invoke(main, ["run", str(folder), "--db", str(clean), "--quiet"])
    assert result.exit_code == 0, result.output
    with closing(sqlite3.connect(clean)) as conn:
        want = sorted(r[0] for r in conn.execute("SELECT data FROM incidents"))
    got = sorted(r[0] for r in store.conn.execute("SELECT data FROM incidents"))
    assert got == want
