"""Synthetic reports for benchmarks: English and Arabic, made from the demo corpus.

The demo reports' sentences are the templates; the places, actors and figures the
extractor finds in them are the slots. A synthetic report is a run of same-language
sentences from many demo reports, with other places and actors of the demo's
vocabulary put in the slots and fresh casualty figures, until it reaches the asked
length. So it reads like the demo reports, costs the extractor what they cost per word,
and every report is a different text (no two share an id).
"""

from __future__ import annotations

import json
import random
import re
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

from warlog.ingest import Ingester
from warlog.ingest.text import clean, text_hash
from warlog.model import Document

# A sentence ends at . ! ? or the Arabic question mark, before a space or a line end.
_SENTENCE = re.compile(r"[^.!?؟\n]+[.!?؟]+(?=\s|$)")
_NUMBER = re.compile(r"\d+")
# Sentences shorter than this are datelines and bylines, not templates.
MIN_TEMPLATE_WORDS = 6


@dataclass
class Vocabulary:
    """Templates (sentences with {place}/{actor} slots) and slot fillers, per language."""

    templates: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    places: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    actors: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    publishers: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def demo_documents() -> list[Document]:
    with tempfile.TemporaryDirectory() as tmp:
        from warlog.store import open_store

        store = open_store(Path(tmp) / "demo.db")
        with resources.as_file(resources.files("warlog.demo").joinpath("reports")) as demo:
            Ingester(store).run([str(demo)])
        docs = list(store.documents())
        store.close()
    return docs


def _language(doc: Document) -> str:
    return "ar" if doc.language in ("ar", "fa") else "en"


def vocabulary(extractor=None) -> Vocabulary:
    """Learn templates and fillers from the demo corpus, with the extractor's own reading
    of where its places and actors are."""
    if extractor is None:
        from warlog.extract.pipeline import Extractor

        extractor = Extractor()
    vocab = Vocabulary()
    for doc in demo_documents():
        lang = _language(doc)
        if doc.publisher:
            vocab.publishers[lang].add(doc.publisher)
        slots: list[tuple[int, int, str]] = []
        for m in extractor(doc):
            if m.place and m.place.span and m.place.span.text.strip():
                slots.append((m.place.span.start, m.place.span.end, "place"))
                vocab.places[lang].add(m.place.span.text)
            for ref in (m.actor1, m.actor2):
                if ref and ref.span and ref.span.text.strip():
                    slots.append((ref.span.start, ref.span.end, "actor"))
                    vocab.actors[lang].add(ref.span.text)
        for match in _SENTENCE.finditer(doc.text):
            start, end = match.span()
            inside = sorted({s for s in slots if start <= s[0] and s[1] <= end}, reverse=True)
            sentence = doc.text[start:end]
            last = len(sentence) + 1
            for s, e, kind in inside:  # right to left, so earlier offsets stay valid
                if e - start <= last:
                    sentence = sentence[: s - start] + "{" + kind + "}" + sentence[e - start:]
                    last = s - start
            sentence = sentence.replace("{", "{{").replace("}", "}}")
            sentence = sentence.replace("{{place}}", "{place}").replace("{{actor}}", "{actor}")
            if len(sentence.split()) >= MIN_TEMPLATE_WORDS:
                vocab.templates[lang].append(sentence.strip())
    return vocab


def _figure(match: re.Match, rng: random.Random) -> str:
    value = int(match.group())
    if 1900 <= value <= 2100 or len(match.group()) > 4:  # years and codes stay
        return match.group()
    return str(max(1, int(value * rng.uniform(0.5, 1.8))))


def generate(vocab: Vocabulary, n: int, words: int = 500, arabic_share: float = 0.2,
             seed: int = 7) -> list[Document]:
    """n reports of about `words` words; a share of them in Arabic."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        lang = "ar" if vocab.templates["ar"] and rng.random() < arabic_share else "en"
        templates = vocab.templates[lang]
        places = sorted(vocab.places[lang] or vocab.places["en"])
        actors = sorted(vocab.actors[lang] or vocab.actors["en"])
        paragraphs, paragraph, count = [], [], 0
        while count < words:
            sentence = rng.choice(templates).format(
                place=rng.choice(places) if places else "", actor=rng.choice(actors) if actors else "")
            sentence = _NUMBER.sub(lambda m: _figure(m, rng), sentence)
            paragraph.append(sentence)
            count += len(sentence.split())
            if len(paragraph) == 3:
                paragraphs.append(" ".join(paragraph))
                paragraph = []
        if paragraph:
            paragraphs.append(" ".join(paragraph))
        text = clean("\n\n".join(paragraphs))
        published = date(2014, 1, 1) + timedelta(days=rng.randrange(6 * 365))
        out.append(Document(
            id=text_hash(text), text=text, title=None,
            publisher=rng.choice(sorted(vocab.publishers[lang] or {"Synthetic Wire"})),
            published=published, url=f"https://example.org/synthetic/{seed}/{i}",
            language=lang, source_locator=f"synthetic:{seed}#item={i + 1}"))
    return out


def write_jsonl(docs: list[Document], path: Path) -> Path:
    """The reports as a JSON Lines shard, the shape of a news dump (warlog run reads it)."""
    with path.open("w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps({"text": d.text, "publisher": d.publisher, "url": d.url,
                                "published": d.published.isoformat() if d.published else None,
                                "language": d.language}, ensure_ascii=False) + "\n")
    return path
