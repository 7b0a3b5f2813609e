"""Extraction spread over Dask workers: local processes (``--workers N``) or an existing
Dask distributed scheduler (``--cluster tcp://HOST:8786``).

The client (the ``warlog`` process) is the only one that touches the store: it reads the
pending documents in batches, ships each batch to a worker, and writes what comes back,
one transaction per batch. Workers only compute, so a worker lost mid-batch costs
nothing but a retry, and the store ends the same as after a single-process run:
a document's mentions depend on the document alone, and grouping runs afterwards on
the whole store.

Memory stays bounded whatever the corpus size: the client holds at most
``IN_FLIGHT_PER_WORKER`` batches per worker, and each worker one batch and its extractor.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

from warlog.model import Document, Failure, Mention
from warlog.store import SQLiteStore

# Documents per task. A task costs the scheduler about a millisecond, a 500-word report
# takes 60-130 ms to extract (warlog bench --corpus synthetic): 8 keeps overhead under
# 0.2 % and leaves a worker at most ~1 s of tail work when the others are done.
BATCH_DOCS = 8
# Batches queued per worker, so a worker never idles while the client writes.
IN_FLIGHT_PER_WORKER = 3
# The bound for one worker; Dask pauses a worker at 80 % and restarts it at 95 %.
WORKER_MEMORY_LIMIT = "1.5GB"
# How long a run waits for a scheduler's first worker before saying there is none.
WORKER_WAIT_S = 120


@dataclass
class ClusterSpec:
    """Where extraction runs: ``workers`` local processes, or the scheduler at ``address``."""

    workers: int | None = None
    address: str | None = None
    memory_limit: str = WORKER_MEMORY_LIMIT
    connect_timeout: str = "30s"

    @property
    def distributed(self) -> bool:
        return bool(self.address) or (self.workers or 1) > 1


@dataclass
class DocResult:
    """One document's outcome on a worker: its mentions, or why it failed."""

    document_id: str
    mentions: list[Mention] | None
    error: str = ""


@dataclass
class BatchResult:
    worker: str
    peak_mb: float  # the worker process's peak resident memory so far
    results: list[DocResult] = field(default_factory=list)
    cpu_s: float = 0.0  # CPU seconds the extraction itself took (the worker thread's)


@dataclass
class ExtractStats:
    documents: int = 0
    mentions: int = 0
    failed: int = 0
    peak_mb_per_worker: dict[str, float] = field(default_factory=dict)
    extract_cpu_s: float = 0.0  # summed over workers: extraction only, no Dask, no I/O


class ClusterError(RuntimeError):
    """The scheduler could not be reached or the workers could not start (said in words)."""


# -- worker side ----------------------------------------------------------------------
_EXTRACTOR = None


def _extractor():
    """One extractor per worker process, loaded on its first batch (gazetteer, registry)."""
    global _EXTRACTOR
    if _EXTRACTOR is None:
        from warlog.extract.pipeline import Extractor

        _EXTRACTOR = Extractor()
    return _EXTRACTOR


def peak_mb() -> float:
    # ru_maxrss is in KiB on Linux, bytes on macOS
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def warm_up() -> float:
    """Load the extractor and what it loads on first use (the NER model) now, by
    extracting one English and one Arabic demo report; run on every worker before
    timing. Returns the peak MB."""
    from warlog.synthetic import demo_documents

    extractor = _extractor()
    docs = demo_documents()
    for lang in ("en", "ar"):
        extractor(next(d for d in docs if (d.language == "ar") == (lang == "ar")))
    return peak_mb()


def extract_batch(docs: list[Document]) -> BatchResult:
    """Extract a batch on a worker. A document that raises becomes an error, not a lost batch."""
    extractor = _extractor()
    out = []
    started = time.thread_time()
    for doc in docs:
        try:
            out.append(DocResult(doc.id, extractor(doc)))
        except Exception as err:  # one bad document must not stop the others
            out.append(DocResult(doc.id, None, f"{type(err).__name__}: {err}"))
    try:
        from distributed import get_worker

        worker = get_worker().address
    except (ImportError, ValueError):  # run in-process (tests, one worker)
        worker = f"pid:{os.getpid()}"
    return BatchResult(worker=worker, peak_mb=peak_mb(), results=out,
                       cpu_s=time.thread_time() - started)


def worker_version() -> str:
    """warlog's version where this runs (a worker must run the client's version)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("warlog")
    except PackageNotFoundError:  # run from a source tree
        return "unknown"


# -- client side ----------------------------------------------------------------------
def check_workers(client, address: str) -> int:
    """Fail early, in words, when the workers cannot run warlog or run another version;
    returns the number of workers."""
    try:  # a cluster being scaled up (SLURM jobs in the queue) may have none yet
        client.wait_for_workers(1, timeout=WORKER_WAIT_S)
    except TimeoutError as err:
        raise ClusterError(
            f"the Dask scheduler at {address} has had no workers for {WORKER_WAIT_S} s; "
            f"start some (`dask worker {address}`, or scale the cluster up)") from err
    try:
        versions = client.run(worker_version)
    except Exception as err:  # the worker could not import warlog.scale to run it
        raise ClusterError(
            f"the Dask workers at {address} cannot run warlog ({type(err).__name__}: {err}); "
            "install warlog in the workers' environment (see docs/scaling.md)") from err
    if not versions:
        raise ClusterError(f"the Dask scheduler at {address} has no workers")
    mine = worker_version()
    other = sorted({v for v in versions.values() if v != mine})
    if other:
        raise ClusterError(f"the Dask workers at {address} run warlog {', '.join(other)}, this "
                           f"machine warlog {mine}; install the same version on both")
    return len(versions)


@contextmanager
def connect(spec: ClusterSpec):
    """A Dask client: to the scheduler at spec.address, or to local worker processes
    (one thread each: extraction is pure Python, threads would share one core)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as err:  # pragma: no cover - a dependency of warlog
        raise ClusterError("Dask (distributed) is not installed; pip install "
                           "'dask[distributed]'") from err
    cluster = None
    try:
        if spec.address:
            client = Client(spec.address, timeout=spec.connect_timeout)
        else:
            cluster = LocalCluster(
                n_workers=spec.workers or 1, threads_per_worker=1, processes=True,
                # dashboard on any free port: the default 8787 may be another cluster's
                memory_limit=spec.memory_limit, host="127.0.0.1", dashboard_address=":0",
                silence_logs=40)
            client = Client(cluster)
    except OSError as err:  # distributed raises OSError when a scheduler does not answer
        where = spec.address or "local worker processes"
        raise ClusterError(f"could not connect to the Dask scheduler at {where} ({err}); "
                           "check the address and that `dask scheduler` runs there") from err
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def n_workers(client) -> int:
    return max(1, len(client.scheduler_info(n_workers=-1)["workers"]))


def write_batch(store: SQLiteStore, batch: BatchResult, stats: ExtractStats,
                sources: dict[str, str]) -> None:
    """One transaction per batch: a kill mid-run loses at most the batch being written,
    and a rerun redoes only documents without extracted_at (replace_mentions is
    idempotent)."""
    with store.transaction():
        for r in batch.results:
            stats.documents += 1
            if r.mentions is None:
                stats.failed += 1
                store.record_failure(Failure(
                    locator=f"document:{r.document_id}",
                    reason="event extraction failed on this document",
                    detail=f"{r.error} (source {sources.get(r.document_id, '?')})"))
                continue
            store.replace_mentions(r.document_id, r.mentions)
            stats.mentions += len(r.mentions)
    stats.extract_cpu_s += batch.cpu_s
    stats.peak_mb_per_worker[batch.worker] = max(
        batch.peak_mb, stats.peak_mb_per_worker.get(batch.worker, 0.0))


def extract_on(client, store: SQLiteStore, advance, batch_size: int = BATCH_DOCS) -> ExtractStats:
    """Extract every pending document on the client's workers; advance() once a document."""
    from distributed import as_completed

    stats = ExtractStats()
    batches = store.pending_batches(batch_size)
    window = n_workers(client) * IN_FLIGHT_PER_WORKER
    sources: dict[str, str] = {}  # in-flight documents' sources, for failure messages
    queue = as_completed()
    in_flight: dict[object, list[Document]] = {}

    def submit() -> bool:
        docs = next(batches, None)
        if docs is None:
            return False
        sources.update((d.id, d.source_locator) for d in docs)
        future = client.submit(extract_batch, docs, pure=False, retries=1)
        in_flight[future] = docs
        queue.add(future)
        return True

    for _ in range(window):
        if not submit():
            break
    for future in queue:
        docs = in_flight.pop(future)
        try:
            batch = future.result()
        except Exception as err:  # the worker died twice on this batch (memory, a crash)
            batch = BatchResult(worker="lost", peak_mb=0.0, results=[
                DocResult(d.id, None, f"the worker was lost ({type(err).__name__}: {err})")
                for d in docs])
        write_batch(store, batch, stats, sources)
        for d in docs:
            sources.pop(d.id, None)
            advance()
        submit()
    stats.peak_mb_per_worker.pop("lost", None)
    return stats


def sync_registry(store: SQLiteStore) -> None:
    """The actors table, as a single-process extract leaves it (workers never write)."""
    from warlog.registry import default_registry

    store.sync_actors((a.id, a.name, a.type, a.inter, a.country, a.parent)
                      for a in default_registry().actors.values())


def extract_distributed(store: SQLiteStore, feedback, spec: ClusterSpec,
                        batch_size: int = BATCH_DOCS) -> ExtractStats:
    """`warlog run/extract --workers N | --cluster ADDRESS`: one progress bar for the
    whole cluster, advanced by the client as batches come back."""
    total = store.count("documents", "extracted_at IS NULL")
    if total == 0:
        return ExtractStats()
    sync_registry(store)
    with connect(spec) as client:
        check_workers(client, spec.address or "this machine")
        with feedback.bar("extract", total) as advance:
            return extract_on(client, store, advance, batch_size)
