"""Quotes and claims (extract/quotes.py) on sentences written for these tests: the
content, the source and the registry actor it names, the cue, and whether the author
vouches for the content or only attributes it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warlog.extract.context import DocContext
from warlog.gazetteer import default_gazetteer
from warlog.ingest.text import text_hash
from warlog.model import Document, Quote
from warlog.registry import default_registry


def quotes_of(text: str, language: str = "en") -> list[Quote]:
    doc = Document(id=text_hash(text), text=text, language=language)
    return DocContext(doc, default_gazetteer(), default_registry()).quotes


@pytest.mark.parametrize(("text", "kind", "speaker", "cue", "content"), [
    ("\"We could not reach the wounded for hours,\" said Omar Saadi, a rescue volunteer.",
     "quote", "Omar Saadi, a rescue volunteer", "said", "We could not reach the wounded for hours,"),
    ("“The market was full of families,” the doctor told Tigris Daily.",
     "quote", "the doctor", "told Tigris Daily", "The market was full of families,"),
    ("A coalition spokesman said: \"Only military targets were struck.\"",
     "quote", "A coalition spokesman", "said", "Only military targets were struck."),
    ("\"This is a massacre,\" he told reporters.", "quote", "he", "told reporters",
     "This is a massacre,"),
    ("The SDF said that Turkish forces shelled its positions near Ain Issa.",
     "claim", "The SDF", "said", "Turkish forces shelled its positions near Ain Issa"),
    ("According to the Syrian Observatory for Human Rights, 12 people died in the strike.",
     "claim", "the Syrian Observatory for Human Rights", "According to",
     "12 people died in the strike"),
    ("Twelve people were killed in the raid, according to local sources.",
     "claim", "local sources", "according to", "Twelve people were killed in the raid"),
    ("The strike killed 12 civilians, the health ministry said.",
     "claim", "the health ministry", "said", "The strike killed 12 civilians"),
    ("Gen. Joseph Votel, commander of U.S. Central Command, said the campaign was going well.",
     "claim", "Gen. Joseph Votel, commander of U.S. Central Command", "said",
     "the campaign was going well"),
    ("The SDF accused Turkish forces of shelling its positions.",
     "claim", "The SDF", "accused", "Turkish forces of shelling its positions"),
    # an acronym or a party and state in brackets after a name is part of the source
    ("The Syrian Network for Human Rights (SNHR) said the strike hit a bakery in Ariha.",
     "claim", "The Syrian Network for Human Rights (SNHR)", "said",
     "the strike hit a bakery in Ariha"),
    ("Dana Whitfield (D-Ohio) said the inquiry would resume in March.",
     "claim", "Dana Whitfield (D-Ohio)", "said", "the inquiry would resume in March"),
    ("Senator Ray Colton, Republican of Ohio, said the bill had no chance this year.",
     "claim", "Senator Ray Colton, Republican of Ohio", "said", "the bill had no chance this year"),
    # a second verb of the sentence's subject: "X did this and said ..."
    ("The governor visited the wounded in hospital and promised to rebuild the clinic.",
     "claim", "The governor", "promised", "to rebuild the clinic"),
    ("The charity said the convoy had reached the camp after two days on the road.",
     "claim", "The charity", "said", "the convoy had reached the camp after two days on the road"),
])
def test_quotes_finds_source_cue_and_content(text, kind, speaker, cue, content):
    quotes = quotes_of(text)
    assert len(quotes) == 1
    q = quotes[0]
    assert (q.kind, q.speaker, q.cue, q.text) == (kind, speaker, cue, content)
    for span, value in ((q.span, q.text), (q.speaker_span, q.speaker), (q.cue_span, q.cue)):
        assert span is not None and text[span.start:span.end] == span.text == value


@pytest.mark.parametrize(("text", "actor_id"), [
    ("\"The strike hit a bakery,\" the SDF said.", "sdf"),
    ("A spokesman for the Syrian Democratic Forces said the town was retaken.", "sdf"),
    ("The SDF's press office said the town was retaken on Monday.", "sdf"),
    ("Iraqi military spokesman Yahya Rasool said the operation would continue.", "iraq_army"),
    ("Residents said the strike hit a market in the old city.", None),
])
def test_quotes_normalises_speaker_to_registry(text, actor_id):
    (q,) = quotes_of(text)
    assert q.speaker_actor_id == actor_id


@pytest.mark.parametrize(("text", "asserted"), [
    ("Police confirmed that the bomb killed five people near the market.", True),
    ("The ministry acknowledged that the strike hit a school.", True),
    ("Russia claimed that the rebels used chemical weapons in Aleppo.", False),
    ("The SDF said that the strike hit a school in Raqqa.", False),
    ("Twelve people were killed in the raid, according to local sources.", False),
])
def test_quotes_tells_assertion_from_attribution(text, asserted):
    (q,) = quotes_of(text)
    assert q.asserted is asserted


def test_quotes_split_quote_keeps_one_speaker():
    text = "\"This is in their heads,\" he said, \"and it worries them a lot.\""
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == ["This is in their heads,", "and it worries them a lot."]
    assert {(q.speaker_span.start, q.cue_span.start) for q in quotes} == {
        (text.index("he said"), text.index("said"))}


def test_quotes_reads_arabic_quotes():
    text = "قال المرصد السوري: \"قتل عشرة مدنيين في الغارة الجوية على المدينة\""
    (q,) = quotes_of(text, language="ar")
    assert q.kind == "quote" and q.cue == "قال" and q.speaker == "المرصد السوري"
    assert q.text.startswith("قتل عشرة")


@pytest.mark.parametrize("text", [
    "Dozens feared dead in Falluja market strike",  # a headline, nobody speaks
    "The strike hit a market in the old city on Saturday.",
    "Having said that, the town remains under siege.",
    # a wire's name in a dateline is nobody's source; nor is a determiner alone
    "ANKARA (Levant Wire) said the talks had ended without a deal.",
    "His wrote on Facebook that the family was safe.",
])
def test_quotes_none_without_a_source(text):
    assert quotes_of(text) == []


# Prose around quotation marks, written for this test: clauses of a source, a cue, what
# may stand between a cue and its quote, a quote in any of the marks the patterns know,
# and loose pieces between them.
_SOURCES = ["A coalition spokesman", "Omar Saadi, a rescue volunteer,", "he", "the ministry",
            "Gen. Joseph Votel", "They", "local sources"]
_CUES = ["said", "told reporters", "added", "has said", "warned", "says"]
_BETWEEN = ["", ":", ",", " that", " in a statement", " on Monday", " :"]
_MARKS = [('"', '"'), ("“", "”"), ("«", "»"), ("''", "''"), ("“", '"'), ('"', "”")]
_CONTENT = ["We will hold the line", "no", "The strikes killed 12 people", "x “ y", "it's over"]
_LOOSE = ['"', "“", "”", "«", "»", "''", ".", ",", "\n", "according to", "The town fell", "he said"]


@st.composite
def _quoted_prose(draw):
    parts = []
    for _ in range(draw(st.integers(0, 6))):
        if draw(st.booleans()):
            opening, closing = draw(st.sampled_from(_MARKS))
            parts.append(f"{draw(st.sampled_from(_SOURCES))} {draw(st.sampled_from(_CUES))}"
                         f"{draw(st.sampled_from(_BETWEEN))} {opening}"
                         f"{draw(st.sampled_from(_CONTENT))}{closing}")
        else:
            parts.append(draw(st.sampled_from(_LOOSE)))
    return draw(st.sampled_from([" ", "", "\n"])).join(parts)


@settings(max_examples=300, deadline=None)
@given(_quoted_prose())
def test_quotes_said_then_quote_finds_what_the_pattern_finds(text):
    from warlog.extract.quotes import QUOTE_PATTERNS, _said_then_quote

    assert [(m.span(), m.groupdict()) for m in _said_then_quote(text)] == [
        (m.span(), m.groupdict()) for m in QUOTE_PATTERNS[2].finditer(text)]


@settings(max_examples=300, deadline=None)
@given(_quoted_prose())
def test_quotes_claim_gates_never_skip_a_claim(text):
    import re as _re

    from warlog.extract.quotes import CLAIM_GATES, CLAIM_PATTERNS

    for (pattern, anchored), gate in zip(CLAIM_PATTERNS, CLAIM_GATES, strict=True):
        found = [pattern.match(text)] if anchored else list(pattern.finditer(text))
        if any(found):
            assert (gate in text) if isinstance(gate, str) else _re.search(gate, text)
