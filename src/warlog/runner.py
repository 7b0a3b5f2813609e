"""Runs the stages over a store: ingest -> extract -> group. Each step commits as it goes,
so an interrupted run picks up where it stopped."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
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
from warlog.ingest import Ingester, IngestReport, ReadOptions, expand
from warlog.model import Failure
from warlog.store import SQLiteStore

T = TypeVar("T")


class Feedback:
    """Progress bars on a terminal (documents/s), nothing with --quiet."""

    def __init__(self, quiet: bool = False, console: Console | None = None):
        self.quiet = quiet
        self.console = console or Console(stderr=True)

    @contextmanager
    def bar(self, label: str, total: int) -> Iterator[callable]:
        if self.quiet or total == 0:
            yield lambda: None
            return
        progress = Progress(
            TextColumn(f"[bold]{label}[/]"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} docs/s"), TimeElapsedColumn(), TimeRemainingColumn(),
            console=self.console, transient=False,
        )
        with progress:
            task = progress.add_task(label, total=total, rate="-")

            def advance() -> None:
                progress.advance(task)
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
    targets = list(expand(inputs))
    kwargs = {"max_bytes": max_bytes} if max_bytes else {}
    with feedback.bar("ingest", len(targets)) as advance:
        ingester = Ingester(store, options=ReadOptions(text_column=text_column),
                            on_document=lambda _: advance(), **kwargs)
        return ingester.run(targets)


def extract(store: SQLiteStore, feedback: Feedback, extractor: Extractor | None = None) -> int:
    """Extract every document not yet extracted; returns the number of mentions written."""
    pending = list(store.documents(pending_only=True))
    if not pending:
        return 0
    extractor = extractor or Extractor()
    store.sync_actors(
        (a.id, a.name, a.type, a.inter, a.country, a.parent)
        for a in extractor.registry.actors.values()
    )
    written = 0
    for doc in feedback.track(pending, "extract", len(pending)):
        try:
            mentions = extractor(doc)
        except Exception as err:  # one bad document must not stop the others
            store.record_failure(Failure(
                locator=f"document:{doc.id}", reason="event extraction failed on this document",
                detail=f"{type(err).__name__}: {err} (source {doc.source_locator})"))
            continue
        store.replace_mentions(doc.id, mentions)
        written += len(mentions)
    return written


def group(store: SQLiteStore) -> int:
    incidents = group_store(store).incidents  # incremental: see warlog.group
    from warlog.store.review import SQLiteReview

    SQLiteReview(store).after_regroup()  # what analysts changed survives a regrouping
    return incidents
