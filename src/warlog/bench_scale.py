"""`warlog bench --corpus synthetic --docs N --workers W`: throughput at 1 worker and at W
Dask workers on the same synthetic reports, in one run.

Both sides do what `warlog run` does after ingest: extract every pending document and
write its mentions to a store (one process; then W worker processes with the client
writing). The clock covers reading the pending documents from the store, extracting
them and writing their mentions, and with workers also Dask's scheduling and the
documents' and rows' trips between processes. It starts after the one-off start-up,
timed apart (startup_s_1: loading the extractor and its NER model; startup_s: starting
the cluster and loading every worker's extractor), and leaves out generating the
reports and ingesting them. A benchmark, not a test: it reports numbers and fails on
none.
"""

from __future__ import annotations

import os
import resource
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from warlog import runner
from warlog.scale import ClusterSpec, connect, extract_on, peak_mb, warm_up
from warlog.store import SQLiteStore, open_store
from warlog.synthetic import generate, vocabulary

# One GDELT-sized day of news: the article count the issue sizes the target on.
GDELT_DAY_ARTICLES = 250_000


@dataclass
class ScaleBench:
    docs: int
    ner: bool  # whether extraction ran spaCy's recogniser (`--no-ner`: False)
    words_per_doc: float
    arabic_share: float
    workers: int
    cores: int
    seconds_1: float
    seconds: float
    # one-off start-up, not in the rates: one process loading its extractor (and NER
    # model); starting the W-worker cluster and loading every worker's extractor
    startup_s_1: float
    startup_s: float
    docs_per_s_1: float
    docs_per_s: float
    scaling_efficiency: float
    peak_mb_per_worker: float
    peak_mb_single: float
    gdelt_day_hours: float
    same_mentions: bool
    # CPU seconds, which other programs on the machine do not inflate: the 1-worker rate
    # per CPU second, and 1-worker CPU / (workers' + client's CPU), the overhead of
    # spreading the work whatever the load
    cpu_docs_per_s_1: float
    cpu_efficiency: float
    load_average: float  # the 1-minute load when the bench started, to judge the above
    load_average_end: float  # and when it ended (other programs on a shared machine)
    # CPU ms a document: one process (extraction and writing), and on the workers the
    # extraction alone; their gap is what other programs cost the workers' caches and
    # cores, the rest of cpu_efficiency's loss is Dask's and the client's share
    cpu_ms_per_doc_1: float
    worker_extract_cpu_ms_per_doc: float
    overhead_cpu_share: float  # of all CPU the W-worker run used, the part not extracting

    def as_json(self) -> dict:
        return {k: round(v, 3) if isinstance(v, float) else v for k, v in asdict(self).items()}


def cpu_seconds() -> float:
    """User + system CPU seconds of this process (run on each worker too)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _store_with(path: Path, docs) -> SQLiteStore:
    store = open_store(path)
    with store.transaction():
        for d in docs:
            store.add_document(d)
    return store


def _mentions(store: SQLiteStore) -> list[tuple[str, str]]:
    return store.conn.execute("SELECT id, data FROM mentions ORDER BY id").fetchall()


def run_scale_bench(docs: int = 500, workers: int = 2, words: int = 500,
                    arabic_share: float = 0.2, seed: int = 7, quiet: bool = False,
                    address: str | None = None, ner: bool = True) -> ScaleBench:
    from warlog.extract.pipeline import Extractor

    feedback = runner.Feedback(quiet)
    load = os.getloadavg()[0]
    started = time.perf_counter()
    extractor = Extractor(ner=ner)  # loaded before any clock starts
    warm_up(extractor)
    startup_1 = time.perf_counter() - started
    corpus = generate(vocabulary(extractor), docs, words, arabic_share, seed)
    with tempfile.TemporaryDirectory() as tmp:
        single = _store_with(Path(tmp) / "one.db", corpus)
        started, cpu_started = time.perf_counter(), time.process_time()
        runner.extract(single, feedback, extractor)
        seconds_1 = time.perf_counter() - started
        cpu_1 = time.process_time() - cpu_started
        peak_single = peak_mb()
        spread = _store_with(Path(tmp) / "many.db", corpus)
        if workers > 1 or address:
            started = time.perf_counter()
            with connect(ClusterSpec(workers=workers, address=address, ner=ner)) as client:
                client.run(warm_up, None, ner)  # every worker loads its extractor before the clock
                startup = time.perf_counter() - started
                cpu_before = client.run(cpu_seconds)
                started, cpu_started = time.perf_counter(), time.process_time()
                with feedback.bar(f"extract ({workers} workers)", docs) as advance:
                    stats = extract_on(client, spread, advance, ner=ner)
                seconds = time.perf_counter() - started
                cpu_w = time.process_time() - cpu_started + sum(
                    after - cpu_before.get(w, after) for w, after in client.run(cpu_seconds).items())
                peaks = client.run(peak_mb)  # each worker's peak, warm-up included
            peak = max([*peaks.values(), *stats.peak_mb_per_worker.values()])
            extract_cpu = stats.extract_cpu_s
            workers = len(peaks)
            same = _mentions(single) == _mentions(spread)
        else:
            seconds, peak, same, cpu_w, extract_cpu = seconds_1, peak_single, True, cpu_1, cpu_1
            startup = startup_1
        single.close()
        spread.close()
    per_s_1, per_s = docs / seconds_1, docs / seconds
    return ScaleBench(
        docs=docs, ner=ner, words_per_doc=sum(len(d.text.split()) for d in corpus) / docs,
        arabic_share=sum(d.language == "ar" for d in corpus) / docs, workers=workers,
        cores=os.cpu_count() or 1, seconds_1=seconds_1, seconds=seconds,
        startup_s_1=startup_1, startup_s=startup,
        docs_per_s_1=per_s_1, docs_per_s=per_s, scaling_efficiency=per_s / (workers * per_s_1),
        peak_mb_per_worker=peak, peak_mb_single=peak_single,
        gdelt_day_hours=GDELT_DAY_ARTICLES / per_s / 3600, same_mentions=same,
        cpu_docs_per_s_1=docs / cpu_1, cpu_efficiency=cpu_1 / cpu_w, load_average=load,
        load_average_end=os.getloadavg()[0],
        cpu_ms_per_doc_1=1000 * cpu_1 / docs, worker_extract_cpu_ms_per_doc=1000 * extract_cpu / docs,
        overhead_cpu_share=max(0.0, 1 - extract_cpu / cpu_w))


def print_result(console: Console, r: ScaleBench) -> None:
    table = Table(title=f"{r.docs:,} synthetic reports of ~{r.words_per_doc:.0f} words "
                        f"({r.arabic_share:.0%} Arabic), {r.cores} cores"
                        + ("" if r.ner else ", without spaCy's recogniser (--no-ner)"),
                  title_justify="left")
    table.add_column("")
    table.add_column("documents/s", justify="right")
    table.add_column("seconds", justify="right")
    table.add_column("start-up s (not timed)", justify="right")
    table.add_row("1 worker (one process)", f"{r.docs_per_s_1:,.1f}", f"{r.seconds_1:,.1f}",
                  f"{r.startup_s_1:,.1f}")
    table.add_row(f"{r.workers} workers (Dask)", f"{r.docs_per_s:,.1f}", f"{r.seconds:,.1f}",
                  f"{r.startup_s:,.1f}")
    console.print(table)
    console.print(
        f"scaling efficiency {r.scaling_efficiency:.2f}; peak memory per worker "
        f"{r.peak_mb_per_worker:,.0f} MB; a GDELT-sized day ({GDELT_DAY_ARTICLES:,} articles) "
        f"would take {r.gdelt_day_hours:,.1f} h here"
        + ("" if r.same_mentions else "; [red]the workers' mentions differ from one process's[/]"))
    console.print(
        f"by CPU time (whatever else runs here; load average {r.load_average:.1f} at the "
        f"start, {r.load_average_end:.1f} at the end, on {r.cores} cores): "
        f"{r.cpu_docs_per_s_1:,.1f} documents per CPU second in one process, "
        f"distribution efficiency {r.cpu_efficiency:.2f} ({r.cpu_ms_per_doc_1:.0f} CPU ms a "
        f"document in one process, {r.worker_extract_cpu_ms_per_doc:.0f} ms extracting on a "
        f"worker; {r.overhead_cpu_share:.0%} of the workers' and client's CPU not extraction)")
