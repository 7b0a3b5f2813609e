"""What the distributed extractor adds around extraction: mentions sent as the store's rows
and written a batch at a time, the last round of batches split, and the Dask settings
its local workers start with."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date

import pytest

from warlog.model import DateRef, Document, Mention, PlaceRef, Quote, Span
from warlog.scale import ClusterSpec, connect, last_round_split
from warlog.store import open_store
from warlog.store.sqlite import mention_rows

TOWNS = {"Sarmin": (1, 35.90, 36.72), "Ariha": (3, 35.81, 36.61)}


def _mention(doc: str, n: int, town: str | None, quote: str | None = None) -> Mention:
    span = Span(document_id=doc, start=n, end=n + 5, text="xxxxx")
    place = None
    if town:
        gid, lat, lon = TOWNS[town]
        place = PlaceRef(name=town, geonameid=gid, latitude=lat, longitude=lon, iso="SY")
    quotes = [Quote(text=quote, speaker="a resident", span=span)] if quote else []
    return Mention(id=f"{doc}-{n}", document_id=doc, event_type="Explosions/Remote violence",
                   sub_event_type="Air/drone strike", trigger=span,
                   date=DateRef(event_date=date(2017, 3, 1 + n)), place=place, quotes=quotes)


# three documents: two share a town (one places row), one has no mention at all
FOUND = {
    "d1": [_mention("d1", 1, "Sarmin", "they came at dawn"), _mention("d1", 2, None)],
    "d2": [_mention("d2", 1, "Sarmin"), _mention("d2", 2, "Ariha", "the market burned")],
    "d3": [],
}


def _rows(db) -> dict:
    with closing(sqlite3.connect(db)) as conn:
        return {table: conn.execute(f"SELECT {cols} FROM {table} ORDER BY 1, 2").fetchall()
                for table, cols in [
                    ("mentions", "id, document_id, event_type, event_date, iso, geonameid, data"),
                    ("places", "*"),
                    ("quotes", 'document_id, mention_id, kind, speaker, text, start, "end"'),
                    ("documents", "id, extracted_at IS NOT NULL")]}


def _fresh(path):
    store = open_store(path)
    for doc_id in FOUND:
        store.add_document(Document(id=doc_id, text=f"report {doc_id}", published=date(2017, 3, 9)))
    return store


def test_scale_write_mentions_batch_equals_one_document_at_a_time(tmp_path):
    one, batch = _fresh(tmp_path / "one.db"), _fresh(tmp_path / "batch.db")
    for doc_id, mentions in FOUND.items():
        one.replace_mentions(doc_id, mentions)
    batch.write_mentions([mention_rows(d, ms) for d, ms in FOUND.items()])
    one.close()
    batch.close()
    a, b = _rows(tmp_path / "one.db"), _rows(tmp_path / "batch.db")
    assert a == b
    assert len(a["mentions"]) == 4 and len(a["places"]) == 2 and len(a["quotes"]) == 2
    assert all(done for _, done in a["documents"])


def test_scale_write_mentions_again_replaces_a_documents_rows(tmp_path):
    store = _fresh(tmp_path / "w.db")
    store.write_mentions([mention_rows(d, ms) for d, ms in FOUND.items()])
    store.write_mentions([mention_rows("d1", [_mention("d1", 7, "Ariha")]),
                          mention_rows("d2", [])])
    store.close()
    rows = _rows(tmp_path / "w.db")
    assert [r[0] for r in rows["mentions"]] == ["d1-7"]
    assert rows["quotes"] == []  # the replaced mentions' quotes went with them
    assert len(rows["places"]) == 2  # places are a shared gazetteer cache, kept


@pytest.mark.parametrize(("sizes", "total", "last_round", "size", "expected"), [
    ([4, 4, 4, 4], 16, 8, 2, [4, 4, 2, 2, 2, 2]),
    ([4, 4, 4, 3], 15, 8, 2, [4, 4, 2, 2, 2, 1]),  # left 7 after two: split from there
    ([4, 4], 8, 100, 1, [1] * 8),  # a corpus smaller than the window: all split
    ([4, 4, 4], 12, 0, 2, [4, 4, 4]),
    ([], 0, 8, 2, []),
])
def test_scale_last_round_split(sizes, total, last_round, size, expected):
    docs = iter(range(sum(sizes)))
    batches = [[next(docs) for _ in range(n)] for n in sizes]
    out = list(last_round_split(iter(batches), total, last_round, size))
    assert [len(b) for b in out] == expected
    assert [d for b in out for d in b] == list(range(sum(sizes)))  # same order, none lost


def _worker_settings() -> dict:
    import os

    import dask

    return {"trim": os.environ.get("MALLOC_TRIM_THRESHOLD_"),
            "profile": dask.config.get("distributed.worker.profile.enabled"),
            "tick": dask.config.get("distributed.admin.tick.interval")}


@pytest.mark.slow
def test_scale_local_workers_start_with_warlogs_dask_settings(monkeypatch):
    """Local workers run without Dask's 64 kB malloc trim threshold (hundreds of page
    faults a document) and without the stack sampler."""
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)  # another cluster's, here
    with connect(ClusterSpec(workers=1)) as client:
        settings = list(client.run(_worker_settings).values())
    assert settings == [{"trim": None, "profile": False, "tick": "1s"}]


def test_scale_extract_batch_freezes_the_heap_once(monkeypatch):
    import gc

    from warlog import scale
    from warlog.extract.pipeline import Extractor

    monkeypatch.setattr(scale, "_HEAP_SETTLED", False)
    calls: list[str] = []
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    extractor = Extractor(ner=False)
    text = "An air strike killed three civilians in Raqqa on Monday."
    docs = [Document(id=str(n), text=text, language="en", published=date(2017, 6, 5))
            for n in range(2)]
    first = scale.extract_batch(docs[:1], extractor)
    second = scale.extract_batch(docs[1:], extractor)
    assert calls == ["freeze"]  # once a process, after its first batch
    assert first.results[0].rows and second.results[0].rows
