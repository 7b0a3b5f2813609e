"""PolNeAR (``polnear/train`` or ``polnear/dev``): news articles on the 2016 US election
with every attribution annotated — who (source) said or thought what (content), by which
words (cue). Scored against warlog's quotes and claims (``extract.quotes``).

Format: ``PATH/text/<article>.txt`` and ``PATH/attributions/<article>_<annotator>.ann``
in brat standoff form, character offsets into the text:

* ``T<n>\\t<Type> <start> <end>[;<start> <end>...]\\t<text>`` — a span (discontinuous
  when several ranges are given); types ``Source``, ``Cue``, ``Content``, ``Attribution``
  (the relation's anchor), ``Discard``, ``Discuss``;
* ``E<n>\\tAttribution:T<a> Content:T<c> Cue:T<u> Source:T<s>`` — one attribution
  (``Attribution-no-source`` when it has no source).

An article annotated by several annotators is scored against the first annotation file
in name order. ``limit`` keeps the first N articles in name order.

Prediction: ``DocContext(...).quotes`` on the article text unchanged (offsets match).
Quotes that share a source span and a cue span are one attribution whose content has
several fragments (``"...," he said, "..."``).

Metrics (summed over articles; P = paired predictions / predictions, R = paired gold /
gold, F1 their harmonic mean):

* ``source_f1``, ``cue_f1``, ``content_f1``: span matching with soft overlap. A predicted
  span and a gold span *overlap* when they share at least one character (a discontinuous
  span is the union of its fragments). Pairs are one to one: each gold span, in text
  order, takes the first unpaired predicted span of the same role that overlaps it.
  Gold attributions without a source add nothing to source_f1 (and a quote without a
  speaker adds no predicted source).
* ``content_token_f1``: token-level overlap of content. Tokens are runs of letters and
  digits; P = gold-content tokens among predicted-content tokens / predicted-content
  tokens, R = the same / gold-content tokens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from warlog.eval import EvalResult, register
from warlog.eval.metrics import prf

ROLES = ("source", "cue", "content")
Fragments = tuple[tuple[int, int], ...]  # one span, possibly discontinuous


@dataclass
class Attribution:
    source: Fragments | None
    cue: Fragments | None
    content: Fragments | None


@dataclass
class Article:
    name: str
    text: str
    attributions: list[Attribution] = field(default_factory=list)


# -- gold ----------------------------------------------------------------------------
def parse_ann(text: str) -> list[Attribution]:
    spans: dict[str, Fragments] = {}
    events: list[dict[str, str]] = []
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            kind, _, ranges = parts[1].partition(" ")
            try:
                spans[parts[0]] = tuple(tuple(int(x) for x in r.split()) for r in ranges.split(";"))  # type: ignore[misc]
            except ValueError:
                continue
        elif parts[0].startswith("E"):
            args = dict(a.split(":", 1) for a in parts[1].split() if ":" in a)
            events.append({k.lower(): v for k, v in args.items()})
    return [Attribution(source=spans.get(e.get("source", "")), cue=spans.get(e.get("cue", "")),
                        content=spans.get(e.get("content", "")))
            for e in events]


def load(path: Path, limit: int | None = None) -> list[Article]:
    texts = sorted((path / "text").glob("*.txt"))
    annotations = sorted((path / "attributions").glob("*.ann"))
    out = []
    for text_path in texts:
        if limit is not None and len(out) >= limit:
            break
        ann = next((a for a in annotations if a.stem.rsplit("_", 1)[0] == text_path.stem), None)
        if ann is None:
            continue
        out.append(Article(name=text_path.stem, text=text_path.read_text(encoding="utf-8"),
                           attributions=parse_ann(ann.read_text(encoding="utf-8"))))
    return out


# -- prediction ----------------------------------------------------------------------
def predict(text: str, gazetteer, registry) -> list[Attribution]:
    from warlog.extract.context import DocContext
    from warlog.ingest.text import text_hash
    from warlog.model import Document

    if not text.strip():
        return []
    ctx = DocContext(Document(id=text_hash(text), text=text, language="en"), gazetteer, registry)
    grouped: dict[tuple, Attribution] = {}
    for q in ctx.quotes:
        source = ((q.speaker_span.start, q.speaker_span.end),) if q.speaker_span else None
        cue = ((q.cue_span.start, q.cue_span.end),) if q.cue_span else None
        key = (source, cue) if source or cue else (id(q),)
        if key in grouped:
            grouped[key].content = (*(grouped[key].content or ()), (q.span.start, q.span.end))
        else:
            grouped[key] = Attribution(source=source, cue=cue, content=((q.span.start, q.span.end),))
    return list(grouped.values())


# -- scoring -------------------------------------------------------------------------
def overlap(a: Fragments, b: Fragments) -> bool:
    """Whether two (possibly discontinuous) spans share at least one character."""
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def pair_count(gold: list[Fragments], pred: list[Fragments]) -> int:
    used: set[int] = set()
    tp = 0
    for g in sorted(gold):
        for i, p in enumerate(pred):
            if i not in used and overlap(g, p):
                used.add(i)
                tp += 1
                break
    return tp


def _tokens(text: str, spans: list[Fragments]) -> set[int]:
    covered = set()
    for m in re.finditer(r"\w+", text):
        if any(s < m.end() and m.start() < e for frags in spans for s, e in frags):
            covered.add(m.start())
    return covered


def score(articles: list[Article], preds: list[list[Attribution]]
          ) -> tuple[dict[str, float], list[tuple[str, str]]]:
    counts = {r: [0, 0, 0] for r in ROLES}  # paired, predicted, gold
    tokens = [0, 0, 0]
    for article, pred in zip(articles, preds, strict=True):
        for role in ROLES:
            gold_spans = sorted({getattr(a, role) for a in article.attributions
                                 if getattr(a, role)})
            pred_spans = sorted({getattr(a, role) for a in pred if getattr(a, role)})
            counts[role][0] += pair_count(gold_spans, pred_spans)
            counts[role][1] += len(pred_spans)
            counts[role][2] += len(gold_spans)
        gold_tok = _tokens(article.text, [a.content for a in article.attributions if a.content])
        pred_tok = _tokens(article.text, [a.content for a in pred if a.content])
        tokens[0] += len(gold_tok & pred_tok)
        tokens[1] += len(pred_tok)
        tokens[2] += len(gold_tok)

    def f(c: list[int]) -> tuple[float, float, float]:
        return prf(c[0], c[1] - c[0], c[2] - c[0])

    metrics = {f"{role}_f1": f(counts[role])[2] for role in ("source", "content", "cue")}
    metrics["content_token_f1"] = f(tokens)[2]
    details = []
    for role in ROLES:
        p, r, f1 = f(counts[role])
        c = counts[role]
        details.append((role, f"P {p:.3f}  R {r:.3f}  F1 {f1:.3f}  "
                              f"(paired {c[0]}, predicted {c[1]}, gold {c[2]})"))
    p, r, f1 = f(tokens)
    details.append(("content tokens", f"P {p:.3f}  R {r:.3f}  F1 {f1:.3f}"))
    return metrics, details


@register("polnear")
def evaluate(path: Path, limit: int | None = None) -> EvalResult:
    from warlog.gazetteer import default_gazetteer
    from warlog.registry import default_registry

    gazetteer, registry = default_gazetteer(), default_registry()
    articles = load(path, limit)
    preds = [predict(a.text, gazetteer, registry) for a in articles]
    metrics, details = score(articles, preds)
    return EvalResult(set="polnear", n=len(articles), gazetteer=gazetteer.source,
                      metrics=metrics, details=details)
