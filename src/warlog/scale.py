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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from warlog.model import Document, Failure
from warlog.store import SQLiteStore
from warlog.store.sqlite import MentionRows, mention_rows

# Documents per task. A task costs ~8 ms of the client's CPU (scheduler included) and
# ~5 ms of the worker's beyond extraction (the same 96 reports sent in batches of 1 and
# of 8 to 2 workers, CPU seconds by psutil, load ~7), and a 500-word report took 60-70
# CPU ms to extract when this was chosen (about 31-33 since spaCy reads a batch's NER
# windows in one call, `cpu_ms_per_doc_1` of `warlog bench --corpus synthetic`): 16 keeps
# that under 3 %, and a batch is about half a second of a worker's time.
BATCH_DOCS = 16
# Batches queued per worker, so a worker never idles while the client writes.
IN_FLIGHT_PER_WORKER = 3
# The last round of batches (what the in-flight window holds) goes out in quarter
# batches, so the workers end within ~0.25 s of each other, not up to a whole batch
# (~1 s) apart; the extra tasks cost ~0.3 s of CPU once a run (2 workers).
TAIL_SPLIT = 4
# The bound for one worker; Dask pauses a worker at 80 % and restarts it at 95 %.
WORKER_MEMORY_LIMIT = "1.5GB"
# Dask's settings for long, CPU-bound tasks of many small Python objects.
# Housekeeping slowed: an idle 2-worker LocalCluster (client, scheduler and nannies in
# one process, two workers) used 11 % of a core with Dask's defaults and 1.6 % with
# these (CPU seconds over 10 s, psutil). The worker's stack sampler (every 10 ms) feeds
# only the dashboard's profile, the event-loop tick (20 ms) only warns of a blocked loop,
# the system monitor (0.5 s) only draws the dashboard, and a memory check each second
# (not 0.1 s) still enforces the limit: a worker's memory is what its extractor loads at
# start, and grows little after.
# glibc's own trim threshold: Dask sets MALLOC_TRIM_THRESHOLD_=65536 in its workers,
# which made extracting a 500-word report cost 428 page faults instead of 3, 1-1.7 ms of
# system CPU instead of 0.2, and 5-20 % more user CPU (100 reports in one process, with
# and without the variable).
DASK_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}
# How long a run waits for a scheduler's first worker before saying there is none.
WORKER_WAIT_S = 120


@dataclass
class ClusterSpec:
    """Where extraction runs: ``workers`` local processes, or the scheduler at ``address``;
    and whether it runs spaCy's recogniser there (``ner``, see ``Extractor``)."""

    workers: int | None = None
    address: str | None = None
    memory_limit: str = WORKER_MEMORY_LIMIT
    connect_timeout: str = "30s"
    ner: bool = True

    @property
    def distributed(self) -> bool:
        return bool(self.address) or (self.workers or 1) > 1


@dataclass
class DocResult:
    """One document's outcome on a worker: its mentions as the store's rows, or why it
    failed."""

    document_id: str
    rows: MentionRows | None
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
_EXTRACTORS: dict[bool, object] = {}


def _extractor(ner: bool = True):
    """One extractor per worker process (and NER setting), loaded on its first batch
    (gazetteer, registry)."""
    if ner not in _EXTRACTORS:
        from warlog.extract.pipeline import Extractor

        _EXTRACTORS[ner] = Extractor(ner=ner)
    return _EXTRACTORS[ner]


_HEAP_SETTLED = False


def settle_heap() -> None:
    """Freeze what this process keeps for good, once its extractor has loaded everything
    (gazetteer, registry, NER model, caches): the garbage collector's full passes then
    stop walking ~740k objects that never die. One such pass cost 0.35 s, about 0.4 ms a
    report on average (gc.callbacks timing over 400 synthetic reports); frozen, 4 ms.
    Called on every worker, and by a single-process run: both are warlog's own processes."""
    global _HEAP_SETTLED
    if not _HEAP_SETTLED:
        import gc

        gc.collect()
        gc.freeze()
        _HEAP_SETTLED = True


def peak_mb() -> float:
    # ru_maxrss is in KiB on Linux, bytes on macOS
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def warm_up(extractor=None, ner: bool = True) -> float:
    """Load the extractor (this worker's, unless given) and what it loads on first use
    (the NER model) now, by extracting one English and one Arabic demo report; run on
    every worker before timing. Returns the peak MB."""
    from warlog.synthetic import demo_documents

    extractor = extractor or _extractor(ner)
    docs = demo_documents()
    for lang in ("en", "ar"):
        extractor(next(d for d in docs if (d.language == "ar") == (lang == "ar")))
    settle_heap()
    return peak_mb()


def extract_batch(docs: list[Document], extractor=None, ner: bool = True) -> BatchResult:
    """Extract a batch on a worker (with its extractor for ``ner``) or in this process
    (with the one given). A document that raises becomes an error, not a lost batch."""
    extractor = extractor or _extractor(ner)
    out = []
    started = time.thread_time()
    # the batch at once (NER reads it in one pass); a bad document comes back as its error
    for doc, mentions in zip(docs, extractor.many(docs), strict=True):
        if isinstance(mentions, Exception):
            out.append(DocResult(doc.id, None, f"{type(mentions).__name__}: {mentions}"))
        else:
            out.append(DocResult(doc.id, mention_rows(doc.id, mentions)))
    cpu_s = time.thread_time() - started  # the extraction's, not the one-off freeze's
    settle_heap()  # after the first batch, all that stays is loaded
    worker = f"pid:{os.getpid()}"  # run in this process (one worker, tests)
    if "distributed" in sys.modules:  # so a local run never pays for importing Dask
        from distributed import get_worker

        try:
            worker = get_worker().address
        except ValueError:  # not on a worker
            pass
    return BatchResult(worker=worker, peak_mb=peak_mb(), results=out, cpu_s=cpu_s)


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
    (one thread each: extraction is pure Python, threads would share one core), with
    Dask's settings for this work (DASK_CONFIG; a remote cluster's workers keep their own)."""
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError as err:  # pragma: no cover - a dependency of warlog
        raise ClusterError("Dask (distributed) is not installed; pip install "
                           "'dask[distributed]'") from err
    with dask.config.set(DASK_CONFIG):  # read when the scheduler and workers start
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
    and a rerun redoes only documents without extracted_at (write_mentions is
    idempotent)."""
    written = [r.rows for r in batch.results if r.rows is not None]
    with store.transaction():
        for r in batch.results:
            if r.rows is None:
                store.record_failure(Failure(
                    locator=f"document:{r.document_id}",
                    reason="event extraction failed on this document",
                    detail=f"{r.error} (source {sources.get(r.document_id, '?')})"))
        store.write_mentions(written)
    stats.documents += len(batch.results)
    stats.failed += len(batch.results) - len(written)
    stats.mentions += sum(len(rows.mentions) for rows in written)
    stats.extract_cpu_s += batch.cpu_s
    stats.peak_mb_per_worker[batch.worker] = max(
        batch.peak_mb, stats.peak_mb_per_worker.get(batch.worker, 0.0))


def last_round_split(batches: Iterator[list[Document]], total: int, last_round: int,
                     size: int) -> Iterator[list[Document]]:
    """The batches as they come, but the last `last_round` documents (what the in-flight
    window holds at the end) in batches of `size`: the workers then finish within a
    couple of documents of each other, instead of one extracting a whole batch alone."""
    left = total
    for docs in batches:
        if left > last_round:
            yield docs
        else:
            for start in range(0, len(docs), size):
                yield docs[start:start + size]
        left -= len(docs)


def extract_on(client, store: SQLiteStore, advance, batch_size: int = BATCH_DOCS,
               ner: bool = True) -> ExtractStats:
    """Extract every pending document on the client's workers; advance() once a document."""
    from distributed import as_completed

    stats = ExtractStats()
    window = n_workers(client) * IN_FLIGHT_PER_WORKER
    batches = last_round_split(store.pending_batches(batch_size),
                               store.count("documents", "extracted_at IS NULL"),
                               window * batch_size, max(1, batch_size // TAIL_SPLIT))
    sources: dict[str, str] = {}  # in-flight documents' sources, for failure messages
    queue = as_completed()
    in_flight: dict[object, list[Document]] = {}

    def submit() -> bool:
        docs = next(batches, None)
        if docs is None:
            return False
        sources.update((d.id, d.source_locator) for d in docs)
        future = client.submit(extract_batch, docs, None, ner, pure=False, retries=1)
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
            return extract_on(client, store, advance, batch_size, spec.ner)
