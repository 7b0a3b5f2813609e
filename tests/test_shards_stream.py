"""A news dump as shards (JSONL, CSV, Parquet, gzipped or not) is streamed record by
record: every report stored once, bad records named, a finished shard skipped, and
memory that does not grow with the shard."""

from __future__ import annotations

import csv
import gzip
import json
import tracemalloc
from pathlib import Path

import pytest

from warlog import runner
from warlog.ingest import ReadOptions
from warlog.model import Document
from warlog.shards import is_shard, read_shard
from warlog.store import open_store

TOWNS = ["Mosul", "Aleppo", "Raqqa", "Fallujah", "Ramadi", "Tikrit", "Idlib", "Homs"]


def records(n: int, words: int = 40) -> list[dict]:
    """n different invented reports, each about `words` words long."""
    out = []
    for i in range(n):
        town = TOWNS[i % len(TOWNS)]
        filler = " ".join(f"detail{i}x{k}" for k in range(max(0, words - 20)))
        out.append({
            "title": f"Strike on {town} number {i}",
            "publisher": f"Outlet {i % 7}",
            "published": f"2019-0{1 + i % 9}-1{i % 9}",
            "url": f"https://example.org/{i}",
            "text": f"An air strike hit a market in {town}, killing {i % 11} civilians, "
                    f"residents said on report {i}. {filler}",
        })
    return out


def write_shard(path: Path, rows: list[dict], bad_at: int | None = None) -> Path:
    """Write rows as the shard format its suffix names; bad_at: one broken record there."""
    name = path.name.removesuffix(".gz")
    opener = gzip.open if path.name.endswith(".gz") else open
    if name.endswith(".parquet"):
        import pyarrow as pa
        import pyarrow.parquet as pq

        if bad_at is not None:
            rows = rows[:bad_at] + [{**rows[bad_at], "text": ""}] + rows[bad_at + 1:]
        pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=100)
    elif name.endswith(".jsonl"):
        with opener(path, "wt", encoding="utf-8") as f:
            for i, row in enumerate(rows):
                f.write("{not json\n" if i == bad_at else json.dumps(row) + "\n")
    else:
        with opener(path, "wt", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]))
            writer.writeheader()
            for i, row in enumerate(rows):
                if i == bad_at:
                    f.write("just,two\n")
                else:
                    writer.writerow(row)
    return path


@pytest.mark.parametrize(("name", "bad_locator"), [
    ("dump.jsonl", "#line=8"),
    ("dump.jsonl.gz", "#line=8"),
    ("dump.csv", "#row=8"),
    ("dump.csv.gz", "#row=8"),
    ("dump.parquet", "#row=8"),
])
def test_shards_stream_every_record_once(tmp_path, name, bad_locator):
    folder = tmp_path / "dump"
    folder.mkdir()
    shard = write_shard(folder / name, records(250), bad_at=7)
    # plain JSONL/CSV are shards when over the one-input limit; here, a tiny limit
    assert is_shard(str(shard), max_bytes=1000)
    db = tmp_path / "w.db"
    store = open_store(db)
    report = runner.ingest(store, [str(folder)], runner.Feedback(quiet=True), max_bytes=1000)
    assert report.documents_new == 249 and report.inputs == 1
    assert [f.locator for f in report.failures] == [f"{shard.resolve()}{bad_locator}"]
    assert store.count("documents") == 249
    titles = {d.title for d in store.documents()}
    assert "Strike on Mosul number 0" in titles and "Strike on Aleppo number 249" in titles
    assert store.count("sources", "done = 1") == 1
    # a finished shard is skipped on the next run
    again = runner.ingest(store, [str(folder)], runner.Feedback(quiet=True), max_bytes=1000)
    assert again.skipped == 1 and again.documents_new == 0
    store.close()


def test_shards_small_plain_files_keep_the_whole_file_reader(tmp_path):
    shard = write_shard(tmp_path / "small.jsonl", records(3))
    assert not is_shard(str(shard), max_bytes=20_000_000)
    assert is_shard(str(write_shard(tmp_path / "small.parquet", records(3))), 20_000_000)
    assert not is_shard(str(tmp_path / "notes.txt"), 0)


def test_shards_unreadable_parquet_said_in_words(tmp_path, store):
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"PAR1 this is not parquet at all")
    report = runner.ingest(store, [str(broken)], runner.Feedback(quiet=True))
    (failure,) = report.failures
    assert failure.locator == str(broken.resolve())
    assert "not a readable Parquet file" in failure.reason


def test_shards_missing_text_column_said_in_words(tmp_path, store):
    shard = write_shard(tmp_path / "d.parquet", records(5))
    report = runner.ingest(store, [str(shard)], runner.Feedback(quiet=True), text_column="body")
    assert "no column named 'body'" in report.failures[0].reason
    assert "title, publisher" in report.failures[0].reason


@pytest.mark.slow
@pytest.mark.parametrize("name", ["big.jsonl", "big.parquet"])
def test_shards_memory_does_not_grow_with_the_shard(tmp_path, name):
    """A shard of ~7 MB of text read through: Python's peak allocation stays a small
    fraction of it (a reader that loaded the file whole would hold all of it)."""
    rows = records(1000, words=800)
    text_bytes = sum(len(r["text"].encode()) for r in rows)
    shard = write_shard(tmp_path / name, rows)
    tracemalloc.start()
    n = 0
    try:
        for item, _ in read_shard(shard, ReadOptions()):
            n += isinstance(item, Document)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert n == 1000 and text_bytes > 5_000_000
    assert peak < text_bytes / 3, f"peak {peak / 1e6:.1f} MB"
