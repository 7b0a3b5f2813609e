"""Airwars grading from an incident's sources, near-copies counted once."""

from __future__ import annotations

from datetime import date

import pytest

from warlog import dedup
from warlog.grade import attribution, grade, incident_actors
from warlog.group import build_incident
from warlog.model import ActorRef, DateRef, Document, Mention, Quote, Span

WIRE = ("An air strike hit the market of Sarmin on Monday, killing six civilians including "
        "two children, according to the civil defence, who said rescuers worked through the night.")
# the wire story reposted with a line added: a near-copy
REPOST = WIRE + " Shared from the wire."
ARABIC = "قتل ستة مدنيين بينهم طفلان في غارة جوية على سوق سرمين يوم الاثنين بحسب الدفاع المدني."
OTHER = ("Fighters shelled a checkpoint on the road to Ariha late on Tuesday, and two soldiers "
         "were wounded, a military source told the agency.")


@pytest.mark.parametrize(("a", "b", "near"), [
    (WIRE, REPOST, True),
    (WIRE, WIRE.replace("six", "6"), True),
    (WIRE, OTHER, False),
    (WIRE, ARABIC, False),
    (ARABIC, ARABIC + " #سرمين", True),
    (ARABIC, "قصف مدفعي على أطراف مدينة أريحا مساء الثلاثاء أدى إلى إصابة جنديين بجروح.", False),
])
def test_dedup_near_copies(a, b, near):
    assert dedup.near_copies(dedup.signature(a), dedup.signature(b)) == near


def test_dedup_copy_groups_count_one_publisher_once():
    prints = {"w": dedup.signature(WIRE), "r": dedup.signature(REPOST), "a": dedup.signature(ARABIC),
              "o": dedup.signature(OTHER)}
    groups = dedup.copy_groups(prints, {"w": "Wire", "r": "Blog", "a": "Agency", "o": "agency"})
    assert sorted(map(sorted, groups)) == [["a", "o"], ["r", "w"]]


def _doc(doc_id: str, text: str, publisher: str) -> Document:
    return Document(id=doc_id, text=text, publisher=publisher, published=date(2019, 3, 4))


def _mention(doc: Document, actor: tuple[str, str] | None, sentence: str | None = None,
             quote: Quote | None = None) -> Mention:
    text = sentence or doc.text
    span = Span(document_id=doc.id, start=0, end=len(text), text=text)
    ref = None
    if actor:
        start = text.find(actor[1]) if actor[1] in text else 0
        ref = ActorRef(name=actor[1], actor_id=actor[0], inter=8,
                       span=Span(document_id=doc.id, start=start, end=start + len(actor[1]),
                                 text=actor[1]))
    return Mention(id=f"{doc.id}-1", document_id=doc.id, event_type="Explosions/Remote violence",
                   sub_event_type="Air/drone strike", trigger=span,
                   date=DateRef(event_date=date(2019, 3, 4)), actor1=ref, sentences=[span],
                   quotes=[quote] if quote else [])


RUSSIA = ("rus_air", "Russian Air Force")
REGIME = ("syr", "Military Forces of Syria")


def _grade(*pairs):
    docs = {d.id: d for d, _ in pairs}
    mentions = [m for _, m in pairs]
    return build_incident(mentions, docs)


def test_grade_weak_when_one_source_or_its_copies():
    w, r = _doc("w", WIRE, "Wire"), _doc("r", REPOST, "Blog")
    inc = _grade((w, _mention(w, RUSSIA)), (r, _mention(r, RUSSIA)))
    assert (inc.grade, inc.source_count, inc.independent_source_count) == ("Weak", 2, 1)


def test_grade_fair_with_two_independent_sources():
    w, a = _doc("w", WIRE, "Wire"), _doc("a", ARABIC, "Agency")
    inc = _grade((w, _mention(w, RUSSIA)), (a, _mention(a, RUSSIA)))
    assert (inc.grade, inc.independent_source_count, inc.contested) == ("Fair", 2, False)
    assert {(x.name, x.status) for x in inc.actors} == {("Russian Air Force", "Known")}


def test_grade_contested_when_sources_blame_different_belligerents():
    w, a = _doc("w", WIRE, "Wire"), _doc("a", ARABIC, "Agency")
    inc = _grade((w, _mention(w, RUSSIA)), (a, _mention(a, ("isis", "Islamic State"))))
    assert inc.grade == "Contested" and inc.contested
    assert "Islamic State" in inc.grade_reason
    assert {x.status for x in inc.actors} == {"Suspected"}


def test_grade_confirmed_when_the_belligerent_claims_it():
    claim = "The Islamic State claimed responsibility for the bombing in a statement."
    w, c = _doc("w", WIRE, "Wire"), _doc("c", claim, "Agency")
    inc = _grade((w, _mention(w, None)), (c, _mention(c, ("isis", "Islamic State"), claim)))
    assert inc.grade == "Confirmed" and "Islamic State" in inc.grade_reason
    assert [x.status for x in inc.actors if x.side == "actor1"] == ["Known"]


def test_grade_a_denial_is_no_acceptance():
    denial = "The Russian Air Force denied responsibility for the strike."
    d = _doc("d", denial, "Agency")
    att = attribution([_mention(d, RUSSIA, denial)], {"d": 0})
    assert not att.accepted_by
    assert grade(att, 1)[0] == "Weak"
    assert incident_actors([_mention(d, RUSSIA, denial)], {"d": 0}, att)[0].status == "Suspected"
