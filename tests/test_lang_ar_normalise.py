"""Arabic matching text: letters folded, obfuscation and page chrome removed, and every
character of it mapped back to the stored text (invented posts)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warlog.extract.lang.ar_normalise import fold, page_names, script_lang

FOLDED = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي",
          **{d: str(i) for i, d in enumerate("٠١٢٣٤٥٦٧٨٩")},
          **{d: str(i) for i, d in enumerate("۰۱۲۳۴۵۶۷۸۹")}}


@pytest.mark.parametrize(("text", "norm"), [
    ("إصابة", "اصابه"),                        # alef with hamza below, ta marbuta
    ("مستشفى أريحا", "مستشفي اريحا"),          # alef maqsura, hamza above
    ("آذار", "اذار"),                          # madda
    ("قَصْفٌ مِدْفَعِيٌّ", "قصف مدفعي"),       # diacritics dropped
    ("عاجــــــل", "عاجل"),                    # tatweel dropped
    ("مقـ.ـتل طفل", "مقتل طفل"),               # dots hidden inside a word
    ("باسـ ـتـ ـهداف", "باستهداف"),            # spaces hidden inside a word
    ("سقـ.ـ.ـوط صـ.ـاروخ", "سقوط صاروخ"),
    ("ا.ستشها.د طفل بعد ق.صف", "استشهاد طفل بعد قصف"),  # a bare dot inside a word
    ("ق*صف المشفى", "قصف المشفي"),              # a bare star inside a word
    ("الجـۦـنود الجـۦـرحى", "الجنود الجرحي"),    # a small yeh between tatweels
    ("العد.وان على البلدة", "العدوان علي البلده"),  # a dot before و, no sentence opener
    # a full stop that lost its space before "وقال" stays a stop
    ("قصف علي كنصفره.وقال الفريق", "قصف علي كنصفره.وقال الفريق"),
    ("قصف القرية. ثم", "قصف القريه. ثم"),        # a full stop stays
    ("٥ آذار ٢٠٢٤", "5 اذار 2024"),            # Arabic-Indic digits
    ("۱۲ شهیدا", "12 شهیدا"),                  # Persian digits
    ("strike on Idlib", "strike on Idlib"),    # English untouched
    # a word glued to one ending in ة or ى (letters only a word's end holds) is set apart
    ("#الرقةمقـ تل شقيقين", "#الرقه مقتل شقيقين"),
    ("بريف الرقةنفذت قوات", "بريف الرقه نفذت قوات"),
    ("عين عيسىفـ ـقـ ـد طفل", "عين عيسي فقد طفل"),
    ("مدينتها ومستشفيات", "مدينتها ومستشفيات"),  # ت and ي inside words: nothing set apart
])
def test_lang_ar_normalise_folds_letters_digits_and_obfuscation(text, norm):
    assert fold(text)[0] == norm


@pytest.mark.parametrize(("text", "kept", "gone"), [
    ("صفحة أخبار بلدتنا\nShared with Public\nقصف مدفعي على القرية\nSee translation\n12 comments",
     "قصف مدفعي", ["Shared", "translation", "comments"]),
    ("Post\n\nPost\n\nشبكة اخبار البلدة@village_news_inv قصف على البلدة11:05 AM · Mar 3, 20252.1KViews12",
     "قصف علي البلده", ["Post", "@village_news_inv", "Views", "شبكه اخبار", "Mar 3"]),
    # YouTube's footer glued to a video's title
    ("قصف على بلدة كنصفرة - YouTubeAboutPressCopyrightContact usCreators© 2024 Google LLC",
     "قصف علي بلده كنصفره", ["YouTube", "Google"]),
    # X's title before 2023 ("NAME on Twitter:") names the account, not a place
    ("Idlib Plus on Twitter: \"قصف على البلدة\" Idlib Plus on Twitter",
     "قصف علي البلده", ["Idlib"]),
    ("تنسيقية مدينة النور - قصف على الحي... / Facebook\u200eتنسيقية مدينة النور\u200e's Post\n\n"
     "تنسيقية مدينة النورJune 2, 2024 · Shared with Publicقصف على الحي",
     "قصف علي الحي", ["تنسيقيه", "'s Post", "Shared"]),
])
def test_lang_ar_normalise_blanks_page_chrome_and_page_names(text, kept, gone):
    norm, orig = fold(text)
    assert kept in norm
    for word in gone:
        assert word not in norm
    assert len(norm) + 1 == len(orig)


def test_lang_ar_normalise_finds_page_names():
    text = "Post\n\nPost\n\nمرصد البلدة الجنوبي@south_inv\nقصف"
    assert page_names(text) == {"مرصد البلدة الجنوبي", "@south_inv"}
    # an older Facebook copy's title: the name twice, the post cut short, the name again
    text = "أخبار البلدة اليوم أخبار البلدة اليوم #عاجل\nقصف على الحي... - أخبار البلدة اليوم\n\nقصف"
    assert page_names(text) == {"أخبار البلدة اليوم"}
    # a headline printed twice is no page name
    assert page_names("قصف على البلدة اليوم قصف على البلدة اليوم\n\nقتل مدنيان.") == set()


@pytest.mark.parametrize(("text", "lang"), [
    ("قصف مدفعي على بلدة كفرنبل", "ar"),
    ("Russian jets struck Kafr Nabl", "en"),
    ("#عاجل Breaking: قصف على البلدة", "ar"),
    ("12:50 PM · Nov 30, 2024", "en"),
])
def test_lang_ar_normalise_routes_a_paragraph_by_its_script(text, lang):
    assert script_lang(text) == lang


_ALPHABET = list("ابتثجحخدذرسشصضطظعغفقكلمنهوي" "أإآٱةىء" "\u064b\u064e\u0650\u0651\u0652\u0670"
                 "\u0640" "٠١٢٣۴۵" " .،\n" "abcXYZ019·@#'")


@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_lang_ar_normalise_maps_every_character_back(text):
    norm, orig = fold(text)
    assert len(orig) == len(norm) + 1 and orig[-1] == len(text)
    # rising, but for the space set after a word's last ة or ى, which shares its offset
    assert all(a < b or (a == b and i + 1 < len(norm) and text[a] in "ةى" and norm[i + 1] == " ")
               for i, (a, b) in enumerate(zip(orig, orig[1:], strict=False)))
    for i, ch in enumerate(norm):
        source = text[orig[i]]
        # each kept character is its source, folded, or a blank where chrome was
        assert ch in (source, FOLDED.get(source, source), " ")


@given(st.text(alphabet=_ALPHABET, max_size=60), st.integers(0, 59), st.integers(0, 59))
def test_lang_ar_normalise_span_points_into_the_original(text, a, b):
    from warlog.extract.context import DocContext
    from warlog.model import Document

    doc = Document(id="d" * 64, text=text or "x", language="ar", source_locator="t")
    ctx = DocContext.__new__(DocContext)
    ctx.doc = doc
    ctx.norm, ctx._orig = fold(doc.text)
    start, end = sorted((min(a, len(ctx.norm)), min(b, len(ctx.norm))))
    span = ctx.span(start, end)
    assert span.text == doc.text[span.start:span.end]
    assert 0 <= span.start <= span.end <= len(doc.text)


def test_lang_ar_normalise_prose_handle_is_no_page_name():
    assert page_names("According to @village_news, a strike hit the market") == set()


# Lines and words of copied pages and of prose, written for this test.
_PAGE_BITS = ["Shared with Public", "See translation", "Like", "Comment", "12 comments", "3.4K Views",
              "1y", "Post", "10:42 PM · Mar 3, 2024", "Mar 3 · Shared with Public", "English (US)",
              "Meta © 2024", "Embed Tweet", "the army shelled the town", "قصف", "تعليق", "—", "’s Post",
              "May", "Something went wrong, try again", "\n", " ", "42", "likes"]


@given(st.lists(st.sampled_from(_PAGE_BITS), max_size=25).map("".join))
def test_lang_ar_normalise_screened_chrome_finds_what_chrome_finds(text):
    from warlog.extract.lang.ar_normalise import CHROME, _chrome

    assert _chrome(text) == [m.span() for m in CHROME.finditer(text)]
