"""Quotes (direct speech) and claims (reported speech), each with its speaker."""

from __future__ import annotations

import re

from warlog.extract.context import DocContext
from warlog.extract.lang import ar, en
from warlog.model import Quote

_Q = r"[\"“«](?P<q>[^\"”»]{12,600})[\"”»]"
_SPEAKER = r"(?P<s>(?i:an?|the)?\s*[A-Z][\w'’.\-]*(?:[ \-](?:of|the|for|al|el|bin|[A-Z][\w'’.\-]*))*(?:,\s+(?:an?|the)\s+[^,.\"“]{3,80})?|(?i:an?|the)\s+[a-z][\w\- ]{2,60}?(?:spokesman|spokeswoman|official|commander|resident|witness|volunteer|doctor|source|activist|statement|monitor)s?)"
QUOTE_PATTERNS = [
    # "...," said Ahmed Khalil, a civil defence volunteer.
    re.compile(_Q + rf"\s*,?\s*{en.SAY_VERBS}\s+{_SPEAKER}"),
    # "...," Ahmed Khalil said.
    re.compile(_Q + rf"\s*,?\s*{_SPEAKER}\s+{en.SAY_VERBS}"),
    # A coalition spokesman said: "..."
    re.compile(rf"{_SPEAKER}\s+{en.SAY_VERBS}(?:\s+\w+)?\s*[:,]\s*" + _Q),
    # قال ...: "..."
    re.compile(rf"{ar.SAY_VERBS}\s+(?P<s>[^:\"«»]{{3,80}}?)\s*[:،]?\s*" + _Q),
]
CLAIM_PATTERNS = [
    re.compile(rf"{_SPEAKER}\s+{en.SAY_VERBS}\s+(?:that\s+)?(?P<q>[^\"“”]{{15,400}}?)(?=[.!?]\s|[.!?]?$)"),
    re.compile(r"\b[Aa]ccording to\s+(?P<s>[^,.]{3,80}),\s*(?P<q>[^\"“”]{15,400}?)(?=[.!?]\s|[.!?]?$)"),
]


def find_quotes(ctx: DocContext) -> list[Quote]:
    quotes: list[Quote] = []
    taken: list[tuple[int, int]] = []
    for kind, patterns in (("quote", QUOTE_PATTERNS), ("claim", CLAIM_PATTERNS)):
        for pattern in patterns:
            for start, end in ctx.sentences if kind == "claim" else [(0, len(ctx.norm))]:
                for m in pattern.finditer(ctx.norm, start, end):
                    if any(s < m.end("q") and m.start("q") < e for s, e in taken):
                        continue
                    taken.append((m.start("q"), m.end("q")))
                    speaker = m.group("s").strip(" ,") if m.group("s") else None
                    actor = None
                    for a in ctx.actors:
                        if m.start("s") <= a.start < m.end("s") and hasattr(a.value, "id"):
                            actor = a.value.id  # type: ignore[attr-defined]
                            break
                    quotes.append(Quote(
                        text=ctx.doc.text[ctx.span(m.start("q"), m.end("q")).start:
                                          ctx.span(m.start("q"), m.end("q")).end],
                        speaker=speaker, speaker_actor_id=actor, kind=kind,
                        span=ctx.span(m.start("q"), m.end("q")),
                        speaker_span=ctx.span(m.start("s"), m.end("s")) if speaker else None))
    return sorted(quotes, key=lambda q: q.span.start)
