"""`warlog watch`: poll folders and feeds, and ledger new reports as they appear.

Each poll is one ordinary run (ingest -> extract -> group) over the same inputs, so the
store is the only state, and a watcher killed at any moment (SIGKILL included) starts
again where it stopped:

- an input whose bytes were read in full is skipped (sources: locator, SHA-256, done);
  a feed that changed is read again, and its old items are the same documents (keyed
  by their text), so they are not stored or extracted twice;
- a document without ``extracted_at`` is extracted on the next poll, one with it never
  again;
- mentions not yet linked to an incident (a kill between extraction and grouping) make
  the next poll group again, even when nothing new arrived.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from warlog import runner
from warlog.ingest import is_url
from warlog.scale import ClusterSpec, check_workers, connect, extract_on, sync_registry
from warlog.store import SQLiteStore

_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.I)
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(text: str) -> float:
    """'90', '30s', '5m', '1h', '1d' -> seconds."""
    match = _EVERY.match(text)
    if not match or float(match.group(1)) <= 0:
        raise ValueError(f"{text!r} is not an interval; write it like 30s, 5m, 1h or 1d")
    return float(match.group(1)) * _UNIT_SECONDS[match.group(2).lower()]


@dataclass
class Poll:
    """What one poll did."""

    at: str
    new_documents: int
    mentions: int
    incidents: int | None  # None: nothing new, incidents left as they were
    failures: int

    def line(self) -> str:
        grouped = "incidents unchanged" if self.incidents is None else f"{self.incidents} incidents"
        failed = f", {self.failures} inputs failed" if self.failures else ""
        return (f"watch {self.at}: {self.new_documents} new documents, {self.mentions} event "
                f"mentions, {grouped}{failed}")


def unlinked_mentions(store: SQLiteStore) -> int:
    """Mentions in no incident: grouping has not seen them yet."""
    return store.conn.execute(
        "SELECT count(*) FROM mentions WHERE id NOT IN (SELECT mention_id FROM incident_mentions)"
    ).fetchone()[0]


class Watcher:
    def __init__(self, store: SQLiteStore, inputs: list[str], feedback: runner.Feedback, *,
                 cluster: ClusterSpec | None = None, text_column: str | None = None,
                 max_bytes: int | None = None):
        missing = [i for i in inputs if not is_url(i) and not Path(i).exists()]
        if missing:
            raise FileNotFoundError(
                f"there is no file or folder at {', '.join(missing)}; create the folder "
                "first, or give an http(s) address of a feed")
        self.store = store
        self.inputs = inputs
        self.feedback = feedback
        self.cluster = cluster
        self.ingest_kwargs = {"text_column": text_column, "max_bytes": max_bytes}
        self._extractor = None
        self._client = None  # a Dask client while run() holds a cluster

    def _extract(self) -> int:
        pending = self.store.count("documents", "extracted_at IS NULL")
        if not pending:
            return 0
        if self._client is not None:  # the workers started once, for every poll
            sync_registry(self.store)
            with self.feedback.bar("extract", pending) as advance:
                return extract_on(self._client, self.store, advance,
                                  ner=self.cluster.ner).mentions  # type: ignore[union-attr]
        if self._extractor is None:  # loaded once, on the first poll with work
            from warlog.extract.pipeline import Extractor

            self._extractor = Extractor(ner=self.cluster.ner if self.cluster else True)
        return runner.extract(self.store, self.feedback, self._extractor)

    def poll(self) -> Poll:
        report = runner.ingest(self.store, self.inputs, self.feedback, **self.ingest_kwargs)
        mentions = self._extract()
        incidents = None
        if mentions or unlinked_mentions(self.store):
            incidents = runner.group(self.store)
        return Poll(at=datetime.now(UTC).isoformat(timespec="seconds"),
                    new_documents=report.documents_new, mentions=mentions,
                    incidents=incidents, failures=len(report.failures))

    def run(self, every: float, polls: int | None = None,
            on_poll: Callable[[Poll], None] = lambda p: None,
            sleep: Callable[[float], None] = time.sleep) -> int:
        """Poll every `every` seconds (from the start of one poll to the next), `polls`
        times or until interrupted; returns the number of polls made."""
        with ExitStack() as stack:
            if self.cluster is not None and self.cluster.distributed:
                # one cluster for the whole watch: workers keep their loaded extractors
                self._client = stack.enter_context(connect(self.cluster))
                check_workers(self._client, self.cluster.address or "this machine")
            stack.callback(setattr, self, "_client", None)
            done = 0
            while polls is None or done < polls:
                started = time.monotonic()
                on_poll(self.poll())
                done += 1
                if polls is not None and done >= polls:
                    break
                sleep(max(0.0, every - (time.monotonic() - started)))
            return done
