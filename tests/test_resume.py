"""A `warlog run` killed (SIGKILL) or interrupted (Ctrl-C) part-way and run again
ends where a clean run does."""

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
from live_db import count_while_written

N_REPORTS = 150
TOWNS = ["Mosul", "Aleppo", "Raqqa", "Fallujah", "Ramadi", "Tikrit", "Idlib", "Homs", "Douma", "Manbij"]
TARGETS = ["a market", "a bakery", "a school", "a hospital", "a residential building", "a mosque"]
PUBLISHERS = ["Levant Wire", "Syria Daily", "Iraq Monitor", "Aleppo Today", "Mosul Eye"]


def write_reports(folder: Path) -> None:
    """N_REPORTS different one-sentence reports of air strikes, each with a dated header."""
    folder.mkdir()
    for i in range(N_REPORTS):
        town = TOWNS[i % len(TOWNS)]
        target = TARGETS[i % len(TARGETS)]
        day = f"2017-{1 + (i // 28) % 12:02d}-{1 + i % 28:02d}"
        (folder / f"report-{i:03d}.txt").write_text(
            f"---\ndate: {day}\npublisher: {PUBLISHERS[i % len(PUBLISHERS)]}\n---\n"
            f"An air strike hit {target} in {town} on {day}, killing {3 + i} civilians, "
            f"witnesses said.\n",
            encoding="utf-8",
        )


def snapshot(db: Path) -> dict:
    with closing(sqlite3.connect(db)) as conn:
        incidents = [json.loads(r[0]) for r in conn.execute("SELECT data FROM incidents")]
        return {
            "documents": conn.execute("SELECT count(*) FROM documents").fetchone()[0],
            "pending": conn.execute(
                "SELECT count(*) FROM documents WHERE extracted_at IS NULL").fetchone()[0],
            "document_sources": conn.execute("SELECT count(*) FROM document_sources").fetchone()[0],
            "sources_not_done": conn.execute(
                "SELECT count(*) FROM sources WHERE done = 0").fetchone()[0],
            "failures": conn.execute("SELECT count(*) FROM failures").fetchone()[0],
            "fts": conn.execute("SELECT count(*) FROM documents_fts").fetchone()[0],
            "mention_ids": sorted(r[0] for r in conn.execute("SELECT id FROM mentions")),
            "linked_mention_ids": sorted(
                r[0] for r in conn.execute("SELECT mention_id FROM incident_mentions")),
            "incidents": sorted(
                (i["event_id_cnty"], i["event_date"], i["location"], tuple(sorted(i["mention_ids"])))
                for i in incidents),
            "integrity": conn.execute("PRAGMA integrity_check").fetchone()[0],
        }



@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("resume") / "reports"
    write_reports(folder)
    return folder


@pytest.fixture(scope="module")
def clean_run(corpus, warlog_command) -> dict:
    db = corpus.parent / "clean.db"
    subprocess.run([*warlog_command, "run", str(corpus), "--db", str(db), "--quiet"],
                   check=True, stdout=subprocess.DEVNULL, timeout=120)
    return snapshot(db)


@pytest.mark.parametrize(("kill_when", "sig", "returncode"), [
    ("SELECT count(*) FROM documents", signal.SIGKILL, -signal.SIGKILL),  # while ingesting
    ("SELECT count(*) FROM documents WHERE extracted_at IS NOT NULL",  # while extracting
     signal.SIGKILL, -signal.SIGKILL),
    ("SELECT count(*) FROM documents WHERE extracted_at IS NOT NULL",  # Ctrl-C
     signal.SIGINT, 130),
], ids=["kill-documents-stored", "kill-documents-extracted", "ctrl-c-documents-extracted"])
def test_resume_after_sigkill_matches_clean_run(tmp_path, corpus, clean_run, warlog_command,
                                               kill_when, sig, returncode):
    db = tmp_path / "killed.db"
    argv = [*warlog_command, "run", str(corpus), "--db", str(db), "--quiet"]
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 90
    try:
        while count_while_written(db, kill_when) == 0:
            assert proc.poll() is None, f"warlog ended before it was killed: {proc.stderr.read()}"
            assert time.monotonic() < deadline, "no documents appeared in the database"
            time.sleep(0.005)
        os.kill(proc.pid, sig)
        proc.wait(timeout=30)
    finally:
        proc.kill()
        proc.wait(timeout=30)
        proc.stderr.close()
    assert proc.returncode == returncode
    interrupted = snapshot(db)
    assert 0 < interrupted["documents"] <= N_REPORTS
    assert interrupted["pending"] > 0 or interrupted["incidents"] != clean_run["incidents"]

    rerun = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr

    after = snapshot(db)
    assert after["integrity"] == "ok"
    assert after["documents"] == after["document_sources"] == after["fts"] == N_REPORTS
    assert after["pending"] == 0  # every document has extracted_at
    assert after["sources_not_done"] == 0 and after["failures"] == 0
    assert len(after["mention_ids"]) == len(set(after["mention_ids"]))
    assert len(after["linked_mention_ids"]) == len(set(after["linked_mention_ids"]))
    assert len(after["mention_ids"]) == len(clean_run["mention_ids"]) >= N_REPORTS
    assert len(after["incidents"]) == len(clean_run["incidents"]) > 0
    # not only the counts: the same mentions, grouped into the same incidents
    assert after["mention_ids"] == clean_run["mention_ids"]
    assert after["incidents"] == clean_run["incidents"]
