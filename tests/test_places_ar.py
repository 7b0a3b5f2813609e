"""Arabic place rules (extract.places): a village kept to the area named after it, the
lead's place over a town further down, the countryside turned toward a governorate's
towns, names inside hashtags, groups and page chrome. Invented sentences."""

from __future__ import annotations

import pytest

from warlog.eval import extract_text
from warlog.extract import places
from warlog.extract.names import tokens
from warlog.extract.pipeline import Extractor
from warlog.gazetteer import default_gazetteer


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def _place(extractor, text):
    mentions = extract_text(extractor, text, "test#places-ar", None, "ar", "")
    assert mentions, text
    return next((m.place for m in mentions if m.place), None)


@pytest.mark.parametrize(("text", "name", "feature"), [
    # the gazetteer knows this village in As-Suwayda and in Yemen, not in Aleppo: the
    # governorate named after it locates the strike
    ("قصف مدفعي على قرية ذيبين بريف حلب أدى لإصابة مدنيين.", "Aleppo", "admin1"),
    ("قصف مدفعي على قرية ذيبين في ريف حلب الشمالي أدى لإصابة مدنيين.", "Aleppo", "admin1"),
    # ... where it lies in the governorate named, the village stands
    ("قصف مدفعي على قرية ذيبين بريف السويداء أدى لإصابة مدنيين.", "Dhībbīn", "city"),
    ("قصف مدفعي على قرية السودة بريف طرطوس أدى لإصابة مدنيين.", "As Sawdā", "city"),
])
def test_places_ar_village_kept_within_the_area_named_after_it(extractor, text, name, feature):
    place = _place(extractor, text)
    assert (place.name, place.feature) == (name, feature)


def test_places_ar_village_of_a_town_lies_near_that_town(extractor):
    # "ريف مدينة X": a namesake far from the town is not the village meant
    place = _place(extractor, "غارة جوية على قرية ذيبين في ريف مدينة دوما أدت لمقتل مدني.")
    assert place.name == "Dūmā"


def test_places_ar_lead_sentences_outrank_a_town_further_down(extractor):
    text = ("قصف مدفعي لقوات النظام على ريف إدلب الجنوبي أدى لإصابة مدنيين.\n"
            "وتجدد القصف المدفعي على المنطقة مساء.\n"
            "كما طال قصف مدفعي الأراضي الزراعية.\n"
            "وفي سياق آخر قصف مدفعي على مدينة يبرود.")
    place = _place(extractor, text)
    assert (place.name, place.feature) == ("Idlib", "admin1")
    # a town in the lead is finer than the governorate
    place = _place(extractor, "قصف مدفعي على مدينة يبرود في ريف دمشق أدى لإصابة مدنيين.")
    assert place.name == "Yabrūd"


def test_places_ar_countryside_turns_toward_the_governorates_towns(extractor):
    gaz = default_gazetteer()
    seat = next(p for p in gaz.lookup("دير الزور") if p.feature == "admin1")
    east = _place(extractor, "قصف مدفعي على ريف دير الزور الشرقي أدى لإصابة مدنيين.")
    # the governorate's towns east of its seat lie down the Euphrates, to the south-east
    assert east.longitude > seat.longitude and east.latitude < seat.latitude
    moved = places._km(seat.latitude, seat.longitude, east.latitude, east.longitude)
    assert moved == pytest.approx(places.COUNTRYSIDE_KM, abs=0.5)


@pytest.mark.parametrize(("text", "name"), [
    ("سقوط قذائف على بلدة في ريف #دمشق أدى لإصابة مدنيين.", "Rif Dimashq"),
    ("قصف مدفعي على #تل_ابيض أدى لإصابة مدنيين.", "Tall Abyaḑ"),
    # chrome glued to the last word of a copied post
    ("استشهاد مدني بقصف صاروخي على مدينة #السويداءAll reactions:12", "As-Suwayda"),
])
def test_places_ar_names_in_hashtags_and_glued_chrome(extractor, text, name):
    assert _place(extractor, text).name == name


@pytest.mark.parametrize(("text", "not_a_place"), [
    ("قصف على القرية وفرق #الخوذ_البيضاء تسعف المصابين", "Al Bayda"),
    ("قصف على القرية وفرق الخوذ البيضاء تسعف المصابين", "Al Bayda"),
    ("عاجل | مراسل قناة حلب اليوم: قصف مدفعي على القرية", "Aleppo"),
    ("قصف صاروخي على مخيم بالقرب من باب الهوى شمالي #إدلب", "Al Bāb"),
    ("استشهاد مدني جراء استهداف منزله بقذيفة", "Al Manzalah"),
    ("إصابة طفل بشظايا في الرأس جراء القصف", "Ar Rās"),
    ("قصف على القرية\n\nعربي\nKURDÎ\nENGLISH", "Kafr al Kurdī"),
    # a commenter's name under a copied post
    ("استشهاد شاب بقصف على القرية. الله يرحمه1yKhaled Omarالله يرحمه", "‘Omer"),
])
def test_places_ar_common_words_groups_and_menus_are_no_places(extractor, text, not_a_place):
    mentions = extract_text(extractor, text, "test#places-ar", None, "ar", "")
    assert all(m.place is None or m.place.name != not_a_place for m in mentions or [])


@pytest.mark.parametrize(("text", "words"), [
    ("السويداءAll", ["السويداء", "All"]),
    ("عفرينpic.twitter.com", ["عفرين", "pic.twitter.com"]),
    ("Kobani كوباني", ["Kobani", "كوباني"]),
])
def test_names_tokens_split_where_the_script_changes(text, words):
    assert [text[s:e] for s, e in tokens(text)] == words
