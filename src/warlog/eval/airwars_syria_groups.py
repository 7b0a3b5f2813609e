"""`warlog eval airwars-syria-groups PATH`: does warlog group the sources Airwars cites
into Airwars' incidents?

Each source text (mostly Arabic Facebook and X posts) goes through warlog's extractor as
the extraction evaluator (``airwars_syria``) builds its document: the page title before a
text that lacks it, the publication date also when written in Arabic, the publisher; the
mentions are grouped as `warlog group` groups them, and each source is scored by the
incident it lands in.

Pages with no report text (login walls, "This post is unavailable", bot checks: the
extraction evaluator's ``has_report``) are left out of the score, as that evaluator
leaves them out of every metric: they hold nothing to group, and Airwars cites them for
its largest incidents, so kept in (each alone) they cap bcubed_f1 near 0.77 whatever the
grouping does (development half). The details give the score with them kept in, each
alone, beside it; and the score among the sources that give a date and among those that
give none, split as airwars-syria splits date_1day (``gives_date``): a post that says
only "today" can be placed by its place and words alone, against every report of its
place.

How a source is placed:
- a source whose mentions span several incidents is placed in the one holding most of its
  mentions (ties: the incident with more sources, then the earlier), since a post is
  usually about one strike and its other mentions are background;
- a source where warlog finds no event (a short caption, a page of navigation text) is
  placed with a near-copy of its text that was placed, or else alone: no report is
  dropped, so recall counts every report.

How the gold is read: Airwars links a source to one or more incidents (``incident_ids``).
Two sources belong together when they share at least one incident; B-cubed precision and
recall per source use that relation (Amigó et al. 2009, extended to overlapping gold
classes by taking each source's gold class as the union of its incidents' sources).
Pairwise F1 counts pairs of sources under the same relation.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from warlog import dedup
from warlog.eval import EvalResult, register
from warlog.eval.airwars_syria import (
    document_text,
    gives_date,
    language_of,
    published_of,
    split_reports,
)
from warlog.eval.airwars_syria_data import AirwarsSource, load_sources
from warlog.eval.metrics import prf
from warlog.model import Document, Mention


@dataclass
class GroupScore:
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float
    incidents_produced: int
    incidents_gold: int


def score_clusters(assigned: dict[str, int], gold: dict[str, list[str]]) -> GroupScore:
    """B-cubed and pairwise scores of a clustering of sources (source id -> cluster)
    against gold incident ids (source id -> [incident id, ...])."""
    members: dict[int, set[str]] = defaultdict(set)
    for sid, c in assigned.items():
        members[c].add(sid)
    by_incident: dict[str, set[str]] = defaultdict(set)
    for sid, incidents in gold.items():
        for i in incidents:
            by_incident[i].add(sid)
    precision = recall = 0.0
    tp = predicted_pairs = gold_pairs = 0
    for sid in assigned:
        same = members[assigned[sid]]
        related = set().union(*(by_incident[i] for i in gold[sid])) if gold[sid] else {sid}
        hit = len(same & related)
        precision += hit / len(same)
        recall += hit / len(related)
        tp += hit - 1
        predicted_pairs += len(same) - 1
        gold_pairs += len(related) - 1
    n = len(assigned) or 1
    p, r = precision / n, recall / n
    f = 2 * p * r / (p + r) if p + r else 0.0
    pp, pr, pf = prf(tp // 2, (predicted_pairs - tp) // 2, (gold_pairs - tp) // 2)
    return GroupScore(p, r, f, pp, pr, pf, len(members), len(by_incident))


def place_sources(sources: list[AirwarsSource], doc_of: dict[str, Document | None],
                  mentions: dict[str, list[Mention]]) -> dict[str, int]:
    """Group the documents' mentions and place each source in one cluster (see above)."""
    from warlog.group import cluster

    docs = {d.id: d for d in doc_of.values() if d is not None}
    all_mentions = {m.id: m for ms in mentions.values() for m in ms}
    groups = cluster(list(all_mentions.values()), docs)
    incident_of = {m.id: n for n, (group, _) in enumerate(groups) for m in group}
    size = {n: len({m.document_id for m in group}) for n, (group, _) in enumerate(groups)}
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in all_mentions.values():
        votes[m.document_id][incident_of[m.id]] += 1
    by_doc = {doc_id: max(v, key=lambda n: (v[n], size[n], -n)) for doc_id, v in votes.items()}
    # documents with no event: with a placed near-copy, else alone
    index = dedup.CopyIndex()
    prints: dict[str, dedup.Signature] = {}
    for doc_id in sorted(by_doc):
        prints[doc_id] = dedup.signature(docs[doc_id].text)
        index.add(doc_id, prints[doc_id])
    next_cluster = len(groups)
    assigned: dict[str, int] = {}
    for s in sources:
        doc = doc_of.get(s.source_id)
        if doc is not None and doc.id in by_doc:
            assigned[s.source_id] = by_doc[doc.id]
            continue
        near = index.near(dedup.signature(doc.text)) if doc is not None else []
        if near:
            assigned[s.source_id] = by_doc[near[0]]
        else:  # alone, even beside the same text: a login page tells no event
            assigned[s.source_id] = next_cluster
            next_cluster += 1
    return assigned


def read_sources(sources: list[AirwarsSource], extractor) -> tuple[dict, dict]:
    """Each source (a page holding a report: ``split_reports``) as a stored document (None
    when too short) and its mentions. The document is built as the extraction evaluator
    builds it (``airwars_syria``): the page title before a text that lacks it, the
    record's publication date also when written in Arabic, the record's language."""
    from warlog.ingest.readers import make_document

    doc_of: dict[str, Document | None] = {}
    mentions: dict[str, list[Mention]] = {}
    seen: dict[str, list[Mention]] = {}
    for s in sources:
        doc = make_document(document_text(s), f"airwars-syria:{s.source_id}",
                            title=s.title or None, publisher=s.publisher or None,
                            published=published_of(s), url=s.url or None,
                            language=language_of(s))
        if not isinstance(doc, Document):
            doc_of[s.source_id] = None
            continue
        doc_of[s.source_id] = doc
        if doc.id not in seen:  # the same text twice is one document, extracted once
            seen[doc.id] = extractor(doc)
        mentions[doc.id] = seen[doc.id]
    return doc_of, mentions


@register("airwars-syria-groups")
def evaluate(path: Path, limit: int | None = None) -> EvalResult:
    from warlog.extract.pipeline import Extractor

    every = load_sources(Path(path), limit)
    sources, walls = split_reports(every)
    extractor = Extractor()
    doc_of, mentions = read_sources(sources, extractor)
    assigned = place_sources(sources, doc_of, mentions)
    gold = {s.source_id: s.incident_ids for s in sources}
    result = score_clusters(assigned, gold)
    # each source's mentions (none when its page was too short to store)
    found = {s.source_id: mentions.get(doc.id, []) if (doc := doc_of.get(s.source_id)) else []
             for s in sources}
    has_event = {sid for sid, ms in found.items() if ms}
    # the walls kept in, each alone: the figure the archive's captures allow
    alone = len(assigned)
    with_walls = score_clusters(
        {**assigned, **{s.source_id: alone + n for n, s in enumerate(walls)}},
        {s.source_id: s.incident_ids for s in every})
    # bounds that say how much is grouping's to win: every source alone (the floor), and
    # every source with an event filed by its first gold incident, the rest alone (what
    # perfect grouping of what extraction found would score)
    floor = score_clusters({s.source_id: n for n, s in enumerate(sources)}, gold)
    ids: dict[str, int] = {}
    ceiling = score_clusters({s.source_id: ids.setdefault(
        s.incident_ids[0] if s.source_id in has_event and s.incident_ids else s.source_id,
        len(ids)) for s in sources}, gold)
    # the sources that give a date (as airwars-syria splits date_1day) scored among
    # themselves, and those that give none: a post saying only "today" can be placed only
    # by its place and words, against every report of its place
    dated = {s.source_id for s in sources
             if gives_date(s, document_text(s), found[s.source_id])}
    by_dating = []
    for label, part in (("a date", dated), ("none", {s.source_id for s in sources} - dated)):
        sub = score_clusters({k: v for k, v in assigned.items() if k in part},
                             {k: v for k, v in gold.items() if k in part})
        by_dating.append((f"bcubed_f1 (P / R) among sources with {label} (n)",
                          f"{sub.bcubed_f1:.3f} ({sub.bcubed_precision:.3f} / "
                          f"{sub.bcubed_recall:.3f}) ({len(part)})"))
    return EvalResult(
        set="airwars-syria-groups", n=len(sources), gazetteer=extractor.gazetteer.source,
        metrics={
            "bcubed_precision": result.bcubed_precision,
            "bcubed_recall": result.bcubed_recall,
            "bcubed_f1": result.bcubed_f1,
            "pairwise_precision": result.pairwise_precision,
            "pairwise_recall": result.pairwise_recall,
            "pairwise_f1": result.pairwise_f1,
            "incidents_produced": float(result.incidents_produced),
            "incidents_gold": float(result.incidents_gold),
        },
        details=[
            ("sources with an event found", f"{len(has_event)} of {len(sources)}"),
            ("bcubed_f1, every source alone", f"{floor.bcubed_f1:.3f}"),
            ("bcubed_f1, perfect grouping of sources with an event", f"{ceiling.bcubed_f1:.3f}"),
            ("pages with no report text (left out)", str(len(walls))),
            ("bcubed_f1 (P / R) with those pages kept in, each alone",
             f"{with_walls.bcubed_f1:.3f} ({with_walls.bcubed_precision:.3f} / "
             f"{with_walls.bcubed_recall:.3f})"),
            ("sources citing several incidents",
             str(sum(1 for s in sources if len(s.incident_ids) > 1))),
            *by_dating,
        ],
    )
