"""re3d (``re3d/<publisher>/{documents,entities,relations}.json``): documents on the
Syria/Iraq conflict with entity spans and relations, scored for actor, person and place
recognition and for who fights whom and who is allied with whom.

Format: each publisher folder holds three ``mongoexport`` files, one JSON object per line
(a byte-order mark is tolerated): documents (``_id``, ``text``), entities
(``documentId``, ``begin``, ``end``, ``type``, ``value``) and relations (``documentId``,
``type``, ``sourceBegin``/``sourceEnd``, ``targetBegin``/``targetEnd``). Offsets are
characters of ``text``. Documents are read folder by folder (sorted by name), in file
order; ``limit`` keeps the first N documents.

Gold:

* entities of type ``Organisation``, ``Person`` and ``Location`` (the rest — Nationality,
  Temporal, Weapon, ... — are left out); the same span and type annotated twice counts
  once;
* relations ``FightingAgainst`` (directed: source fights target) and ``AlliesOf``
  (undirected: A-B and B-A are one pair); the same pair twice counts once.

Prediction, from one ``DocContext`` per document built on the text unchanged (so offsets
match; NER reads the whole text) with the document's ``sourceName`` as its publisher (a
publisher the registry knows, CENTCOM, is who "we" are in its own releases):

* Organisation: the registry's actor matches, the text actors of
  ``extract.relations.sentence_actors`` (force phrases, countries that take a side) and
  spaCy's ORG entities;
* Location: warlog's toponyms (``ctx.places``) except demonyms ("Syrian"), which re3d
  codes as Nationality;
* Person: spaCy's PERSON entities and the speakers of quotes that are not actors;
* predictions of one type that overlap are one entity (the one that starts first, the
  longer at the same start);
* relations: ``extract.relations.find_relations`` over every sentence of the document
  (re3d annotates the whole text, not only event sentences); ``fights`` is scored against
  FightingAgainst, ``allied_with`` and ``supports`` against AlliesOf (re3d's AlliesOf
  takes in "in support of", "is assisting"). Claims count like assertions.

Matching: two spans match when they share at least one character. Entities pair one to
one, each gold entity (in text order) with the first unpaired prediction of its type
that overlaps it. A predicted relation matches a gold one when actor_a's span overlaps
the gold source and actor_b's the gold target (either way round for AlliesOf); pairs
are one to one. Precision = paired predictions / predictions, recall = paired gold /
gold, F1 their harmonic mean (``metrics.prf``), summed over all documents.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from warlog.eval import EvalResult, register
from warlog.eval.metrics import prf

ENTITY_TYPES = ("Organisation", "Person", "Location")
FIGHTING, ALLIES = "FightingAgainst", "AlliesOf"
# warlog relation kind -> re3d relation type
RELATION_TYPES = {"fights": FIGHTING, "allied_with": ALLIES, "supports": ALLIES}

Span = tuple[int, int]


@dataclass
class GoldDocument:
    id: str
    publisher: str
    text: str
    entities: list[tuple[str, int, int]] = field(default_factory=list)  # (type, begin, end)
    relations: list[tuple[str, Span, Span]] = field(default_factory=list)  # (type, source, target)


@dataclass
class Prediction:
    entities: list[tuple[str, int, int]] = field(default_factory=list)
    relations: list[tuple[str, Span, Span]] = field(default_factory=list)


# -- gold ----------------------------------------------------------------------------
def _lines(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8-sig") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load(path: Path, limit: int | None = None) -> list[GoldDocument]:
    folders = sorted(p for p in path.iterdir() if (p / "documents.json").is_file())
    if (path / "documents.json").is_file():
        folders.insert(0, path)
    docs: list[GoldDocument] = []
    for folder in folders:
        by_id: dict[str, GoldDocument] = {}
        for row in _lines(folder / "documents.json"):
            if limit is not None and len(docs) >= limit:
                break
            doc = GoldDocument(id=row["_id"], publisher=row.get("sourceName") or folder.name,
                               text=row.get("text") or "")
            by_id[doc.id] = doc
            docs.append(doc)
        for row in _lines(folder / "entities.json"):
            doc = by_id.get(row.get("documentId"))
            if doc is None or row.get("type") not in ENTITY_TYPES:
                continue
            entity = (row["type"], int(row["begin"]), int(row["end"]))
            if entity not in doc.entities:
                doc.entities.append(entity)
        for row in _lines(folder / "relations.json"):
            doc = by_id.get(row.get("documentId"))
            if doc is None or row.get("type") not in (FIGHTING, ALLIES):
                continue
            source = (int(row["sourceBegin"]), int(row["sourceEnd"]))
            target = (int(row["targetBegin"]), int(row["targetEnd"]))
            same = [(row["type"], source, target)]
            if row["type"] == ALLIES:
                same.append((ALLIES, target, source))
            if not any(r in doc.relations for r in same):
                doc.relations.append((row["type"], source, target))
        for doc in by_id.values():
            doc.entities.sort(key=lambda e: (e[1], e[2]))
        if limit is not None and len(docs) >= limit:
            break
    return docs


# -- prediction ----------------------------------------------------------------------
def predict(text: str, gazetteer, registry, publisher: str | None = None) -> Prediction:
    from warlog.extract import relations
    from warlog.extract.actors import GenericState
    from warlog.extract.context import DocContext
    from warlog.ingest.text import text_hash
    from warlog.model import Document

    pred = Prediction()
    if not text.strip():
        return pred
    doc = Document(id=text_hash(text), text=text, language="en", publisher=publisher)
    ctx = DocContext(doc, gazetteer, registry)

    def add(kind: str, start: int, end: int) -> None:
        span = ctx.span(start, end)
        if span.end > span.start:
            pred.entities.append((kind, span.start, span.end))

    actors = [(m.start, m.end) for m in ctx.actors]
    for start, end in actors:
        add("Organisation", start, end)
    for s, e in ctx.sentences:
        for m in relations.sentence_actors(ctx, s, e):
            if isinstance(m.value, relations.TextActor | GenericState):
                add("Organisation", m.start, m.end)
    for m in ctx.places:
        if m.text.casefold() in ctx.gazetteer.demonyms:
            continue  # "Syrian": re3d's Nationality
        add("Location", m.start, m.end)
    for ent in ctx.entities.spans:
        if ent.label == "PERSON":
            add("Person", ent.start, ent.end)
        elif ent.label == "ORG":
            add("Organisation", ent.start, ent.end)
    for q in ctx.quotes:
        if q.speaker_span is not None and q.speaker_actor_id is None and q.speaker and \
                q.speaker[:1].isupper():
            s, e = ctx.norm_range(q.speaker_span)
            if not any(a < e and s < b for a, b in actors):
                pred.entities.append(("Person", q.speaker_span.start, q.speaker_span.end))
    pred.entities = _merge(pred.entities)
    seen = set()
    for r in relations.find_relations(ctx, ctx.sentences):
        if r.actor_a.span is None or r.actor_b.span is None:
            continue
        item = (RELATION_TYPES[r.kind], (r.actor_a.span.start, r.actor_a.span.end),
                (r.actor_b.span.start, r.actor_b.span.end))
        if item not in seen:
            seen.add(item)
            pred.relations.append(item)
    return pred


def _merge(entities: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Predictions of one type that overlap are one entity (the longest span kept)."""
    out: list[tuple[str, int, int]] = []
    for kind, start, end in sorted(entities, key=lambda e: (e[1], -(e[2] - e[1]))):
        clash = next((i for i, (k, s, e) in enumerate(out) if k == kind and s < end and start < e),
                     None)
        if clash is None:
            out.append((kind, start, end))
    return out


# -- scoring -------------------------------------------------------------------------
def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match_entities(gold: list[tuple[str, int, int]], pred: list[tuple[str, int, int]]) -> int:
    used: set[int] = set()
    tp = 0
    for kind, start, end in gold:
        for i, (k, s, e) in enumerate(pred):
            if i not in used and k == kind and _overlap((start, end), (s, e)):
                used.add(i)
                tp += 1
                break
    return tp


def match_relations(gold: list[tuple[str, Span, Span]], pred: list[tuple[str, Span, Span]],
                    kind: str) -> tuple[int, int, int]:
    """(paired, predictions, gold) for one relation type."""
    golds = [g for g in gold if g[0] == kind]
    preds = [p for p in pred if p[0] == kind]
    used: set[int] = set()
    tp = 0
    for _, source, target in golds:
        for i, (_, a, b) in enumerate(preds):
            if i in used:
                continue
            forward = _overlap(a, source) and _overlap(b, target)
            backward = kind == ALLIES and _overlap(a, target) and _overlap(b, source)
            if forward or backward:
                used.add(i)
                tp += 1
                break
    return tp, len(preds), len(golds)


def score(golds: list[GoldDocument], preds: list[Prediction]
          ) -> tuple[dict[str, float], list[tuple[str, str]]]:
    ent = {t: [0, 0, 0] for t in ENTITY_TYPES}  # tp, predicted, gold
    rel = {t: [0, 0, 0] for t in (FIGHTING, ALLIES)}
    for gold, pred in zip(golds, preds, strict=True):
        for t in ENTITY_TYPES:
            g = [e for e in gold.entities if e[0] == t]
            p = [e for e in pred.entities if e[0] == t]
            ent[t][0] += match_entities(g, p)
            ent[t][1] += len(p)
            ent[t][2] += len(g)
        for t in rel:
            tp, n_pred, n_gold = match_relations(gold.relations, pred.relations, t)
            rel[t][0] += tp
            rel[t][1] += n_pred
            rel[t][2] += n_gold

    def f1(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
        return prf(tp, n_pred - tp, n_gold - tp)

    total = [sum(ent[t][i] for t in ENTITY_TYPES) for i in range(3)]
    metrics = {
        "entity_f1": f1(*total)[2],
        "fighting_f1": f1(*rel[FIGHTING])[2],
        "allies_f1": f1(*rel[ALLIES])[2],
    }
    details = []
    for name, counts in [*((t, ent[t]) for t in ENTITY_TYPES), (FIGHTING, rel[FIGHTING]),
                         (ALLIES, rel[ALLIES])]:
        p, r, f = f1(*counts)
        details.append((name, f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
                              f"(paired {counts[0]}, predicted {counts[1]}, gold {counts[2]})"))
    return metrics, details


@register("re3d")
def evaluate(path: Path, limit: int | None = None) -> EvalResult:
    from warlog.gazetteer import default_gazetteer
    from warlog.registry import default_registry

    gazetteer, registry = default_gazetteer(), default_registry()
    golds = load(path, limit)
    preds = [predict(g.text, gazetteer, registry, g.publisher) for g in golds]
    metrics, details = score(golds, preds)
    return EvalResult(set="re3d", n=len(golds), gazetteer=gazetteer.source, metrics=metrics,
                      details=details)
