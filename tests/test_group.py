"""Grouping mentions into incidents: the demo corpus's known grouping, incremental runs,
the analyst's merge/split/lock surviving reruns, explained links, determinism."""

from __future__ import annotations

import json
import random
from collections import Counter, defaultdict
from datetime import date
from importlib import resources

import pytest
from group_support import FIXTURES, manbij_and_deir, run_reports
from hypothesis import given, settings
from hypothesis import strategies as st

from warlog.group import (
    FAMILY,
    MERGE_THRESHOLD,
    Grouper,
    cluster,
    features,
    group_store,
    link_item,
    lock_incident,
    merge_incidents,
    split_mention,
)
from warlog.model import ActorRef, CasualtyCount, DateRef, Document, Mention, PlaceRef, Span
from warlog.store import open_store
from warlog.store.review import SQLiteReview, local_user


def _report_name(locator: str) -> str:
    return locator.split("/reports/")[-1]


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("demo") / "warlog.db")
    with resources.as_file(resources.files("warlog.demo").joinpath("reports")) as reports:
        run_reports(store, reports)
    yield store
    store.close()


def _report_incidents(store) -> dict[str, str]:
    """Each report's incident: the one holding most of its mentions (ties: the incident
    with more sources), as a reader would file the report."""
    docs = {d.id: d for d in store.documents()}
    incidents = store.incidents()
    size = {i.id: i.source_count for i in incidents}
    votes: dict[str, Counter] = defaultdict(Counter)
    for inc in incidents:
        for m in store.mentions_by_id(inc.mention_ids):
            votes[m.document_id][inc.id] += 1
    return {_report_name(docs[d].source_locator): max(v, key=lambda i: (v[i], size[i], i))
            for d, v in votes.items()}


@pytest.mark.slow
def test_group_demo_reproduces_the_known_grouping(demo_store):
    expected = json.loads(resources.files("warlog.demo").joinpath("expected.json").read_text())
    filed = _report_incidents(demo_store)
    produced = defaultdict(set)
    for report, inc in filed.items():
        produced[inc].add(report)
    for incident in expected["incidents"]:
        homes = {filed.get(r) for r in incident["reports"]}
        assert len(homes) == 1 and None not in homes, (incident["key"], homes)
        assert produced[homes.pop()] == set(incident["reports"]), incident["key"]


@pytest.mark.slow
def test_group_demo_links_carry_score_and_features(demo_store):
    links = demo_store.incident_links()
    assert links
    for members in links.values():
        for score, feats, by in members.values():
            assert by == "warlog"
            assert feats["score"] == score
            assert "opened" in feats or score >= MERGE_THRESHOLD
            if "opened" not in feats:
                assert "matched_mention" in feats and "event_type" in feats


@pytest.mark.slow
def test_group_demo_grades_and_counts(demo_store):
    incidents = {i.location: i for i in demo_store.incidents()}
    raqqa = incidents["Ar Raqqah"]
    assert raqqa.source_count == 4 and raqqa.independent_source_count >= 2
    assert raqqa.fatalities_low <= raqqa.fatalities_best <= raqqa.fatalities_high
    for inc in incidents.values():
        assert inc.grade in {"Confirmed", "Fair", "Weak", "Contested"}
        assert inc.grade_reason
        assert inc.contested == (inc.grade == "Contested") or inc.grade == "Confirmed"
        assert inc.independent_source_count <= inc.source_count
        assert inc.event_date <= (inc.event_date_end or inc.event_date)


def test_group_new_report_attaches_to_its_incident_without_regrouping(tmp_path):
    store = open_store(tmp_path / "warlog.db")
    run_reports(store, FIXTURES / "a1-manbij-wire.md", FIXTURES / "a2-manbij-ar.md",
         FIXTURES / "b1-deir-clash.md")
    before = {i.id: i for i in store.incidents()}
    manbij = next(i for i in before.values() if i.location == "Manbij")
    assert manbij.source_count == 2  # the English and the Arabic report
    run_reports(store, FIXTURES / "later")
    after = {i.id: i for i in store.incidents()}
    assert set(before) <= set(after)
    grown = after[manbij.id]
    assert grown.event_id_cnty == manbij.event_id_cnty
    assert grown.source_count == 3 and grown.fatalities_high == 7 and grown.fatalities_low == 5
    for inc_id, inc in before.items():
        if inc_id != manbij.id:
            assert after[inc_id].mention_ids == inc.mention_ids
    assert len(after) == len(before) + 1  # the Homs report opened its own
    report = group_store(store)  # nothing new: nothing placed
    assert report.placed == 0 and report.touched == 0
    # each text was fingerprinted once and kept for later runs
    kept = store.conn.execute("SELECT count(*) FROM document_signatures").fetchone()[0]
    assert kept == store.count("documents")
    assert store.signatures(lambda text: pytest.fail("hashed again"))


def test_group_analyst_merge_split_and_lock_survive_reruns(tmp_path):
    store = open_store(tmp_path / "warlog.db")
    manbij, deir, arabic = manbij_and_deir(store)
    # split the Arabic report's mention out of Manbij
    alone = split_mention(store, manbij.id, arabic.id, note="a different strike", user="ana")
    for rebuild in (False, True):
        group_store(store, rebuild=rebuild)
        links = store.incident_links()
        assert set(links[alone.id]) == {arabic.id}
        assert arabic.id not in links[manbij.id]
    # merge Deir ez-Zor into Manbij (an analyst knows better), then rerun
    merge_incidents(store, [manbij.id, deir.id], note="one operation", user="ana")
    review = SQLiteReview(store)
    for rebuild in (False, True):
        group_store(store, rebuild=rebuild)
        assert set(store.incident_links()[manbij.id]) == set(manbij.mention_ids) - {arabic.id} | set(
            deir.mention_ids)
        assert deir.id not in store.incident_links()  # merged away, hidden from the ledger
        gone = review.view(deir.id).state
        assert (gone.status, gone.merged_into) == ("merged", manbij.id)
    # a locked incident takes no new report: the Manbij update opens its own
    merged = lock_incident(store, manbij.id, note="checked", user="ana")
    assert merged.locked and review.view(manbij.id).state.locked
    run_reports(store, FIXTURES / "later")
    assert set(store.incident_links()[manbij.id]) == set(merged.mention_ids)
    # the command line's changes are in the one log the review desk shows
    assert [(r.action, r.user_name, r.reason) for r in reversed(review.history(manbij.id))] == [
        ("split", "ana", "a different strike"), ("merge", "ana", "one operation"),
        ("lock", "ana", "checked")]
    assert [r.action for r in review.history(alone.id)] == ["split_from"]
    lock_incident(store, manbij.id, locked=False)
    assert not store.incident(manbij.id).locked and not review.view(manbij.id).state.locked
    assert review.history(manbij.id)[0].user_name == local_user()


def test_group_rerun_keeps_analyst_edits_and_takes_new_reports(tmp_path):
    """An incident an analyst corrected still takes a new report of its event: rebuilt from
    its reports, it shows the new one and keeps the fields the analyst set."""
    store = open_store(tmp_path / "warlog.db")
    manbij, _, _ = manbij_and_deir(store)
    review = SQLiteReview(store)
    review.edit(manbij.id, 0, {"notes": "checked against the morgue list", "fatalities_low": 6},
                "ana", "hospital count")
    for rebuild in (False, True):
        if rebuild:
            group_store(store, rebuild=True)
        else:
            run_reports(store, FIXTURES / "later")
        grown = review.view(manbij.id).incident
        assert set(grown.mention_ids) == set(store.incident_links()[manbij.id])
        assert grown.source_count == 3 and grown.fatalities_high == 7  # the machine's, anew
        assert grown.notes == "checked against the morgue list" and grown.fatalities_low == 6


# -- features and determinism on built mentions -------------------------------------
def _mention(n: int, doc: str, day: int, town: tuple[str, int, float, float] | None,
             event_type: str = "Explosions/Remote violence", sub: str = "Air/drone strike",
             killed: int | None = None, actor: str | None = None) -> Mention:
    span = Span(document_id=doc, start=0, end=5, text="xxxxx")
    place = None
    if town is not None:
        name, gid, lat, lon = town
        place = PlaceRef(name=name, geonameid=gid, latitude=lat, longitude=lon, iso="SY",
                         admin1="Idlib", population=20_000)
    return Mention(
        id=f"{doc}-{n}", document_id=doc, event_type=event_type, sub_event_type=sub,
        trigger=span, date=DateRef(event_date=date.fromordinal(736_000 + day), span=span),
        place=place, actor1=ActorRef(name=actor, actor_id=actor) if actor else None,
        casualties=[CasualtyCount(kind="killed", low=killed, high=killed, span=span)]
        if killed else [], sentences=[Span(document_id=doc, start=n * 100, end=n * 100 + 90,
                                           text="x")])


SARMIN = ("Sarmin", 1, 35.90, 36.72)
BINNISH = ("Binnish", 2, 35.95, 36.71)  # 6 km away
ARIHA = ("Ariha", 3, 35.81, 36.61)  # 14 km away
_DOC = Document(id="x", text="x", published=date(2015, 1, 1))


@pytest.mark.parametrize(("a", "b", "joins"), [
    (_mention(1, "d1", 0, SARMIN), _mention(1, "d2", 0, SARMIN), True),
    (_mention(1, "d1", 0, SARMIN), _mention(1, "d2", 1, SARMIN), True),  # a night strike
    (_mention(1, "d1", 0, SARMIN), _mention(1, "d2", 3, SARMIN), False),
    (_mention(1, "d1", 0, SARMIN), _mention(1, "d2", 0, BINNISH), True),
    (_mention(1, "d1", 0, SARMIN), _mention(1, "d2", 0, ARIHA), False),
    (_mention(1, "d1", 0, SARMIN),
     _mention(1, "d2", 0, SARMIN, "Violence against civilians", "Attack"), True),
    (_mention(1, "d1", 0, SARMIN), _mention(1, "d2", 0, SARMIN, "Protests", "Peaceful protest"),
     False),
    (_mention(1, "d1", 0, SARMIN), _mention(1, "d2", 0, None), False),
])
def test_group_features_decide_on_place_date_and_type(a, b, joins):
    f = features(link_item(a, _DOC), link_item(b, _DOC))
    assert (f is not None and f["score"] >= MERGE_THRESHOLD) == joins


def test_group_casualty_agreement_and_actors_raise_the_score():
    a = link_item(_mention(1, "d1", 0, SARMIN, killed=4, actor="rus"), _DOC)
    b = link_item(_mention(1, "d2", 0, SARMIN, killed=4, actor="rus"), _DOC)
    c = link_item(_mention(1, "d3", 0, SARMIN, killed=40), _DOC)
    assert features(a, b)["score"] > features(a, c)["score"]


_towns = [SARMIN, BINNISH, ARIHA, ("Saraqib", 4, 35.86, 36.80), ("Kafr Nabl", 5, 35.61, 36.56)]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 6), st.integers(0, 3)),
                min_size=1, max_size=25), st.randoms(use_true_random=False))
def test_group_result_does_not_depend_on_input_order(specs, rnd: random.Random):
    mentions = [_mention(1, f"doc{i}", day, _towns[town],
                         *[("Explosions/Remote violence", "Air/drone strike"),
                           ("Battles", "Armed clash"), ("Violence against civilians", "Attack"),
                           ("Protests", "Peaceful protest")][kind])
                for i, (town, day, kind) in enumerate(specs)]
    docs = {m.document_id: Document(id=m.document_id, text=f"report {m.document_id}",
                                    published=date(2015, 1, 1)) for m in mentions}
    shuffled = mentions[:]
    rnd.shuffle(shuffled)
    first = sorted(sorted(m.id for m in g) for g, _ in cluster(mentions, docs))
    second = sorted(sorted(m.id for m in g) for g, _ in cluster(shuffled, docs))
    assert first == second
    # every group is held together by links at or above the threshold
    for group, links in cluster(mentions, docs):
        assert all(f["score"] >= MERGE_THRESHOLD for f in links.values())
        assert len({FAMILY[m.event_type] for m in group}) == 1  # a protest is no air strike


@pytest.mark.slow
def test_group_forgetting_old_incidents_keeps_memory_bounded():
    from warlog.bench_group import run

    # 20 mentions a day: 100 and 1000 days; a date window is about 40 days
    small, large = run(2_000, per_day=20), run(20_000, per_day=20)
    assert large.held < 1.5 * small.held  # ten times the mentions, not ten times the memory
    assert large.incidents > 5 * small.incidents


def test_group_a_mention_never_joins_a_locked_incident():
    g = Grouper()
    first = link_item(_mention(1, "d1", 0, SARMIN), _DOC)
    key = g.new_cluster(locked=True)
    g.put(key, first)
    link = g.add(link_item(_mention(1, "d2", 0, SARMIN), _DOC))
    assert link.incident != key and "opened" in link.features


def test_group_best_location_is_the_most_precise_the_sources_agree_on():
    from warlog.group import build_incident

    idlib = PlaceRef(name="Idlib", geonameid=9, latitude=35.9, longitude=36.6, iso="SY",
                     admin1="Idlib", feature="admin1", geo_precision=3)
    sarmin = PlaceRef(name="Sarmin", geonameid=1, latitude=35.90, longitude=36.72, iso="SY",
                      admin1="Idlib", population=20_000)
    stray = PlaceRef(name="Stray", geonameid=7, latitude=33.6, longitude=36.1, iso="SY",
                     admin1="Rif Dimashq", population=900)
    mentions = []
    for n, place in enumerate([idlib, idlib, sarmin, stray]):
        m = _mention(1, f"d{n}", 0, None)
        m.place = place
        mentions.append(m)
    docs = {m.document_id: Document(id=m.document_id, text=f"report {n}", publisher=f"p{n}")
            for n, m in enumerate(mentions)}
    inc = build_incident(mentions, docs)
    assert (inc.location, inc.geonameid, inc.admin1) == ("Sarmin", 1, "Idlib")
