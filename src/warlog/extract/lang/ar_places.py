"""Arabic toponyms the general resolver (extract.places) gets wrong: everyday words that
are also the name of a town far away ("كان" was, "ليل" night, "سنه" year: Cannes, Lille,
Sanandaj), and villages abroad that share a Syrian spelling.

A report written in Arabic about the wars warlog is built for names places in those
countries (gazetteer.FOCUS_COUNTRIES). A place outside them is kept only when it is a
country or first-level region, or when a word that introduces a settlement comes right
before it ("مدينه كان"). When the report names no place inside them, a one-word name
abroad still needs that cue; longer names abroad stand."""

from __future__ import annotations

import re

from warlog.extract.context import DocContext, Match
from warlog.gazetteer import FOCUS_COUNTRIES, Place

_SETTLEMENT_CUE = re.compile(r"(مدينه|بلده|قريه|بلدات|قري|مدن|عاصمه|العاصمه)\s+$")
_ARABIC = re.compile(r"^[#\u0600-\u06ff]")


def filter_resolved(ctx: DocContext, resolved: list[tuple[Match, Place]]
                    ) -> list[tuple[Match, Place]]:
    """The resolved toponyms less the Arabic names placed abroad without a cue."""
    focus = any(p.iso in FOCUS_COUNTRIES for _, p in resolved)
    kept = []
    for m, p in resolved:
        abroad = p.iso and p.iso not in FOCUS_COUNTRIES and p.feature not in (
            "country", "admin1", "continent", "region")
        if abroad and (focus or " " not in m.text.strip()) and _ARABIC.match(m.text) \
                and not _SETTLEMENT_CUE.search(
                ctx.norm[max(0, m.start - 12):m.start]):
            continue
        kept.append((m, p))
    return kept
