"""Arabic event sentences (``arabic_event_gsr/``): does warlog detect an assault, or a
protest, in a sentence that annotators judged?

Files: ``assault_gsr.csv`` and ``protest_gsr.csv`` (columns ``label``, ``text``, ...; see
the folder's README). Each sentence is run through the Extractor as one Arabic document
with no publication date.

Scoring rules:

* gold: ``label`` "yes" (annotators agreed) is an event of the file's type; "easy no" and
  "difficult no" are not; "ambiguous" sentences are left out.
* prediction: the sentence is an ASSAULT when some mention's ``event_type`` is one of
  ``ASSAULT_TYPES`` (ACLED's political violence: battles, explosions/remote violence,
  violence against civilians; PLOVER's ASSAULT is physical force used against people),
  and a PROTEST when some mention is ``Protests`` or ``Riots``. Arrests, looting and the
  other strategic developments are neither (PLOVER codes arrests and seizures apart).
* ``assault_f1`` / ``protest_f1``: F1 of the positive class over the scored sentences of
  each file (precision and recall in the details).
"""

from __future__ import annotations

import csv
from pathlib import Path

from warlog.eval import EvalResult, extract_text, register
from warlog.eval.metrics import prf

ASSAULT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
PROTEST_TYPES = frozenset({"Protests", "Riots"})
FILES = {"assault": ("assault_gsr.csv", ASSAULT_TYPES), "protest": ("protest_gsr.csv", PROTEST_TYPES)}
_POSITIVE = "yes"
_NEGATIVE = frozenset({"easy no", "difficult no"})


def load(path: Path, limit: int | None = None) -> list[tuple[str, bool]]:
    """(sentence, is an event) for the scored rows of one file (the first ``limit``)."""
    if not path.exists():
        raise FileNotFoundError(f"{path}: the Arabic event gold file is missing")
    rows: list[tuple[str, bool]] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            label = (row.get("label") or "").strip()
            if label == _POSITIVE or label in _NEGATIVE:
                rows.append((row.get("text") or "", label == _POSITIVE))
            if limit is not None and len(rows) >= limit:
                break
    return rows


def detects(extractor, text: str, types: frozenset[str], locator: str) -> bool:
    mentions = extract_text(extractor, text, locator, None, "ar")
    return any(m.event_type in types for m in mentions or [])


@register("arabic-events")
def evaluate(path: Path, limit: int | None = None) -> EvalResult:
    from warlog.extract.pipeline import Extractor
    from warlog.runner import Feedback

    extractor = Extractor()
    metrics: dict[str, float] = {}
    details: list[tuple[str, str]] = []
    total = 0
    for name, (filename, types) in FILES.items():
        rows = load(Path(path) / filename, limit)
        total += len(rows)
        tp = fp = fn = 0
        with Feedback().bar(f"arabic-events {name}", len(rows)) as advance:
            for n, (text, gold) in enumerate(rows):
                pred = detects(extractor, text, types, f"{filename}#{n}")
                tp += gold and pred
                fp += pred and not gold
                fn += gold and not pred
                advance()
        p, r, f = prf(tp, fp, fn)
        metrics[f"{name}_f1"] = f
        details += [(f"{name} precision", f"{p:.3f}"), (f"{name} recall", f"{r:.3f}"),
                    (f"{name} sentences (events)", f"{len(rows)} ({tp + fn})")]
    return EvalResult(set="arabic-events", n=total, gazetteer=extractor.gazetteer.source,
                      metrics=metrics, details=details)
