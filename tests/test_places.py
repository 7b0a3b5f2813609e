"""Toponyms: found with spaCy and the gazetteer, resolved with the document's context.
Sentences written for these tests; expectations inline."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warlog.extract import ner, places
from warlog.extract.context import DocContext, Match
from warlog.extract.pipeline import Extractor
from warlog.gazetteer import default_gazetteer
from warlog.ingest.text import text_hash
from warlog.model import Document
from warlog.registry import default_registry


def context(text: str, language: str = "en") -> DocContext:
    doc = Document(id=text_hash(text), text=text, language=language)
    return DocContext(doc, default_gazetteer(), default_registry())


def resolved(text: str) -> dict[str, object]:
    """Each toponym's text with the place it resolved to (the last one of that text)."""
    return {m.text: p for m, p in places.resolve(context(text))}


@pytest.mark.parametrize(("text", "toponym", "iso", "admin1"), [
    ("Firefighters in Paris, Texas, put out a grain elevator fire on Monday.",
     "Paris", "US", "TX"),
    ("A man from Springfield, Ill., was charged with arson after the blaze.",
     "Springfield", "US", "IL"),
    ("The council of Alexandria, Va., voted to widen the bridge.", "Alexandria", "US", "VA"),
    ("The Atlanta Braves drew a record crowd as Georgia lawmakers watched from the stands "
     "in Atlanta.", "Georgia", "US", "GA"),
    ("Russian tanks rolled toward Tbilisi as Georgia called for a ceasefire.",
     "Georgia", "GE", ""),
    ("Deputies from Laurel County took the suspect to a jail in London.", "London", "US",
     "KY"),
])
def test_places_resolve_with_context(text, toponym, iso, admin1):
    place = resolved(text)[toponym]
    assert place.iso == iso
    if admin1:
        assert place.admin1_code == admin1


@pytest.mark.parametrize(("text", "toponym", "iso", "feature"), [
    ("Officials in the U.S. said the talks would resume.", "U.S.", "US", "country"),
    ("The UK and the UAE signed a trade deal in London.", "UAE", "AE", "country"),
    ("Flooding closed roads near Charleston, W.Va., on Sunday.", "W.Va.", "US", "admin1"),
    ("Russian troops crossed the border on Friday.", "Russian", "RU", "country"),
    ("Deputies from Laurel County searched the woods overnight.", "Laurel County", "US",
     "admin2"),
    ("The storm moved east across Europe on Tuesday.", "Europe", "", "continent"),
])
def test_places_finds_short_forms_demonyms_and_regions(text, toponym, iso, feature):
    place = resolved(text)[toponym]
    assert (place.iso, place.feature) == (iso, feature)
    assert place.latitude is not None


@pytest.mark.parametrize(("text", "not_a_place"), [
    ("The Court heard the appeal on Monday and the Center will reopen next week.", "Court"),
    ("The Court heard the appeal on Monday and the Center will reopen next week.", "Center"),
    ("Sheriff Tyler Austin said the suspect fled.", "Austin"),
    ("Coach Jordan Smith praised the defence after the game.", "Jordan"),
    ("As part of the deal, the company will hire 40 workers.", "As part"),
    # a prayer's words and the parts of Arabic names are never a place alone
    ("His cousin wrote: May God have mercy on them all.", "God"),
    ("The strike hit the home of Abu Karim in the camp.", "Abu"),
    # a family's name, however many towns share it
    ("The Safi family home was hit before dawn.", "Safi"),
    ("Members of the Salama and Eid families were killed in the strike.", "Salama"),
    ("Among the dead were members of the Safi and Kaloub families.", "Safi"),
    # a victim's name, its surname written with the article
    ("Among the dead were Ziad Nour and his wife, Arwa al-Halisi, a teacher.", "Arwa"),
])
def test_places_rejects_ordinary_words_and_names(text, not_a_place):
    assert not_a_place not in {m.text for m in context(text).places}


@pytest.mark.parametrize(("text", "month"), [
    ("On Nov 29, a man died of wounds sustained in an air attack on the city.", "Nov"),
    ("Strikes in Jan 2025 hit the village.", "Jan"),
])
def test_places_short_month_is_no_place_on_an_arabic_page(text, month):
    # an archive records a post in English as Arabic; a month written short is a date
    # there too ("Nov" is a town in Tajikistan, "Jan" is Dschang, Cameroon)
    assert month not in {m.text for m in context(text, "ar").places}


def test_places_family_name_is_theirs_throughout_the_report():
    text = "The Barika family home was hit at night. Later Barika relatives buried the dead."
    assert "Barika" not in {m.text for m in context(text).places}


@pytest.mark.parametrize(("text", "town"), [
    ("Hundreds of Fallujah families fled.", "Fallujah"),
    ("Sinjar families fled to the mountain after fighters captured Sinjar.", "Sinjar"),
])
def test_places_town_families_are_its_people(text, town):
    assert town in {m.text for m in context(text).places}


@pytest.mark.parametrize(("text", "paper", "town"), [
    ("A spokesman told the Washington Post that a strike in Mosul killed a family.",
     "Washington", "Mosul"),
    ("Shelling hit Raqqa at dawn, the Los Angeles Times reported.", "Los Angeles", "Raqqa"),
    ("The Jerusalem Post said an air raid on Homs killed two people.", "Jerusalem", "Homs"),
])
def test_places_a_newspapers_town_locates_no_event(text, paper, town):
    kinds = {m.text: m.value.mention for m in context(text).places}
    assert kinds[paper] and not kinds[town]


@pytest.mark.parametrize(("text", "name", "lat", "lon"), [
    # a country is coded to its own point, not to its capital
    ("Russia and Iran signed the agreement.", "Russia", 60.0, 100.0),
    ("Aid convoys reached the United States border.", "United States", 39.8, -98.6),
    # a US state to the state's point
    ("Texas lawmakers met on Tuesday.", "Texas", 31.2, -99.2),
])
def test_places_country_and_state_points(text, name, lat, lon):
    place = resolved(text)[name]
    assert abs(place.latitude - lat) < 1.5 and abs(place.longitude - lon) < 1.5


def test_places_speaking_capital_and_demonym_locate_no_event():
    text = ("Turkish warplanes struck a hospital in Afrin on Friday, killing 16 civilians. "
            "Ankara denied hitting the building.")
    ctx = context(text)
    kinds = {m.text: m.value.mention for m in ctx.places}
    assert kinds["Turkish"] and kinds["Ankara"] and not kinds["Afrin"]
    mentions = Extractor()(Document(id=text_hash(text), text=text, language="en"))
    assert mentions and mentions[0].place.name.endswith("Afrīn")


def test_places_one_sense_per_discourse():
    # spaCy need not call the second "Gainesville" a place: the first one vouches for it
    text = ("A water main broke in Gainesville on Monday. Gainesville Public Utilities "
            "crews fixed it by noon, Gainesville officials said.")
    found = [m.text for m in context(text).places]
    assert found.count("Gainesville") == 3


def test_ner_reads_nothing_in_arabic():
    ctx = context("استشهد 11 مدنياً أمس جراء غارات جوية على مدينة حلب.", language="ar")
    assert ctx.entities.spans == [] and ctx.entities.scope == []
    assert [p.geonameid for _, p in places.resolve(ctx)] == [170063]


def test_ner_batch_of_arabic_reports_never_loads_the_model(monkeypatch):
    from warlog.extract import ner

    def refuse():
        raise AssertionError("spaCy's model loaded for reports it does not read")

    monkeypatch.setattr(ner, "nlp", refuse)
    ctxs = [context(t, language="ar") for t in ("قصف على مدينة حلب.", "غارة على بلدة سرمين.")]
    assert [e.spans for e in ner.find_entities_many(ctxs)] == [[], []]


def test_ner_pipeline_scope_is_doubtful_names_of_event_and_lead_sentences():
    from warlog.extract import pipeline

    text = ("Farmers met on Monday. Prices were stable. Traders were calm. Rain fell on "
            "Tuesday. Benton officials said a car bomb killed three soldiers on Friday. "
            "Hamlin markets reopened on Sunday.")
    ctx = context(text)
    pipeline.detect_events(ctx, [])
    read = ctx.entities.scope
    event_at, later_at = text.index("Benton"), text.index("Hamlin")
    assert any(s <= event_at < e for s, e in read)
    assert not any(s <= later_at < e for s, e in read)  # neither an event's nor the lead's
    assert all(e - s <= 2 * ner.WINDOW + len("Benton") for s, e in read)
    # without the pipeline's events (the geoparsing evaluation) NER reads everything
    assert context(text).entities.scope == [(0, len(text))]


@pytest.mark.parametrize(("text", "toponym", "iso", "admin1"), [
    # a town and the county it lies in, both named in several states
    ("Deputies of the Douglas County Sheriff's Office said the crash happened north of "
     "Alexandria.", "Alexandria", "US", "MN"),
    ("The Walker County grand jury met in Huntsville on Tuesday.", "Walker County", "US", "TX"),
    ("The Henry County commission met in Paris to discuss the new jail.", "Paris", "US", "TN"),
])
def test_places_town_and_county_named_together_agree(text, toponym, iso, admin1):
    place = resolved(text)[toponym]
    assert (place.iso, place.admin1_code) == (iso, admin1)


@pytest.mark.parametrize(("text", "toponym"), [
    ("Firefighters from the Cottonport Fire Station put out the blaze.", "Cottonport"),
    ("The suspect was booked into the Henderson County Jail on Monday.", "Henderson County"),
    ("Voters in the Town of Groton approved the budget.", "Groton"),
])
def test_places_place_inside_an_institution_name(text, toponym):
    found = {m.text: m for m in context(text).places}
    assert toponym in found
    assert found[toponym].value  # resolved: candidates, not a bare name


@pytest.mark.parametrize(("text", "toponym"), [
    ("Sipping coffee at Gainesville's oldest diner, the mayor spoke.", "Gainesville"),
    ("The river crested in Fargo-Moorhead on Friday.", "Fargo"),
    ("Shares of the Northbrook-based retailer fell.", "Northbrook"),
])
def test_places_names_glued_to_possessives_and_hyphens(text, toponym):
    assert toponym in {m.text for m in context(text).places}


@pytest.mark.parametrize("text", [
    "Deir Al-Balah", "al-Bureij camp", "Beit-Lahia", "D-Charleston", "Gainesville’s", "x's",
])
def test_places_scan_text_keeps_offsets(text):
    assert len(places._scan_text(text)) == len(text)


def test_places_names_before_counties_are_counties():
    found = resolved("Jobless rates fell in Clarke, Madison, Oconee and Oglethorpe counties, "
                     "the Georgia labor department said.")
    for name in ("Clarke", "Madison", "Oconee", "Oglethorpe"):
        assert (found[name].feature, found[name].iso, found[name].admin1_code) == (
            "admin2", "US", "GA")


@pytest.mark.parametrize(("text", "toponym", "feature", "iso", "admin1"), [
    # a state's or province's name is the state, not a small town named after it
    ("Farmers in Kansas lost much of the wheat crop, the extension office in Champaign, "
     "Illinois, said.", "Kansas", "admin1", "US", "KS"),
    ("Ontario's premier visited Woodstock and Oxford on Tuesday.", "Ontario", "admin1", "CA",
     "08"),
    # ... unless a qualifier names the town's state
    ("A barn burned near Kansas, Ill., on Sunday night.", "Kansas", "city", "US", "IL"),
    # a world region is not the hamlet named after it, nor does it pull Cairo to Georgia
    ("Peace talks in the Middle East stalled as envoys left Cairo on Monday.", "Middle East",
     "region", "", ""),
    ("Peace talks in the Middle East stalled as envoys left Cairo on Monday.", "Cairo",
     "city", "EG", "11"),
])
def test_places_state_and_region_names_outrank_namesake_towns(text, toponym, feature, iso,
                                                              admin1):
    place = resolved(text)[toponym]
    assert (place.feature, place.iso, place.admin1_code) == (feature, iso, admin1)


@pytest.mark.parametrize(("text", "toponym", "feature", "iso", "admin1"), [
    ("Thousands of Ohioans lined up for the jobs fair in Columbus.", "Ohioans", "admin1",
     "US", "OH"),
    ("Several Minnesotans were stranded by the storm.", "Minnesotans", "admin1", "US", "MN"),
    ("South Ossetian militias fired on the village, officials in Tbilisi said.",
     "South Ossetian", "region", "GE", ""),
    ("The Sinhalese majority voted for the president in Colombo.", "Sinhalese", "country",
     "LK", ""),
    ("The Czechs hold the council's presidency until June.", "Czechs", "country", "CZ", ""),
    # after a hyphen, a demonym names its country all the same
    ("The Arab-Israeli conflict was on the agenda.", "Israeli", "country", "IL", ""),
    ("Egypt will host inter-Palestinian talks next week.", "Palestinian", "country", "PS", ""),
])
def test_places_demonyms_of_states_regions_and_after_hyphens(text, toponym, feature, iso,
                                                             admin1):
    found = {m.text: (m, p) for m, p in places.resolve(context(text))}
    match, place = found[toponym]
    assert (place.feature, place.iso, place.admin1_code) == (feature, iso, admin1)
    assert match.value.mention  # a people locates no event


@pytest.mark.parametrize(("text", "not_a_place"), [
    ("African-American voters turned out in Atlanta.", "American"),
    ("Abu Omar al-Iraqi was killed near Mosul.", "Iraqi"),
])
def test_places_ethnic_compounds_and_surnames_are_no_demonyms(text, not_a_place):
    assert not_a_place not in {m.text for m in context(text).places}


def test_places_eu_is_placed_at_its_seat_and_locates_nothing():
    found = {m.text: (m, p) for m, p in places.resolve(context(
        "EU ministers met on Monday to discuss sanctions."))}
    match, place = found["EU"]
    assert place.feature == "region" and match.value.mention
    assert abs(place.latitude - 50.85) < 0.5 and abs(place.longitude - 4.35) < 0.5  # Brussels


@pytest.mark.parametrize(("text", "feature", "iso", "admin1"), [
    # a county named in full is the county again where its name stands alone
    ("Kanawha County deputies arrested the man on Friday. He appeared in Kanawha Circuit "
     "Court on Monday.", "admin2", "US", "WV"),
    ("A DeKalb County jury convicted the man in Decatur, Ga. DeKalb police had arrested "
     "him in 2008.", "admin2", "US", "GA"),
    # ... or the town of that name that lies in it
    ("The DeKalb County board met in Sycamore, Ill., on Monday. DeKalb police reported a "
     "burglary near the university.", "city", "US", "IL"),
])
def test_places_county_name_alone_follows_the_full_name(text, feature, iso, admin1):
    found = {m.text: p for m, p in places.resolve(context(text)) if m.text == "DeKalb"
             or m.text == "Kanawha"}
    (place,) = found.values()
    assert (place.feature, place.iso, place.admin1_code) == (feature, iso, admin1)


@pytest.mark.parametrize(("text", "virus", "place"), [
    ("Health officials confirmed two West Nile virus cases in Houston.", "West Nile", "Houston"),
    ("Pigs near Manila carried the Reston ebolavirus.", "Reston", "Manila"),
    ("An outbreak of Marburg haemorrhagic fever was declared in Uige.", "Marburg", "Uige"),
])
def test_places_virus_named_after_a_place_is_no_place(text, virus, place):
    found = {m.text for m in context(text).places}
    assert virus not in found and place in found


_WORDS = ["Russian", "Russians", "RUSSIAN", "South Ossetian", "Sri Lankan", "Guinea-Bissauan",
          "Ohioans", "Texan", "Israeli", "Arab", "American", "African", "Anglo", "Smith",
          "South", "New", "Yorker", "Lankan", "inter", "al", "the", "men", "x2"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from([" ", "-", ", ", "'s ", ""])),
                max_size=12))
def test_places_demonym_scan_finds_what_one_pattern_of_all_forms_finds(parts):
    # the word-by-word look-up finds the spans that one regular expression of every form
    # (longest first) finds, less the nisbas and ethnic compounds it leaves out
    text = "".join(w + sep for w, sep in parts)
    ctx = context(text)
    gaz = ctx.gazetteer
    forms = sorted({f for d in (*gaz.demonyms, *gaz.area_demonyms) if d.isascii()
                    for f in (d.title(), d.upper())}, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(f) for f in forms) + r")(?!\w)")
    ethnic = [m.span() for m in places._ETHNIC_COMPOUND.finditer(text)]
    want = [(m.start(), m.end()) for m in pattern.finditer(text)
            if not (text[m.start() - 1 : m.start()] == "-" and places._NISBA_BEFORE.search(
                text[max(0, m.start() - 5) : m.start()]))
            and not any(s <= m.start() < e for s, e in ethnic)]
    found = places._demonyms(ctx, ner.Entities(scope=[(0, len(text))]))
    assert [(m.start, m.end) for m in found] == want


@pytest.mark.parametrize(("text", "town"), [
    # a legislator's party and home town
    ("The bill's sponsor, Sen. Dana Holt, DFL-Chisholm, said the vote would be close.",
     "Chisholm"),
    ("Rep. Ann Keller (R-Moorpark) voted against the budget.", "Moorpark"),
    # a town's people
    ("The 41-year-old Camarillo resident was taken to the hospital.", "Camarillo"),
])
def test_places_home_towns_of_legislators_and_residents(text, town):
    found = {m.text: m for m in context(text).places}
    assert town in found and found[town].value
    # a legislator's home town is vouched for but locates nothing; a resident's town does
    assert found[town].value.mention == (not text.startswith("The 41"))


def test_places_comment_toponym_keeps_its_county():
    """A name in a post's comments locates nothing, and a county's name alone there still
    stands for its county (_without_comments and the spoken-capital rule copy it)."""
    ctx = context("Shelling hit Kanawha County on Monday. All reactions: Kanawha again")
    county = places.Candidates(["a place"])
    county.county = "kanawha county"
    post = Match(13, 20, "Kanawha", places.Candidates(["a place"]))
    comment = Match(ctx.norm.rindex("Kanawha"), len(ctx.norm) - 6, "Kanawha", county)
    kept = places._without_comments(ctx, [post, comment])
    assert not kept[0].value.mention
    assert kept[1].value.mention and kept[1].value.county == "kanawha county"
    assert list(kept[1].value) == ["a place"]
