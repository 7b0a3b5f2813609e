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
    # the village's name runs on past the word the gazetteer knows (Jiftlik, West Bank)
    ("إصابة ثلاثة أطفال جراء غارة على قرية جفتلك حج حمود في ريف جسر الشغور.",
     "Jisr ash Shughūr", "city"),
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
    # "بلا" (without) is one of Jerusalem's names in GeoNames
    ("استشهاد مدني بقصف على القرية بلا سابق إنذار", "Jerusalem"),
    # the source, a tower, a cairn, a road fork, and a country's central or southern
    # region: common words, and names of places elsewhere
    ("استهداف سيارة بصاروخ موجه، بانتظار باقي التفاصيل من المصدر.", "Al Muşaddar"),
    ("قصف مدفعي يستهدف قرى كالوتيه وبرج القاص، ما أسفر عن إصابة طفل", "Al Burj"),
    ("تزف #رجم_عميرات كوكبة من الشهداء", "Ar Rujum"),
    ("المستهدف بطيران التحالف الدولي قرب مفرق القرية", "Mafraq"),
    ("شهداء وجرحى جراء عدوان جوي إسرائيلي باتجاه المنطقة الوسطى", "Central District"),
    ("المسيّرات الإسرائيلية لا تفارق أجواء المنطقة الجنوبية في سوريا", "Southern District"),
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


@pytest.mark.parametrize(("text", "name", "iso", "feature"), [
    # a name in quotes is cued by the word before the quote
    ('قتل شاب برصاص مجهولين في بلدة "ذيبان" بريف دير الزور الشرقي.', "Dhībān", "SY", "city"),
    # the invisible direction marks a copied post puts before a hashtag read as spaces:
    # "ريف ‎#ادلب" is the governorate's countryside
    ("قصف مدفعي على قرية في ريف \u200e#ادلب أدى لإصابة مدنيين.", "Idlib", "SY", "admin1"),
    ("قصف مدفعي على قرية في ريف\u200f #ادلب أدى لإصابة مدنيين.", "Idlib", "SY", "admin1"),
    # the everyday spellings of towns GeoNames lists otherwise
    ("قصف مدفعي على مدينة البوكمال أدى لإصابة مدنيين.", "Ālbū Kamāl", "SY", "city"),
    ("قصف مسيرة تركية على معمل في مدينة ديرك أدى لإصابة ثلاث نساء.", "Al Mālikīyah", "SY", "city"),
    ("قصف صاروخي على بلدة كفرزيتا أدى لإصابة طفل.", "Kafr Zaytā", "SY", "city"),
    ("قصف مدفعي على محيط بلدة الشدادي جنوبي الحسكة أدى لمقتل مدني.", "Ash Shaddādah", "SY", "city"),
    # an Arabic report's armed group tells the country of a namesake village
    ("وحسب شهود من ذيبان فإن قوات قسد داهمت المنزل وقتلت شابا واعتقلت آخرين.", "Dhībān", "SY", "city"),
])
def test_places_ar_quotes_marks_spellings_and_groups(extractor, text, name, iso, feature):
    place = _place(extractor, text)
    assert (place.name, place.iso, place.feature) == (name, iso, feature)


def test_places_ar_near_a_hashtag_is_near(extractor):
    place = _place(extractor, "غارة بطائرة مسيرة على دراجة نارية قرب #سرمين أدت لمقتل شخص.")
    assert (place.name, place.geo_precision) == ("Sarmīn", 2)


@pytest.mark.parametrize("spelling", ["كفرزيتا", "كفر زيتا", "ديرحافر", "دير حافر", "البوكمال"])
def test_gazetteer_heads_written_joined_or_apart(spelling):
    assert any(p.iso == "SY" for p in default_gazetteer().lookup(spelling))


@pytest.mark.parametrize("comment", [
    "Ahmad Aliالله يحمي أهلنا في مدينة حمص 1y",
    "محمود خالدالله يرحمهم من أهالي مدينة حمص 2w",
])
def test_places_ar_a_posts_comments_locate_nothing_where_the_post_names_a_place(
        extractor, comment):
    post = "استشهاد طفل بقصف مدفعي على قرية في ريف ادلب الجنوبي صباح اليوم"
    text = f"{post}All reactions:12 commentsLikeCommentMost relevant{comment}"
    assert _place(extractor, text).name == "Idlib"
    # where the post names no place, its comments are all there is
    text = text.replace(" في ريف ادلب الجنوبي", "")
    assert _place(extractor, text).name == "Homs"


def test_places_ar_other_stories_headlines_locate_nothing(extractor):
    text = ("الاحتلال التركي يقصف منزلا في كوباني\n"
            "أصيب أفراد أسرة واحدة في قصف بطائرة مسيرة استهدف منزلهم في قرية الكزبرية بريف "
            "كوباني الغربي صباح اليوم، ونقلوا إلى المشفى.\n"
            "مسيرة تستهدف معسكرا للمعارضة الكردية في هولير\n"
            "شكوى قضائية في السليمانية ضد ارتفاع أسعار الوقود\n"
            "حريق واسع قرب طريق هولير كركوك يغلق الطريق")
    assert _place(extractor, text).name == "‘Ayn al ‘Arab"
    lines = text.split("\n")
    spans = _context(extractor, text).other_stories
    assert [(s, e) for s, e in spans] == [(text.index(lines[2]), len(text))]


def test_places_ar_headlines_under_a_heading_locate_nothing(extractor):
    """The lists casualties skip ("اقرأ أيضاً") are other stories for places too."""
    text = ("استشهد طفل بقصف مدفعي على بلدة كنصفرة في ريف إدلب الجنوبي صباح اليوم.\n"
            "اقرأ أيضاً:\nقصف جديد على مدينة الباب شرق حلب")
    ctx = _context(extractor, text)
    headline = ctx.norm.index("قصف جديد")
    assert any(s <= headline < e for s, e in ctx.other_stories)
    in_list = [m for m in ctx.places if m.start >= headline]
    assert in_list and all(m.value.mention for m in in_list)


@pytest.mark.parametrize("post", [
    # a post's own short lines (a signature, a prayer, a hashtag) are no headlines
    "قصف مدفعي على القرية أدى لإصابة طفلين بجروح متفاوتة نقلوا على إثرها إلى المشفى في المدينة\n"
    "حسبنا الله ونعم الوكيل\nخالد الشمالي\n#الخوذ_البيضاء",
    # nor is a page's title before the article
    "قصف على كوباني\nقصف جديد على ريف كوباني الغربي\nإصابة مدنيين في قصف تركي\n"
    "أصيب أفراد أسرة واحدة في قصف بطائرة مسيرة استهدف منزلهم في قرية بريف كوباني الغربي.",
])
def test_places_ar_short_lines_of_a_post_are_no_headlines(extractor, post):
    assert _context(extractor, post).other_stories == []


def test_places_ar_a_bare_governorate_takes_the_side_the_lead_names(extractor):
    gaz = default_gazetteer()
    seat = next(p for p in gaz.lookup("دير الزور") if p.feature == "admin1")
    place = _place(extractor, "مقتل شاب خلال مداهمة في محافظة دير الزور\n"
                              "قتلت قوات قسد شابا خلال مداهمة منزله في بلدة الكزبرية شرق دير الزور.")
    # the governorate named bare is the place; the lead's "شرق دير الزور" gives its side
    assert place.span.text == "محافظة دير الزور"
    assert place.longitude > seat.longitude


def _context(extractor, text):
    from warlog.extract.context import DocContext
    from warlog.ingest.readers import make_document

    doc = make_document(text, "test#places-ar", language="ar")
    return DocContext(doc, extractor.gazetteer, extractor.registry)


@pytest.mark.parametrize(("text", "name"), [
    # "درعًا" with tanween is "a shield", an indefinite noun; Daraa's name takes none
    ("استشهد أخي بغارة جوية أمس، قد كنتَ درعًا يحمي ضعفي.", None),
    ("قصف مدفعي على مدينة درعا أدى لمقتل مدنيين.", "Dar‘ā"),
])
def test_places_ar_word_with_tanween_is_no_place(extractor, text, name):
    place = _place(extractor, text)
    assert (place.name if place else None) == name
