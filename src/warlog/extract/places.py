"""Toponyms: found with the gazetteer, resolved with the document's context, and the
event's own location chosen among the places a report names."""

from __future__ import annotations

import math
import re
from collections import Counter

from warlog.extract.actors import GenericState
from warlog.extract.context import DocContext, Match
from warlog.extract.lang import ar, en
from warlog.extract.names import AR_PREFIX, scan_names
from warlog.gazetteer import Place
from warlog.model import PlaceRef

_ADMIN_AFTER = re.compile(r"^\s*(province|governorate|region)\b|^\s*(محافظه|ريف)", re.I)
_ADMIN_BEFORE = re.compile(r"(محافظه|ريف)\s*$|\b(province of|governorate of)\s+$", re.I)
_DISTRICT_BEFORE = re.compile(
    r"(\bdistrict of|\bneighbou?rhood of|\bquarter of|حي|منطقه)\s*(?:the\s+)?$", re.I)
_DISTRICT_AFTER = re.compile(r"^\s+(district|neighbou?rhood|quarter)\s+of\b", re.I)
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z' .\-]{2,40}(?:,\s*[A-Z][\w ]{2,30})?\s*(?:\([^)]{0,60}\))?\s*[—–-]{1,2}\s")
_NEAR_AR = re.compile(r"(ريف|قرب|بالقرب من|محيط|اطراف|شمال|جنوب|شرق|غرب|شمالي|جنوبي|شرقي|غربي)\s*$")


def _starts_name(word: str) -> bool:
    if "\u0600" <= word[0] <= "\u06ff":
        return len(word) >= 3
    if word.isupper() and len(word) <= 4:  # acronyms (SDF, YPG, UN) are not places
        return False
    return word[0].isupper() and word.lower() not in en.NOT_PLACES


def find_places(ctx: DocContext) -> list[Match]:
    """Every toponym in the text, with its candidate places; names inside actor names
    ("Deir ez-Zor Military Council") are left to the actor."""

    # names inside actor names are the actor's
    taken = [(a.start, a.end) for a in ctx.actors if not isinstance(a.value, GenericState)]
    found = []
    for m in scan_names(ctx.norm, ctx.gazetteer.lookup, max_tokens=5, starts_name=_starts_name):
        if any(s <= m.start < e for s, e in taken):
            continue
        if AR_PREFIX.sub("", m.text) in ar.NOT_PLACES or m.text in ar.NOT_PLACES:
            continue
        if not _plausible(ctx, m):
            continue
        m = _villages_with_cue(ctx, m)
        if m is not None:
            found.append(m)
    return found


# Imported GeoNames dumps add every hamlet (population 0), and hamlets are named like
# common words ("Ash Sharqiyah" eastern, "At Tahrir" liberation). A hamlet is a
# candidate only when no populated place has the name and the text calls it a place.
_VILLAGE_CUE_BEFORE = re.compile(
    r"(\b(?:village|town|hamlet|city|neighbou?rhood|district|camp|settlement)s?\s+of\s+(?:the\s+)?"
    r"|(?:قريه|القريه|بلده|البلده|مدينه|حي|مخيم|ناحيه|مزرعه|قري|بلدات)\s+)$", re.I)
_VILLAGE_CUE_AFTER = re.compile(r"^\s+(village|town|hamlet|camp|neighbou?rhood|district)\b", re.I)


def _villages_with_cue(ctx: DocContext, m: Match) -> Match | None:
    cands: list[Place] = m.value  # type: ignore[assignment]
    populated = [p for p in cands if p.population > 0 or p.feature == "country"]
    if populated:
        return m if len(populated) == len(cands) else Match(m.start, m.end, m.text, populated)
    before = ctx.norm[max(0, m.start - 30) : m.start]
    after = ctx.norm[m.end : m.end + 15]
    cued = _VILLAGE_CUE_BEFORE.search(before) or _VILLAGE_CUE_AFTER.match(after)
    return m if cued else None


# A one-word Arabic name is often also a common word ("جديدة" new, "حرجة" critical):
# it counts as a place only after a word that introduces one, or if it names a city.
_AR_PLACE_CUE = re.compile(
    r"(في|من|الى|مدينه|بلده|قريه|ريف|حي|منطقه|محافظه|قرب|شمال|جنوب|شرق|غرب|شمالي|جنوبي|شرقي"
    r"|غربي|مخيم|ناحيه|اطراف|محيط|مدن|بلدات|قري)\s+$")
_AR_CITY_POPULATION = 50_000
# "Brig. Gen. Murat Kaya": a first name, not the town of Murat.
_TITLE_BEFORE = re.compile(
    r"\b(Gen|Col|Brig|Maj|Capt|Lt|Sgt|Dr|Mr|Mrs|Ms|Sheikh|President|Minister|Prince|King"
    r"|Imam|Father|Judge|Commander|spokesman|spokeswoman)\.?\s+$")
_SURNAME_AFTER = re.compile(r"^\s[A-Z][a-z]+\b(?!\s+(?:province|governorate|district|city))")


def _plausible(ctx: DocContext, m: Match) -> bool:
    cands: list[Place] = m.value  # type: ignore[assignment]
    before = ctx.norm[max(0, m.start - 25) : m.start]
    if "\u0600" <= m.text[0] <= "\u06ff":
        if " " in m.text or AR_PREFIX.match(m.text) and AR_PREFIX.match(m.text).end():
            return True
        return before.endswith("#") or bool(_AR_PLACE_CUE.search(before)) or max(
            p.population for p in cands) >= _AR_CITY_POPULATION
    if _TITLE_BEFORE.search(before):
        return False
    # "said Ahmed Khalil": a surname after a given name (a capitalised word that is no place)
    given = re.search(r"\b([A-Z][a-z]+)\s+$", before)
    if given and " " not in m.text and given.group(1).lower() not in en.NOT_PLACES \
            and not ctx.gazetteer.lookup(given.group(1)):
        return False
    return not (" " not in m.text and _SURNAME_AFTER.match(ctx.norm[m.end : m.end + 20]))


def _score(place: Place, countries: set[str], prefer_admin: bool) -> float:
    score = math.log10(place.population + 10)
    if place.iso in countries:
        score += 5
    if place.feature == "country":
        score += 1
    if place.feature == "admin1":
        score += 3 if prefer_admin else -0.5
    return score


def resolve(ctx: DocContext) -> list[tuple[Match, Place]]:
    """Pick one place per toponym: the document's countries first, then admin level as the
    words around it say, then population."""
    votes: Counter[str] = Counter()
    for m in ctx.places:
        cands: list[Place] = m.value  # type: ignore[assignment]
        if any(p.feature == "country" for p in cands):
            votes[next(p.iso for p in cands if p.feature == "country")] += 2
        elif len({p.iso for p in cands}) == 1:
            votes[cands[0].iso] += 1
    for a in ctx.actors:  # "the Syrian army" says the story is in Syria
        if getattr(a.value, "type", "") == "state" and a.value.country:  # type: ignore[attr-defined]
            votes[a.value.country] += 1  # type: ignore[attr-defined]
    top = max(votes.values(), default=0)
    # countries with at least half the leader's votes make up the document's context
    countries = {iso for iso, n in votes.items() if n * 2 >= top}
    resolved = []
    for m in ctx.places:
        cands = m.value  # type: ignore[assignment]
        prefer_admin = bool(
            _ADMIN_AFTER.match(ctx.norm[m.end : m.end + 15])
            or _ADMIN_BEFORE.search(ctx.norm[max(0, m.start - 20) : m.start])
        )
        resolved.append((m, max(cands, key=lambda p: _score(p, countries, prefer_admin))))
    return resolved


def place_ref(ctx: DocContext, match: Match, place: Place) -> PlaceRef:
    before = ctx.norm[max(0, match.start - 40) : match.start]
    near = re.search(en.NEAR_WORDS, before, re.I) or _NEAR_AR.search(before)
    if place.feature in ("admin1", "country"):
        precision = 3
    else:
        precision = 2 if near else 1
    gaz = ctx.gazetteer
    return PlaceRef(
        name=place.name,
        geonameid=place.geonameid if place.geonameid > 0 else None,
        latitude=place.latitude,
        longitude=place.longitude,
        iso=place.iso,
        country=gaz.country_name(place.iso),
        admin1=place.name if place.feature == "admin1" else gaz.admin1_name(place),
        feature=place.feature,
        population=place.population,
        geo_precision=precision,
        span=ctx.span(match.start, match.end),
    )


def event_place(
    ctx: DocContext, resolved: list[tuple[Match, Place]], sentences: list[tuple[int, int]],
    trigger_at: int,
) -> tuple[Match, Place] | None:
    """The event's own location: the most precise place in the event's sentences, nearest
    the trigger; otherwise the most precise place of the report's opening."""
    rank = {"city": 0, "admin1": 1, "country": 2}

    def best(cands: list[tuple[Match, Place]]) -> tuple[Match, Place] | None:
        if not cands:
            return None
        return min(cands, key=lambda mp: (rank[mp[1].feature], abs(mp[0].start - trigger_at)))

    # A district named like a town elsewhere ("the al-Mashhad district of Aleppo") is
    # not the town: the city it is part of is the event's place.
    resolved = [(m, p) for m, p in resolved if not _DISTRICT_BEFORE.search(
        ctx.norm[max(0, m.start - 20) : m.start]) and not _DISTRICT_AFTER.match(
        ctx.norm[m.end : m.end + 25])]
    dominant = Counter(p.iso for _, p in resolved).most_common(1)
    if dominant:
        home = [(m, p) for m, p in resolved if p.iso == dominant[0][0]]
        resolved = home or resolved
    # A dateline ("BEIRUT (Wire) —") names where the report was filed, not the event.
    dateline = _DATELINE.match(ctx.norm)
    if dateline:
        beyond = [(m, p) for m, p in resolved if m.start >= dateline.end()]
        resolved = beyond or resolved
    inside = [(m, p) for m, p in resolved if any(s <= m.start < e for s, e in sentences)]
    if inside:
        return best(inside)
    lead_end = ctx.sentences[min(2, len(ctx.sentences) - 1)][1] if ctx.sentences else 0
    return best([(m, p) for m, p in resolved if m.start < lead_end]) or best(resolved)
