"""Event type and sub-type by rules, and the grouping of a report's sentences into
event mentions (one per event type and place)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from warlog.extract.context import DocContext
from warlog.extract.lang import ar, en
from warlog.extract.screen import Screened, ScreenSet, fold

_LANGS = (("en", en), ("ar", ar))
# Each rule behind its screen (see extract.screen): a sentence is read against some 60
# cue patterns, and most match none of them.
_RULES = {
    lang: [(t, s, Screened(p, re.I)) for t, s, p in module.EVENT_RULES]
    for lang, module in _LANGS
}
_TOLLS = {
    lang: [(t, s, Screened(p, re.I)) for t, s, p in getattr(module, "TOLL_RULES", [])]
    for lang, module in _LANGS
}
_AFTER_TOLLS = {
    lang: [(t, s, re.compile(p, re.I)) for t, s, p in getattr(module, "AFTER_TOLL_RULES", [])]
    for lang, module in _LANGS
}
# ... all of them screened in one pass over the sentence
_RULE_SCREENS = {lang: ScreenSet([s for *_, s in rules]) for lang, rules in _RULES.items()}
_TOLL_SCREENS = {lang: ScreenSet([s for *_, s in rules]) for lang, rules in _TOLLS.items()}
# (screened too: tried on many sentences, found in few)
_GENERIC = Screened(en.GENERIC_VIOLENCE, re.I)
_BACKGROUND = re.compile(en.BACKGROUND, re.I)
_DISASTER = Screened(en.DISASTER, re.I)
_DISASTER_VETOED = re.compile(en.DISASTER_VETOED, re.I)
_RECALLED = re.compile(en.RECALLED, re.I)
_CASUALTY = {lang: Screened(module.KILLED + "|" + module.INJURED, re.I)
             for lang, module in _LANGS}
_NUMBER = re.compile(r"\d|\b(?:dozens|scores|hundreds|" + "|".join(
    sorted((w for w in en.NUMBER_WORDS if len(w) > 2), key=len, reverse=True)) + r")\b", re.I)
# Who acted, by the words the press uses for them (the registry names the rest).
_STATE = {lang: re.compile(module.STATE_ACTOR_WORDS, re.I) for lang, module in _LANGS}
_NONSTATE = {lang: re.compile(module.NONSTATE_ACTOR_WORDS, re.I) for lang, module in _LANGS}
_PASSIVE = {lang: re.compile(module.TAKEN_BY, re.I) for lang, module in _LANGS}
_PASSIVE_AUX = {lang: re.compile(module.PASSIVE_AUX, re.I) for lang, module in _LANGS}
# What a crowd did, read across the sentences of a protest.
_CROWD_VIOLENCE = {lang: re.compile(module.CROWD_VIOLENCE, re.I) for lang, module in _LANGS}
_CROWD_ARRESTS = {lang: re.compile(module.CROWD_ARRESTS, re.I) for lang, module in _LANGS}
# Whether an Arabic sentence tells an attack or names it in passing (see ar.EVENT_TOLD).
_TOLD = Screened(ar.EVENT_TOLD)
_NOT_TOLD = Screened(ar.EVENT_NOT_TOLD)
_NOT_DONE = Screened(ar.PROTEST_NOT_DONE)
_WEAPONS_TALK = Screened(ar.WEAPONS_TALK)
_BARE_WEAPON = re.compile(ar.BARE_WEAPON + "$")
_WEAPON_USED = Screened(ar.WEAPON_USED)
# Where a headline's own words begin: after "ـ 20:", "* 5 فبراير 2004:", "عاجل |".
_HEADLINE_CUT = re.compile(r".*[:|؛]")
_WORD = re.compile(r"[^\W\d_]+")

GOV_REGAINS = "Government regains territory"
NONSTATE_TAKES = "Non-state actor overtakes territory"
NO_FIGHT = "Non-violent transfer of territory"
CLASH = "Armed clash"
ARRESTS = "Arrests"

# ACLED's order inside the crowd family: a crowd that turns violent is a riot whatever
# the police did; peaceful protesters killed or badly hurt are met with excessive force;
# dispersed, gassed or arrested, with intervention.
CROWD_RANK = {
    "Peaceful protest": 0, "Protest with intervention": 1,
    "Excessive force against protesters": 2, "Violent demonstration": 3, "Mob violence": 3,
}
CROWD_TYPE = {sub: ("Riots" if rank == 3 else "Protests") for sub, rank in CROWD_RANK.items()}
# Inside the territory family: the fight for a place is coded as the place changing
# hands once the report says it did, and a change that followed the other side's
# withdrawal is a non-violent transfer.
TERRITORY_RANK = {CLASH: 0, GOV_REGAINS: 1, NONSTATE_TAKES: 1, NO_FIGHT: 2}


def _lang(ctx: DocContext, start: int | None = None, end: int | None = None) -> str:
    lang = ctx.lang if start is None else ctx.lang_of(start, end)
    return "ar" if lang is ar else "en"


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


def classify(ctx: DocContext, start: int, end: int, generic: bool = True,
             passed: frozenset[str] = frozenset()) -> Trigger | None:
    """The sentence's event by the first cue it matches; ``passed``: sub-types already
    found to be named in passing there (see find_events), whose cues are skipped."""
    text = ctx.norm[start:end]
    lang = _lang(ctx, start, end)  # a mixed post: each sentence in its own language
    folded = fold(text)
    may = _RULE_SCREENS[lang].possible(folded)
    for i, (event_type, sub_event_type, screened) in enumerate(_RULES[lang]):
        if sub_event_type in passed:
            continue
        m = screened.pattern.search(text) if i in may else None
        if m and lang == "en" and _DISASTER_VETOED.match(m.group()) and _DISASTER.search(text):
            return None  # "the earthquake killed eight people", "a boiler exploded"
        if m:
            trigger = Trigger(event_type, sub_event_type, start + m.start(), start + m.end(),
                              (start, end))
            if sub_event_type in (GOV_REGAINS, NONSTATE_TAKES):
                trigger.sub_event_type = taker_side(ctx, trigger) or sub_event_type
            return trigger
    if not generic:
        return None
    # A toll with no weapon or act named: provisional, replaced by the weapon or act a
    # following sentence names (see find_events).
    may = _TOLL_SCREENS[lang].possible(folded)
    for i, (event_type, sub_event_type, screened) in enumerate(_TOLLS[lang]):
        m = screened.pattern.search(text) if i in may else None
        if m and not (lang == "en" and _disaster(ctx)):
            return Trigger(event_type, sub_event_type, start + m.start(), start + m.end(),
                           (start, end), generic=True)
    for event_type, sub_event_type, pattern in _AFTER_TOLLS[lang]:  # weaker than a toll
        if m := pattern.search(text):
            return Trigger(event_type, sub_event_type, start + m.start(), start + m.end(),
                           (start, end))
    # Violence with a toll but no named weapon: ACLED's attack on civilians or a clash
    # is decided later from the victims; here it is coded as an attack. A toll of an
    # earthquake, flood, fire or crash is no political violence at all.
    if lang == "en":
        m = _GENERIC.search(text)
        if (m and _CASUALTY["en"].search(text) and _NUMBER.search(text)
                and not _disaster(ctx)):
            return Trigger("Violence against civilians", "Attack", start + m.start(),
                           start + m.end(), (start, end), generic=True)
    return None


def _disaster(ctx: DocContext) -> bool:
    """Whether the report tells of an earthquake, flood, fire or crash (read once per
    report: classify asks for every sentence with a toll)."""
    if "_disaster" not in ctx.__dict__:
        ctx.__dict__["_disaster"] = bool(_DISASTER.search(ctx.norm))
    return ctx.__dict__["_disaster"]


def taker_side(ctx: DocContext, trigger: Trigger) -> str | None:
    """Who took the place: the subject of the taking verb (in English the last actor
    named before it, in Arabic, which puts the verb first, the one right after it), or
    the actor after "fell to ..." / "was retaken by ...". State forces (and foreign forces
    fighting beside them) regain territory; anyone else overtakes it. None when the
    sentence names no actor."""
    lang = _lang(ctx)
    s_start, s_end = trigger.sentence
    passive = _PASSIVE[lang].search(ctx.norm[trigger.start:s_end])
    if passive and not (passive.group("fell")
                        or _PASSIVE_AUX[lang].search(ctx.norm[s_start:trigger.start])):
        passive = None
    if passive:
        found = _actors_in(ctx, lang, trigger.start + passive.end(), s_end)
        chosen = min(found, default=None, key=lambda f: f[0])
    else:
        found = []
        if lang == "ar":  # verb, then subject: "سيطر الجيش على ..."
            found = [f for f in _actors_in(ctx, lang, trigger.end, s_end) if f[0] - trigger.end < 4]
        chosen = (min(found, key=lambda f: f[0]) if found
                  else max(_actors_in(ctx, lang, s_start, trigger.start), default=None,
                           key=lambda f: f[1]))
    if chosen is None:
        return None
    return GOV_REGAINS if chosen[2] else NONSTATE_TAKES


def _actors_in(ctx: DocContext, lang: str, lo: int, hi: int) -> list[tuple[int, int, bool]]:
    """Actors named in norm[lo:hi] as (start, end, is state forces): the registry's
    (a GenericState, "government forces", is state forces) and the generic words."""
    found = []
    for m in ctx.actors:
        inter = getattr(m.value, "inter", 1)
        if lo <= m.start and m.end <= hi and inter:
            found.append((m.start, m.end, inter in (1, 8)))
    for is_state, words in ((True, _STATE[lang]), (False, _NONSTATE[lang])):
        for m in words.finditer(ctx.norm, lo, hi):
            found.append((m.start(), m.end(), is_state))
    return found


def _family(trigger: Trigger) -> str:
    if trigger.sub_event_type in CROWD_RANK:
        return "crowd"
    if trigger.sub_event_type in TERRITORY_RANK:
        return "territory"
    return trigger.event_type


def _rank(trigger: Trigger) -> int:
    return CROWD_RANK.get(trigger.sub_event_type, TERRITORY_RANK.get(trigger.sub_event_type, 0))


def _escalate(group: EventGroup, sub_event_type: str) -> None:
    """A protest told further: what the crowd or the police did next decides its type."""
    if CROWD_RANK[sub_event_type] > CROWD_RANK[group.trigger.sub_event_type]:
        group.trigger.sub_event_type = sub_event_type
        group.trigger.event_type = CROWD_TYPE[sub_event_type]


def find_events(ctx: DocContext, published: date) -> list[EventGroup]:
    """Triggers sentence by sentence; a sentence without one joins the event before it
    when it carries casualty words (the toll often comes a sentence later).

    Sentences of one family tell one event, coded by the most telling of them: a protest
    by what the crowd and the police did (CROWD_RANK; clashes, violence or arrests told
    after a protest belong to it), a fight for a place by whether the place changed hands
    and how (TERRITORY_RANK). Other types keep their first sub-type unless a DECISIVE
    one follows."""
    from warlog.extract.dates import find_dates

    groups: list[EventGroup] = []
    lang = _lang(ctx)
    casualty = _CASUALTY[lang]
    dated = {(s, e): find_dates(ctx, s, e, published) for s, e in ctx.sentences}
    # An old event recalled as background is dated well before the report. Without a
    # publication date, "the report" is the most recent date the report itself gives
    # (an undated report about last spring is not background to the day it was read).
    latest = published
    if ctx.doc.published is None:
        latest = max((d.event_date for found in dated.values() for d in found), default=published)
    for start, end in ctx.sentences:
        text = ctx.norm[start:end]
        if _BACKGROUND.search(text):
            continue
        dates = dated[(start, end)]
        if dates and all(d.event_date < latest - timedelta(days=45) for d in dates):
            continue  # an old event recalled as background
        # a toll with no weapon named right after an event restates that event
        trigger = classify(ctx, start, end, generic=not groups)
        if (trigger is not None and _lang(ctx, start, end) == "ar"
                and _untold(trigger, text, _word_at(ctx.norm, trigger.start, trigger.end))):
            # an attack in a trial, an inquiry or a condemnation; a protest called for:
            # what else the sentence tells (an arrest, an agreement) may still be an event,
            # and a toll it gives is the event's before it ("ادان الائتلاف القصف الذي ...")
            trigger = _other_than(ctx, trigger, generic=False)
        crowd = next((g for g in reversed(groups) if _family(g.trigger) == "crowd"), None)
        if crowd is not None and (trigger is None or _family(trigger) != "crowd"):
            # clashes, arrests or violence told after a protest are what became of it
            if _CROWD_VIOLENCE[lang].search(text) or trigger and trigger.sub_event_type == CLASH:
                _escalate(crowd, "Violent demonstration")
                crowd.sentences.append((start, end))
                continue
            if _CROWD_ARRESTS[lang].search(text) or trigger and trigger.sub_event_type == ARRESTS:
                _escalate(crowd, "Protest with intervention")
                crowd.sentences.append((start, end))
                continue
        if trigger is None:
            if groups and casualty.search(text):
                groups[-1].sentences.append((start, end))
            continue
        if groups and groups[-1].trigger.generic and trigger.event_type in VIOLENT:
            # the weapon named after the toll says what the event was
            groups[-1].trigger = trigger
            groups[-1].sentences.append((start, end))
            continue
        family = _family(trigger)
        same = next((g for g in groups if _family(g.trigger) == family), None)
        if same is not None:
            same.sentences.append((start, end))
            if family in ("crowd", "territory"):
                if _rank(trigger) > _rank(same.trigger) and not _RECALLED.search(text):
                    same.trigger = trigger
            elif trigger.sub_event_type in DECISIVE and same.trigger.sub_event_type not in DECISIVE:
                same.trigger = trigger
        else:
            same = EventGroup(trigger=trigger, sentences=[(start, end)])
            groups.append(same)
        if family == "crowd":
            # what else the protest's own sentence tells: the crowd fought, or was detained
            if _CROWD_VIOLENCE[lang].search(text):
                _escalate(same, "Violent demonstration")
            elif _CROWD_ARRESTS[lang].search(text):
                _escalate(same, "Protest with intervention")
    kept, passing = [], []
    for group in groups:
        if _gated(group.trigger) and not _told(ctx, group):
            # an attack named in passing; the sentence may tell another event
            group.trigger = _other_than(ctx, group.trigger, generic=False)
            if group.trigger is None:
                passing.append(group)
                continue
        kept.append(group)
    if kept:  # what was said in passing belongs to the report's event, as background does
        for group in passing:
            kept[0].sentences.extend(group.sentences)
        kept[0].sentences.sort()
    groups = kept
    return _fold_background(ctx, groups)


# Attacks, fights and blasts are reported when a sentence tells them; an Arabic protest
# cue is itself a crowd's act (ar.PROTEST_DONE).
TOLD_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
# Strikes from the air and shelling are let through: Syrian pages post them as they fall,
# often in a few words with no toll or verb ("قصف مدفعي على أطراف البلدة").
STRIKES = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})
# The sub-types whose cues are read as named in passing unless a sentence tells them.
GATED_SUBTYPES = frozenset(sub for lang in _RULES for t, sub, _ in _RULES[lang]
                           if t in TOLD_TYPES and sub not in STRIKES)


# The sub-types a sentence is read again without (see _other_than).
_CROWD_CUES = frozenset(CROWD_RANK)
_ATTACK_CUES = GATED_SUBTYPES | STRIKES


def _word_at(text: str, start: int, end: int) -> str:
    """The whole words a cue lies in ("صاروخيه" for the cue "صاروخ")."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return text[start:end]


def _other_than(ctx: DocContext, trigger: Trigger, generic: bool) -> Trigger | None:
    """The trigger's sentence read again without the cues of events it names in passing
    (attacks and strikes, or protests when a protest was only called for)."""
    passed = _CROWD_CUES if trigger.sub_event_type in CROWD_RANK else _ATTACK_CUES
    start, end = trigger.sentence
    return classify(ctx, start, end, generic=generic, passed=passed)


def _gated(trigger: Trigger) -> bool:
    return trigger.event_type in TOLD_TYPES and trigger.sub_event_type not in STRIKES


def _untold(trigger: Trigger, text: str, cue: str = "") -> bool:
    """Whether an Arabic sentence names its event about something else: an attack in a
    trial, an inquiry, a condemnation, a threat (ar.EVENT_NOT_TOLD); a protest called for
    or planned (ar.PROTEST_NOT_DONE)."""
    if trigger.sub_event_type in STRIKES:
        # arms talked of ("صفقة صواريخ", "منظومة الدفاع", "الصواريخ" with no use told)
        # unless a toll or a deed is told
        talk = _WEAPONS_TALK.search(text) or (_BARE_WEAPON.match(cue)
                                               and not _WEAPON_USED.search(text))
        return bool(talk) and not _TOLD.search(text)
    if _gated(trigger):
        return bool(_NOT_TOLD.search(text))
    if trigger.sub_event_type in CROWD_RANK:
        return bool(_NOT_DONE.search(text))
    return False


def _told(ctx: DocContext, group: EventGroup) -> bool:
    """Whether a report tells its event rather than naming it in passing: one of its
    sentences gives a toll or the deed done (ar.EVENT_TOLD), or the event is the headline
    (its cue opens its sentence: "تفجير انتحاري في فندق ...", "* 5 فبراير: اغتيال ...")."""
    s_start, s_end = group.trigger.sentence
    if _lang(ctx, s_start, s_end) != "ar":
        return True  # English reports are read by their own rules
    for start, end in group.sentences:
        if _TOLD.search(ctx.norm[start:end]):
            return True
    head = ctx.norm[s_start:group.trigger.start]
    head = _HEADLINE_CUT.sub("", head)
    return len(_WORD.findall(head)) <= HEADLINE_WORDS


# Words a headline may put before its event (a place, "عاجل"). A trade-off: arabic-events
# dev assault_f1 0.431 with 0, 0.428 with 1, 0.426 with 2; with 0 a post that opens on its
# place ("سرمين تفجير عبوة ناسفة ...") is no event (tests/test_events_ar_told.py).
HEADLINE_WORDS = 1


# What can say how the people of a bare toll died.
VIOLENT = frozenset({"Explosions/Remote violence", "Battles", "Violence against civilians", "Riots"})
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
