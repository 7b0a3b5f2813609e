"""Regex speed-ups of extract/screen.py: the literal screen before a cue pattern and the
first-letter grouping of word lists. Both must leave every match as it was."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warlog.extract import quotes
from warlog.extract.lang import ar, en
from warlog.extract.screen import (
    Screened,
    ScreenSet,
    alternatives,
    by_first_letter,
    fold,
    required_literals,
)


@pytest.mark.parametrize(("pattern", "flags", "expected"), [
    (r"\bshell(?:ed|ing)\b", re.I, ("shell",)),
    (r"\b(air ?strikes?|warplanes?)\b", re.I, ("strike", "warplane")),
    (r"(?:killed|dead) by (?:the )?army", 0, (" by ",)),  # the longest sure literal
    (r"\w+ed", 0, ("ed",)),
    (r"[A-Z]\w*|said", 0, None),  # a branch with no literal: no screen
    (r"(?:foo)?bar", 0, ("bar",)),  # an optional part promises nothing
    (r"(?<=x)yz", 0, ("yz",)),  # a lookbehind's text is outside the match
    (r"Said", 0, ("said",)),  # compared in lower case
])
def test_screen_required_literals_known_patterns(pattern, flags, expected):
    assert required_literals(re.compile(pattern, flags)) == expected


def test_screen_required_literals_drop_literals_holding_a_shorter_one():
    assert required_literals(re.compile(r"report|reports|reported")) == ("report",)


# Words of the cue lists, with case changes and the letters IGNORECASE folds specially
# ("ı" matches "i", "ſ" matches "s", the Kelvin sign matches "k").
_CUE_WORDS = sorted(set(
    "killed civilians air strike airstrikes shelled artillery clashes fighting protesters "
    "tear gas riot police arrested detained seized control recaptured the town car bomb IED "
    "suicide bomber drone strike ceasefire agreement kidnapped raped looted torched checkpoint "
    "military base withdrew troops deployed forces explosion blast mortar rockets rebels "
    "gunmen opened fire on demonstrators chemical attack sarin chlorine Killed STRIKE ıed "
    "ſhelled \u212ailled İED قصف غارة اشتباكات قتل مدنيين سيطرت قوات النظام على البلدة"
    .split()))
_TEXT = st.lists(st.one_of(st.sampled_from(_CUE_WORDS), st.text(max_size=6)), max_size=25).map(" ".join)
_RULES = [(p, re.I) for _, _, p in en.EVENT_RULES + en.TOLL_RULES + ar.EVENT_RULES] + [
    (p, re.I) for p in (en.GENERIC_VIOLENCE, en.DISASTER, en.KILLED + "|" + en.INJURED,
                        ar.KILLED + "|" + ar.INJURED)]


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_screen_never_hides_a_match(text):
    folded = fold(text)
    for pattern, flags in _RULES:
        screened = Screened(pattern, flags)
        found = screened.pattern.search(text)
        assert screened.possible(folded) or found is None, (pattern[:60], text)
        again = screened.search(text)
        assert (again and again.span()) == (found and found.span())


_SCREENS = [Screened(p, f) for p, f in _RULES] + [Screened(r"\w+ed"), Screened("a|b")]
_SCREEN_SET = ScreenSet(_SCREENS)


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_screen_set_answers_as_each_screen(text):
    """One pass over the text finds the screens that may match, as each screen's own test
    finds it (overlapping literals, screens with none, shared literals)."""
    folded = fold(text)
    assert _SCREEN_SET.possible(folded) == {i for i, s in enumerate(_SCREENS)
                                            if s.possible(folded)}


@pytest.mark.parametrize(("text", "expected"), [
    ("", set()),
    ("airstrikes", {0, 1, 2}),  # "air", "strike" and "airstrike" overlap: all found
    ("the strike", {1}),
])
def test_screen_set_overlapping_literals(text, expected):
    screens = [Screened("air"), Screened("strike|raid"), Screened("airstrikes?")]
    assert ScreenSet(screens).possible(fold(text)) == expected


def test_screen_every_event_rule_has_a_screen():
    """A rule without one is read on every sentence: worth a look when this fails."""
    assert all(Screened(p, re.I).literals for _, _, p in en.EVENT_RULES + ar.EVENT_RULES)


@pytest.mark.parametrize(("alternation", "ignorecase", "expected"), [
    ("said|says|told", False, "s(?:aid|ays)|told"),
    ("Said|said|told", False, "Said|said|told"),
    ("Said|said", True, "s(?:aid|aid)"),
    ("a|an|the", False, "a(?:|n)|the"),
    (r"called\s+(?:for|on)|calls|x[yz]", False, r"c(?:alled\s+(?:for|on)|alls)|x[yz]"),
    (r"a?b|c", False, r"a?b|c"),  # an optional first letter: left as it is
    (r"\d+|one", False, r"\d+|one"),
])
def test_screen_by_first_letter_groups(alternation, ignorecase, expected):
    assert by_first_letter(alternation, ignorecase) == expected


def test_screen_alternatives_split_at_top_level_only():
    assert alternatives(r"a(?:b|c)|[|]d|e\|f") == ["a(?:b|c)", "[|]d", r"e\|f"]


_LISTS = [quotes.SAY_VERBS, quotes.PARTICIPLES, quotes._ROLE_NOUNS]
_LIST_WORDS = sorted({w for alt in _LISTS for w in re.findall(r"[a-z]+", alt)})
_PROSE = st.lists(st.one_of(st.sampled_from(_LIST_WORDS), st.sampled_from(
    ["The", "a", ",", "Ministry", "him", "for", "on", "\n", "  "])), max_size=30).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(_PROSE)
def test_screen_by_first_letter_finds_the_same_matches(text):
    for alternation in _LISTS:
        for flags, ignorecase in ((0, False), (re.I, True)):
            plain = re.compile(rf"\b(?:{alternation})(?:\s+\w+)?", flags)
            grouped = re.compile(rf"\b(?:{by_first_letter(alternation, ignorecase)})(?:\s+\w+)?", flags)
            assert [m.span() for m in plain.finditer(text)] == [m.span() for m in grouped.finditer(text)]


@given(st.text(alphabet="aİıſKkSs Σσς—“”x\u212a", max_size=40))
def test_screen_fold_skips_translate_only_where_it_changes_nothing(text):
    from warlog.extract.screen import _FOLD

    assert fold(text) == text.translate(_FOLD).lower()
    assert len(fold(text)) == len(text)
