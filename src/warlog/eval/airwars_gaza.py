"""Airwars Gaza incidents (``airwars_gaza/incidents.csv``): one assessment narrative per
incident, scored against Airwars' own coding of it.

Each incident's ``Airwars_assessment`` is run through the Extractor as one English
document, cut before the coded "Summary" block the archive appends to the narrative
(``Strike type...``, ``Civilians reported killed...``, ``Suspected belligerents...``): that
block is the answer key, and reading it would measure nothing (published =
``Incidence_date`` when it parses). The mentions are then folded into one article-level
prediction:

* killed / injured: the range ``(min low, max high)`` over every killed (injured) figure
  of every mention whose victims are civilians or unspecified ("12 people", "25 others").
  Figures naming only children or women are subsets and are left out of that range.
  With no such figure, the children and women named are themselves the civilians
  reported ("two children were killed" is two civilians killed): the largest children
  figure plus the largest women figure, as a one-point range. Nothing: no prediction,
  which counts as a miss.
* belligerent: the ``actor1`` of the first mention that has one, mapped to Airwars'
  vocabulary (``belligerent_of``); no actor anywhere: ``"unknown"`` (a miss; the gold
  distribution is never used as a fallback).
* strike type: the first mention's ``sub_event_type``, mapped by ``STRIKE_TYPES``.
* date and location: the first mention's ``event_date`` and place coordinates.

Gold columns and scoring rules:

* ``Civilians reported killed`` / ``injured`` are a number (``"5"``) or a range
  (``"1 – 2"``, ``"12–24"``); ``NA``/``Unknown`` leave the incident out of that metric.
  ``*_in_range``: the gold range (a number is a one-point range) and warlog's
  ``[low, high]`` overlap, i.e. some count is consistent with both; for a gold number
  this is "the number lies within warlog's range". ``killed_exact``: warlog's
  ``(low, high)`` equals the gold ``(low, high)``.
* belligerent: ``Suspected belligerent``, else ``Known belligerent``, else the
  comma-separated ``Suspected belligerents`` (a contested incident: either side counts
  as right). Incidents with none of them are left out.
* ``Strike type`` is comma-separated; ``"Airstrike and/or Artillery"`` accepts either,
  ``"Drone Strike"`` is an air strike (ACLED's "Air/drone strike"). The prediction is
  right when it is one of the accepted types.
* ``date_exact``: over incidents with a parsable ``Incidence_date``. Note that this is
  also the publication date given to the Extractor, which falls back to it when the text
  gives no date: the metric is an upper bound on date extraction (see the details row
  ``date from text`` for how many dates came from the text itself).
* ``loc_5km`` / ``loc_25km``: haversine distance between the first mention's place and
  gold ``lat``/``long``; incidents without gold coordinates are left out, incidents
  where warlog found no place count as misses.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from warlog.eval import EvalResult, extract_text, register
from warlog.eval.metrics import haversine_km
from warlog.model import ActorRef, Mention

ISRAELI = "Israeli Military"
PALESTINIAN = "Palestinian Militants"
UNKNOWN = "unknown"
OTHER = "other"

# warlog sub_event_type -> Airwars strike type
STRIKE_TYPES = {
    "Air/drone strike": "Airstrike",
    "Shelling/artillery/missile attack": "Artillery",
    "Armed clash": "Ground operation",
    "Attack": "Ground operation",
    "Government regains territory": "Ground operation",
    "Non-state actor overtakes territory": "Ground operation",
    # a raid to arrest is done on the ground (Airwars: "Counter-Terrorism Action (Ground)")
    "Arrests": "Ground operation",
}
# Airwars strike type -> the warlog types it accepts
_GOLD_STRIKE = {
    "airstrike": {"Airstrike"},
    "drone strike": {"Airstrike"},
    "artillery": {"Artillery"},
    "airstrike and/or artillery": {"Airstrike", "Artillery"},
    "ground operation": {"Ground operation"},
}
_EMPTY = {"", "na", "n/a", "unknown"}
_COUNTED_VICTIMS = ("civilians", "")


@dataclass
class GoldIncident:
    id: str
    text: str
    date: date | None
    killed: tuple[int, int] | None
    injured: tuple[int, int] | None
    belligerents: frozenset[str]
    strike_types: frozenset[str]
    lat: float | None
    lon: float | None


@dataclass
class Prediction:
    killed: tuple[int, int] | None = None
    injured: tuple[int, int] | None = None
    belligerent: str = UNKNOWN
    strike_type: str = OTHER
    date: date | None = None
    date_from_text: bool = False
    lat: float | None = None
    lon: float | None = None
    mentions: int = 0


# -- gold ----------------------------------------------------------------------------
def _cell(value: str | None) -> str:
    value = (value or "").strip()
    return "" if value.lower() in _EMPTY else value


def parse_range(value: str | None) -> tuple[int, int] | None:
    """``"5"`` -> (5, 5); ``"1 – 2"`` / ``"12–24"`` / ``"3-7"`` -> (low, high); empty,
    ``NA`` or ``Unknown`` -> None."""
    value = _cell(value)
    nums = [int(n) for n in re.findall(r"\d+", value.replace(",", ""))]
    if not nums:
        return None
    return min(nums), max(nums)


def parse_gold_date(value: str | None) -> date | None:
    """``"october-7-2023"`` (Airwars' form) or ISO."""
    value = _cell(value)
    for fmt in ("%B-%d-%Y", "%b-%d-%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def _float(value: str | None) -> float | None:
    try:
        return float(_cell(value))
    except ValueError:
        return None


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in _cell(value).split(",") if part.strip()]


def gold_strike_types(value: str | None) -> frozenset[str]:
    accepted: set[str] = set()
    for part in _split(value):
        accepted |= _GOLD_STRIKE.get(part.lower(), {part})
    return frozenset(accepted)


def gold_belligerents(row: dict[str, str]) -> frozenset[str]:
    for column in ("Suspected belligerent", "Known belligerent", "Suspected belligerents"):
        parts = _split(row.get(column))
        if parts:
            return frozenset(parts)
    return frozenset()


# Where the narrative ends and Airwars' coded fields begin: "..., SummaryStrike status..."
_SUMMARY = re.compile(
    r",?\s*Summary\s*(?=Strike status|Strike type|Civilian harm reported|Civilians reported)")


def narrative(assessment: str) -> str:
    """The assessment's prose, without the coded summary block appended to it."""
    found = _SUMMARY.search(assessment)
    return assessment[:found.start()] if found else assessment


def load(path: Path, limit: int | None = None) -> list[GoldIncident]:
    out = []
    with path.open(encoding="utf-8", newline="") as handle:
        for n, row in enumerate(csv.DictReader(handle)):
            if limit is not None and len(out) >= limit:
                break
            lat, lon = _float(row.get("lat")), _float(row.get("long"))
            out.append(GoldIncident(
                id=_cell(row.get("Incidence_id")) or f"row{n + 1}",
                text=narrative(row.get("Airwars_assessment") or ""),
                date=parse_gold_date(row.get("Incidence_date")),
                killed=parse_range(row.get("Civilians reported killed")),
                injured=parse_range(row.get("Civilians reported injured")),
                belligerents=gold_belligerents(row),
                strike_types=gold_strike_types(row.get("Strike type")),
                lat=lat if lat is not None and lon is not None else None,
                lon=lon if lat is not None and lon is not None else None,
            ))
    return out


# -- prediction ----------------------------------------------------------------------
def belligerent_of(actor: ActorRef | None) -> str:
    """Airwars' belligerent for a warlog actor: Israel's forces (``israel_army``,
    ``israel_air_force`` and any other actor of country IL) are the Israeli Military;
    Palestinian armed groups (country PS, not civilians) the Palestinian Militants."""
    if actor is None:
        return UNKNOWN
    if actor.country == "IL" and actor.inter in (1, 8):
        return ISRAELI
    if actor.country == "PS" and actor.inter in (2, 3, 4):
        return PALESTINIAN
    return OTHER


def figure_range(mentions: list[Mention], kind: str) -> tuple[int, int] | None:
    found = [(c.low, c.high) for m in mentions for c in m.casualties
             if c.kind == kind and c.victims in _COUNTED_VICTIMS]
    if not found:
        # only children and women named: they are the civilians reported
        subsets = [max((c.low for m in mentions for c in m.casualties
                        if c.kind == kind and c.victims == victims), default=0)
                   for victims in ("children", "women")]
        return (sum(subsets), sum(subsets)) if sum(subsets) else None
    return min(low for low, _ in found), max(high for _, high in found)


def predict(mentions: list[Mention]) -> Prediction:
    pred = Prediction(mentions=len(mentions))
    if not mentions:
        return pred
    first = mentions[0]
    pred.killed = figure_range(mentions, "killed")
    pred.injured = figure_range(mentions, "injured")
    pred.belligerent = belligerent_of(next((m.actor1 for m in mentions if m.actor1), None))
    pred.strike_type = STRIKE_TYPES.get(first.sub_event_type, OTHER)
    pred.date = first.date.event_date
    pred.date_from_text = first.date.span is not None
    if first.place and first.place.latitude is not None and first.place.longitude is not None:
        pred.lat, pred.lon = first.place.latitude, first.place.longitude
    return pred


# -- scoring -------------------------------------------------------------------------
def in_range(gold: tuple[int, int], pred: tuple[int, int] | None) -> bool:
    """True when the gold range (or number) and warlog's [low, high] overlap."""
    return pred is not None and pred[0] <= gold[1] and gold[0] <= pred[1]


def score(golds: list[GoldIncident], preds: list[Prediction]
          ) -> tuple[dict[str, float], list[tuple[str, str]]]:
    tallies: Counter[str] = Counter()
    totals: Counter[str] = Counter()

    def tally(name: str, ok: bool) -> None:
        totals[name] += 1
        tallies[name] += bool(ok)

    predicted_bell: Counter[str] = Counter()
    predicted_strike: Counter[str] = Counter()
    from_text = 0
    for gold, pred in zip(golds, preds, strict=True):
        if gold.killed is not None:
            tally("killed_in_range", in_range(gold.killed, pred.killed))
            tally("killed_exact", pred.killed == gold.killed)
        if gold.injured is not None:
            tally("injured_in_range", in_range(gold.injured, pred.injured))
        if gold.belligerents:
            tally("belligerent_acc", pred.belligerent in gold.belligerents)
            predicted_bell[pred.belligerent] += 1
        if gold.strike_types:
            tally("strike_type_acc", pred.strike_type in gold.strike_types)
            predicted_strike[pred.strike_type] += 1
        if gold.date is not None:
            tally("date_exact", pred.date == gold.date)
            from_text += pred.date_from_text
        if gold.lat is not None and gold.lon is not None:
            km = (haversine_km(gold.lat, gold.lon, pred.lat, pred.lon)
                  if pred.lat is not None and pred.lon is not None else None)
            tally("loc_5km", km is not None and km <= 5)
            tally("loc_25km", km is not None and km <= 25)
    names = ["killed_in_range", "killed_exact", "injured_in_range", "belligerent_acc",
             "strike_type_acc", "date_exact", "loc_5km", "loc_25km"]
    metrics = {n: tallies[n] / totals[n] if totals[n] else 0.0 for n in names}
    details = [(f"{n} n", str(totals[n])) for n in names]
    details += [
        ("no mentions", str(sum(p.mentions == 0 for p in preds))),
        ("killed found", str(sum(p.killed is not None for p in preds))),
        ("injured found", str(sum(p.injured is not None for p in preds))),
        ("place found", str(sum(p.lat is not None for p in preds))),
        ("date from text", str(from_text)),
        ("predicted belligerent", ", ".join(f"{k} {v}" for k, v in predicted_bell.most_common())),
        ("predicted strike type", ", ".join(f"{k} {v}" for k, v in predicted_strike.most_common())),
    ]
    return metrics, details


def run(golds: list[GoldIncident], extractor=None) -> list[Prediction]:
    from warlog.extract.pipeline import Extractor

    extractor = extractor or Extractor()
    preds = []
    for gold in golds:
        mentions = extract_text(extractor, gold.text, f"airwars-gaza#{gold.id}", gold.date)
        preds.append(Prediction() if mentions is None else predict(mentions))
    return preds


@register("airwars-gaza")
def evaluate(path: Path, limit: int | None = None) -> EvalResult:
    from warlog.extract.pipeline import Extractor

    golds = load(path, limit)
    extractor = Extractor()
    metrics, details = score(golds, run(golds, extractor))
    return EvalResult(set="airwars-gaza", n=len(golds), gazetteer=extractor.gazetteer.source,
                      metrics=metrics, details=details)
