"""Name scanning (extract/names.py): cutting a run of words once they begin no name
(``may_continue_name``) must find exactly the names a scan of every length finds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warlog.extract.names import scan_names
from warlog.gazetteer import Gazetteer, Place, name_key
from warlog.registry import Registry

_REGISTRY = Registry.load("""
[[actor]]
id = "sdf"
name = "Syrian Democratic Forces"
type = "rebel"
inter = 2
aliases = ["SDF", "Q.S.D", "the Syrian Democratic Forces", "Democratic Forces of Syria"]

[[actor]]
id = "coalition"
name = "Global Coalition Against Daesh"
type = "external"
inter = 8
aliases = ["US-led coalition", "Global Coalition", "Coalition"]

[[actor]]
id = "army"
name = "Military Forces of Syria"
type = "state"
inter = 1
aliases = ["Syrian army", "Syrian Arab Army", "Syrian army's 4th Division"]
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
