"""What every extraction stage reads: the document, its sentences, and a matching
form of its text whose offsets map back to the stored text."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from warlog.extract.lang import ar, en
from warlog.extract.lang.ar_normalise import REACTIONS, fold, script_lang
from warlog.extract.page import other_stories
from warlog.gazetteer import Gazetteer
from warlog.model import Document, Span
from warlog.registry import Registry


@dataclass
class Match:
    """A name found in the text: a place candidate list or an actor."""

    start: int
    end: int
    text: str
    value: object


@dataclass
class DocContext:
    doc: Document
    gazetteer: Gazetteer
    registry: Registry
    norm: str = ""
    _orig: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        # The matching text (Arabic folded, page chrome blanked; see lang.ar_normalise);
        # _orig maps each of its characters back to the stored text.
        self.norm, self._orig = fold(self.doc.text)

    @property
    def lang(self):
        return ar if self.doc.language in ("ar", "fa") else en

    def lang_of(self, start: int, end: int):
        """The cue lists for one stretch of the matching text: a mixed post's Arabic
        paragraphs are read as Arabic and its English ones as English."""
        if self.doc.language not in ("ar", "fa", "en", "und"):
            return self.lang
        return ar if script_lang(self.norm[start:end]) == "ar" else en

    def stored_range(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the stored text of offsets in the matching text."""
        return self._orig[start], self._orig[end - 1] + 1 if end > start else self._orig[start]

    def span(self, start: int, end: int) -> Span:
        """A Span of the stored text from offsets in the matching text."""
        s, e = self.stored_range(start, end)
        return Span(document_id=self.doc.id, start=s, end=e, text=self.doc.text[s:e])

    def norm_range(self, span: Span) -> tuple[int, int]:
        """Offsets in the matching text of a Span of the stored text."""
        return self.norm_offset(span.start), self.norm_offset(span.end)

    def norm_offset(self, at: int) -> int:
        """The offset in the matching text of an offset in the stored text."""
        from bisect import bisect_left

        return bisect_left(self._orig, at)

    @cached_property
    def comments_start(self) -> int:
        """Where a copied Facebook post's readers' comments begin in the matching text
        (at its reactions line, ``ar_normalise.REACTIONS``); the text's end when none."""
        text = self.doc.text
        at = min((i for i in (text.find(r) for r in REACTIONS) if i >= 0), default=-1)
        return len(self.norm) if at < 0 else self.norm_offset(at)

    @cached_property
    def other_stories(self) -> list[tuple[int, int]]:
        """Spans of the matching text that are other stories' headlines (extract.page):
        their places and tolls are not this report's."""
        return other_stories(self.norm, self.lang is ar)

    @cached_property
    def quotes(self):
        from warlog.extract.quotes import find_quotes

        return find_quotes(self)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        from warlog.extract.sentences import split_sentences

        return split_sentences(self.norm)

    @cached_property
    def entities(self):
        """spaCy's named entities (English documents; see extract.ner for what is read)."""
        from warlog.extract.ner import find_entities

        return find_entities(self)

    @cached_property
    def places(self) -> list[Match]:
        from warlog.extract.places import find_places

        return find_places(self)

    @cached_property
    def actors(self) -> list[Match]:
        from warlog.extract.actors import find_actors

        return find_actors(self)

    def sentence_of(self, offset: int) -> tuple[int, int]:
        for start, end in self.sentences:
            if start <= offset < end:
                return start, end
        return 0, len(self.norm)
