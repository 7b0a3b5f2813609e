"""Arabic toponyms the general resolver (extract.places) gets wrong: everyday words that
are also the name of a town far away ("كان" was, "ليل" night, "سنه" year: Cannes, Lille,
Sanandaj), and villages abroad that share a Syrian spelling.

A report written in Arabic about the wars warlog is built for names places in those
countries (gazetteer.FOCUS_COUNTRIES). A place outside them is kept only when it is a
country or first-level region, or when a word that introduces a settlement comes right
before it ("مدينه كان"). When the report names no place inside them, a one-word name
abroad still needs that cue; longer names abroad stand. Which countries a report names
is read from the places that locate something: not from its comments, its page's other
headlines or an actor's name."""

from __future__ import annotations

import re
from collections import Counter

from warlog.extract.context import DocContext, Match
from warlog.gazetteer import FOCUS_COUNTRIES, Place, name_key

_SETTLEMENT_CUE = re.compile(r"(مدينه|بلده|قريه|بلدات|قري|مدن|عاصمه|العاصمه)\s+$")
_ARABIC = re.compile(r"^[#\u0600-\u06ff]")


_AREAS = ("country", "admin1", "continent", "region")
# Distinct town names that make a country the report's: read from airwars-syria's
# development half (a Kobani report whose sidebar names Erbil); a lone namesake village
# abroad still gives way.
SEVERAL_TOWNS = 2


def filter_resolved(ctx: DocContext, resolved: list[tuple[Match, Place]]
                    ) -> list[tuple[Match, Place]]:
    """The resolved toponyms less the Arabic names placed abroad without a cue, and less
    the towns placed in a country the report does not name (by a country, a region or
    SEVERAL_TOWNS towns) when it names another: in
    "قرية ذيبان بريف دير الزور" the village is Syria's, not its Jordanian namesake, even
    where the gazetteer knows only the latter (the focus countries name each other's
    villages alike)."""
    # (a place that locates nothing, in the page's other headlines, its comments or an
    # actor's name, does not make its country the report's)
    locating = [(m, p) for m, p in resolved if p.iso and not getattr(m.value, "mention", False)]
    focus = any(p.iso in FOCUS_COUNTRIES for _, p in locating)
    named = {p.iso for _, p in locating if p.feature in _AREAS}
    # a country where the report places several towns is one it names all the same (a
    # Kobani report with an Iraqi governorate in its sidebar)
    towns = Counter(iso for iso, _ in {(p.iso, name_key(m.text)) for m, p in locating
                                        if p.feature not in _AREAS})
    named |= {iso for iso, n in towns.items() if n >= SEVERAL_TOWNS}
    kept = []
    for m, p in resolved:
        town = p.iso and p.feature not in _AREAS
        abroad = town and p.iso not in FOCUS_COUNTRIES
        arabic = _ARABIC.match(m.text)
        if abroad and (focus or " " not in m.text.strip()) and arabic \
                and not _SETTLEMENT_CUE.search(
                ctx.norm[max(0, m.start - 12):m.start]):
            continue
        if town and arabic and named and p.iso not in named:
            continue
        kept.append((m, p))
    return kept
