"""Upgrading a ledger made by an older warlog keeps what analysts decided: a database at
schema 3, where the grouping module logged merges, splits and locks in its own
``analyst_decisions`` table, upgrades to one log (``revisions``), on SQLite and PostgreSQL,
and the decisions still hold when grouping runs again."""

from __future__ import annotations

import hashlib
import json

import pytest
from group_support import FIXTURES, manbij_and_deir, run_reports

from warlog.group import build_incident, group_store
from warlog.store import open_store
from warlog.store.copy import ledger_tables
from warlog.store.migrations import MIGRATIONS
from warlog.store.review import ReviewError, SQLiteReview

ONE_LOG = 4  # the migration that folded analyst_decisions into revisions


def _decide(store, action: str, incident_id: str, mention_id: str | None, detail: dict) -> None:
    store.conn.execute(
        "INSERT INTO analyst_decisions (action, incident_id, mention_id, detail, at)"
        " VALUES (?, ?, ?, ?, ?)",
        (action, incident_id, mention_id, json.dumps(detail), "2026-03-01T10:00:00+00:00"))


def _old_split(store, incident_id: str, mention_id: str, note: str) -> str:
    """What ``split_mention`` wrote at schema 3: both incidents locked, their links the
    analyst's, a row in analyst_decisions and nothing in the review desk's tables."""
    links = store.incident_links()[incident_id]
    docs = {d.id: d for d in store.documents()}
    old = store.incident(incident_id)
    rest = {m: (s, f, "analyst") for m, (s, f, _) in links.items() if m != mention_id}
    kept = build_incident(store.mentions_by_id(list(rest)), docs, ident=incident_id)
    kept.event_id_cnty, kept.locked = old.event_id_cnty, True
    new_id = hashlib.sha256(f"split|{incident_id}|{mention_id}".encode()).hexdigest()[:16]
    alone = build_incident(store.mentions_by_id([mention_id]), docs, ident=new_id)
    alone.event_id_cnty, alone.locked = "SYR900", True
    store.save_incidents([(kept, rest), (alone, {mention_id: (1.0, {"analyst": "split"}, "analyst")})])
    _decide(store, "split", incident_id, mention_id, {"new_incident": new_id, "note": note})
    return new_id


def _old_merge(store, target: str, other: str, note: str) -> None:
    """What ``merge_incidents`` wrote at schema 3: the other incident deleted, the target
    locked with every link the analyst's."""
    links = store.incident_links()
    docs = {d.id: d for d in store.documents()}
    members = {m: (1.0, {"analyst": "merge"}, "analyst") for i in (target, other) for m in links[i]}
    inc = build_incident(store.mentions_by_id(list(members)), docs, ident=target)
    inc.event_id_cnty, inc.locked = store.incident(target).event_id_cnty, True
    store.save_incidents([(inc, members)], delete=[other])
    _decide(store, "merge", target, None, {"merged": [target, other], "note": note})


def test_store_migrations_old_analyst_decisions_carry_over(backend_db, monkeypatch):
    # a ledger as warlog made it at schema 3
    monkeypatch.setattr("warlog.store.sqlite.MIGRATIONS", MIGRATIONS[:ONE_LOG - 1])
    monkeypatch.setattr("warlog.store.postgres.MIGRATIONS", MIGRATIONS[:ONE_LOG - 1])
    store = open_store(backend_db)
    assert store.schema_version == ONE_LOG - 1
    manbij, deir, arabic = manbij_and_deir(store)
    alone = _old_split(store, manbij.id, arabic.id, "a different strike")
    _old_merge(store, manbij.id, deir.id, "one operation")
    members = set(store.incident_links()[manbij.id])
    assert members == set(manbij.mention_ids) - {arabic.id} | set(deir.mention_ids)
    store.close()
    monkeypatch.undo()

    store = open_store(backend_db)  # the upgrade
    assert store.schema_version == len(MIGRATIONS)
    assert "analyst_decisions" not in ledger_tables()[0]
    with pytest.raises(Exception, match="analyst_decisions"):
        store.conn.execute("SELECT count(*) FROM analyst_decisions").fetchall()
    review = SQLiteReview(store)
    history = review.history(manbij.id)
    assert [(r.action, r.user_name, r.reason, r.version) for r in history] == [
        ("merge", "unrecorded", "one operation", 2), ("split", "unrecorded", "a different strike", 1)]
    assert history[1].related_id == alone
    assert history[1].changes["mention_id"] == [None, arabic.id]
    assert history[0].changes["decision"][1]["merged"] == [manbij.id, deir.id]
    state = review.view(manbij.id).state
    assert state.locked and state.version == 2  # the old lock, now where the desk reads it
    with pytest.raises(ReviewError, match="older warlog"):
        review.revert(history[0].id, 2, "ana")

    # the decisions hold on a rerun, from scratch and with a new report of the Manbij strike
    group_store(store, rebuild=True)
    run_reports(store, FIXTURES / "later")
    links = store.incident_links()
    assert set(links[manbij.id]) == members and set(links[alone]) == {arabic.id}
    assert deir.id not in links
    # and the desk goes on writing the same log
    review.act(manbij.id, 2, "unlock", "ana", "reopened")
    assert [r.action for r in review.history(manbij.id)] == ["unlock", "merge", "split"]
    assert not store.incident(manbij.id).locked
    store.close()
