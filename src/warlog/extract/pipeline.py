"""The extraction stages, in order. Each stage has one shape:
``(DocContext, list[Mention]) -> list[Mention]``; the first creates the mentions,
the others enrich them. To add a stage, write the function and list it here."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from warlog.extract import actors, casualties, dates, events, places, relations
from warlog.extract.context import DocContext
from warlog.extract.lang import ar, ar_places
from warlog.extract.lang.ar_dateline import publication_date
from warlog.extract.ner import Entities, find_entities_many
from warlog.gazetteer import Gazetteer, default_gazetteer
from warlog.model import DateRef, Document, Mention
from warlog.registry import Registry, default_registry

Stage = Callable[[DocContext, list[Mention]], list[Mention]]

EXTRACTOR_VERSION = "0.1"


def _base_date(ctx: DocContext) -> date:
    # Without a publication date, relative dates are read against the date the page
    # itself carries (a copied post's timestamp, a dateline), else the ingest day.
    if ctx.doc.published is None and "dateline" not in ctx.__dict__:
        ctx.__dict__["dateline"] = publication_date(ctx.doc.text)
    return ctx.doc.published or ctx.__dict__.get("dateline") or date.today()


def _groups(ctx: DocContext) -> dict[str, events.EventGroup]:
    return ctx.__dict__.setdefault("event_groups", {})


def detect_events(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    out = []
    for n, group in enumerate(events.find_events(ctx, _base_date(ctx)), start=1):
        mention = Mention(
            id=f"{ctx.doc.id[:16]}-{n}",
            document_id=ctx.doc.id,
            event_type=group.trigger.event_type,
            sub_event_type=group.trigger.sub_event_type,
            trigger=ctx.span(group.trigger.start, group.trigger.end),
            date=DateRef(event_date=_base_date(ctx), time_precision=2),
            sentences=[ctx.span(s, e) for s, e in group.sentences],
        )
        _groups(ctx)[mention.id] = group
        out.append(mention)
    return mentions + out


def resolve_dates(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    for m in mentions:
        m.date = dates.event_date(ctx, _groups(ctx)[m.id].sentences, _base_date(ctx))
    return mentions


def locate(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    resolved = places.resolve(ctx)
    if ctx.lang is ar:  # Arabic words that name towns abroad (see lang.ar_places)
        resolved = ar_places.filter_resolved(ctx, resolved)
    for m in mentions:
        group = _groups(ctx)[m.id]
        chosen = places.event_place(ctx, resolved, group.sentences, group.trigger.start)
        if chosen:
            m.place = places.place_ref(ctx, *chosen)
    return mentions


def assign_actors(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    for m in mentions:
        group = _groups(ctx)[m.id]
        iso = m.place.iso if m.place else ""
        side1, side2 = actors.roles(ctx, group.sentences, group.trigger.start, iso)
        refs1 = [actors.actor_ref(ctx, a, iso) for a in side1]
        refs2 = [actors.actor_ref(ctx, a, iso) for a in side2]
        if refs1:
            m.actor1, m.assoc_actor_1 = refs1[0], refs1[1:]
        if refs2:
            m.actor2, m.assoc_actor_2 = refs2[0], refs2[1:]
    return mentions


def find_relations(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """Who fights, backs or is allied with whom, as the event's sentences say (see
    extract.relations)."""
    for m in mentions:
        iso = m.place.iso if m.place else ""
        m.relations = relations.find_relations(ctx, _groups(ctx)[m.id].sentences, iso)
    return mentions


def count_casualties(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    for m in mentions:
        m.casualties = casualties.find_casualties(ctx, _groups(ctx)[m.id].sentences)
    return mentions


def attach_quotes(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """A quote goes to the event whose sentences hold it; the others to the first event."""
    if not mentions:
        return mentions
    for q in ctx.quotes:
        owner = next((m for m in mentions if any(
            s.start <= q.span.start < s.end for s in m.sentences)), mentions[0])
        owner.quotes.append(q)
    return mentions


# A strike word that names no weapon (ar.UNNAMED_STRIKE) by an air force came from the
# air. Russia's or Israel's forces named as a whole were tried too and dropped: Airwars
# Syria codes half of those as artillery (dev half: +5 / -4 Russia, +3 / -4 Israel).
_UNNAMED_STRIKE = re.compile(ar.UNNAMED_STRIKE)


def refine_types(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """Codes that depend on who acted and who was hit (ACLED's rules)."""
    for m in mentions:
        inter1 = m.actor1.inter if m.actor1 else 0
        trigger = _groups(ctx)[m.id].trigger
        # a strike that names no weapon, by an air force, came from the air ("قصفت طائرة
        # حربية تركية", "استهداف طيران الاحتلال الإسرائيلي")
        if (m.sub_event_type == "Shelling/artillery/missile attack" and m.actor1 is not None
                and (m.actor1.actor_id or "").endswith("_air_force")
                and _UNNAMED_STRIKE.fullmatch(ctx.norm, trigger.start, trigger.end)):
            m.sub_event_type = "Air/drone strike"
        if m.sub_event_type == "Non-state actor overtakes territory" and inter1 in (1, 8):
            m.sub_event_type = "Government regains territory"
        elif m.sub_event_type == "Government regains territory" and inter1 in (2, 3, 4):
            m.sub_event_type = "Non-state actor overtakes territory"
        killed = [c for c in m.casualties if c.kind == "killed" and c.high > 0]
        # A toll with no act named, all of it armed men: a clash, not an attack on civilians.
        if (trigger.generic and killed
                and all(c.victims == "combatants" for c in killed)):
            m.event_type, m.sub_event_type = "Battles", "Armed clash"
        civilian_victims = any(
            c.victims in ("civilians", "children", "women") and c.kind == "killed"
            for c in m.casualties)
        if civilian_victims and m.event_type in (
            "Violence against civilians", "Explosions/Remote violence"
        ):
            m.civilian_targeting = True
            if m.actor2 is None and m.place:
                civ = ctx.registry.civilians(m.place.iso)
                if civ:
                    m.actor2 = actors.ActorRef(name=civ.name, actor_id=civ.id, inter=7,
                                               country=civ.country)
    return mentions


STAGES: list[Stage] = [
    detect_events,
    resolve_dates,
    locate,
    assign_actors,
    find_relations,
    count_casualties,
    attach_quotes,
    refine_types,
]


class Extractor:
    """Runs the stages over documents. ``ner=False`` leaves spaCy's recogniser out (places
    by the gazetteer's rules alone, as without spaCy installed): about a third less CPU a
    report for somewhat less accurate English places (docs/scaling.md gives both)."""

    def __init__(self, gazetteer: Gazetteer | None = None, registry: Registry | None = None,
                 ner: bool = True):
        self.gazetteer = gazetteer or default_gazetteer()
        self.registry = registry or default_registry()
        self.ner = ner

    def _context(self, doc: Document) -> DocContext:
        ctx = DocContext(doc, self.gazetteer, self.registry)
        if not self.ner:
            ctx.__dict__["entities"] = Entities()  # read by the stages as "NER read nothing"
        return ctx

    def __call__(self, doc: Document) -> list[Mention]:
        return self._run(self._context(doc), [], STAGES)

    def _run(self, ctx: DocContext, mentions: list[Mention], stages: list[Stage]
             ) -> list[Mention]:
        for stage in stages:
            mentions = stage(ctx, mentions)
            if not mentions:
                # every stage enriches mentions: a report with no event is done, and
                # must not pay for NER over its whole text
                return mentions
        return mentions

    def many(self, docs: list[Document]) -> list[list[Mention] | Exception]:
        """Each document's mentions, as extracting it alone gives them, or the error it
        raised. NER reads the documents that get that far in one pass (see
        ner.find_entities_many): the stages before ``locate`` run document by document,
        then NER, then the rest."""
        split = STAGES.index(locate)  # the first stage that reads NER's entities
        started: list[tuple[DocContext, list[Mention]] | Exception] = []
        for doc in docs:
            try:
                ctx = self._context(doc)
                started.append((ctx, self._run(ctx, [], STAGES[:split])))
            except Exception as err:  # one bad document must not stop the others
                started.append(err)
        waiting = [s[0] for s in started if isinstance(s, tuple) and s[1]
                   and "entities" not in s[0].__dict__]
        if waiting:
            try:
                for ctx, ents in zip(waiting, find_entities_many(waiting), strict=True):
                    ctx.__dict__["entities"] = ents
            except Exception:  # each document then reads its own (and fails on its own)
                pass
        out: list[list[Mention] | Exception] = []
        for s in started:
            if isinstance(s, Exception) or not s[1]:
                out.append(s if isinstance(s, Exception) else s[1])
                continue
            try:
                out.append(self._run(s[0], s[1], STAGES[split:]))
            except Exception as err:
                out.append(err)
        return out
