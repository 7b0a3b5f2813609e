"""Halterman's event-location sentences (``halterman_event_location/labeled_text.jsonl.zip``):
one sentence per record with the span of an event verb and, where the sentence names
it, the span of the place where that event happened. It measures which of the places a
sentence names warlog takes for the event's own location.

Format: a zip holding ``labeled_text.jsonl``, one JSON array of records (a file of one
record per line is read too). A record has ``text``, ``tokens`` (``start``/``end`` character
offsets) and ``spans`` (``label`` VERB or LOCATION, ``token_start``/``token_end``
inclusive, ``start``/``end`` and often ``text``); ``source`` names the annotation batch
(``RELABEL`` marks the authors' own gold re-annotation).

Gold spans: the span's ``start``/``end`` are character offsets in most records but token
indices in some, so a span is read from its tokens (``token_start`` to ``token_end``);
where that disagrees with the span's ``text``, the occurrence of that text nearest the
tokens is used, and a span found neither way is dropped. Records without a LOCATION span
(the sentence names no event place) are left out; ``limit`` keeps the first N scored
records in file order.

Prediction: the sentence as a ``Document`` (text unchanged), its toponyms resolved with
``places.resolve`` and the event place chosen by ``places.event_place`` with the gold
verb as the trigger (the task: given the event, which place is its location).

Metric: ``event_location_acc`` = share of scored records where the chosen place's span
overlaps (shares at least one character with) any gold LOCATION span of the record; no
place chosen is a miss. Details: the same share over the RELABEL records, the share of
records where warlog chose a place at all, and where any of its toponyms overlaps a gold
location (the ceiling the choice works under).
"""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from warlog.eval import EvalResult, register

Span = tuple[int, int]


@dataclass
class Record:
    id: str
    source: str
    text: str
    verb: Span
    locations: list[Span] = field(default_factory=list)


@dataclass
class Prediction:
    place: Span | None = None
    toponyms: list[Span] = field(default_factory=list)


# -- gold ----------------------------------------------------------------------------
def _read(path: Path) -> list[dict]:
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            name = next(n for n in archive.namelist()
                        if n.endswith((".jsonl", ".json")) and not n.startswith("__MACOSX"))
            raw = archive.read(name).decode("utf-8")
    else:
        raw = path.read_text(encoding="utf-8")
    raw = raw.strip()
    if raw.startswith("["):
        return json.loads(raw)
    return [json.loads(line) for line in raw.splitlines() if line.strip()]


def gold_span(row: dict, span: dict) -> Span | None:
    """A span's character offsets, read from its tokens (see the module's doc)."""
    text, tokens = row.get("text") or "", row.get("tokens") or []
    first, last = span.get("token_start"), span.get("token_end")
    found = None
    if isinstance(first, int) and isinstance(last, int) and 0 <= first <= last < len(tokens):
        found = (tokens[first]["start"], tokens[last]["end"])
    want = span.get("text")
    if want and (found is None or text[found[0] : found[1]] != want):
        near = found[0] if found else span.get("start", 0)
        hits = [i for i in range(len(text)) if text.startswith(want, i)]
        found = (min(hits, key=lambda i: abs(i - near)), 0) if hits else None
        found = (found[0], found[0] + len(want)) if found else None
    if found is None and not want and span.get("end", 0) > span.get("start", 0):
        found = (span["start"], span["end"])  # no tokens: the character offsets as given
    return found if found and found[1] > found[0] else None


def load(path: Path, limit: int | None = None) -> list[Record]:
    out = []
    for n, row in enumerate(_read(path)):
        if limit is not None and len(out) >= limit:
            break
        spans = row.get("spans") or []
        verbs = [gold_span(row, s) for s in spans if s.get("label") == "VERB"]
        locations = [gold_span(row, s) for s in spans if s.get("label") == "LOCATION"]
        verbs, locations = [v for v in verbs if v], [loc for loc in locations if loc]
        if not verbs or not locations:
            continue
        out.append(Record(id=str(row.get("_id", n)), source=str(row.get("source") or ""),
                          text=row["text"], verb=verbs[0], locations=locations))
    return out


# -- prediction ----------------------------------------------------------------------
def predict(record: Record, gazetteer, registry, entities=None) -> Prediction:
    """``entities``: the sentence's NER result when already computed in a batch (what
    ``DocContext.entities`` would find itself, read at once for speed)."""
    from warlog.extract import places
    from warlog.extract.context import DocContext
    from warlog.ingest.text import text_hash
    from warlog.model import Document, Span

    doc = Document(id=text_hash(record.text), text=record.text, language="en")
    ctx = DocContext(doc, gazetteer, registry)
    if entities is not None:
        ctx.__dict__["entities"] = entities
    resolved = places.resolve(ctx)
    verb = Span(document_id=doc.id, start=record.verb[0], end=record.verb[1],
                text=record.text[record.verb[0] : record.verb[1]])
    trigger_at = ctx.norm_range(verb)[0]
    pred = Prediction(toponyms=[(ctx.span(m.start, m.end).start, ctx.span(m.start, m.end).end)
                                for m, _ in resolved])
    chosen = places.event_place(ctx, resolved, ctx.sentences, trigger_at)
    if chosen:
        span = ctx.span(chosen[0].start, chosen[0].end)
        pred.place = (span.start, span.end)
    return pred


def _batched_entities(records: list[Record]) -> list:
    """Each sentence's entities as ``extract.ner`` finds them for a whole text, with the
    model run over the sentences in batches."""
    from warlog.extract import ner

    if ner.nlp() is None:
        return [None] * len(records)
    # offsets are the matching text's, which is the text itself unless it holds Arabic
    plain = [i for i, r in enumerate(records) if not re.search("[\u0600-\u06ff]", r.text)]
    found = ner.entities([records[i].text for i in plain])
    out: list = [None] * len(records)
    for i, spans in zip(plain, found, strict=True):
        out[i] = ner.Entities(spans, [(0, len(records[i].text))])
    return out


# -- scoring -------------------------------------------------------------------------
def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def correct(record: Record, pred: Prediction) -> bool:
    return pred.place is not None and any(_overlap(pred.place, g) for g in record.locations)


def score(records: list[Record], preds: list[Prediction]
          ) -> tuple[dict[str, float], list[tuple[str, str]]]:
    right = [correct(r, p) for r, p in zip(records, preds, strict=True)]
    relabel = [ok for r, ok in zip(records, right, strict=True) if r.source == "RELABEL"]
    chosen = sum(p.place is not None for p in preds)
    found = sum(any(_overlap(t, g) for t in p.toponyms for g in r.locations)
                for r, p in zip(records, preds, strict=True))
    n = len(records)
    metrics = {"event_location_acc": sum(right) / n if n else 0.0}
    details = [
        ("RELABEL records acc", f"{sum(relabel) / len(relabel):.3f} of {len(relabel)}"
         if relabel else "none"),
        ("place chosen", f"{chosen} of {n}"),
        ("gold place among toponyms", f"{found} of {n}"),
    ]
    return metrics, details


@register("event-location")
def evaluate(path: Path, limit: int | None = None) -> EvalResult:
    from warlog.gazetteer import default_gazetteer
    from warlog.registry import default_registry

    gazetteer, registry = default_gazetteer(), default_registry()
    records = load(path, limit)
    preds = [predict(r, gazetteer, registry, ents)
             for r, ents in zip(records, _batched_entities(records), strict=True)]
    metrics, details = score(records, preds)
    return EvalResult(set="event-location", n=len(records), gazetteer=gazetteer.source,
                      metrics=metrics, details=details)
