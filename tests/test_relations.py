"""Actor relations (extract/relations.py) on sentences written for these tests: who fights,
backs or is allied with whom, and whether the author or someone quoted says so."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warlog.extract import pipeline, relations
from warlog.extract.context import DocContext
from warlog.extract.pipeline import Extractor
from warlog.gazetteer import default_gazetteer
from warlog.ingest.text import text_hash
from warlog.model import Document
from warlog.registry import default_registry


def ctx_of(text: str, publisher: str | None = None) -> DocContext:
    doc = Document(id=text_hash(text), text=text, language="en", publisher=publisher)
    return DocContext(doc, default_gazetteer(), default_registry())


def found(text: str, publisher: str | None = None) -> set[tuple]:
    """(kind, actor_a, actor_b, asserted, claimant), each actor by registry id or text."""
    ctx = ctx_of(text, publisher)
    return {(r.kind, r.actor_a.actor_id or r.actor_a.name, r.actor_b.actor_id or r.actor_b.name,
             r.asserted, r.claimant)
            for r in relations.find_relations(ctx, ctx.sentences)}


@pytest.mark.parametrize(("text", "expected"), [
    # A cue B
    ("Iraqi forces attacked Islamic State fighters near Mosul.",
     ("fights", "iraq_army", "isis")),
    ("Fighters of the Syrian Democratic Forces clashed with Islamic State militants on Sunday.",
     ("fights", "sdf", "isis")),
    ("The Syrian army launched an offensive against Hayat Tahrir al-Sham in Idlib.",
     ("fights", "syria_army", "hts")),
    # cue A and B
    ("Heavy fighting between the YPG and the Free Syrian Army was reported near Afrin.",
     ("fights", "ypg", "fsa")),
    # B cue A
    ("Islamic State militants were attacked by Iraqi troops west of Mosul.",
     ("fights", "iraq_army", "isis")),
    # cue A on B
    ("An attack by Hezbollah on Israeli troops killed two soldiers.",
     ("fights", "hezbollah", "israel_army")),
    # a target the registry does not know is kept as text
    ("Hezbollah fighters fought alongside Syrian government forces against rebels in Qusayr.",
     ("fights", "hezbollah", "rebels")),
])
def test_relations_codes_fights(text, expected):
    assert expected in {r[:3] for r in found(text)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Hezbollah fighters fought alongside Syrian government forces against rebels in Qusayr.",
     ("allied_with", "hezbollah", "syria_army")),
    ("The Free Syrian Army and Faylaq al-Sham joined forces near Aleppo.",
     ("allied_with", "fsa", "faylaq_al_sham")),
    ("Kataib Hezbollah fought together with the Badr Organization against Islamic State.",
     ("allied_with", "kataib_hezbollah", "badr")),
    ("Ahrar al-Sham is allied with Jabhat al-Nusra in Idlib.",
     ("allied_with", "ahrar_al_sham", "nusra")),
])
def test_relations_codes_alliances(text, expected):
    assert expected in {r[:3] for r in found(text)}


@pytest.mark.parametrize(("text", "expected"), [
    # backed by: the backer is actor_a
    ("The SDF, backed by US aircraft, fought ISIS in Raqqa.", ("supports", "us_air_force", "sdf")),
    ("Iraqi troops backed by the US-led coalition pushed into Fallujah.",
     ("supports", "global_coalition", "iraq_army")),
    # X-backed Y: the backer is named inside the word
    ("Clashes between the SDF and Turkish-backed rebels killed 12 people.",
     ("supports", "turkey_army", "sna")),
    # active: X arms Y
    ("Iran is arming Kataib Hezbollah, officials say.", ("supports", "Iran", "kataib_hezbollah")),
    ("Iraqi forces advanced with air cover from the Iraqi Air Force.",
     ("supports", "iraq_air_force", "iraq_army")),
])
def test_relations_codes_support(text, expected):
    assert expected in {r[:3] for r in found(text)}


def test_relations_backed_actor_is_the_doer():
    """"X backed by Y attacked Z": X fights Z (and Y, its backer, with it), never Y alone."""
    got = {r[:3] for r in found("Iraqi troops backed by the US-led coalition attacked Islamic "
                                "State militants in Fallujah.")}
    assert ("fights", "iraq_army", "isis") in got
    assert ("supports", "global_coalition", "iraq_army") in got


@pytest.mark.parametrize(("text", "expected"), [
    # reported speech: the speaker's claim, not the author's
    ("Russia said the US is backing the SDF.", ("supports", "the US", "sdf", False, "Russia")),
    # an accusation; "its positions" are the accuser's own
    ("The SDF accused Turkish forces of shelling its positions near Ain Issa.",
     ("fights", "turkey_army", "sdf", False, "Syrian Democratic Forces")),
    # a quote: "our positions" are the speaker's
    ("\"Islamic State fighters attacked our positions near Manbij,\" the SDF said.",
     ("fights", "isis", "sdf", False, "Syrian Democratic Forces")),
    # a vouching cue: the author asserts it too
    ("Officials confirmed that Iraqi forces attacked Islamic State positions.",
     ("fights", "iraq_army", "isis", True, "Officials")),
    # the author's own statement
    ("Iraqi forces attacked Islamic State fighters near Mosul.",
     ("fights", "iraq_army", "isis", True, None)),
])
def test_relations_marks_claims(text, expected):
    assert expected in found(text)


def test_relations_we_is_the_speaker_or_the_publisher():
    quoted = found("\"We will keep fighting ISIS until Raqqa is free,\" the SDF said.")
    assert ("fights", "sdf", "isis", False, "Syrian Democratic Forces") in quoted
    # outside quotes, "we" is the author's: here a publisher the registry knows
    assert ("fights", "us_army", "isis", True, None) in found(
        "We will continue to strike ISIS targets in Syria.", publisher="CENTCOM")
    assert not found("We will continue to strike ISIS targets in Syria.")


def test_relations_support_is_not_a_fight():
    """Air strikes that back an advance are support, not a fight with the advancing side;
    cover of fog is no one's support."""
    got = {r[:3] for r in found("Units of the Counter Terrorism Service advanced on the compound, "
                                "backed by air strikes from the US-led coalition.")}
    assert ("supports", "global_coalition", "iraq_cts") in got
    assert not {r for r in got if r[0] == "fights"}
    got = {r[:3] for r in found("ISIS fighters moved under cover of morning fog toward "
                                "positions the SDF held.")}
    assert not {r for r in got if r[0] == "supports"}


@pytest.mark.parametrize("text", [
    "The SDF said 12 people were killed in Raqqa.",  # one actor, no relation
    "He said 23 militants were killed and that SDF losses were limited.",  # no doer named
    "Iraqi forces entered Mosul on Monday.",  # a place is no side
    "The United States condemns the attacks by unknown gunmen in Aleppo.",  # nobody named acted
    "Syrian opposition delegates met Russian diplomats in Geneva.",  # talks are no relation
])
def test_relations_none_without_two_sides(text):
    assert not found(text)


def test_relations_actors_of_a_sentence():
    text = ("The U.S.-led coalition and opposition forces fought ISIS in Syria, and Turkey "
            "shelled YPG positions.")
    ctx = ctx_of(text)
    names = [m.text for m in relations.sentence_actors(ctx, *ctx.sentences[0])]
    assert "U.S.-led coalition" in names and "opposition forces" in names and "ISIS" in names
    assert "Turkey" in names and "YPG" in names
    assert "Syria" not in names  # "in Syria": a place


def test_relations_spans_point_into_text():
    text = ("\"The SDF is armed by Washington,\" a Turkish official said on Monday. Turkish troops "
            "backed by Syrian National Army fighters shelled SDF positions near Manbij.")
    ctx = ctx_of(text)
    rels = relations.find_relations(ctx, ctx.sentences)
    assert rels
    for r in rels:
        for span in (r.span, r.actor_a.span, r.actor_b.span):
            assert span is not None and text[span.start:span.end] == span.text
        assert r.actor_a.span.start >= r.span.start and r.actor_b.span.end <= r.span.end


def test_relations_stage_follows_actors_in_pipeline():
    names = [stage.__name__ for stage in pipeline.STAGES]
    assert names.index("find_relations") == names.index("assign_actors") + 1
    text = ("MANBIJ, Syria - Fighters of the Syrian Democratic Forces clashed with Islamic State "
            "militants on the western edge of Manbij on Sunday. At least 20 militants were killed, "
            "the SDF said.")
    mentions = Extractor(default_gazetteer(), default_registry())(
        Document(id=text_hash(text), text=text, language="en"))
    rels = [r for m in mentions for r in m.relations]
    assert any(r.kind == "fights" and r.actor_a.actor_id == "sdf" and r.actor_b.actor_id == "isis"
               for r in rels)
    assert all(r.span.text in text for r in rels)


_FORCE_WORDS = ("the 407th AEG", "12TH CJTF", "the 407th Air Expeditionary Group",
                "3rd Armoured Division", "the 25TH Brigade", "1st Battalion",
                "killed 4 civilians", "the Syrian Arab Army", "Russian jets", "Free Syrian Army",
                "the 5th", "2nd SDF", "Turkish-backed factions", "and", "in")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_FORCE_WORDS), st.text(max_size=5)), max_size=12)
       .map(" ".join))
def test_relations_force_phrase_screen_hides_no_match(text):
    """The screen before FORCE_PHRASE (its words, or a unit's ordinal) skips only texts
    where the pattern finds nothing."""
    assert [m.span() for m in relations._force_phrases(text, 0, len(text))] == [
        m.span() for m in relations.FORCE_PHRASE.finditer(text)]
