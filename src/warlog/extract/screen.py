"""A cheap test before a costly regular expression: the literal strings one of which
every match must contain.

The cue lists (lang.en, lang.ar) are long alternations tried sentence by sentence, and
most sentences match none of them; searching for a handful of plain substrings first
(``str.__contains__``, fast C code) skips the regular expression where it cannot match.
The literals are read from the pattern itself, so the screen follows every edit of a
cue list and never changes a result: where no literal is certain (a branch that starts
with ``\\w+``), the pattern is always run.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

# Text is compared in lower case. Under IGNORECASE the regex engine also lets "i" match
# dotless "ı" and dotted "İ" (whose str.lower() is two characters) and "s" match the long
# "ſ"; they are folded the same way.
_FOLD = str.maketrans({"ı": "i", "İ": "i", "ſ": "s"})
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT))


def fold(text: str) -> str:
    """The form of a text that screens read (once per text, shared by many screens).
    Each character gives one (str.lower() lengthens only "İ", which _FOLD maps first),
    so a stretch of a text folds to that stretch of its folded form."""
    if "ı" in text or "İ" in text or "ſ" in text:  # (translate costs ~70 ns a character)
        text = text.translate(_FOLD)
    return text.lower()


def _plain(code: int) -> bool:
    # characters whose case the screen can follow: ASCII, and the caseless Arabic block
    return code < 128 or 0x600 <= code <= 0x6FF


def _better(a: frozenset[str], b: frozenset[str] | None) -> bool:
    """Longer literals screen out more; then fewer of them cost less."""
    if b is None:
        return True
    return (min(map(len, a)), -len(a)) > (min(map(len, b)), -len(b))


def _required(items) -> frozenset[str] | None:
    """Literals (lower case) one of which every match of the parsed items contains, or
    None when there is no such set."""
    best: frozenset[str] | None = None
    run: list[str] = []

    def consider(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and _better(found, best):
            best = found

    for op, av in items:
        if op is _c.LITERAL and _plain(av):
            run.append(chr(av).lower())
            continue
        if run:
            consider(frozenset(["".join(run)]))
            run = []
        if op is _c.SUBPATTERN:
            consider(_required(av[-1]))
        elif op is _c.BRANCH:
            options = [_required(branch) for branch in av[1]]
            if all(options):
                consider(frozenset().union(*options))  # type: ignore[arg-type]
        elif op in _REPEATS and av[0] >= 1:
            consider(_required(av[2]))
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            consider(_required(av))
        # anything else (a class, a lookaround, a back-reference) promises no literal
    if run:
        consider(frozenset(["".join(run)]))
    return best


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """The literals one of which every match of ``pattern`` contains (shortest first;
    one that contains another is left out), or None when the pattern promises none."""
    try:
        found = _required(_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # a parser this module does not know: no screen, same results
        return None
    if not found:
        return None
    kept: list[str] = []
    for lit in sorted(found, key=lambda s: (len(s), s)):
        if not any(k in lit for k in kept):
            kept.append(lit)
    return tuple(kept)


class Screened:
    """A compiled pattern behind its screen: ``search`` as ``re.Pattern``'s, same results,
    the pattern run only where a literal occurs.
    ``possible`` takes a text already ``fold``ed, for callers that screen one text
    against many patterns."""

    __slots__ = ("pattern", "literals")

    def __init__(self, pattern: re.Pattern[str] | str, flags: int = 0):
        self.pattern = re.compile(pattern, flags) if isinstance(pattern, str) else pattern
        self.literals = required_literals(self.pattern)

    def possible(self, folded: str) -> bool:
        literals = self.literals
        if literals is None:
            return True
        for lit in literals:
            if lit in folded:
                return True
        return False

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if not self.possible(fold(text[pos:endpos])):
            return None
        return self.pattern.search(text, pos, endpos)

    def __repr__(self) -> str:
        return f"Screened({self.pattern!r}, literals={self.literals!r})"


class ScreenSet:
    """Many screens read at once: which of them may match a folded text, found in one
    pass over it (an Aho-Corasick automaton of all their literals). A sentence is screened
    against some 60 event cues, each with up to 40 literals; reading them screen by screen
    cost ~2.2 ms of a 500-word report's extraction, this ~0.15 ms (100 synthetic English
    reports, every event cue against every sentence). Same answers as each screen's
    ``possible`` (tests/test_screen.py)."""

    __slots__ = ("always", "_automaton")

    def __init__(self, screens: Sequence[Screened]):
        import ahocorasick

        self.always = frozenset(i for i, s in enumerate(screens) if s.literals is None)
        owners: dict[str, set[int]] = {}
        for i, s in enumerate(screens):
            for lit in s.literals or ():
                owners.setdefault(lit, set()).add(i)
        self._automaton = None
        if owners:
            self._automaton = ahocorasick.Automaton()
            for lit, ids in owners.items():
                self._automaton.add_word(lit, frozenset(ids))
            self._automaton.make_automaton()

    def possible(self, folded: str) -> set[int]:
        """The indices of the screens that may match ``folded`` (a ``fold``ed text)."""
        may = set(self.always)
        if self._automaton is not None:
            for _, ids in self._automaton.iter(folded):
                may |= ids
        return may


def alternatives(alternation: str) -> list[str]:
    """The top-level alternatives of a pattern (split at ``|`` outside groups and sets)."""
    out: list[str] = []
    depth, in_set, start, i = 0, False, 0, 0
    while i < len(alternation):
        char = alternation[i]
        if char == "\\":
            i += 2
            continue
        if in_set:
            in_set = char != "]"
        elif char == "[":
            in_set = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            out.append(alternation[start:i])
            start = i + 1
        i += 1
    out.append(alternation[start:])
    return out


def by_first_letter(alternation: str, ignorecase: bool = False) -> str:
    """The same alternation with its words grouped under their first letter
    ("said|says|told" gives "s(?:aid|ays)|told"), so that the regex engine tries one
    group, not every word, where a word may start. Matches are the same, found in the
    same order: words with different first letters never match at the same place, and
    words that share one keep their order. ``ignorecase``: the alternation is read
    case-insensitively, so "Said" and "said" share a group. An alternation with any
    alternative that does not start with a plain letter is returned as it is."""
    groups: dict[str, list[str]] = {}
    for word in alternatives(alternation):
        first = word[:1]
        if not (first.isascii() and first.isalpha()) or word[1:2] in ("?", "*", "+", "{"):
            return alternation
        groups.setdefault(first.lower() if ignorecase else first, []).append(word[1:])
    return "|".join(
        f"{first}(?:{'|'.join(rests)})" if len(rests) > 1 else first + rests[0]
        for first, rests in groups.items())
