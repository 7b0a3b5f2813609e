"""The typed records every stage passes along.

Names follow ACLED (event_type, sub_event_type, actor1, geo_precision ...) and,
for ranges, UCDP (fatalities_low/best/high). Every extracted value carries a
``Span`` so a reviewer can see the exact text it came from.
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(Record):
    """Characters ``start:end`` of a document's stored text."""

    document_id: str
    start: int
    end: int
    text: str


class Document(Record):
    """One report: a news article, NGO update, post or feed item."""

    id: str  # SHA-256 of the normalised text: the same text ingested twice is one document
    text: str
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: date | None = None
    url: str | None = None
    language: str = "und"
    tags: list[str] = Field(default_factory=list)
    source_locator: str = ""  # file path or URL, with #row=N / #item=N for records inside it


class RawSource(Record):
    """The bytes an input arrived as, kept (compressed in the store) as evidence."""

    locator: str
    kind: str  # text, html, json, jsonl, csv, feed, url
    raw_sha256: str
    raw: bytes
    media_type: str = ""


class Failure(Record):
    locator: str
    reason: str  # one sentence a non-programmer understands
    detail: str = ""


class ActorRef(Record):
    """An actor as named in the text, normalised to the registry when known."""

    name: str  # registry name, or the text itself when the actor is not in the registry
    actor_id: str | None = None
    inter: int = 0
    country: str = ""
    span: Span | None = None


class PlaceRef(Record):
    name: str
    geonameid: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    iso: str = ""  # ISO 3166-1 alpha-2
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    feature: str = "city"  # city, admin1, country
    population: int = 0
    geo_precision: int = 1  # ACLED: 1 the town, 2 near a town / part of a region, 3 a larger region
    span: Span | None = None


class DateRef(Record):
    event_date: date
    time_precision: int = 1  # ACLED: 1 day, 2 week, 3 month
    span: Span | None = None  # None when only the publication date was available


class CasualtyCount(Record):
    """One reported figure: 'at least 12 civilians were killed'."""

    kind: str  # killed | injured
    low: int
    high: int
    victims: str = ""  # civilians, children, women, or "" when unspecified
    span: Span


class Quote(Record):
    text: str
    speaker: str | None = None
    speaker_actor_id: str | None = None
    kind: str = "quote"  # quote (direct speech) or claim (reported speech)
    span: Span
    speaker_span: Span | None = None
    cue: str | None = None  # the words that attribute it: "said", "told reporters", "according to"
    cue_span: Span | None = None
    # True when the cue vouches for the content ("confirmed", "acknowledged", "revealed"):
    # the author asserts it too; False when the author only attributes it
    asserted: bool = False


class Relation(Record):
    """Who fights, backs or is allied with whom, as one sentence of one source says."""

    kind: str  # fights | allied_with | supports
    actor_a: ActorRef
    actor_b: ActorRef
    asserted: bool = True  # False when the author reports someone else's claim
    claimant: str | None = None  # who made the claim, when reported
    span: Span  # the sentence


class Mention(Record):
    """One event as one document tells it."""

    id: str
    document_id: str
    event_type: str
    sub_event_type: str
    trigger: Span
    date: DateRef
    place: PlaceRef | None = None
    actor1: ActorRef | None = None
    actor2: ActorRef | None = None
    assoc_actor_1: list[ActorRef] = Field(default_factory=list)
    assoc_actor_2: list[ActorRef] = Field(default_factory=list)
    civilian_targeting: bool = False
    casualties: list[CasualtyCount] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    sentences: list[Span] = Field(default_factory=list)

    def figure(self, kind: str, victims: str = "") -> tuple[int, int] | None:
        """The largest (low, high) figure of a kind; restated totals are not summed."""
        found = [(c.low, c.high) for c in self.casualties if c.kind == kind and c.victims == victims]
        return max(found) if found else None


class IncidentActor(Record):
    """An actor of an incident and how sure the sources are of its part in it."""

    name: str
    actor_id: str | None = None
    side: str = "actor1"  # actor1 (who acted) or actor2 (who was targeted)
    status: str = "Suspected"  # Known or Suspected; the rule is in docs/schema.md
    source_count: int = 0  # independent sources naming it on this side
    document_ids: list[str] = Field(default_factory=list)


class Incident(Record):
    """One event after the reports of it are merged: the row of an ACLED-style export."""

    id: str
    event_id_cnty: str
    event_date: date  # the earliest date the sources give
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: str = ""
    assoc_actor_1: str = ""
    inter1: int | None = None
    actor2: str = ""
    assoc_actor_2: str = ""
    inter2: int | None = None
    interaction: int | None = None
    civilian_targeting: str = ""
    iso: str = ""
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    geonameid: int | None = None
    source: str = ""
    source_scale: str = ""
    notes: str = ""
    fatalities: int = 0
    fatalities_low: int = 0
    fatalities_best: int = 0
    fatalities_high: int = 0
    civilians_killed_min: int = 0
    civilians_killed_max: int = 0
    injured_min: int = 0
    injured_max: int = 0
    children_killed: int = 0
    women_killed: int = 0
    grade: str = ""
    source_count: int = 0
    mention_ids: list[str] = Field(default_factory=list)
    document_ids: list[str] = Field(default_factory=list)
    provenance: dict[str, list[Span]] = Field(default_factory=dict)
    # -- grouping and grading (see docs/schema.md for each rule)
    event_date_end: date | None = None  # the latest date the sources give
    civilians_killed_best: int = 0
    children_killed_max: int = 0
    women_killed_max: int = 0
    independent_source_count: int = 0
    contested: bool = False
    grade_reason: str = ""
    actors: list[IncidentActor] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    locked: bool = False  # an analyst fixed its reports: reruns never change them


class RunStats(Record):
    inputs: int = 0
    documents_new: int = 0
    documents_seen: int = 0
    failures: int = 0
    mentions: int = 0
    incidents: int = 0
    started: datetime | None = None
