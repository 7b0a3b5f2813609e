"""Airwars Syria archive (``airwars_syria/``: ``cases.jsonl.gz`` + ``sources.jsonl``): each
source text Airwars cites (mostly Arabic Facebook and X posts, news and NGO pages) run
through warlog and scored against the incident(s) it documents.

Input. The records come from ``airwars_syria_data`` (the one reader of the archive).
Each source's ``text_original`` is one document (after its page title when the text does
not already hold the title: copied Facebook pages often keep the post only in the title).
Its language is the record's ``text_original_language`` when that is ``ar`` or ``en``,
else detected by ingest. Its publication date is the record's ``publication_date`` when
given (ISO, or written in Arabic: "1 مارس 2026", read by ingest); most posts have none,
and then ingest reads the day the page's address gives (an X post's status id, a date
in a news site's path: ``ingest.url_dates``), else warlog reads the page's own dateline
(``extract.lang.ar_dateline``).

Prediction (one per source, folded over all its mentions):

* found: warlog returned at least one mention.
* place, date, strike type: those of the first mention with a place (the first
  mention when none has one).
* belligerents: every ``actor1`` and ``assoc_actor_1`` of every mention, mapped to
  Airwars' vocabulary by ``belligerents_of``: state forces by country; the coalition;
  the Kurdish YPG/SDF (the SDF as "YPG" too: Airwars names the YPG-led SDF so);
  Turkish-backed factions of the Syrian National Army as the Turkish Military, since
  Airwars attributes their ground operations to Turkey; the Syrian government's forces
  as "Syrian Regime" and also "Russian Military", since this archive only holds
  incidents with a foreign belligerent and codes the government alliance's strikes to
  Russia.
* killed / injured: as in ``airwars_gaza.figure_range``: (min low, max high) over the
  figures whose victims are civilians or unspecified, else the largest children plus the
  largest women figure; none found is no prediction.

Pages with no report. Some cited pages came back as login walls, age gates, "This post
is unavailable", a bot check or a redirect notice, or a bare Facebook footer: fewer than
``MIN_REPORT_WORDS`` words remain once page chrome is blanked
(``extract.lang.ar_normalise.fold``). No reader could code them; they are left out of
every metric and counted in the details row ``pages with no report text``.

Scoring. A source cites one or more incidents; a source scores a hit on a metric when the
prediction matches ANY of its incidents that has the gold field; the source is counted
in a metric's denominator when at least one of its incidents has that field:

* ``found_rate``: sources with at least one mention / all sources.
* ``loc_5km`` / ``loc_25km``: haversine distance from the predicted place to the
  incident's coordinates <= 5 / 25 km, over sources whose incident has coordinates AND
  whose text names the incident's place: the normalised text contains the incident's
  Arabic place name (its first part before a comma or "في", with or without the
  article ال) or its English name. No place predicted is a miss.
* ``governorate_acc``: the predicted place's (country, admin1 name) equals the incident's
  governorate (``المنطقة — عربي`` looked up in the gazetteer), over sources whose
  incident's governorate resolves.
* ``date_exact`` / ``date_1day``: the predicted event date equals / is within one day
  of the incident's date, over incidents with a date.
* ``belligerent_acc``: the predicted belligerents overlap the incident's (``Unknown``
  left out), over incidents with a belligerent.
* ``strike_type_acc``: the first mention's sub-event type mapped by ``STRIKE_TYPES``
  is one the incident's strike types accept ("Drone Strike" and "Airstrike" accept an
  air/drone strike; "Counter-Terrorism Action (Ground)" a ground operation; "Naval
  bombardment" shelling), over incidents with a strike type.
* ``killed_overlap`` / ``injured_overlap``: the predicted range and the incident's
  civilians-killed (injured) min-max range overlap, over incidents with that range. A
  source with no figure predicted scores a hit only when the gold range includes 0.

The printed table gives every figure split by source type (Facebook, X, news, NGO,
other) and by language (ar, en, other), and ``date_1day`` split in two: the sources with
a date (the record, the address or the page gives one, or the event's date writes its
year) and the sources with none, whose relative dates ("أمس", "last Tuesday") could only
be read against the ingest day: no reader could date them from the text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from warlog.eval import EvalResult, extract_text, register
from warlog.eval.airwars_gaza import STRIKE_TYPES, figure_range
from warlog.eval.airwars_syria_data import AirwarsCase, AirwarsSource, load_cases, load_sources
from warlog.eval.metrics import haversine_km
from warlog.extract.lang.ar_dateline import WRITTEN_YEAR, full_date, platform_date
from warlog.gazetteer import Gazetteer, name_key
from warlog.ingest.url_dates import url_date
from warlog.model import ActorRef, Mention
from warlog.registry import Registry

METRICS = ["found_rate", "loc_5km", "loc_25km", "governorate_acc", "date_exact", "date_1day",
           "belligerent_acc", "strike_type_acc", "killed_overlap", "injured_overlap"]

# details only: date_1day over the sources whose record, address or page gives a date,
# or whose event date writes its year: the rest (most Facebook copies) carry none, and a
# relative date ("أمس") read against the ingest day cannot be right
EXTRA = ["date_1day_dated", "date_1day_undated"]
# Airwars belligerent names by the country of a state actor
_STATE_BELLIGERENT = {
    "RU": "Russian Military", "TR": "Turkish Military", "IL": "Israeli Military",
    "IR": "Iranian Military", "JO": "Jordanian Military", "US": "U.S.-led Coalition",
    "FR": "U.S.-led Coalition", "GB": "UK Military", "SY": "Syrian Regime",
}
# The SDF is led by the YPG, and Airwars names the two as one belligerent ("YPG")
_KURDISH = {"ypg": {"YPG"}, "ypj": {"YPG"}, "sdf": {"YPG", "Syrian Democratic Forces"},
            "asayish_rojava": {"YPG"}}
# Airwars strike type -> the warlog strike types (airwars_gaza.STRIKE_TYPES) it accepts
_GOLD_STRIKE = {
    "Airstrike": {"Airstrike"}, "Drone Strike": {"Airstrike"}, "Artillery": {"Artillery"},
    "Naval bombardment": {"Artillery"}, "Ground operation": {"Ground operation"},
    "Counter-Terrorism Action (Ground)": {"Ground operation"},
}
# Fewer words than this once chrome is blanked is no report (a login wall: "Log in to see
# more", an age gate). Chosen by reading the shortest texts of the development half:
# the shortest real posts ("قصف مدفعي على أطراف بلدة ...") have 6+ words.
MIN_REPORT_WORDS = 6
SOURCE_TYPES = {"public_facebook_post": "Facebook", "public_x_post": "X",
                "news_article": "news", "ngo_report": "NGO"}


@dataclass
class Prediction:
    found: bool = False
    lat: float | None = None
    lon: float | None = None
    region: tuple[str, str] | None = None     # (ISO2, admin1 name's match key)
    date: date | None = None
    dated: bool = False      # the date is anchored: the text writes its year, or the
                             # record, address or page gives a date (not the ingest day)
    belligerents: set[str] = field(default_factory=set)
    strike_type: str = ""
    killed: tuple[int, int] | None = None
    injured: tuple[int, int] | None = None


def belligerents_of(actor: ActorRef, registry: Registry) -> set[str]:
    """Airwars' belligerent names for one warlog actor (empty when it has none)."""
    if actor.actor_id in _KURDISH:
        return set(_KURDISH[actor.actor_id])
    if actor.actor_id == "global_coalition":
        return {"U.S.-led Coalition"}
    record = registry.get(actor.actor_id) if actor.actor_id else None
    if record is not None and "sna" in (record.id, getattr(record, "parent", "")):
        return {"Turkish Military"}
    if actor.inter in (1, 8) and actor.country in _STATE_BELLIGERENT:
        names = {_STATE_BELLIGERENT[actor.country]}
        if actor.country == "SY":
            names.add("Russian Military")
        return names
    return set()


def predict(mentions: list[Mention] | None, registry: Registry) -> Prediction:
    pred = Prediction()
    if not mentions:
        return pred
    pred.found = True
    first = lead_mention(mentions)
    if first.place and first.place.latitude is not None:
        pred.lat, pred.lon = first.place.latitude, first.place.longitude
        pred.region = ((first.place.iso, name_key(first.place.admin1))
                       if first.place.admin1 else None)
    pred.date = first.date.event_date
    pred.strike_type = STRIKE_TYPES.get(first.sub_event_type, "")
    for m in mentions:
        for actor in [m.actor1, *m.assoc_actor_1]:
            if actor is not None:
                pred.belligerents |= belligerents_of(actor, registry)
    pred.killed = figure_range(mentions, "killed")
    pred.injured = figure_range(mentions, "injured")
    return pred


# -- gold ----------------------------------------------------------------------------
_PLACE_SPLIT = re.compile(r"[,،(]| في | قرب | بين ")


def place_names(case: AirwarsCase) -> list[str]:
    """Match keys of the incident's place as a text would name it."""
    keys = []
    for name in (case.place_ar, case.place_en):
        head = _PLACE_SPLIT.split(f" {name} ")[0].strip()
        key = name_key(head)
        if len(key) >= 3:
            keys.append(key)
            if key.startswith("ال") and len(key) > 4:
                keys.append(key[2:])
    return keys


def names_place(text_key: str, case: AirwarsCase) -> bool:
    return any(k in text_key for k in place_names(case))


def gold_region(case: AirwarsCase, gaz: Gazetteer) -> tuple[str, str] | None:
    for name in (case.region_ar, case.region_en):
        if not name:
            continue
        places = gaz.lookup(name)
        admin = [p for p in places if p.feature == "admin1"] or places
        if admin:
            place = admin[0]
            name = place.name if place.feature == "admin1" else gaz.admin1_name(place)
            if name:
                return place.iso, name_key(name)
    return None


def _strike_ok(pred: str, case: AirwarsCase) -> bool:
    return any(pred in _GOLD_STRIKE.get(t, {t}) for t in case.strike_types)


def _overlaps(pred: tuple[int, int] | None, case: AirwarsCase, kind: str) -> bool:
    gold = case.count("civilians", kind)
    low, high = pred if pred is not None else (0, 0)
    return gold is not None and gold.overlaps(low, high)


def score_source(source: AirwarsSource, cases: list[AirwarsCase], pred: Prediction,
                 gaz: Gazetteer) -> dict[str, bool]:
    """Each metric this source counts in, and whether it is a hit."""
    out: dict[str, bool] = {"found_rate": pred.found}
    text_key = name_key(source.text)
    located = [c for c in cases if c.latitude is not None and c.longitude is not None
               and names_place(text_key, c)]
    if located:
        km = [haversine_km(c.latitude, c.longitude, pred.lat, pred.lon) for c in located
              ] if pred.lat is not None else []
        out["loc_5km"] = any(k <= 5 for k in km)
        out["loc_25km"] = any(k <= 25 for k in km)
    regions = [r for r in (gold_region(c, gaz) for c in cases) if r]
    if regions:
        out["governorate_acc"] = pred.region in regions
    dated = [c.event_date for c in cases if c.event_date]
    if dated:
        out["date_exact"] = pred.date in dated
        out["date_1day"] = pred.date is not None and any(abs((pred.date - d).days) <= 1
                                                         for d in dated)
        # details rows: how good the dates are where the source gives one, and where not
        out["date_1day_dated" if pred.dated else "date_1day_undated"] = out["date_1day"]
    gold_bell = {b for c in cases for b in c.belligerents if b != "Unknown"}
    if gold_bell:
        out["belligerent_acc"] = bool(pred.belligerents & gold_bell)
    typed = [c for c in cases if c.strike_types]
    if typed:
        out["strike_type_acc"] = any(_strike_ok(pred.strike_type, c) for c in typed)
    for kind in ("killed", "injured"):
        counted = [c for c in cases if c.count("civilians", kind) is not None]
        if counted:
            out[f"{kind}_overlap"] = any(_overlaps(getattr(pred, kind), c, kind)
                                         for c in counted)
    return out


def source_group(source: AirwarsSource) -> str:
    return SOURCE_TYPES.get(source.source_type, "other")


def language_group(source: AirwarsSource) -> str:
    return source.language if source.language in ("ar", "en") else "other"


def aggregate(rows: list[dict[str, bool]]) -> tuple[dict[str, float], Counter[str]]:
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    for row in rows:
        for name, ok in row.items():
            totals[name] += 1
            hits[name] += ok
    return {n: hits[n] / totals[n] if totals[n] else 0.0 for n in [*METRICS, *EXTRA]}, totals


def _split_rows(label: str, keys: list[str], rows: list[dict[str, bool]]
                ) -> list[tuple[str, str]]:
    out = []
    for group in sorted(set(keys), key=lambda g: -keys.count(g)):
        metrics, totals = aggregate([r for k, r in zip(keys, rows, strict=True) if k == group])
        cells = " ".join(f"{n.replace('_acc', '').replace('_rate', '')} {metrics[n]:.2f}"
                         f"/{totals[n]}" for n in METRICS)
        out.append((f"{label} {group} ({keys.count(group)})", cells))
    return out


def has_report(text: str) -> bool:
    from warlog.extract.lang.ar_normalise import fold

    return len(re.findall(r"[^\W\d_]{2,}", fold(text)[0])) >= MIN_REPORT_WORDS


def split_reports(sources: list[AirwarsSource]) -> tuple[list[AirwarsSource], list[AirwarsSource]]:
    """The sources whose page holds a report, and those with none (walls, see above)."""
    reports: list[AirwarsSource] = []
    walls: list[AirwarsSource] = []
    for s in sources:
        (reports if has_report(document_text(s)) else walls).append(s)
    return reports, walls


def document_text(source: AirwarsSource) -> str:
    """The page as a reader sees it: the page title first when the text does not hold it
    (a copied Facebook page often keeps the post only in its title)."""
    title = source.title.strip()
    if title and name_key(title[:60]) not in name_key(source.text):
        return f"{title}\n\n{source.text}"
    return source.text


def lead_mention(mentions: list[Mention]) -> Mention:
    """The event a source is scored by: its first placed one, else its first."""
    return next((m for m in mentions if m.place), mentions[0])


def gives_date(source: AirwarsSource, text: str, mentions: list[Mention] | None) -> bool:
    """Whether the record, the address (an X status id, a date in the path) or the page (a
    post's stamp, a dateline) gives the source a date, or its event's date writes its
    year: else a relative date ("أمس") can only be read against the day the page is read."""
    if mentions:
        span = lead_mention(mentions).date.span
        if span is not None and WRITTEN_YEAR.search(span.text):
            return True
    return bool(published_of(source) or url_date(source.url)) or (
        full_date(text) or platform_date(text)) is not None


def published_of(source: AirwarsSource):
    """The record's publication date: parsed by the reader, else as written ("1 مارس
    2026"), which ingest reads; None when the record has none. A date written out yields
    to the stamp X or Facebook put on the copied post (development half: of the 59
    written dates that disagree with the post's stamp, the stamp is within a day of the
    incident in 58, the written date in 39; 19 are a year off)."""
    if source.published:
        return source.published.date()
    if source.published_text:
        return platform_date(document_text(source)) or source.published_text
    return None


def language_of(source: AirwarsSource) -> str | None:
    return source.language if source.language in ("ar", "en") else None


@register("airwars-syria")
def evaluate(path: Path, limit: int | None = None) -> EvalResult:
    from warlog.extract.pipeline import Extractor
    from warlog.runner import Feedback

    path = Path(path)
    cases = load_cases(path)
    sources = load_sources(path, limit)
    extractor = Extractor()
    rows: list[dict[str, bool]] = []
    sources, empty = split_reports(sources)
    with Feedback().bar("airwars-syria", len(sources)) as advance:
        for source in sources:
            cited = [cases[i] for i in source.incident_ids if i in cases]
            text, published = document_text(source), published_of(source)
            mentions = extract_text(extractor, text, f"airwars-syria#{source.source_id}",
                                    published, language_of(source), source.url)
            pred = predict(mentions, extractor.registry)
            pred.dated = gives_date(source, text, mentions)
            rows.append(score_source(source, cited, pred, extractor.gazetteer))
            advance()
    metrics, totals = aggregate(rows)
    details = [(f"{n} n", str(totals[n])) for n in METRICS]
    for key, label in (("date_1day_dated", "sources with a date"),
                       ("date_1day_undated", "sources with none")):
        details.append((f"date_1day, {label} (n)", f"{metrics.pop(key):.3f} ({totals[key]})"))
    details.append(("pages with no report text (left out)", str(len(empty))))
    details += _split_rows("source", [source_group(s) for s in sources], rows)
    details += _split_rows("language", [language_group(s) for s in sources], rows)
    return EvalResult(set="airwars-syria", n=len(sources), gazetteer=extractor.gazetteer.source,
                      metrics=metrics, details=details)
