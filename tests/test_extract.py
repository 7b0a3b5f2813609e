"""Extraction stages on sentences written for these tests, expectations inline."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warlog.extract.casualties import parse_number
from warlog.extract.context import DocContext
from warlog.extract.dates import event_date
from warlog.extract.pipeline import Extractor
from warlog.extract.sentences import split_sentences
from warlog.gazetteer import default_gazetteer
from warlog.ingest.text import text_hash
from warlog.model import Document
from warlog.registry import default_registry

PUBLISHED = date(2016, 6, 5)  # a Sunday


def doc(text: str, language: str = "en", published: date = PUBLISHED) -> Document:
    return Document(id=text_hash(text), text=text, language=language, published=published)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(default_gazetteer(), default_registry())


@pytest.mark.parametrize(("words", "expected"), [
    ("12", (12, 12)), ("1,200", (1200, 1200)), ("at least 12", (12, 12)),
    ("twenty-three", (23, 23)), ("a dozen", (12, 12)), ("dozens", (12, 99)),
    ("hundreds", (100, 999)), ("10-15", (10, 15)), ("between 10 and 15", (10, 15)),
    ("two hundred", (200, 200)), ("١٢", (12, 12)), ("عشرات", (10, 99)), ("ثلاثه", (3, 3)),
])
def test_casualties_parse_number(words, expected):
    assert parse_number(words) == expected


@given(st.integers(min_value=0, max_value=10**6))
def test_casualties_parse_number_digits_roundtrip(n):
    assert parse_number(f"{n:,}") == (n, n)


@pytest.mark.parametrize(("text", "expected", "precision"), [
    ("An air strike hit the market on Saturday.", date(2016, 6, 4), 1),
    ("An air strike hit the market yesterday.", date(2016, 6, 4), 1),
    ("An air strike hit the market on June 2.", date(2016, 6, 2), 1),
    ("An air strike hit the market on 2 June 2016.", date(2016, 6, 2), 1),
    ("An air strike hit the market on December 30.", date(2015, 12, 30), 1),
    ("An air strike hit the market last week.", date(2016, 5, 29), 2),
    ("An air strike hit the market.", PUBLISHED, 2),
    ("قصف الطيران الروسي السوق أمس.", date(2016, 6, 4), 1),
    ("قصف الطيران الروسي السوق يوم الجمعة.", date(2016, 6, 3), 1),
    ("قصف الطيران الروسي السوق في 2 حزيران 2016.", date(2016, 6, 2), 1),
])
def test_dates_resolve_against_publication(text, expected, precision):
    d = doc(text, "ar" if "ق" in text else "en")
    ctx = DocContext(d, default_gazetteer(), default_registry())
    found = event_date(ctx, ctx.sentences, PUBLISHED)
    assert (found.event_date, found.time_precision) == (expected, precision)
    if precision == 1:
        assert found.span is not None and found.span.text in text


def test_sentences_keep_abbreviations_together():
    text = "Col. John Dorrian said the U.S. strike hit a depot. Six people died."
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "Col. John Dorrian said the U.S. strike hit a depot.", "Six people died."]


@pytest.mark.parametrize(("text", "language", "sub_event_type", "geonameid", "killed"), [
    ("At least 12 civilians were killed on Saturday when an air strike hit a market in "
     "Fallujah, residents said.", "en", "Air/drone strike", 99454, (12, 12)),
    ("A car bomb exploded near a checkpoint in Mosul on Friday, killing three soldiers.",
     "en", "Remote explosive/landmine/IED", 99072, (3, 3)),
    ("Regime artillery shelled Douma on Saturday, killing dozens of people.",
     "en", "Shelling/artillery/missile attack", 170592, (12, 99)),
    ("استشهد 11 مدنياً أمس جراء غارات جوية على مدينة حلب.", "ar", "Air/drone strike",
     170063, (11, 11)),
])
def test_pipeline_codes_event(extractor, text, language, sub_event_type, geonameid, killed):
    mentions = extractor(doc(text, language))
    assert len(mentions) == 1
    m = mentions[0]
    assert m.sub_event_type == sub_event_type
    assert m.place is not None and m.place.geonameid == geonameid
    assert m.place.span is not None and text[m.place.span.start:m.place.span.end] == m.place.span.text
    figure = max((c.low, c.high) for c in m.casualties if c.kind == "killed")
    assert figure == killed


def test_pipeline_ignores_reports_without_violence(extractor):
    text = ("Farmers around Hasakah began the wheat harvest this week, and traders said "
            "prices at the grain market were stable after a good rainy season.")
    assert extractor(doc(text)) == []


def test_pipeline_every_span_points_into_text(extractor):
    text = ("FALLUJAH, Iraq - At least 12 civilians, including four children, were killed on "
            "Saturday when an air strike hit a market in Fallujah. Iraqi troops backed by the "
            "US-led coalition fought Islamic State militants nearby. \"We could not reach the "
            "wounded,\" said Omar Saadi, a rescue volunteer.")
    d = doc(text)
    mentions = extractor(d)
    assert mentions
    spans = []
    for m in mentions:
        spans += [m.trigger, m.date.span, m.place.span if m.place else None]
        spans += [c.span for c in m.casualties] + [q.span for q in m.quotes]
        spans += [a.span for a in (m.actor1, m.actor2) if a]
    for span in filter(None, spans):
        assert d.text[span.start:span.end] == span.text
    quotes = [q for m in mentions for q in m.quotes]
    assert any(q.speaker and q.speaker.startswith("Omar Saadi") for q in quotes)


_BATCH_TEXTS = [
    ("Syrian government warplanes struck the town of Saraqib on Tuesday, killing 12 civilians, "
     "the Syrian Observatory for Human Rights said. \"We heard the jets,\" a resident said.", "en"),
    ("Nothing happened in the village today; the market was busy.", "en"),
    ("Rebels attacked an army checkpoint near Aleppo on Monday. Three soldiers were killed in "
     "the clashes, which lasted until dawn, and the SDF's press office said the fighting spread.",
     "en"),
    ("قصفت طائرات حربية روسية بلدة سراقب في ريف إدلب يوم الثلاثاء ما أدى إلى مقتل خمسة مدنيين.",
     "ar"),
]


def test_pipeline_many_gives_each_document_what_it_gets_alone(extractor):
    docs = [doc(text, language) for text, language in _BATCH_TEXTS]
    alone = [extractor(d) for d in docs]
    assert any(alone) and not all(alone)  # reports with events and without
    assert extractor.many(docs) == alone


def test_pipeline_many_keeps_a_failing_document_to_itself(extractor, monkeypatch):
    from warlog.extract import pipeline

    docs = [doc(text, language) for text, language in _BATCH_TEXTS]
    alone = [extractor(d) for d in docs]
    broken = docs[2].id

    def count_or_fail(ctx, mentions):
        if ctx.doc.id == broken:
            raise ValueError("broken on purpose")
        return pipeline.count_casualties(ctx, mentions)

    monkeypatch.setattr(pipeline, "STAGES", [count_or_fail if s is pipeline.count_casualties
                                             else s for s in pipeline.STAGES])
    out = extractor.many(docs)
    assert isinstance(out[2], ValueError)
    assert out[:2] + out[3:] == alone[:2] + alone[3:]


# A nurse's surname ("Hassan") is also a town: NER reads it as a person, and the village
# named after it is the place; the gazetteer's rules alone take the first name they know.
_NER_DECIDES = ("An air strike on a market killed five civilians on Monday, Amal Hassan, a "
                "nurse at the hospital, told reporters in the village of Kafr Nabl.")


def test_pipeline_without_ner_never_runs_spacy(extractor, monkeypatch):
    from warlog.extract import ner

    read: list[str] = []
    real = ner.entities
    monkeypatch.setattr(ner, "entities", lambda texts, offsets=None: (
        read.extend(texts), real(texts, offsets))[1])
    report = doc(_NER_DECIDES)
    with_ner = [m.place.name for m in extractor(report)]
    assert read and with_ner == ["Kafranbel"]
    read.clear()
    plain = Extractor(extractor.gazetteer, extractor.registry, ner=False)
    assert [m.place.name for m in plain(report)] == ["Hassan"]
    assert [m.place.name for ms in plain.many([report]) for m in ms] == ["Hassan"]
    assert not read


def test_ner_multiplies_with_numpy_on_one_blas_thread(monkeypatch):
    from threadpoolctl import ThreadpoolController

    from warlog.extract import ner

    model = ner.nlp()
    assert model is not None
    assert {node.ops.use_blis for node in model.get_pipe("ner").model.walk()} == {False}
    seen: list[int] = []
    real = model.pipe

    def pipe(texts, **kwargs):
        for doc in real(texts, **kwargs):
            seen.extend(i["num_threads"] for i in ThreadpoolController().select(
                user_api="blas").info())
            yield doc

    monkeypatch.setattr(model, "pipe", pipe)
    found = ner.entities(["Amal Hassan, a nurse, told reporters in Kafr Nabl."])
    assert seen and set(seen) == {1}
    assert {e.label for e in found[0]} & {"PERSON", "GPE"}


@pytest.mark.parametrize("text", [
    "The SDF's fighters and the YPG's commanders met; Turkey's army shelled the SDF's positions.",
    "U.S.'s jets, the coalition's aircraft and Russia's air force struck ISIS's bases, officials said.",
    "No possessive here: the SDF attacked ISIS near Raqqa.",
    "Hezbollah’s units and the Syrian Arab Army's 4th Division advanced; the Free Syrian Army's men fled.",
])
def test_actors_names_past_possessives_same_as_scanning_the_masked_text(text):
    from warlog.extract.actors import _POSSESSIVE, names_past_possessives
    from warlog.extract.names import scan_names

    ctx = DocContext(doc(text), default_gazetteer(), default_registry())
    masked = _POSSESSIVE.sub(lambda p: " " * len(p.group()), ctx.norm)
    whole = scan_names(masked, ctx.registry.lookup, max_tokens=8)
    assert whole  # the registry knows some names here
    assert [(m.start, m.end, m.text, m.value) for m in names_past_possessives(ctx)] == [
        (m.start, m.end, m.text, m.value) for m in whole]


@pytest.mark.parametrize(("text", "attacker"), [
    # a state's forces named by the nationality of one attack, or as an occupying army
    ("Two civilians were killed in a Turkish attack on the village of Jamas east of Ain Issa.",
     "Military Forces of Turkey"),
    ("A mother and her four children were killed by the Turkish occupying army near Tal Abyad.",
     "Military Forces of Turkey"),
    ("Turkish drone strike wounds two people in Qamishli.", "Turkish Air Force (Military Forces of Turkey)"),
    ("A Russian air attack targeted a water station in Idlib city, killing two.",
     "Russian Air Force (Military Forces of Russia)"),
])
def test_extract_state_forces_named_by_nationality(extractor, text, attacker):
    mentions = extractor(doc(text))
    assert mentions and mentions[0].actor1 is not None and mentions[0].actor1.name == attacker
