"""Name scanning (extract/names.py): cutting a run of words once they begin no name
(``may_continue_name``) must find exactly the names a scan of every length finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warlog.extract.names import _TOKEN, scan_names, tokens
from warlog.gazetteer import Gazetteer, Place, name_key
from warlog.registry import Actor, Registry

_REGISTRY = Registry.load("""
[[actor]]
id = "sdf"
name = "Syrian Democratic Forces"
type = "rebel"
inter = 2
aliases = ["SDF", "Q.S.D", "the Syrian Democratic Forces", "Democratic Forces of Syria"]
aliases_ar = ["قوات سوريا الديمقراطية", "قسد", "قوات (قسد) سوريا"]

[[actor]]
id = "coalition"
name = "Global Coalition Against Daesh"
type = "external"
inter = 8
aliases = ["US-led coalition", "Global Coalition", "Coalition"]
aliases_ar = ["التحالف الدولي", "طيران التحالف", "التحالف الدولي، بقيادة واشنطن"]

[[actor]]
id = "army"
name = "Military Forces of Syria"
type = "state"
inter = 1
aliases = ["Syrian army", "Syrian Arab Army", "Syrian army's 4th Division"]

[[actor]]
id = "russia_air"
name = "Air Force of Russia"
type = "external"
inter = 8
aliases_ar = ["الطيران الروسي", "المقاتلات الروسية", "#الطيران_الروسي"]
""")



def _gazetteer() -> Gazetteer:
    gaz = Gazetteer()
    for n, names in enumerate([["Deir ez-Zor", "Dayr az Zawr"], ["Raqqa City"], ["Al Bab"],
                               ["Tell Abyad"], ["Abu Kamal", "Al-Bukamal"], ["Raqqa"],
                               ["Ras alAyn"]]):
        gaz.add(Place(n + 1, names[0], 35.0, 40.0, "SY", "01", 10_000, "city"), names)
    return gaz


_WORDS = ["Syrian", "Democratic", "Forces", "of", "Syria", "the", "SDF", "Q.S.D", "US-led",
          "coalition", "Global", "Coalition", "Against", "Daesh", "army", "Arab", "Army", "4th",
          "Division", "army's", "Deir", "ez-Zor", "ez", "Zor", "Dayr", "az", "Zawr", "Raqqa",
          "City", "al", "Al", "Bab", "Ras", "Ayn", "Tell", "Abyad", "Abu", "Kamal", "Al-Bukamal",
          "in", "said"]
# gaps a key reads as one space, and gaps it does not ("`" is dropped, "(" is kept)
_GAPS = [" ", " ", " ", "  ", "-", ". ", "\n", ", ", "`", " (", "/", "'"]
_TEXT = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_GAPS)), max_size=20).map(
    lambda pairs: "".join(w + g for w, g in pairs))


def _spans(found):
    return [(m.start, m.end, m.text) for m in found]


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_names_cut_runs_find_what_every_length_finds(text):
    gaz = _gazetteer()
    for owner, max_tokens in ((_REGISTRY, 8), (gaz, 5)):
        cut = scan_names(text, owner.lookup, max_tokens=max_tokens)
        # a plain function has no owner to ask: every length is tried
        full = scan_names(text, lambda phrase, o=owner: o.lookup(phrase), max_tokens=max_tokens,
                          starts_name=owner.may_start_name)
        assert _spans(cut) == _spans(full)


@pytest.mark.parametrize(("text", "found"), [
    ("Fighters of the Syrian Democratic Forces entered.", "the Syrian Democratic Forces"),
    ("the US-led coalition struck", "US-led coalition"),
    ("fighting near al Raqqa City today", "al Raqqa City"),  # an article lookup drops
    ("shelling in Deir ez-Zor province", "Deir ez-Zor"),
    ("north of Ras al`Ayn", "Ras al`Ayn"),  # a gap that is no space: every length tried
])
def test_names_cut_runs_keep_long_names(text, found):
    gaz = _gazetteer()
    names = [m.text for m in scan_names(text, _REGISTRY.lookup, max_tokens=8)]
    names += [m.text for m in scan_names(text, gaz.lookup, max_tokens=5)]
    assert found in names


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=12))
def test_names_may_start_name_plain_word_path_agrees_with_name_key(word):
    gaz = _gazetteer()
    for owner in (_REGISTRY, gaz):
        slow = word[:1] >= "\u0600" if owner is _REGISTRY else False
        slow = slow or name_key(word).split(" ", 1)[0] in owner.first_words
        assert owner.may_start_name(word) == slow


# Arabic: a word is looked up as written, without a glued prefix (و ب ل ف), and "لل" as
# "ال"; the gazetteer also drops an article. Names invented for the test (the registry
# above holds their Arabic aliases), and one key
# that begins with a space (GeoNames has such: "ال-X" loses "ال" and keeps the space).



_PLACES_AR = [["دير الزور", "ديرالزور"], ["الرقة"], ["رأس العين"], ["تل أبيض"],
              ["البوكمال", "أبو كمال"], ["حلب", "ريف حلب الشرقي"], ["ال-باب"],
              ["كوباني (عين) العرب", "عين العرب"], ["Al Bab"]]


def _gazetteer_ar() -> Gazetteer:
    gaz = Gazetteer()
    for n, names in enumerate(_PLACES_AR):
        gaz.add(Place(n + 1, names[0], 35.0, 40.0, "SY", "01", 10_000, "city"), names)
    return gaz


# How a word may be written glued: a prefix (و ب ل ف), an article, "لل" for ل + ال.
_GLUES = ["", "", "", "و", "ب", "ل", "ف", "وب", "ال", "وال", "بال", "لل", "ولل"]


def _glue(word: str, glue: str) -> str:
    if glue in ("لل", "ولل", "وال", "بال") and word.startswith("ال"):
        return glue + word[2:]
    return glue + word


_NAMES_AR = [name for names in _PLACES_AR for name in names] + [
    alias for actor in _REGISTRY.actors.values() for alias in actor.aliases_ar]
# a name, or its first words, its first word glued to a prefix; or a word of no name
_PIECE = st.one_of(
    st.tuples(st.sampled_from(_NAMES_AR), st.integers(1, 5), st.sampled_from(_GLUES)).map(
        lambda t: " ".join([_glue(t[0].split(" ")[0], t[2]), *t[0].split(" ")[1:t[1]]])),
    st.sampled_from(["في", "على", "قصف", "ـ", "ʿ", "Al", "Bab", "الطيران_الروسي", "قوات"]))
# gaps a key reads as one space, gaps it keeps ("،", quotes, "#"), drops ("`") or that
# begin with a combining mark
_GAPS_AR = [" ", " ", " ", "  ", "-", ". ", "\n", "، ", "،", '" ', " «", " #", "#", " (", ") ",
            "/", "`", "\u06eb ", "\u200f", " ـ "]
_TEXT_AR = st.lists(st.tuples(_PIECE, st.sampled_from(_GAPS_AR)), max_size=10).map(
    lambda pairs: "".join(w + g for w, g in pairs))


@settings(max_examples=400, deadline=None)
@given(_TEXT_AR)
def test_names_arabic_cut_runs_find_what_every_length_finds(text):
    gaz = _gazetteer_ar()
    for owner, max_tokens in ((_REGISTRY, 8), (gaz, 5)):
        def starts(word, owner=owner):  # as find_places asks: Arabic words always may
            return word[0] >= "\u0600" or owner.may_start_name(word)

        cut = scan_names(text, owner.lookup, max_tokens=max_tokens, starts_name=starts)
        full = scan_names(text, lambda phrase, o=owner: o.lookup(phrase), max_tokens=max_tokens,
                          starts_name=starts)
        assert _spans(cut) == _spans(full)


@pytest.mark.parametrize(("text", "found"), [
    ("غارات للطيران الروسي على ريف حلب الشرقي", "لطيران الروسي"),  # لل read as ال
    ("استهدفت وقوات سوريا الديمقراطية مواقع", "قوات سوريا الديمقراطية"),  # a glued و
    ("قصف التحالف الدولي، بقيادة واشنطن القرية", "التحالف الدولي، بقيادة واشنطن"),
    ("بيان قوات (قسد) سوريا اليوم", "قوات (قسد) سوريا"),  # past "("
])
def test_names_arabic_cut_runs_keep_long_names(text, found):
    assert found in [m.text for m in scan_names(text, _REGISTRY.lookup, max_tokens=8)]


@pytest.mark.parametrize(("text", "found"), [
    ("قصف على ريف حلب الشرقي", "ريف حلب الشرقي"),
    ("اشتباكات في بدير الزور", "دير الزور"),
    ("قرب ال باب شمالا", "ال باب"),  # the key " باب", once lookup drops ال
    ("near Al Bab", "Al Bab"),
])
def test_names_arabic_places_found(text, found):
    gaz = _gazetteer_ar()
    got = scan_names(text, gaz.lookup, max_tokens=5,
                     starts_name=lambda w: w[0] >= "\u0600" or gaz.may_start_name(w))
    assert found in [m.text for m in got]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("الديرزوقاتحفبكم رأس-،"), max_size=10))
def test_names_may_begin_name_agrees_with_the_sorted_keys(text):
    gaz = _gazetteer_ar()
    for owner, keys in ((gaz, list(gaz.names)), (_REGISTRY, list(_REGISTRY.by_key))):
        if any(k.startswith(text) for k in keys):
            assert owner.may_begin_name(text)
    if not owner.may_begin_name(text):  # the registry: nothing begins with the text
        assert not any(k.startswith(text) for k in _REGISTRY.by_key)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab Z-.'’_#1عفرين،", max_size=40))
def test_names_tokens_split_at_every_change_of_script(text):
    """Tokens are the words of the text, cut wherever Latin and Arabic letters touch
    ("عفرينpic"), and nowhere else."""
    found = tokens(text)
    words = [m.span() for m in _TOKEN.finditer(text)]
    # the pieces tile the words exactly
    assert [(s, e) for s, e in words] == _joined(found, text)
    for start, end in found:
        piece = text[start:end]
        assert not re.search(r"[A-Za-z][\u0621-\u064a]|[\u0621-\u064a][A-Za-z]", piece)
    for (_, end), (start, _) in zip(found, found[1:], strict=False):
        if end == start:  # a cut inside a word: a change of script
            assert {_script(text[end - 1]), _script(text[start])} == {"latin", "arabic"}


def _script(char: str) -> str:
    return "arabic" if "\u0621" <= char <= "\u064a" else "latin" if char.isascii() else "other"


def _joined(pieces: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Pieces that touch (a word cut at a change of script) joined again."""
    out: list[tuple[int, int]] = []
    for start, end in pieces:
        if out and out[-1][1] == start and _script(text[start - 1]) != _script(text[start]):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


_SHARED_AR = _gazetteer_ar()  # its table of scanned words grows across the examples


def _fresh_registry() -> Registry:
    registry = Registry()
    for actor in _REGISTRY.actors.values():
        registry.add(actor)
    return registry


@settings(max_examples=300, deadline=None)
@given(_TEXT_AR)
def test_names_word_table_kept_across_scans_finds_what_a_fresh_scan_finds(text):
    for owner, fresh in ((_SHARED_AR, _gazetteer_ar()), (_REGISTRY, _fresh_registry())):
        kept = scan_names(text, owner.lookup, max_tokens=5)
        assert _spans(kept) == _spans(scan_names(text, fresh.lookup, max_tokens=5))


@pytest.mark.parametrize("add", ["gazetteer", "registry"])
def test_names_word_table_emptied_when_names_are_added(add):
    text = "قصف على كفرنبل وزركان"
    owner = _gazetteer_ar() if add == "gazetteer" else _fresh_registry()
    def scan():  # as find_places asks: every Arabic word may start a name
        return scan_names(text, owner.lookup,
                          starts_name=lambda w: w[0] >= "\u0600" or owner.may_start_name(w))

    assert scan() == []
    if add == "gazetteer":
        owner.add(Place(99, "كفرنبل", 35.6, 36.6, "SY", "07", 15_000, "city"), ["كفرنبل"])
    else:
        owner.add(Actor(id="invented-zarkan", name="Zarkan Group", type="rebel", inter=2,
                        aliases_ar=["كفرنبل"]))
    assert [m.text for m in scan()] == ["كفرنبل"]
