"""Event type and sub-type by rules, and the grouping of a report's sentences into
event mentions (one per event type and place)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from warlog.extract.context import DocContext
from warlog.extract.lang import ar, en

_RULES = {
    lang: [(t, s, re.compile(p, re.I)) for t, s, p in module.EVENT_RULES]
    for lang, module in (("en", en), ("ar", ar))
}
_GENERIC = re.compile(en.GENERIC_VIOLENCE, re.I)
_BACKGROUND = re.compile(en.BACKGROUND, re.I)
_CASUALTY = {lang: re.compile(module.KILLED + "|" + module.INJURED, re.I)
             for lang, module in (("en", en), ("ar", ar))}


@dataclass
class Trigger:
    event_type: str
    sub_event_type: str
    start: int
    end: int
    sentence: tuple[int, int]
    generic: bool = False  # a toll with no weapon or act named


@dataclass
class EventGroup:
    """Sentences of one report about one event."""

    trigger: Trigger
    sentences: list[tuple[int, int]] = field(default_factory=list)


def classify(ctx: DocContext, start: int, end: int, generic: bool = True) -> Trigger | None:
    text = ctx.norm[start:end]
    lang = "ar" if ctx.lang is ar else "en"
    for event_type, sub_event_type, pattern in _RULES[lang]:
        m = pattern.search(text)
        if m:
            return Trigger(event_type, sub_event_type, start + m.start(), start + m.end(), (start, end))
    # Violence with a toll but no named weapon: ACLED's attack on civilians or a clash
    # is decided later from the victims; here it is coded as an attack.
    if lang == "en" and generic:
        m = _GENERIC.search(text)
        if m and _CASUALTY["en"].search(text) and re.search(r"\d|dozens|scores", text):
            return Trigger("Violence against civilians", "Attack", start + m.start(),
                           start + m.end(), (start, end), generic=True)
    return None


def find_events(ctx: DocContext, published: date) -> list[EventGroup]:
    """Triggers sentence by sentence; a sentence without one joins the event before it
    when it carries casualty words (the toll often comes a sentence later)."""
    from warlog.extract.dates import find_dates

    groups: list[EventGroup] = []
    casualty = _CASUALTY["ar" if ctx.lang is ar else "en"]
    for start, end in ctx.sentences:
        text = ctx.norm[start:end]
        if _BACKGROUND.search(text):
            continue
        dates = find_dates(ctx, start, end, published)
        if dates and all(d.event_date < published - timedelta(days=45) for d in dates):
            continue  # an old event recalled as background
        # a toll with no weapon named right after an event restates that event
        trigger = classify(ctx, start, end, generic=not groups)
        if trigger is None:
            if groups and casualty.search(text):
                groups[-1].sentences.append((start, end))
            continue
        if groups and groups[-1].trigger.generic:
            # the weapon named after the toll says what the event was
            groups[-1].trigger = trigger
            groups[-1].sentences.append((start, end))
            continue
        same = next((g for g in groups if g.trigger.event_type == trigger.event_type), None)
        if same is not None:
            same.sentences.append((start, end))
            if trigger.sub_event_type in DECISIVE and same.trigger.sub_event_type not in DECISIVE:
                same.trigger = trigger
        else:
            groups.append(EventGroup(trigger=trigger, sentences=[(start, end)]))
    return _fold_background(ctx, groups)


# Sub-types that decide an event's coding wherever the report names them.
DECISIVE = frozenset({"Chemical weapon", "Suicide bomb"})
_FIGURE = re.compile(r"[0-9٠-٩]|dozens|scores|hundreds|عشرات")


def _fold_background(ctx: DocContext, groups: list[EventGroup]) -> list[EventGroup]:
    """Reports mention other fighting in passing ("while the fighting continued"); an
    event after the first stands on its own only when it carries its own toll."""
    if len(groups) < 2:
        return groups
    casualty = _CASUALTY["ar" if ctx.lang is ar else "en"]
    kept = [groups[0]]
    for group in groups[1:]:
        texts = [ctx.norm[s:e] for s, e in group.sentences]
        if any(casualty.search(t) and _FIGURE.search(t) for t in texts):
            kept.append(group)
        else:
            kept[0].sentences.extend(group.sentences)
    kept[0].sentences.sort()
    return kept
