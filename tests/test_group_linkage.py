"""How incidents hold together beyond one pair of reports: an incident's days stay within
its span (no chain of daily strikes on one town), a report tied strongly to two incidents
makes them one, and a date written without a year meets full dates of its day."""

from __future__ import annotations

from datetime import date

import pytest

from warlog.group import (
    INCIDENT_SPAN_DAYS,
    MERGE_THRESHOLD,
    Grouper,
    cluster,
    features,
    link_item,
)
from warlog.model import DateRef, Document, Mention, PlaceRef, Span

# invented places
KAFR_SALEM = ("Kafr Salem", 11, 35.90, 36.72)
TELL_SAFI = ("Tell Safi", 12, 35.95, 36.71)  # 6 km away
_DAY0 = date(2019, 4, 10)


def _mention(doc: str, day: date | None, town: tuple | None = KAFR_SALEM,
             date_text: str | None = None) -> Mention:
    span = Span(document_id=doc, start=0, end=5, text="xxxxx")
    place = None
    if town is not None:
        name, gid, lat, lon = town
        place = PlaceRef(name=name, geonameid=gid, latitude=lat, longitude=lon, iso="SY",
                         admin1="Idlib", population=8_000,
                         span=Span(document_id=doc, start=0, end=len(name), text=name))
    when = (DateRef(event_date=day, span=Span(document_id=doc, start=0, end=len(date_text or "x"),
                                              text=date_text or "x"))
            if day else DateRef(event_date=date(2026, 1, 1), time_precision=2))
    return Mention(id=f"{doc}-1", document_id=doc, event_type="Explosions/Remote violence",
                   sub_event_type="Air/drone strike", trigger=span, date=when, place=place,
                   sentences=[Span(document_id=doc, start=0, end=10, text="x")])


def _doc(doc: str, published: date | None = _DAY0) -> Document:
    return Document(id=doc, text=f"report {doc}", published=published)


def _groups(mentions: list[Mention], docs: dict[str, Document]) -> list[list[str]]:
    return sorted(sorted(m.document_id for m in g) for g, _ in cluster(mentions, docs))


def test_group_linkage_daily_strikes_on_one_town_do_not_chain():
    # two reports a day of strikes on one town four days running: each pair of
    # consecutive days may be one strike told late, but not all four days
    mentions = [_mention(f"day{d}-{r}", date.fromordinal(_DAY0.toordinal() + d))
                for d in range(4) for r in "ab"]
    docs = {m.document_id: _doc(m.document_id) for m in mentions}
    assert INCIDENT_SPAN_DAYS == 1
    assert _groups(mentions, docs) == [["day0-a", "day0-b", "day1-a", "day1-b"],
                                       ["day2-a", "day2-b", "day3-a", "day3-b"]]


def _item(doc: str, day: date | None, town: tuple | None = KAFR_SALEM):
    return link_item(_mention(doc, day, town), _doc(doc))


@pytest.mark.parametrize(("stored", "locked", "b_day", "merged"), [
    ((False, False), False, 0, True),  # two incidents of this run: one
    ((False, True), False, 0, True),  # one was in the store: the new one folds into it
    ((True, True), False, 0, False),  # both were: an analyst may have kept them apart
    ((False, False), True, 0, False),  # a locked incident takes nothing
    ((False, False), False, 2, False),  # together they would span three days
])
def test_group_linkage_a_report_tied_to_two_incidents_makes_them_one(stored, locked, b_day,
                                                                     merged):
    g = Grouper()
    a, b = _item("a", _DAY0), _item("b", date.fromordinal(_DAY0.toordinal() + b_day), TELL_SAFI)
    # two incidents that one report ties: each a reading of the place the other misses
    ka, kb = g.new_cluster(stored=stored[0]), g.new_cluster(locked=locked, stored=stored[1])
    g.put(ka, a)
    g.put(kb, b)
    bridge_day = _DAY0 if b_day == 0 else date.fromordinal(_DAY0.toordinal() + 1)
    c = link_item(_mention("c", bridge_day, KAFR_SALEM), _doc("c"))
    c.place_name, c.place_names = "tell safi", frozenset({"tell safi"})  # names both places
    link = g.add(c)
    assert (g.find(ka) == g.find(kb)) == merged
    if merged:
        keep = kb if stored[1] and not stored[0] else ka  # the store's incident keeps its id
        assert g.find(ka) == keep and link.incident == keep
        assert link.features["bridged_mentions"] and link.features["score"] >= MERGE_THRESHOLD
        assert {m.mention_id for m in g.clusters[keep].members} == {"a-1", "b-1", "c-1"}
    else:
        assert "bridged_mentions" not in link.features


def test_group_linkage_bridged_incidents_come_out_as_one_and_are_forgotten_together():
    g = Grouper()
    a, b = _item("a", _DAY0), _item("b", _DAY0, TELL_SAFI)
    ka, kb = g.new_cluster(), g.new_cluster()
    g.put(ka, a)
    g.put(kb, b)
    g.add(_item("c", _DAY0))  # joins a only: not tied to b strongly enough
    c2 = _item("d", _DAY0)
    c2.place_name = "tell safi"
    g.add(c2)
    assert g.find(kb) == ka and len(g.clusters) == 1
    gone = g.forget_before(_DAY0.toordinal() + 60)
    assert gone == [ka] and g.held == 0 and not g._index and not g._by_document
    assert not g._merged_into


@pytest.mark.parametrize(("written", "yearless_day", "joins"), [
    ("10 April", date(2026, 4, 10), True),  # day and month of the strike, year unknown
    ("11 April", date(2026, 4, 11), True),  # told the morning after
    ("14 April", date(2026, 4, 14), False),  # another day: another strike
])
def test_group_linkage_a_date_without_year_meets_full_dates_of_its_day(written, yearless_day,
                                                                        joins):
    dated = link_item(_mention("dated", _DAY0, date_text="10 April 2019"), _doc("dated"))
    undated_doc = _doc("yearless", published=None)
    yearless = link_item(_mention("yearless", yearless_day, date_text=written), undated_doc)
    assert yearless.day is not None and not yearless.dated
    f = features(dated, yearless)
    assert (f is not None and f["score"] >= MERGE_THRESHOLD) == joins, f
    if f is not None:
        assert f["year_unknown"] is True


def test_group_linkage_year_unknown_across_the_new_year():
    dated = link_item(_mention("dated", date(2019, 1, 1), date_text="1 January 2019"),
                      _doc("dated", date(2019, 1, 1)))
    yearless = link_item(_mention("yearless", date(2026, 12, 31), date_text="31 December"),
                         _doc("yearless", published=None))
    f = features(dated, yearless)
    assert f is not None and f["date_gap_days"] == 1


def test_group_linkage_a_date_without_year_finds_the_dated_incident_of_its_place():
    dated = _mention("dated", _DAY0, date_text="10 April 2019")
    yearless = _mention("yearless", date(2026, 4, 10), date_text="10 April")
    docs = {"dated": _doc("dated"), "yearless": _doc("yearless", published=None)}
    assert _groups([dated, yearless], docs) == [["dated", "yearless"]]


# a report far from Kafr Salem, and one the gazetteer placed at Kafr Salem though it
# writes "Tell Safi": it ties both
TELL_SAFI_FAR = ("Tell Safi", 13, 35.60, 36.40)  # 40 km away


def _store_mention(doc: str, town: tuple, written: str | None = None) -> Mention:
    m = _mention(doc, _DAY0, town, date_text="10 April 2019")
    if written is not None:
        assert m.place is not None and m.place.span is not None
        m.place.span = Span(document_id=doc, start=0, end=len(written), text=written)
    return m


@pytest.mark.parametrize(("first_run", "second_run", "incidents"), [
    (["a", "b", "c"], [], 1),  # one run: the bridge makes the two one
    (["a"], ["b", "c"], 1),  # the new incident folds into the stored one, which keeps its id
    (["a", "b"], ["c"], 2),  # two stored incidents stay two
])
def test_group_linkage_bridging_in_the_store(tmp_path, first_run, second_run, incidents):
    from warlog.group import group_store
    from warlog.store import open_store

    store = open_store(tmp_path / "warlog.db")
    made = {"a": _store_mention("a", KAFR_SALEM), "b": _store_mention("b", TELL_SAFI_FAR),
            "c": _store_mention("c", KAFR_SALEM, written="Tell Safi")}
    for run in (first_run, second_run):
        for doc in run:
            store.add_document(Document(id=doc, text=f"report {doc}", published=_DAY0))
            store.replace_mentions(doc, [made[doc]])
        group_store(store)
        if run is first_run:
            opened = {i.id: set(i.mention_ids) for i in store.incidents()}
    found = {i.id: set(i.mention_ids) for i in store.incidents()}
    assert len(found) == incidents
    assert set().union(*found.values()) == {"a-1", "b-1", "c-1"}
    if second_run == ["b", "c"]:
        assert list(found) == list(opened)  # the stored incident's id, grown
    links = store.incident_links()
    bridged = [f for ms in links.values() for _, f, _ in ms.values() if "bridged_mentions" in f]
    assert len(bridged) == (incidents == 1)


def test_group_linkage_a_date_without_year_finds_a_dated_report_of_a_nearby_place():
    # Tell Safi is 6 km from Kafr Salem: no shared place id or name, only the region and
    # the day of the year bring the two together
    dated = _mention("dated", _DAY0, KAFR_SALEM, date_text="10 April 2019")
    yearless = _mention("yearless", date(2026, 4, 10), TELL_SAFI, date_text="10 April")
    docs = {"dated": _doc("dated"), "yearless": _doc("yearless", published=None)}
    assert _groups([dated, yearless], docs) == [["dated", "yearless"]]
    # and the other way round: the yearless report first, the dated one later
    g = Grouper()
    first = g.add(link_item(yearless, docs["yearless"]))
    assert g.add(link_item(dated, docs["dated"])).incident == first.incident


@pytest.mark.parametrize(("early_actor", "joins"), [
    ("rus", False),  # two strikes on its town match the undated report alike: no choice
    (None, True),  # the actor it names tells one of them
])
def test_group_linkage_an_undated_report_between_two_incidents_alike_stays_alone(early_actor,
                                                                                 joins):
    def with_actor(m: Mention, actor: str | None) -> Mention:
        from warlog.model import ActorRef

        if actor:
            m.actor1 = ActorRef(name=actor, actor_id=actor)
        return m

    early = with_actor(_mention("early", _DAY0), early_actor)
    late = with_actor(_mention("late", date.fromordinal(_DAY0.toordinal() + 9)), "rus")
    undated = with_actor(_mention("undated", None), "rus")
    docs = {"early": _doc("early"), "late": _doc("late"),
            "undated": _doc("undated", published=None)}
    g = Grouper()
    keys = {name: g.add(link_item(m, docs[name])).incident
            for name, m in (("early", early), ("late", late))}
    link = g.add(link_item(undated, docs["undated"]))
    if joins:
        assert link.incident == keys["late"] and link.features["actors_shared"] == 1
    else:
        assert link.incident not in keys.values()
        assert link.features["matched_mentions"] == ["early-1", "late-1"]


def test_group_find_follows_and_shortens_chains_of_merges():
    from warlog.group import Grouper

    grouper = Grouper()
    grouper._merged_into.update({1: 2, 2: 3, 3: 4})  # 1 merged into 2, 2 into 3, 3 into 4
    assert [grouper.find(k) for k in (1, 2, 3, 4, 5)] == [4, 4, 4, 4, 5]
    assert grouper._merged_into == {1: 4, 2: 4, 3: 4}
