"""Runs the stages over a store: ingest -> extract -> group. Each step commits as it goes,
so an interrupted run picks up where it stopped."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from warlog.extract.pipeline import Extractor
from warlog.group import group_store
from warlog.ingest import DEFAULT_MAX_BYTES, Ingester, IngestReport, ReadOptions, expand
from warlog.scale import (
    BATCH_DOCS,
    ClusterSpec,
    ExtractStats,
    extract_batch,
    extract_distributed,
    write_batch,
)
from warlog.shards import ingest_shard, is_shard
from warlog.store import SQLiteStore

T = TypeVar("T")


class Feedback:
    """Progress bars on a terminal (documents/s), nothing with --quiet."""

    def __init__(self, quiet: bool = False, console: Console | None = None):
        self.quiet = quiet
        self.console = console or Console(stderr=True)

    @contextmanager
    def bar(self, label: str, total: float, unit: str = "docs") -> Iterator[callable]:
        """A bar of `total` units; the context yields advance(n=1)."""
        if self.quiet or total == 0:
            yield lambda n=1: None
            return
        progress = Progress(
            TextColumn(f"[bold]{label}[/]"), BarColumn(),
            MofNCompleteColumn() if unit == "docs"
            else TextColumn(f"{{task.completed:,.1f}}/{{task.total:,.1f}} {unit}"),
            TextColumn(f"{{task.fields[rate]}} {unit}/s"), TimeElapsedColumn(),
            TimeRemainingColumn(), console=self.console, transient=False,
        )
        with progress:
            task = progress.add_task(label, total=total, rate="-")

            def advance(n: float = 1) -> None:
                progress.advance(task, n)
                t = progress.tasks[task]
                if t.elapsed:
                    progress.update(task, rate=f"{t.completed / t.elapsed:.1f}")

            yield advance

    def track(self, items: Iterable[T], label: str, total: int) -> Iterator[T]:
        with self.bar(label, total) as advance:
            for item in items:
                yield item
                advance()


def ingest(store: SQLiteStore, inputs: list[str], feedback: Feedback, *,
           text_column: str | None = None, max_bytes: int | None = None) -> IngestReport:
    """Read inputs into the store. Shards of a news dump (Parquet, .gz, JSONL/CSV over the
    one-input limit) are streamed record by record (warlog.shards), with a bar in MB read."""
    limit = max_bytes or DEFAULT_MAX_BYTES
    options = ReadOptions(text_column=text_column)
    targets, dumps = [], []
    for locator in expand(inputs):
        (dumps if is_shard(locator, limit) else targets).append(locator)
    with feedback.bar("ingest", len(targets)) as advance:
        ingester = Ingester(store, options=options, max_bytes=limit,
                            on_document=lambda _: advance())
        report = ingester.run(targets)
    if dumps:
        size_mb = sum(Path(d).stat().st_size for d in dumps) / 1e6
        with feedback.bar("ingest shards", round(size_mb, 1), unit="MB") as advance:
            for locator in dumps:
                ingest_shard(store, locator, report, options, lambda n: advance(n / 1e6))
    return report


def extract(store: SQLiteStore, feedback: Feedback, extractor: Extractor | None = None,
            cluster: ClusterSpec | None = None) -> int:
    """Extract every document not yet extracted; returns the number of mentions written.
    With a cluster spec (--workers N, --cluster ADDRESS) the work goes to Dask workers."""
    if cluster is not None and cluster.distributed:
        return extract_distributed(store, feedback, cluster).mentions
    total = store.count("documents", "extracted_at IS NULL")
    if not total:
        return 0
    extractor = extractor or Extractor(ner=cluster.ner if cluster is not None else True)
    store.sync_actors(
        (a.id, a.name, a.type, a.inter, a.country, a.parent)
        for a in extractor.registry.actors.values()
    )
    # what a Dask worker does with a batch, in this process: one code path, one result
    stats = ExtractStats()
    with feedback.bar("extract", total) as advance:
        for docs in store.pending_batches(BATCH_DOCS):  # never the whole corpus in memory
            write_batch(store, extract_batch(docs, extractor), stats,
                        {d.id: d.source_locator for d in docs})
            for _ in docs:  # once a document, as every Feedback's advance() takes it
                advance()
    return stats.mentions


def group(store: SQLiteStore) -> int:
    # incremental, and what analysts changed survives it: see warlog.group
    return group_store(store).incidents
