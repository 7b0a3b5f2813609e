"""Ingest: paths and URLs in; documents, raw sources and failures stored.

Idempotent: a source whose bytes were fully read before is skipped, and a
document is keyed by the hash of its text, so nothing is stored twice.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from warlog.ingest.fetch import Fetcher, UrllibFetcher
from warlog.ingest.readers import (
    ReadOptions,
    looks_like_feed,
    read_feed,
    read_html,
    read_json,
    read_text,
    reader_for,
)
from warlog.ingest.text import UnreadableInput, raw_hash
from warlog.model import Document, Failure, RawSource
from warlog.store import SQLiteStore

# One report is a few kB; a 20 MB single file is an archive or a mistake, so it is
# refused with a message instead of stalling a run (raise it with --max-mb).
DEFAULT_MAX_BYTES = 20_000_000


@dataclass
class IngestReport:
    inputs: int = 0
    skipped: int = 0  # sources already read in full earlier
    documents_new: int = 0
    documents_seen: int = 0  # same text already stored
    failures: list[Failure] = field(default_factory=list)

    @property
    def processed(self) -> int:
        return self.documents_new + self.documents_seen + self.skipped


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def expand(inputs: list[str]) -> Iterator[str]:
    """Files under folders (recursive, sorted, hidden entries skipped), URLs as they are;
    each once, however many of the inputs name it (a file and its folder, say)."""
    seen: set[str] = set()
    for locator in _expand(inputs):
        if locator not in seen:
            seen.add(locator)
            yield locator


def _expand(inputs: list[str]) -> Iterator[str]:
    for value in inputs:
        if is_url(value):
            yield value
            continue
        path = Path(value)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield str(Path(root, name).resolve())
        else:
            yield str(path.resolve()) if path.exists() else value


class Ingester:
    def __init__(
        self,
        store: SQLiteStore,
        *,
        fetcher: Fetcher | None = None,
        options: ReadOptions | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        on_document: Callable[[str], None] | None = None,
    ):
        self.store = store
        self.fetcher = fetcher or UrllibFetcher(max_bytes=max_bytes)
        self.options = options or ReadOptions()
        self.max_bytes = max_bytes
        self.on_document = on_document or (lambda locator: None)

    def run(self, inputs: list[str]) -> IngestReport:
        report = IngestReport()
        for locator in expand(inputs):
            report.inputs += 1
            self.ingest_one(locator, report)
            self.on_document(locator)
        return report

    def _fail(self, report: IngestReport, locator: str, reason: str, detail: str = "") -> None:
        self.store.clear_failures(locator)  # an unreadable file has no rows left to blame
        failure = Failure(locator=locator, reason=reason, detail=detail)
        self.store.record_failure(failure)
        report.failures.append(failure)

    def ingest_one(self, locator: str, report: IngestReport) -> None:
        try:
            kind, raw, items = self._open(locator)
            digest = raw_hash(raw)
            if self.store.source_done(locator, digest):
                report.skipped += 1
                return
            self.store.clear_failures(locator)
            self.store.put_source(RawSource(locator=locator, kind=kind, raw_sha256=digest, raw=raw))
            for item in items:
                if isinstance(item, Failure):
                    self.store.record_failure(item)
                    report.failures.append(item)
                elif self.store.add_document(item):
                    report.documents_new += 1
                else:
                    report.documents_seen += 1
            self.store.mark_source_done(locator)
        except UnreadableInput as err:
            self._fail(report, locator, str(err))
        except OSError as err:
            self._fail(report, locator, f"the file could not be read ({err.strerror or err})")
        except Exception as err:  # a reader bug must not stop the other inputs
            self._fail(report, locator, "warlog could not read this input (internal error)",
                       f"{type(err).__name__}: {err}")

    def _open(self, locator: str) -> tuple[str, bytes, Iterator[Document | Failure]]:
        """Read an input's bytes and pick its reader; raise UnreadableInput with the reason."""
        if is_url(locator):
            fetched = self.fetcher.fetch(locator)
            raw = fetched.content
            if "rss" in fetched.content_type or "atom" in fetched.content_type or (
                "xml" in fetched.content_type and looks_like_feed(raw)
            ):
                return "feed", raw, read_feed(locator, raw, self.options)
            if "json" in fetched.content_type:
                return "json", raw, read_json(locator, raw, self.options)
            if fetched.content_type.startswith("text/plain"):
                return "text", raw, read_text(locator, raw, self.options)
            return "url", raw, read_html(locator, raw, self.options, url=fetched.url)
        path = Path(locator)
        if not path.exists():
            raise UnreadableInput("no such file or folder")
        size = path.stat().st_size
        if size > self.max_bytes:
            raise UnreadableInput(
                f"the file is {size / 1e6:.1f} MB, over the {self.max_bytes / 1e6:g} MB limit for "
                "one input; split it, or raise the limit with --max-mb"
            )
        raw = path.read_bytes()
        kind, reader = reader_for(path.suffix, raw)
        return kind, raw, reader(locator, raw, self.options)


__all__ = ["Ingester", "IngestReport", "ReadOptions", "expand", "is_url", "read_json"]
