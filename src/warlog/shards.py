"""A news dump as shards: JSON Lines, CSV or Parquet files, read one record at a time.

A shard can be many gigabytes, so unlike the readers in ``warlog.ingest`` (which keep
an input's bytes in the store as evidence) a shard is streamed: memory holds one
record (a Parquet batch), whatever the file's size. The shard file itself stays the
evidence; the store records its path and SHA-256 so a finished shard is skipped on
the next run, and an interrupted one is read again (documents are keyed by their
text, so nothing is stored twice).
"""

from __future__ import annotations

import codecs
import csv
import gzip
import hashlib
import io
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path
from typing import IO

from warlog.ingest import IngestReport, ReadOptions
from warlog.ingest.readers import Item, _record_item, check_text_column, csv_items, jsonl_items
from warlog.ingest.text import UnreadableInput
from warlog.model import Failure, RawSource
from warlog.store import SQLiteStore

# Documents written per transaction while streaming a shard: one commit per 500
# inserts keeps SQLite's fsyncs off the critical path; a kill loses at most these.
COMMIT_EVERY = 500
# Records per Parquet batch: a few hundred reports of a few kB each.
PARQUET_BATCH_ROWS = 256

SHARD_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".tsv", ".parquet")


def shard_kind(path: Path) -> str | None:
    """jsonl, csv or parquet for a shard file (optionally .gz), None otherwise."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    for suffix in SHARD_SUFFIXES:
        if name.endswith(suffix):
            return {"ndjson": "jsonl", "tsv": "csv"}.get(suffix[1:], suffix[1:])
    return None


def is_shard(locator: str, max_bytes: int) -> bool:
    """Inputs streamed here rather than read whole: Parquet and gzipped JSONL/CSV always,
    plain JSONL/CSV when larger than the one-input limit (a dump, not a report)."""
    path = Path(locator)
    kind = shard_kind(path)
    if kind is None or not path.is_file():
        return False
    if kind == "parquet" or path.name.lower().endswith(".gz"):
        return True
    return path.stat().st_size > max_bytes


def file_sha256(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _open_binary(path: Path) -> IO[bytes]:
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")


def _encoding(raw: IO[bytes]) -> str:
    """The encoding of a text shard, from its first 64 kB (then rewound)."""
    sample = raw.read(65536)
    raw.seek(0)
    if b"\x00" in sample:
        raise UnreadableInput("the file is binary (not text), so it holds no report to read")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8-sig"
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(sample).best()
        if best is None:
            raise UnreadableInput("the file's text encoding could not be recognised") from None
        return best.encoding


def _position(raw: IO[bytes], size: int) -> int:
    """Bytes of the file consumed so far (compressed bytes for .gz)."""
    inner = getattr(raw, "fileobj", None)  # gzip: the underlying file
    try:
        return min(size, (inner or raw).tell())
    except (OSError, ValueError):
        return 0


def read_jsonl_shard(path: Path, options: ReadOptions) -> Iterator[tuple[Item, int]]:
    size = path.stat().st_size
    with _open_binary(path) as raw:
        lines = io.TextIOWrapper(raw, encoding=_encoding(raw), errors="replace")
        for item in jsonl_items(lines, str(path), options):
            yield item, _position(raw, size)


def read_csv_shard(path: Path, options: ReadOptions) -> Iterator[tuple[Item, int]]:
    size = path.stat().st_size
    with _open_binary(path) as raw:
        text = io.TextIOWrapper(raw, encoding=_encoding(raw), errors="replace", newline="")
        sample = text.read(8192)
        text.seek(0)
        for item in csv_items(text, sample, str(path), options):
            yield item, _position(raw, size)


def read_parquet_shard(path: Path, options: ReadOptions) -> Iterator[tuple[Item, int]]:
    import pyarrow.lib
    import pyarrow.parquet as pq

    locator = str(path)
    try:
        # buffered: read column chunks piecewise rather than a whole row group at once
        shard = pq.ParquetFile(path, buffer_size=1 << 20)
    except pyarrow.lib.ArrowException as err:
        raise UnreadableInput(f"the file is not a readable Parquet file ({err})") from err
    check_text_column(options, shard.schema_arrow.names)
    rows = max(1, shard.metadata.num_rows)
    size = path.stat().st_size
    n = 0
    for batch in shard.iter_batches(batch_size=PARQUET_BATCH_ROWS):
        for record in batch.to_pylist():
            n += 1
            yield _record_item(record, f"{locator}#row={n}", options), size * n // rows


READERS: dict[str, Callable[[Path, ReadOptions], Iterator[tuple[Item, int]]]] = {
    "jsonl": read_jsonl_shard,
    "csv": read_csv_shard,
    "parquet": read_parquet_shard,
}


def read_shard(path: Path, options: ReadOptions | None = None) -> Iterator[tuple[Item, int]]:
    """(document or failure, bytes of the file read so far), one record at a time."""
    kind = shard_kind(path)
    if kind is None:
        raise UnreadableInput(f"not a shard file (expected one of {', '.join(SHARD_SUFFIXES)})")
    return READERS[kind](path, options or ReadOptions())


def ingest_shard(store: SQLiteStore, locator: str, report: IngestReport,
                 options: ReadOptions | None = None,
                 on_bytes: Callable[[int], None] = lambda n: None) -> None:
    """Stream one shard into the store; on_bytes(n) as n more bytes of it are read."""
    path = Path(locator)
    report.inputs += 1
    done = 0

    def advance(position: int) -> None:
        nonlocal done
        if position > done:
            on_bytes(position - done)
            done = position

    try:
        digest = file_sha256(path)
        if store.source_done(locator, digest):
            report.skipped += 1
            advance(path.stat().st_size)
            return
        store.clear_failures(locator)
        # the bytes stay in the shard file; the store keeps its path and hash
        store.put_source(RawSource(locator=locator, kind=f"shard-{shard_kind(path)}",
                                   raw_sha256=digest, raw=b""))
        items = read_shard(path, options)
        while chunk := list(islice(items, COMMIT_EVERY)):
            with store.transaction():
                for item, _ in chunk:
                    if isinstance(item, Failure):
                        store.record_failure(item)
                        report.failures.append(item)
                    elif store.add_document(item):
                        report.documents_new += 1
                    else:
                        report.documents_seen += 1
            advance(chunk[-1][1])
        store.mark_source_done(locator)
        advance(path.stat().st_size)
    except UnreadableInput as err:
        _fail(store, report, locator, str(err))
    except OSError as err:
        _fail(store, report, locator, f"the file could not be read ({err.strerror or err})")
    except (UnicodeDecodeError, csv.Error) as err:
        _fail(store, report, locator, f"the file could not be read as text ({err})")


def _fail(store: SQLiteStore, report: IngestReport, locator: str, reason: str) -> None:
    store.clear_failures(locator)
    failure = Failure(locator=locator, reason=reason)
    store.record_failure(failure)
    report.failures.append(failure)
