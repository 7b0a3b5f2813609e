"""Mentions to incidents: every report of one event, in any language, becomes one record.

How two reports are judged to tell one event: by place, date, event type, actors,
casualty figures, near-copied text, and the names they share (the words of the two texts
with the words every strike report uses left out, so a village or a family named in an
Arabic post and in another outlet's story ties them even when the gazetteer read their
places apart):

1. **Blocking.** A mention is compared only with mentions of nearby places (a grid of
   cells, widened by how precise each place is) on nearby days (widened by how precise
   each date is); a governorate-level or month-level mention is compared within its
   governorate and month; any mention with the reports that write its place's name, an
   undated one with its place's most recent reports, a dated one with the day's reports
   that share sampled words of its text, and a date written without a year with the
   governorate's full dates of its day of the year (and the other way round). The cost
   per mention stays flat as the ledger grows.
2. **Scoring.** Each candidate pair gets features (distance, date gap, event type,
   actors, casualties, same sentence, near-copy, shared words) and a score, a sum of
   the evidence the features give (``score``). A mention joins the incident of its best-scoring candidate
   when the score reaches ``MERGE_THRESHOLD``; otherwise it opens a new incident. The
   features and score are stored with the link, so an analyst sees why.
3. **Linkage.** An incident's reports dated to the day stay within ``INCIDENT_SPAN_DAYS``
   of each other (a mention that would stretch it joins its next-best incident or opens
   one), so strikes on one town day after day do not chain into one incident; and a
   mention that scores ``BRIDGE_THRESHOLD`` with members of two incidents makes them one
   (the link records the other incident's mention, ``bridged_mentions``), never two
   incidents already in the store nor a locked one. A mention with
   no usable date that two incidents match alike has no reason to choose: it opens one.
4. **Incremental.** Mentions already in an incident stay there; a rerun only places
   mentions that are in no incident yet (new reports, re-extracted ones), attaching them
   to existing incidents or opening new ones. Locked incidents take no new reports and
   analyst-made links are never moved (``merge_incidents``, ``split_mention``,
   ``lock_incident``).

Deterministic: mentions are placed in (date, document, mention id) order, and ties in
score go to the older incident.
"""

from __future__ import annotations

import functools
import hashlib
import math
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from warlog import dedup, grade
from warlog.extract.lang.ar_dateline import WRITTEN_YEAR, full_date, matching_form, publication_date
from warlog.model import ActorRef, Document, Incident, Mention, PlaceRef, Span

# Reports of one event type it differently (a strike that killed civilians is an air
# strike to one outlet and an attack on civilians to another); types of one family may
# join, with less credit than the same type.
FAMILY = {
    "Battles": "violence",
    "Explosions/Remote violence": "violence",
    "Violence against civilians": "violence",
    "Protests": "demonstration",
    "Riots": "demonstration",
    # a strike report read as a strategic development (a raid or a shelling told without
    # a violent verb the extractor knows) still tells the strike: on the Airwars Syria
    # archive, 258 of the gold pairs left apart differed only so; joining them raised
    # bcubed F1 0.446 -> 0.455 (precision 0.809 -> 0.801)
    "Strategic developments": "violence",
}
# Days two dates may differ, by ACLED time_precision (1 day, 2 week, 3 month): a night
# strike is dated the next morning by some outlets.
DATE_SLACK_DAYS = {1: 1, 2: 7, 3: 31}
# Kilometres a place may be from the event, by ACLED geo_precision: 1 the town itself
# (a town's sprawl and its GeoNames point), 2 near a town or part of a region.
PLACE_SLACK_KM = {1: 10.0, 2: 50.0}
# A dated report is filed by its day and each of the words of its sketch with the smallest
# hashes (dedup.vocabulary: a random sample of its words), so reports of one day sharing
# words meet without comparing all of a day's reports.
# Tuned constants of this module: `warlog eval airwars-syria-groups` on the Airwars Syria
# development half, with the extraction of 2026-11-27 noon (bcubed F1 0.487, precision
# 0.823, with the values chosen), changing one value at a time.
TEXT_KEYS = 16  # 8 keys: bcubed F1 0.481; all 48: 0.487 (precision 0.817)
# A report is scored only when it shares two of the sampled words (one may be chance),
# which bounds the cost of the word keys: one shared word gave the same bcubed F1 (0.487,
# precision 0.816) while grouping 10k synthetic mentions (`bench_group.run`) took 3.2 s
# CPU instead of 2.1 s. (Every report filed under a word is
# counted, however many: leaving out crowded words made grouping depend on the order
# reports arrive in, tests/test_watch_restart.py.)
TEXT_KEY_HITS = 2
_CELL_DEG = 0.5  # blocking grid: about 55 km, wider than the slack of a precise place
MERGE_THRESHOLD = 0.6  # chosen on the demo corpus and the Airwars Syria dev half (docs/accuracy.md)
# At most this many earlier mentions are scored per new one (the most recent first), so
# a crowded governorate-month cannot make grouping quadratic.
MAX_CANDIDATES = 400
# Days an incident's reports dated to the day may span, first to last: a report that
# matches one member may still not join when the incident would grow longer (a town struck
# on four days running is not one strike told late). Dev half, with every other rule and
# constant as chosen: 1 day bcubed F1 0.501 (precision 0.813, pairwise F1 0.289), 2 days
# 0.501 (0.807, pairwise 0.260), no limit 0.508 (0.770, pairwise 0.206: before these rules
# one incident gathered 131 sources of 24 strikes on Idlib over ten days); 1 was chosen
# for precision and pairwise F1.
INCIDENT_SPAN_DAYS = 1
# A report scoring this high with members of two incidents makes them one (see
# ``Grouper.add``). Dev half: 0.6 bcubed F1 0.496 (precision 0.766), 0.7 0.501 (0.813),
# 0.8 0.498 (0.828), without the rule 0.493 (0.844).
BRIDGE_THRESHOLD = 0.7
# A day and month written without a year against a full date (``features``): compared by
# day of the year, and found by region and day of the year (``_day_of_year_key``). Dev
# half: without it bcubed F1 0.490 (precision 0.802), with it 0.501 (0.812-0.816) for a
# penalty of 0, -0.1 or -0.2; -0.1 was taken from the flat middle.
YEAR_UNKNOWN_PENALTY = -0.1


# -- what linking needs of a mention ------------------------------------------------
@dataclass(slots=True)
class LinkItem:
    """A mention reduced to the fields grouping compares (cheap to hold by the million)."""

    mention_id: str
    document_id: str
    event_type: str
    sub_event_type: str
    day: int | None  # date ordinal; None when the report gives no usable date
    dated: bool  # True: a real date; False: day and month read without a year
    date_slack: int
    latitude: float | None = None
    longitude: float | None = None
    place_slack_km: float | None = None  # None: a region/country-level place
    iso: str = ""
    admin1: str = ""
    geonameid: int | None = None
    population: int = 0
    actors: frozenset[str] = frozenset()
    killed: tuple[int, int] | None = None
    fingerprint: dedup.Signature = ()
    sentences: tuple[tuple[int, int], ...] = ()
    # the place as the report writes it (folded, article dropped): two reports naming one
    # village are compared even when the gazetteer read the name as two places
    place_name: str = ""
    # every place the report's events are set in, as written: shared words tie two reports
    # whose places disagree only when they also name one place (see ``features``)
    place_names: frozenset[str] = frozenset()
    vocabulary: dedup.Signature = ()  # the report's words (dedup.vocabulary)


@functools.lru_cache(maxsize=4096)
def _page_date(text: str) -> date | None:
    """The date the page itself carries (a copied post's timestamp, a full date in its
    dateline), as extraction read relative dates against it; a weekday alone ("last
    Wednesday") was read against the ingest day and does not count."""
    page = publication_date(text)
    if page is None:
        return None
    norm = matching_form(text)
    return page if full_date(norm) == page or "·" in norm else None


def _usable_date(m: Mention, doc: Document | None) -> tuple[int | None, bool]:
    """(ordinal, dated). Without a publication date, a relative date ("today") was read
    against the page's own date when it has one, else against the ingest day and says
    nothing; a date written without a year says the day and month only, so it is
    compared only with other such dates."""
    if doc is not None and doc.published is not None:
        return m.date.event_date.toordinal(), True
    span = m.date.span
    if doc is not None and (span is None or not any(ch.isdigit() for ch in span.text)) \
            and _page_date(doc.text) is not None:
        return m.date.event_date.toordinal(), True
    if span is None:
        return None, False
    if WRITTEN_YEAR.search(span.text):
        return m.date.event_date.toordinal(), True
    if any(ch.isdigit() for ch in span.text):
        return m.date.event_date.toordinal(), False
    return None, False


def place_name(m: Mention) -> str:
    """The place's name as the report writes it, folded for matching ("" when none)."""
    if m.place is None or m.place.span is None:
        return ""
    from warlog.gazetteer import key_variants, name_key

    return key_variants(name_key(m.place.span.text.lstrip("#")))[-1]  # article dropped


def vocabulary(text: str) -> dedup.Signature:
    """The report's words, without the page chrome of a copied post (dedup.vocabulary)."""
    from warlog.extract.lang.ar_normalise import fold

    return dedup.vocabulary(fold(text)[0])


def link_item(m: Mention, doc: Document | None, fingerprint: dedup.Signature = (),
              words: dedup.Signature = (), place_names: frozenset[str] = frozenset()) -> LinkItem:
    day, dated = _usable_date(m, doc)
    place = m.place
    killed = m.figure("killed") or m.figure("killed", "civilians")
    actors = frozenset(a.actor_id or a.name for a in (m.actor1, m.actor2, *m.assoc_actor_1)
                       if a is not None)
    item = LinkItem(
        mention_id=m.id, document_id=m.document_id, event_type=m.event_type,
        sub_event_type=m.sub_event_type, day=day, dated=dated,
        date_slack=DATE_SLACK_DAYS.get(m.date.time_precision, 31), actors=actors,
        killed=killed, fingerprint=fingerprint,
        sentences=tuple((s.start, s.end) for s in m.sentences),
        place_name=place_name(m), place_names=place_names, vocabulary=words,
    )
    if place is not None:
        item.iso, item.admin1, item.geonameid = place.iso, place.admin1, place.geonameid
        item.population = place.population
        precise = place.feature == "city" and place.geo_precision in PLACE_SLACK_KM
        if precise and place.latitude is not None and place.longitude is not None:
            item.latitude, item.longitude = place.latitude, place.longitude
            item.place_slack_km = PLACE_SLACK_KM[place.geo_precision]
    return item


def link_items(mentions: Iterable[Mention], docs: dict[str, Document],
               fingerprints: dict[str, dedup.Signature]) -> dict[str, LinkItem]:
    """Each mention's ``LinkItem``, with its report's fingerprint, words and places."""
    mentions = list(mentions)
    names: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if name := place_name(m):
            names[m.document_id].add(name)
    words = {d: vocabulary(docs[d].text) for d in {m.document_id for m in mentions} if d in docs}
    return {m.id: link_item(m, docs.get(m.document_id), fingerprints.get(m.document_id, ()),
                            words.get(m.document_id, ()), frozenset(names[m.document_id]))
            for m in mentions}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def _km(a: LinkItem, b: LinkItem) -> float:
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[arg-type]


def _placed(a: LinkItem) -> bool:
    return bool(a.iso)


def _same_sentence(a: LinkItem, b: LinkItem) -> bool:
    return a.document_id == b.document_id and any(
        s1 < e2 and s2 < e1 for s1, e1 in a.sentences for s2, e2 in b.sentences)


def _day_of_year_key(item: LinkItem, dated: bool, day: int) -> tuple:
    when = date.fromordinal(day)
    return ("y", dated, item.iso, item.admin1, when.month, when.day)


def _days_apart_in_year(a: int, b: int) -> int:
    """Days between two dates' days of the year, around the new year (a date read
    without a year was given one by the reader)."""
    da, db = date.fromordinal(a), date.fromordinal(b)
    try:
        gap = abs((da.replace(year=db.year) - db).days)
    except ValueError:  # 29 February
        gap = abs((da.replace(year=db.year, day=28) - db).days)
    return min(gap, 365 - gap) if gap > 182 else gap


def features(a: LinkItem, b: LinkItem) -> dict[str, object] | None:
    """Why a and b may tell one event, or None when they cannot (blocked)."""
    f: dict[str, object] = {}
    if a.document_id == b.document_id:
        f["same_document"] = True
        if _same_sentence(a, b):
            f["same_sentence"] = True
    elif a.fingerprint and b.fingerprint and dedup.near_copies(a.fingerprint, b.fingerprint):
        f["near_copy"] = True
    strong = "same_sentence" in f or "near_copy" in f
    # event type
    if a.event_type == b.event_type:
        f["event_type"] = "same sub-type" if a.sub_event_type == b.sub_event_type else "same"
    elif FAMILY.get(a.event_type) == FAMILY.get(b.event_type):
        f["event_type"] = "same family"
    elif not strong:
        return None
    # date
    if a.day is not None and b.day is not None and a.dated == b.dated:
        gap = abs(a.day - b.day)
        window = max(a.date_slack, b.date_slack)
        # a near-copy dated weeks apart is an outlet's template reused for a new event
        if gap > window and "same_sentence" not in f:
            return None
        f["date_gap_days"] = gap
        f["date_window_days"] = window
    elif a.day is not None and b.day is not None:
        # a day and month written without a year against a full date: the same day of
        # the year is evidence, another day says another event
        gap = _days_apart_in_year(a.day, b.day)
        window = max(a.date_slack, b.date_slack)
        if gap > window and not strong:
            return None
        f["date_gap_days"] = gap
        f["date_window_days"] = window
        f["year_unknown"] = True
    elif not strong and "same_document" not in f:
        # a city of a million hosts many strikes a week; a village names one more surely
        f["date_unknown"] = "city" if max(a.population, b.population) >= CITY_POPULATION else "town"
    # words: reports of one strike name the same village, family, weapon
    if "near_copy" not in f and "same_document" not in f:
        overlap = dedup.vocabulary_similarity(a.vocabulary, b.vocabulary)
        if overlap >= TEXT_OVERLAP["some"]:
            f["text_overlap"] = round(overlap, 2)
    # place: the gazetteer's reading, else the name as written; places that disagree
    # block the pair unless its text ties it. Shared words tie them (a village the
    # gazetteer took for its namesake far away, a report placed at the next town) unless
    # the two texts are one wording naming two places: an outlet's template
    # (tests/test_scale_cluster.py, test_watch_restart.py); a copied post would name the
    # same place.
    template = (_placed(a) and _placed(b) and not a.place_names & b.place_names
                and float(f.get("text_overlap", 0.0)) >= TEMPLATE_OVERLAP)  # type: ignore[arg-type]
    tied = strong or ("text_overlap" in f and not template)
    same_name = bool(a.place_name) and a.place_name == b.place_name
    if _placed(a) and _placed(b):
        if a.geonameid is not None and a.geonameid == b.geonameid:
            f["place"] = "same place"
        elif a.iso != b.iso:
            if same_name:
                f["place"] = "same name"
            elif not tied:
                return None
        elif a.place_slack_km is not None and b.place_slack_km is not None:
            km = _km(a, b)
            window_km = max(a.place_slack_km, b.place_slack_km)
            f["distance_km"] = round(km, 1)
            f["distance_window_km"] = window_km
            if km <= window_km:
                f["place"] = "near"
            elif same_name:
                f["place"] = "same name"
            elif tied:
                f["place"] = "far"
            else:
                return None
        elif a.admin1 == b.admin1 or not a.admin1 or not b.admin1:
            f["place"] = "same region"
        elif same_name:
            f["place"] = "same name"
        elif not tied:
            return None
    elif same_name:
        f["place"] = "same name"
    elif not tied and "same_document" not in f:
        return None  # a report with no place joins others only by its own text
    if a.actors and b.actors:
        f["actors_shared"] = len(a.actors & b.actors)
    if a.killed and b.killed:
        lo, hi = max(a.killed[0], b.killed[0]), min(a.killed[1], b.killed[1])
        top, bottom = max(a.killed[0], b.killed[0]), max(1, min(a.killed[0], b.killed[0]))
        f["killed_agree"] = lo <= hi or top / bottom <= 1.5
    f["score"] = score(f)
    return f


# Evidence each feature gives (summed, capped at 1). The weights put a precise place and
# date (0.4 + 0.3) above the threshold with any event type of the family, a region-level
# place only with the same date and sub-type, and a near-copy or one sentence above it
# alone; chosen on the demo corpus and the Airwars Syria dev half (docs/accuracy.md).
WEIGHTS = {
    "same place": 0.4, "near": 0.3, "same region": 0.15,
    "same day": 0.3, "within slack": 0.2, "within window": 0.1,
    "same sub-type": 0.2, "same": 0.15, "same family": 0.05,
    "actors_shared": 0.1, "killed_agree": 0.1, "killed_disagree": -0.1,
    "near_copy": 0.6, "same_sentence": 0.6, "same_document": 0.1,
    "same name": 0.3,
}
# Estimated Jaccard similarity of two reports' word sets (dedup.vocabulary, common words
# left out) and the evidence it gives: "some" also lets a pair whose places disagree be
# scored. some/much 0.12/0.25 gave bcubed F1 0.479 (precision 0.839), 0.1/0.2 0.487
# (0.823), 0.08/0.2 0.494 (0.805); the one that kept precision at the grouping's before
# shared words (0.823) was chosen.
TEXT_OVERLAP = {"some": 0.1, "much": 0.2}
TEXT_OVERLAP_WEIGHT = {"some": 0.15, "much": 0.3}
# No usable date on one side: place and type alone do not tell two strikes on one place
# apart (undated reports are compared with every recent report of their place), so shared
# words or agreeing actors or figures must add to them; a small town is surer. Before the
# span and bridging rules: town 0 / city -0.15 gave bcubed F1 0.487 but precision 0.690;
# town -0.2 / city -0.3 0.487 (0.823); -0.25 / -0.35 0.482 (0.845). With them and
# UNDATED_MARGIN (city -0.3): town -0.2 0.496 (0.833), -0.15 0.497 (0.826), -0.1 0.501
# (0.813), -0.05 0.501 (0.803); city -0.25 with town -0.1 0.502 (0.807). Town -0.1 /
# city -0.3 was chosen: the last step that gave bcubed F1 more than precision lost.
DATE_UNKNOWN_PENALTY = {"city": -0.3, "town": -0.1}
# A report with no usable date whose best incident scores within this of another's has
# no reason to choose (the two are strikes on its place on other days): it stays alone.
# Dev half, town penalty -0.1: 0 (the older incident wins) bcubed F1 0.502 (precision
# 0.783), 0.05 (ties only) 0.501 (0.813), 0.1 0.498 (0.826); ties only keeps precision
# for 0.001 of F1.
UNDATED_MARGIN = 0.05
CITY_POPULATION = 100_000
# Two texts this alike (TEXT_OVERLAP's measure) that name different places are one template.
# Keeping such pairs apart costs nothing on the dev half (bcubed F1 0.487 with 0.5, with
# 0.35 and with no such rule); the template tests' reports share 0.78-0.88, and without
# the rule they merge (tests/test_watch_restart.py, test_group_words.py).
TEMPLATE_OVERLAP = 0.5


def score(f: dict[str, object]) -> float:
    s = 0.0
    place = f.get("place")
    if place in WEIGHTS:
        s += WEIGHTS[place]  # type: ignore[index]
        if place == "near":  # closer is better within the slack
            s += 0.1 * (1 - float(f["distance_km"]) / float(f["distance_window_km"]))  # type: ignore[arg-type]
    if "date_gap_days" in f:
        gap = int(f["date_gap_days"])  # type: ignore[arg-type]
        s += WEIGHTS["same day"] if gap == 0 else (
            WEIGHTS["within slack"] if gap <= 1 else WEIGHTS["within window"])
    s += WEIGHTS.get(str(f.get("event_type")), 0.0)
    if f.get("actors_shared"):
        s += WEIGHTS["actors_shared"]
    if "killed_agree" in f:
        s += WEIGHTS["killed_agree"] if f["killed_agree"] else WEIGHTS["killed_disagree"]
    for flag in ("near_copy", "same_sentence", "same_document"):
        if f.get(flag):
            s += WEIGHTS[flag]
    if "year_unknown" in f:
        s += YEAR_UNKNOWN_PENALTY
    if "date_unknown" in f:
        s += DATE_UNKNOWN_PENALTY[str(f["date_unknown"])]
    if "text_overlap" in f:
        overlap = float(f["text_overlap"])  # type: ignore[arg-type]
        s += TEXT_OVERLAP_WEIGHT["much" if overlap >= TEXT_OVERLAP["much"] else "some"]
    return round(min(1.0, max(0.0, s)), 3)


# -- the grouper: blocking index and the placement of each mention --------------------
@dataclass
class Link:
    incident: int  # the grouper's key of the incident the mention joined
    score: float
    features: dict[str, object]


@dataclass
class _Cluster:
    members: list[LinkItem] = field(default_factory=list)
    locked: bool = False
    last_day: int = 0
    # the first and last day its reports dated to the day give (None: none yet)
    span: tuple[int, int] | None = None  # see DaySpan
    stored: bool = False  # an incident of the store before this run


class Grouper:
    """Places mentions one at a time; compares each only with its block's mentions."""

    def __init__(self, threshold: float = MERGE_THRESHOLD):
        self.threshold = threshold
        self.clusters: dict[int, _Cluster] = {}
        self._next = 0
        # blocking keys -> (cluster key, item), most recent last
        self._index: dict[tuple, list[tuple[int, LinkItem]]] = defaultdict(list)
        self._by_document: dict[str, list[tuple[int, LinkItem]]] = defaultdict(list)
        self._copies = dedup.CopyIndex()
        self._copy_items: dict[str, list[tuple[int, LinkItem]]] = defaultdict(list)
        # which kinds of key were ever filed ("d"/"w" by day or week, "?" undated, "rc",
        # "yearless" a date without a year):
        # searching only those keeps the lookups per mention few
        self._filed: set[str] = set()
        self._merged_into: dict[int, int] = {}

    # keys ---------------------------------------------------------------------------
    @staticmethod
    def _cells(item: LinkItem) -> list[tuple[int, int]]:
        lat, lon, km = item.latitude, item.longitude, item.place_slack_km
        if lat is None or lon is None or km is None:
            return []
        dlat = km / 111.0
        dlon = km / (111.0 * max(0.2, math.cos(math.radians(lat))))
        ys = range(math.floor((lat - dlat) / _CELL_DEG), math.floor((lat + dlat) / _CELL_DEG) + 1)
        xs = range(math.floor((lon - dlon) / _CELL_DEG), math.floor((lon + dlon) / _CELL_DEG) + 1)
        return [(y, x) for y in ys for x in xs]

    @staticmethod
    def _home(item: LinkItem) -> tuple[int, int] | None:
        if item.latitude is None or item.longitude is None:
            return None
        return (math.floor(item.latitude / _CELL_DEG), math.floor(item.longitude / _CELL_DEG))

    @staticmethod
    def _coarse(item: LinkItem) -> bool:
        return item.place_slack_km is None or item.date_slack > 7

    def _keys_to_store(self, item: LinkItem) -> list[tuple]:
        """Every placed mention is filed by governorate and month (for coarse mentions to
        find); a coarse one also in the coarse file, a precise one by grid cell and day or
        week. Beside the map: by the place's name as written and its GeoNames id, whatever
        the date (for undated reports to find), and a dated report with words by its day
        (for reports whose places disagree but whose words and date agree)."""
        keys: list[tuple] = []
        when = item.day if item.day is not None else "?"
        if _placed(item):
            month = when if when == "?" else when // 31
            keys.append(("r", item.iso, item.admin1, item.dated, month))
            if self._coarse(item):
                keys.append(("rc", item.iso, item.admin1, item.dated, month))
            else:
                span = "d" if item.date_slack <= 1 else "w"
                bucket = when if when == "?" or span == "d" else when // 7
                keys.append(("c", item.iso, self._home(item), item.dated, span, bucket))
            if item.geonameid is not None:
                keys.append(("g", item.geonameid))
        if item.place_name:
            keys.append(("n", item.place_name))
        if item.day is not None:
            keys += [("t", item.dated, item.day, h) for h in item.vocabulary[:TEXT_KEYS]]
        if _day_of_year_keyed(item):
            keys.append(_day_of_year_key(item, item.dated, item.day))
        return keys

    def _keys_to_search(self, item: LinkItem) -> list[tuple]:
        keys = self._map_keys_to_search(item) if _placed(item) else []
        if item.day is None or not item.dated:
            # no date to block on: the place's most recent reports, by id and by name
            if item.geonameid is not None:
                keys.append(("g", item.geonameid))
        if item.place_name:
            keys.append(("n", item.place_name))
        if _day_of_year_keyed(item) and (not item.dated or "yearless" in self._filed):
            # dates with a year and dates without one meet by region and day of the year
            keys += [_day_of_year_key(item, not item.dated, d)
                     for d in range(item.day - 1, item.day + 2)]
        if item.day is not None and item.vocabulary:
            near = max(1, min(item.date_slack, 7))
            keys += [("t", item.dated, d, h) for d in range(item.day - near, item.day + near + 1)
                     for h in item.vocabulary[:TEXT_KEYS]]
        return keys

    def _map_keys_to_search(self, item: LinkItem) -> list[tuple]:
        filed = self._filed
        coarse = self._coarse(item)
        file = "r" if coarse else "rc"
        admins = [item.admin1] if not item.admin1 else [item.admin1, ""]
        spans = [s for s in "dw" if s in filed]
        if item.day is None:
            keys = [(file, item.iso, a, d, "?") for a in admins for d in (True, False)]
            if not coarse:
                keys += [("c", item.iso, cell, d, s, "?") for cell in self._cells(item)
                         for d in (True, False) for s in spans]
            return keys
        window = max(item.date_slack, 31 if coarse else 7)
        if coarse or "rc" in filed:
            months = [*range((item.day - window) // 31, (item.day + window) // 31 + 1), "?"]
            keys = [(file, item.iso, a, item.dated, mo) for a in admins for mo in months]
        else:
            keys = []
        if not coarse:
            near = max(1, item.date_slack)
            undated = "?" in filed
            for cell in self._cells(item):
                if "d" in filed:
                    keys += [("c", item.iso, cell, item.dated, "d", d)
                             for d in range(item.day - near, item.day + near + 1)]
                if "w" in filed:
                    keys += [("c", item.iso, cell, item.dated, "w", w)
                             for w in range((item.day - 7) // 7, (item.day + 7) // 7 + 1)]
                if undated:
                    keys += [("c", item.iso, cell, item.dated, s, "?") for s in spans]
        return keys

    # placement ------------------------------------------------------------------------
    def candidates(self, item: LinkItem) -> list[tuple[int, LinkItem]]:
        seen: set[str] = set()
        out: list[tuple[int, LinkItem]] = []

        def take(entries: Iterable[tuple[int, LinkItem]]) -> None:
            for key, other in entries:
                if other.mention_id not in seen and other.mention_id != item.mention_id:
                    seen.add(other.mention_id)
                    out.append((key, other))

        take(self._by_document.get(item.document_id, ()))
        if item.fingerprint:
            for doc_id in self._copies.near(item.fingerprint):
                take(self._copy_items.get(doc_id, ()))
        # most recent first within each key, so the cap keeps the nearest in time
        worded: Counter[str] = Counter()  # reports sharing words: mention id -> words shared
        by_id: dict[str, tuple[int, LinkItem]] = {}
        for key in self._keys_to_search(item):
            entries = self._index.get(key)
            if not entries:
                continue
            if key[0] == "t":
                for entry in entries:
                    worded[entry[1].mention_id] += 1
                    by_id[entry[1].mention_id] = entry
                continue
            if len(out) < MAX_CANDIDATES:
                take(reversed(entries[-MAX_CANDIDATES:]))
        # one shared word may be chance; two of a few sampled ones are rarely
        take(by_id[mid] for mid, n in sorted(worded.items()) if n >= TEXT_KEY_HITS)
        return out[:MAX_CANDIDATES]

    def find(self, key: int) -> int:
        """The cluster a key now stands for (a cluster merged into another names it).
        Every key on the way is pointed at it, so chains of merges stay short."""
        merged = self._merged_into
        root = key
        while root in merged:
            root = merged[root]
        while key != root:
            after = merged[key]
            merged[key] = root
            key = after
        return root

    def scored(self, item: LinkItem) -> dict[int, Link]:
        """Each open incident's best link for a mention, over its members the mention may
        join (score at least the threshold, the incident's dates within its span)."""
        found: dict[int, Link] = {}
        for key, other in self.candidates(item):
            key = self.find(key)
            cluster = self.clusters.get(key)
            if cluster is None or cluster.locked:
                continue
            f = features(item, other)
            if f is None:
                continue
            s = float(f["score"])  # type: ignore[arg-type]
            if s < self.threshold or not _fits(cluster.span, item):
                continue
            old = found.get(key)
            if old is None or s > old.score:
                found[key] = Link(key, s, {**f, "matched_mention": other.mention_id})
        return found

    def new_cluster(self, locked: bool = False, stored: bool = False) -> int:
        key = self._next
        self._next += 1
        self.clusters[key] = _Cluster(locked=locked, stored=stored)
        return key

    def put(self, key: int, item: LinkItem) -> None:
        """Record a mention as a member of a cluster (and index it for later mentions)."""
        cluster = self.clusters[key]
        cluster.members.append(item)
        if item.day is not None:
            cluster.last_day = max(cluster.last_day, item.day)
            cluster.span = _joined(cluster.span, _day_span(item))
        for k in self._keys_to_store(item):
            self._index[k].append((key, item))
            if k[0] in ("r", "rc", "c"):
                self._filed.add(k[0] if k[0] != "c" else k[4])
            if k[-1] == "?":
                self._filed.add("?")
            if k[0] == "y" and not k[1]:
                self._filed.add("yearless")
        self._by_document[item.document_id].append((key, item))
        if item.fingerprint:
            if item.document_id not in self._copy_items:
                self._copies.add(item.document_id, item.fingerprint)
            self._copy_items[item.document_id].append((key, item))

    def add(self, item: LinkItem) -> Link:
        found = self.scored(item)
        if not found:
            link = Link(self.new_cluster(), 1.0, {"opened": "no earlier report matched", "score": 1.0})
            self.put(link.incident, item)
            return link
        link = max(found.values(), key=lambda link: (link.score, -link.incident))
        if item.day is None and len(found) > 1:
            second = sorted((x.score for x in found.values()), reverse=True)[1]
            if link.score - second < UNDATED_MARGIN - 1e-9:  # scores are rounded
                link = Link(self.new_cluster(), 1.0, {
                    "opened": "no date, and two incidents of its place matched alike",
                    "score": 1.0, "matched_mentions": sorted(
                        x.features["matched_mention"] for x in found.values()  # type: ignore[misc]
                        if x.score >= second)})
                self.put(link.incident, item)
                return link
        # a report that ties strongly to two incidents shows them one (it bridges them):
        # they fold into the one that was in the store before this run, else the older;
        # never two of the store's (an analyst may have kept them apart), a locked one, or
        # two whose days together, with the report's, exceed an incident's span
        target, bridged = link.incident, []
        for key in sorted(found):
            if key == link.incident or found[key].score < BRIDGE_THRESHOLD:
                continue
            if self._can_merge(target, key, item):
                keep, gone = (key, target) if self.clusters[key].stored or (
                    key < target and not self.clusters[target].stored) else (target, key)
                self._merge(keep, gone)
                target = keep
                bridged.append(found[key].features["matched_mention"])
        if bridged:
            link = Link(target, link.score, {**link.features, "bridged_mentions": sorted(bridged)})
        self.put(link.incident, item)
        return link

    def _can_merge(self, a: int, b: int, item: LinkItem) -> bool:
        ca, cb = self.clusters[a], self.clusters[b]
        if ca.locked or cb.locked or (ca.stored and cb.stored):
            return False
        return _short(_joined(_joined(ca.span, cb.span), _day_span(item)))

    def _merge(self, a: int, b: int) -> None:
        """Fold cluster b into a (b's index entries now resolve to a through ``find``)."""
        ca, cb = self.clusters[a], self.clusters.pop(b)
        ca.members.extend(cb.members)
        ca.last_day = max(ca.last_day, cb.last_day)
        ca.span = _joined(ca.span, cb.span)
        self._merged_into[b] = a

    def forget_before(self, day: int) -> list[int]:
        """Drop clusters last seen before ``day`` (they can take no later mention, since
        mentions come in date order), keeping memory bounded on long streams."""
        gone = [k for k, c in self.clusters.items() if c.last_day < day and c.members
                and all(m.day is not None for m in c.members)]
        gone_set = set(gone)
        # each key once: a place's name or id files reports of all dates in one list
        keys: set[tuple] = set()
        for k in gone:
            for item in self.clusters[k].members:
                keys.update(self._keys_to_store(item))
        for key in keys:
            self._drop(self._index, key, gone_set)
        for k in gone:
            for item in self.clusters[k].members:
                self._drop(self._by_document, item.document_id, gone_set)
                if item.fingerprint and item.document_id in self._copy_items:
                    self._drop(self._copy_items, item.document_id, gone_set)
                    if item.document_id not in self._copy_items:
                        self._copies.discard(item.document_id, item.fingerprint)
        if self._merged_into:
            self._merged_into = {b: a for b, a in self._merged_into.items()
                                 if self.find(a) not in gone_set}
        for k in gone:
            del self.clusters[k]
        return gone

    def _drop(self, table: dict, key: object, gone: set[int]) -> None:
        entries = table.get(key)
        if entries is None:
            return
        find = self.find if self._merged_into else int
        kept = [e for e in entries if find(e[0]) not in gone]
        if kept:
            table[key] = kept
        else:
            del table[key]

    @property
    def held(self) -> int:
        """Mentions held in memory (bounded when ``forget_before`` is called as time passes)."""
        return sum(len(c.members) for c in self.clusters.values())


DaySpan = tuple[int, int] | None  # an incident's first and last day dated to the day


def _day_span(item: LinkItem) -> DaySpan:
    """The item's day as a span, when it is dated to the day (with its year)."""
    if item.day is not None and item.dated and item.date_slack <= 1:
        return item.day, item.day
    return None


def _joined(a: DaySpan, b: DaySpan) -> DaySpan:
    if a is None or b is None:
        return a or b
    return min(a[0], b[0]), max(a[1], b[1])


def _short(span: DaySpan) -> bool:
    """Whether days spanned stay within INCIDENT_SPAN_DAYS."""
    return span is None or span[1] - span[0] <= INCIDENT_SPAN_DAYS


def _fits(span: DaySpan, item: LinkItem) -> bool:
    """Whether a report dated to the day keeps an incident's days within its span."""
    return _short(_joined(span, _day_span(item)))


def _day_of_year_keyed(item: LinkItem) -> bool:
    """Whether a placed report dated to a day is filed and found by day of the year."""
    return _placed(item) and item.day is not None and item.date_slack <= 1


def placement_order(m: Mention, item: LinkItem) -> tuple:
    """Dated mentions first, in date order; a document's mentions together."""
    return (item.day is None, item.day or 0, m.document_id, m.trigger.start, m.id)


def cluster(mentions: list[Mention], docs: dict[str, Document]
            ) -> list[tuple[list[Mention], dict[str, dict]]]:
    """Group mentions from scratch: [(mentions of one incident, {mention id: link features})]."""
    fingerprints = {d.id: dedup.signature(d.text) for d in docs.values()}
    items = link_items(mentions, docs, fingerprints)
    grouper = Grouper()
    members: dict[int, list[tuple[Mention, dict]]] = defaultdict(list)
    for m in sorted(mentions, key=lambda m: placement_order(m, items[m.id])):
        link = grouper.add(items[m.id])
        members[link.incident].append((m, link.features))
    merged: dict[int, list[tuple[Mention, dict]]] = defaultdict(list)
    for key in sorted(members):  # incidents a later report showed one are one
        merged[grouper.find(key)] += members[key]
    return [([m for m, _ in group], {m.id: f for m, f in group}) for _, group in sorted(merged.items())]


# -- an incident's fields from its mentions -------------------------------------------
def _total(m: Mention, kind: str, victims: tuple[str, ...]) -> tuple[int, int] | None:
    """A report's figure for a kind: its largest, since later sentences restate totals."""
    figures = [(c.low, c.high) for c in m.casualties if c.kind == kind and c.victims in victims]
    return (max(f[0] for f in figures), max(f[1] for f in figures)) if figures else None


def _range(mentions: list[Mention], kind: str, victims: tuple[str, ...]) -> tuple[int, int, int]:
    """(low, best, high) across reports. low: the most conservative report's figure
    (ACLED); high: the highest figure any report gives; best: the median of the reports'
    figures (a documented middle, robust to one outlier)."""
    per_doc: dict[str, tuple[int, int]] = {}
    for m in mentions:
        f = _total(m, kind, victims)
        if f:
            old = per_doc.get(m.document_id)
            per_doc[m.document_id] = f if old is None else (max(old[0], f[0]), max(old[1], f[1]))
    if not per_doc:
        return 0, 0, 0
    lows = [f[0] for _, f in sorted(per_doc.items())]
    return min(lows), int(statistics.median_low(lows)), max(f[1] for f in per_doc.values())


def _common(refs: list[ActorRef | None]) -> ActorRef | None:
    named = [r for r in refs if r is not None]
    if not named:
        return None
    counts = Counter(r.name for r in named)
    order = [r.name for r in named]
    top = max(counts.items(), key=lambda kv: (kv[1], -order.index(kv[0])))[0]
    return next(r for r in named if r.name == top)


def _spans(*groups: list[Span | None]) -> list[Span]:
    return [s for group in groups for s in group if s is not None]


def _agree(p: PlaceRef, q: PlaceRef) -> bool:
    """Two sources' places agree when one is the other, lies near it, or lies inside it."""
    if p.geonameid is not None and p.geonameid == q.geonameid:
        return True
    if p.iso != q.iso:
        return False
    coarse_p = p.feature != "city" or p.geo_precision == 3
    coarse_q = q.feature != "city" or q.geo_precision == 3
    if coarse_p or coarse_q:
        return p.admin1 == q.admin1 or not (p.admin1 if coarse_p else q.admin1)
    if None in (p.latitude, p.longitude, q.latitude, q.longitude):
        return False
    km = haversine_km(p.latitude, p.longitude, q.latitude, q.longitude)  # type: ignore[arg-type]
    return km <= max(PLACE_SLACK_KM.get(p.geo_precision, 50.0),
                     PLACE_SLACK_KM.get(q.geo_precision, 50.0))


def _best_place(group: list[Mention]) -> PlaceRef | None:
    """The most precise place the sources agree on: the place that agrees with the most
    documents' places (itself, nearby, or inside them), the most precise among those; a
    lone outlier far from the others loses."""
    placed = sorted((m for m in group if m.place), key=lambda m: (m.date.event_date, m.id))
    if not placed:
        return None

    def rank(m: Mention):
        p = m.place
        agreeing = len({o.document_id for o in placed if _agree(p, o.place)})  # type: ignore[arg-type]
        return (-agreeing, p.feature != "city", p.geo_precision, m.date.event_date, m.id)  # type: ignore[union-attr]

    return min(placed, key=rank).place


def _source_groups(group: list[Mention], docs: dict[str, Document],
                   fingerprints: dict[str, dedup.Signature] | None) -> dict[str, int]:
    doc_ids = sorted({m.document_id for m in group})
    prints = {d: (fingerprints or {}).get(d) or (dedup.signature(docs[d].text) if d in docs else ())
              for d in doc_ids}
    publishers = {d: (docs[d].publisher or "") if d in docs else "" for d in doc_ids}
    return {d: n for n, members in enumerate(dedup.copy_groups(prints, publishers))
            for d in members}


def build_incident(group: list[Mention], docs: dict[str, Document], ident: str | None = None,
                   fingerprints: dict[str, dedup.Signature] | None = None) -> Incident:
    group = sorted(group, key=lambda m: (m.date.event_date, m.document_id, m.trigger.start, m.id))
    first = group[0]
    types = Counter(m.event_type for m in group)
    event_type = max(types, key=lambda t: (types[t], -[m.event_type for m in group].index(t)))
    typed = [m for m in group if m.event_type == event_type]
    dated = min(group, key=lambda m: (m.date.time_precision, m.date.span is None,
                                      m.date.event_date, m.id))
    precise = [m.date.event_date for m in group if m.date.time_precision == dated.date.time_precision]
    where = _best_place(group)
    actor1 = _common([m.actor1 for m in group])
    actor2 = _common([m.actor2 for m in group])
    assoc1 = sorted({a.name for m in group for a in ([m.actor1] if m.actor1 else []) + m.assoc_actor_1}
                    - {actor1.name if actor1 else ""})
    assoc2 = sorted({a.name for m in group for a in ([m.actor2] if m.actor2 else []) + m.assoc_actor_2}
                    - {actor2.name if actor2 else ""})
    everyone = ("", "civilians", "children", "women", "combatants")
    killed = _range(group, "killed", everyone)
    civilians = _range(group, "killed", ("civilians",))
    children = _range(group, "killed", ("children",))
    women = _range(group, "killed", ("women",))
    injured = _range(group, "injured", everyone)
    doc_ids = sorted({m.document_id for m in group})
    publishers = sorted({docs[d].publisher or "unknown publisher" for d in doc_ids if d in docs})
    source_group = _source_groups(group, docs, fingerprints)
    independent = len(set(source_group.values()))
    att = grade.attribution(group, source_group)
    grade_name, reason = grade.grade(att, independent)
    inter1 = actor1.inter if actor1 else None
    inter2 = actor2.inter if actor2 else None
    inters = sorted(i for i in (inter1, inter2) if i)
    sentence = first.sentences[0].text if first.sentences else first.trigger.text
    quotes = sorted({(q.span.document_id, q.span.start, q.span.end): q
                     for m in group for q in m.quotes}.items())
    return Incident(
        id=ident or incident_id([m.id for m in group]),
        event_id_cnty="",
        event_date=dated.date.event_date if not precise else min(precise),
        event_date_end=max(precise) if precise else dated.date.event_date,
        time_precision=dated.date.time_precision,
        event_type=event_type,
        sub_event_type=Counter(m.sub_event_type for m in typed).most_common(1)[0][0],
        actor1=actor1.name if actor1 else "",
        assoc_actor_1="; ".join(assoc1),
        inter1=inter1,
        actor2=actor2.name if actor2 else "",
        assoc_actor_2="; ".join(assoc2),
        inter2=inter2,
        interaction=int("".join(map(str, inters))) if inters else None,
        civilian_targeting="Civilian targeting" if any(m.civilian_targeting for m in group) else "",
        iso=where.iso if where else "",
        country=where.country if where else "",
        admin1=where.admin1 if where else "",
        admin2=where.admin2 if where else "",
        location=where.name if where else "",
        latitude=where.latitude if where else None,
        longitude=where.longitude if where else None,
        geo_precision=where.geo_precision if where else None,
        geonameid=where.geonameid if where else None,
        source="; ".join(publishers),
        notes=f"On {dated.date.event_date.isoformat()}: {sentence}"[:500],
        fatalities=killed[0],
        fatalities_low=killed[0],
        fatalities_best=killed[1],
        fatalities_high=killed[2],
        civilians_killed_min=civilians[0],
        civilians_killed_best=civilians[1],
        civilians_killed_max=max(civilians[2], children[2] + women[2]),
        injured_min=injured[0],
        injured_max=injured[2],
        children_killed=children[0],
        children_killed_max=children[2],
        women_killed=women[0],
        women_killed_max=women[2],
        grade=grade_name,
        grade_reason=reason,
        contested=att.contested,
        source_count=len(doc_ids),
        independent_source_count=independent,
        actors=grade.incident_actors(group, source_group, att),
        quotes=[q for _, q in quotes],
        mention_ids=[m.id for m in group],
        document_ids=doc_ids,
        provenance={
            "event_type": [m.trigger for m in group],
            "event_date": _spans([m.date.span for m in group]),
            "location": _spans([m.place.span for m in group if m.place]),
            "actor1": _spans([m.actor1.span for m in group if m.actor1]),
            "actor2": _spans([m.actor2.span for m in group if m.actor2]),
            "fatalities": [c.span for m in group for c in m.casualties if c.kind == "killed"],
            "injured": [c.span for m in group for c in m.casualties if c.kind == "injured"],
        },
    )


def incident_id(mention_ids: list[str]) -> str:
    """Stable id of an incident: from the mention that opened it, so it survives new
    reports joining."""
    return hashlib.sha256(("incident|" + min(mention_ids)).encode()).hexdigest()[:16]


def number_incidents(incidents: list[Incident], taken: dict[str, int] | None = None) -> None:
    """ACLED-style ids: the country's ISO3 code and a number, in date order; incidents that
    already have one keep it, new ones continue each country's numbering."""
    from warlog.gazetteer import default_gazetteer

    gaz = default_gazetteer()
    counters: Counter[str] = Counter(taken or {})
    for inc in sorted(incidents, key=lambda i: (i.event_date, i.id)):
        if inc.event_id_cnty:
            continue
        prefix = gaz.iso3(inc.iso) or "XXX"
        counters[prefix] += 1
        inc.event_id_cnty = f"{prefix}{counters[prefix]}"


def group_mentions(mentions: list[Mention], docs: dict[str, Document]) -> list[Incident]:
    """Group from scratch (no store): the incidents, numbered."""
    fingerprints = {d.id: dedup.signature(d.text) for d in docs.values()}
    incidents = [build_incident(g, docs, fingerprints=fingerprints)
                 for g, _ in cluster(mentions, docs)]
    number_incidents(incidents)
    return incidents


# -- the store: incremental grouping and the analyst's decisions ----------------------
@dataclass
class GroupReport:
    incidents: int = 0  # incidents in the store after the run
    placed: int = 0  # mentions placed by this run
    attached: int = 0  # of them, joined an existing incident
    opened: int = 0  # incidents opened by this run
    touched: int = 0  # incidents rebuilt


def group_store(store, rebuild: bool = False) -> GroupReport:
    """Place every mention that is in no incident yet; rebuild the incidents that changed.

    ``rebuild`` regroups from scratch all mentions except those an analyst placed or that
    are in a locked incident or one an analyst changed (reviewed, marked, edited: the
    analysts' log, ``revisions``, names them). Afterwards the fields analysts corrected are
    written back over the rebuilt incidents (``SQLiteReview.after_regroup``)."""
    from warlog.store.review import SQLiteReview
    from warlog.store.sqlite import SQLiteStore

    assert isinstance(store, SQLiteStore)
    report = GroupReport()
    mentions = {m.id: m for m in store.mentions()}
    docs = {d.id: d for d in store.documents()}
    fingerprints = store.signatures(dedup.signature)
    links = store.incident_links()  # incident id -> {mention id: (score, features, by)}
    locked = store.locked_incidents()
    revised = store.revised_incidents()  # named in the analysts' log, ``revisions``
    if rebuild:
        kept = {}
        for inc_id, members in links.items():
            if inc_id in locked or inc_id in revised:
                kept[inc_id] = members
            else:
                analyst = {k: v for k, v in members.items() if v[2] == "analyst"}
                if analyst:
                    kept[inc_id] = analyst
        links = kept
    # mentions gone (their document re-extracted) leave their incidents
    links = {i: {k: v for k, v in ms.items() if k in mentions} for i, ms in links.items()}
    placed = {mid for ms in links.values() for mid in ms}
    items = link_items(mentions.values(), docs, fingerprints)
    grouper = Grouper()
    key_of: dict[str, int] = {}
    id_of: dict[int, str] = {}
    for inc_id in sorted(links):
        key = grouper.new_cluster(locked=inc_id in locked, stored=True)
        key_of[inc_id], id_of[key] = key, inc_id
        for mid in sorted(links[inc_id], key=lambda mid: placement_order(mentions[mid], items[mid])):
            grouper.put(key, items[mid])
    touched: set[int] = set()
    new_links: dict[int, dict[str, tuple[float, dict, str]]] = defaultdict(dict)
    pending = sorted((m for mid, m in mentions.items() if mid not in placed),
                     key=lambda m: placement_order(m, items[m.id]))
    for m in pending:
        link = grouper.add(items[m.id])
        touched.add(link.incident)
        new_links[link.incident][m.id] = (link.score, link.features, "warlog")
        report.placed += 1
        if link.incident in id_of:
            report.attached += 1
    # incidents a later report bridged are one (a stored one keeps its id: see Grouper.add)
    moved: dict[int, dict[str, tuple[float, dict, str]]] = defaultdict(dict)
    for key in sorted(new_links):
        moved[grouper.find(key)].update(new_links[key])
    new_links, touched = moved, {grouper.find(key) for key in touched}
    # incidents whose mentions changed (re-extraction, a rebuild) are rebuilt or dropped
    existing = {i.id: i for i in store.incidents()}
    gone = []
    for inc in existing.values():
        now = set(links.get(inc.id, {}))
        if not now:
            if inc.id not in revised:  # one an analyst merged away stays, hidden, revertible
                gone.append(inc.id)
        elif now != set(inc.mention_ids):
            touched.add(key_of[inc.id])
    taken: Counter[str] = Counter()
    for inc in existing.values():  # gone ones too: their numbers are not reused
        prefix = inc.event_id_cnty.rstrip("0123456789")
        taken[prefix] = max(taken[prefix], int(inc.event_id_cnty[len(prefix):] or 0))
    rebuilt: list[tuple[Incident, dict[str, tuple[float, dict, str]]]] = []
    used_ids: set[str] = {i for i, ms in links.items() if ms}
    for key in sorted(touched):
        inc_id = id_of.get(key)
        members = {**(links.get(inc_id, {}) if inc_id else {}), **new_links.get(key, {})}
        if not members:
            continue
        group = [mentions[mid] for mid in members]
        ident = inc_id or incident_id(list(members))
        if inc_id is None and (ident in links or ident in used_ids):
            # the founding mention once opened another incident (an analyst split it):
            # a fresh id, so the two never collide
            ident = hashlib.sha256(f"{ident}|{len(used_ids)}".encode()).hexdigest()[:16]
        used_ids.add(ident)
        inc = build_incident(group, docs, ident=ident, fingerprints=fingerprints)
        old = existing.get(ident)
        if old is not None:
            inc.event_id_cnty, inc.locked = old.event_id_cnty, old.locked
        else:
            report.opened += 1
        rebuilt.append((inc, members))
    number_incidents([inc for inc, _ in rebuilt], taken)
    store.save_incidents(rebuilt, delete=[i for i in gone if i not in {inc.id for inc, _ in rebuilt}])
    SQLiteReview(store).after_regroup()  # the analysts' corrections win over the machine's
    report.touched = len(rebuilt)
    report.incidents = store.count("incidents")
    return report


def merge_incidents(store, incident_ids: list[str], note: str = "", user: str = "") -> Incident:
    """An analyst's merge, as the review desk makes it (``SQLiteReview.merge``): the others
    (ids or ``event_id_cnty``) fold into the first (its id and number), each a revision by
    ``user`` (default: who runs this), and stay hidden as merged. Its links are the
    analyst's, so no rerun splits it."""
    from warlog.store.review import SQLiteReview, local_user

    if len(incident_ids) < 2:
        raise ValueError("a merge needs two or more incidents")
    review = SQLiteReview(store)
    first = review.view(incident_ids[0])
    if first is None:
        raise ValueError(f"no incident with id {incident_ids[0]}")
    target = first.incident.id
    for other in incident_ids[1:]:
        view = review.view(target)
        assert view is not None
        review.merge(target, other, view.state.version, user or local_user(), note)
    merged = store.incident(target)
    assert merged is not None
    return merged


def split_mention(store, incident_id_: str, mention_id: str, note: str = "",
                  user: str = "") -> Incident:
    """An analyst's split, as the review desk makes it (``SQLiteReview.split``): the mention
    leaves the incident for a new one of its own, which is returned. Both incidents' links
    are the analyst's, so no rerun puts it back."""
    from warlog.store.review import SQLiteReview, local_user

    review = SQLiteReview(store)
    view = review.view(incident_id_)
    if view is None:
        raise ValueError(f"no incident with id {incident_id_}")
    _, made = review.split(view.incident.id, mention_id, view.state.version, user or local_user(),
                           note)
    new = store.incident(made.incident.id)
    assert new is not None
    return new


def lock_incident(store, incident_id_: str, locked: bool = True, note: str = "",
                  user: str = "") -> Incident:
    """An analyst's lock, as the review desk makes it (``SQLiteReview.act``): the incident's
    reports are fixed; reruns add none and move none."""
    from warlog.store.review import SQLiteReview, local_user

    review = SQLiteReview(store)
    view = review.view(incident_id_)
    if view is None:
        raise ValueError(f"no incident with id {incident_id_}")
    review.act(view.incident.id, view.state.version, "lock" if locked else "unlock",
               user or local_user(), note)
    inc = store.incident(view.incident.id)
    assert inc is not None
    return inc


def unlock_incident(store, incident_id_: str, note: str = "", user: str = "") -> Incident:
    return lock_incident(store, incident_id_, locked=False, note=note, user=user)
