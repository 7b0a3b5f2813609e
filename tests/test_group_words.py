"""Grouping by what reports write: shared words, the place name as written, and undated
reports meeting dated ones of their place."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warlog import dedup
from warlog.group import (
    MERGE_THRESHOLD,
    cluster,
    features,
    link_item,
    vocabulary,
)
from warlog.model import DateRef, Document, Mention, PlaceRef, Span

# invented reports: two of one strike on the farm of the Haddad family near Tell Warda,
# one of another strike the same day
STRIKE_A1 = ("Two brothers of the Haddad family, Yousef and Karim, died when a drone hit "
             "their olive press on the Tell Warda road at dawn; the orchard burned.")
STRIKE_A2 = ("Dawn drone strike on the Haddad olive press near Tell Warda: Yousef Haddad "
             "and his brother Karim among the dead, the orchard on fire.")
STRIKE_B = ("A fuel tanker was struck outside the Zeitoun bakery in Qasr Amal; the baker "
            "Salim Nouri and a customer lost their lives.")
# the same strike told in Arabic by two invented pages
AR_1 = "استشهاد الشقيقين يوسف وكريم حداد بقصف مسيرة على معصرة الزيتون في تل وردة فجر اليوم"
AR_2 = "مسيرة تستهدف معصرة زيتون لعائلة حداد في تل وردة وتقتل يوسف حداد وشقيقه كريم"

TELL_WARDA = ("Tell Warda", 101, "SY", 35.90, 36.72)
TELL_WARDA_ABROAD = ("Tell Warda", 202, "TR", 37.10, 38.90)  # a namesake the gazetteer chose
QASR_AMAL = ("Qasr Amal", 303, "SY", 36.40, 37.90)  # 150 km away


def _doc(doc_id: str, text: str, published: date | None = date(2016, 3, 2)) -> Document:
    return Document(id=doc_id, text=text, published=published)


def _mention(doc: Document, town: tuple | None, day: date | None,
             sub: str = "Air/drone strike", population: int = 5_000) -> Mention:
    span = Span(document_id=doc.id, start=0, end=5, text=doc.text[:5])
    place = None
    if town is not None:
        name, gid, iso, lat, lon = town
        place = PlaceRef(name=name, geonameid=gid, latitude=lat, longitude=lon, iso=iso,
                         admin1="Idlib" if iso == "SY" else "Hatay", population=population,
                         span=Span(document_id=doc.id, start=0, end=len(name), text=name))
    when = DateRef(event_date=day or date(2026, 1, 1), time_precision=1 if day else 2,
                   span=span if day else None)
    return Mention(id=f"{doc.id}-1", document_id=doc.id,
                   event_type="Explosions/Remote violence", sub_event_type=sub,
                   trigger=span, date=when, place=place,
                   sentences=[Span(document_id=doc.id, start=0, end=10, text=doc.text[:10])])


def _item(doc: Document, town: tuple | None, day: date | None = date(2016, 3, 2)):
    return link_item(_mention(doc, town, day), doc, dedup.signature(doc.text),
                     vocabulary(doc.text))


@pytest.mark.parametrize(("text_a", "text_b", "town_b", "joins"), [
    # shared names tie two reports whose places the gazetteer read far apart
    (STRIKE_A1, STRIKE_A2, QASR_AMAL, True),
    (AR_1, AR_2, QASR_AMAL, True),
    # the same places, words of two different strikes: kept apart (blocked)
    (STRIKE_A1, STRIKE_B, QASR_AMAL, False),
    # one name as written, read as two places (one abroad): compared as one place
    (STRIKE_A1, STRIKE_B, TELL_WARDA_ABROAD, True),
])
def test_group_words_and_written_place_tie_reports(text_a, text_b, town_b, joins):
    a = _item(_doc("a", text_a), TELL_WARDA)
    b = _item(_doc("b", text_b), town_b)
    f = features(a, b)
    assert (f is not None and f["score"] >= MERGE_THRESHOLD) == joins, f
    if town_b is TELL_WARDA_ABROAD:
        assert f["place"] == "same name"


# an outlet's template: every word shared but the town's name
TEMPLATE = "Shelling hit a residential quarter of {} at noon, a local monitor reported today."


@pytest.mark.parametrize(("population", "also_named", "joins"), [
    (5_000, frozenset(), False),  # one wording naming two places: a template, two events
    (400_000, frozenset(), False),
    (5_000, frozenset({"tell warda"}), True),  # both reports name Tell Warda somewhere
])
def test_group_words_template_about_two_places_stays_apart(population, also_named, joins):
    a_doc, b_doc = _doc("a", TEMPLATE.format("Tell Warda")), _doc("b", TEMPLATE.format("Qasr Amal"))
    a = link_item(_mention(a_doc, TELL_WARDA, date(2016, 3, 2), population=population), a_doc,
                  (), vocabulary(a_doc.text), frozenset({"tell warda"}))
    b = link_item(_mention(b_doc, QASR_AMAL, date(2016, 3, 2), population=population), b_doc,
                  (), vocabulary(b_doc.text), frozenset({"qasr amal"}) | also_named)
    f = features(a, b)
    assert (f is not None and f["score"] >= MERGE_THRESHOLD) == joins, f


def test_group_undated_report_joins_the_dated_incident_of_its_place_by_words():
    dated = _doc("dated", STRIKE_A1)
    undated_same = _doc("undated-same", STRIKE_A2, published=None)
    undated_other = _doc("undated-other", STRIKE_B, published=None)
    mentions = [_mention(dated, TELL_WARDA, date(2016, 3, 2)),
                _mention(undated_same, TELL_WARDA, None),
                _mention(undated_other, TELL_WARDA, None)]
    docs = {d.id: d for d in (dated, undated_same, undated_other)}
    groups = sorted(sorted(m.document_id for m in g) for g, _ in cluster(mentions, docs))
    # the undated report sharing the strike's names joins it; one of the same place
    # telling another strike does not, though place and type agree
    assert groups == [["dated", "undated-same"], ["undated-other"]]


@given(st.text(min_size=0, max_size=200), st.text(min_size=0, max_size=200))
def test_group_vocabulary_similarity_is_a_symmetric_share(a: str, b: str):
    sa, sb = dedup.vocabulary(a), dedup.vocabulary(b)
    s = dedup.vocabulary_similarity(sa, sb)
    assert 0.0 <= s <= 1.0
    assert s == dedup.vocabulary_similarity(sb, sa)
    if sa:
        assert dedup.vocabulary_similarity(sa, sa) == 1.0


def test_group_vocabulary_leaves_out_words_every_strike_report_uses():
    # two reports of different strikes in the common words of strike reports only
    generic_1 = "غارات جوية للطيران الروسي على ريف ادلب الجنوبي ومقتل مدنيين"
    generic_2 = "قصف مدفعي لقوات النظام على ريف حلب الغربي واصابة مدنيين"
    assert dedup.vocabulary_similarity(vocabulary(generic_1), vocabulary(generic_2)) == 0.0
    assert dedup.vocabulary_similarity(vocabulary(AR_1), vocabulary(AR_2)) >= 0.3
