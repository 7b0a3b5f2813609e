"""`warlog eval`: one loader and scorer per gold set, sharing the metric helpers.

Each set module registers a function ``(path, limit) -> EvalResult``; the gold data is
read from where it lies (``../shared/gold``) and never copied into the project."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class EvalResult:
    set: str
    n: int
    gazetteer: str
    metrics: dict[str, float]
    # extra rows for the printed table: (label, value) pairs, e.g. per-class F1
    details: list[tuple[str, str]] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"set": self.set, "n": self.n, "gazetteer": self.gazetteer,
                "metrics": {k: round(v, 4) for k, v in self.metrics.items()}}


Evaluator = Callable[[Path, int | None], EvalResult]


def extract_text(extractor, text: str, locator: str, published=None, language: str = "en",
                 url: str | None = None):
    """A gold record's text through warlog as ingest would store it: its mentions, or None
    when the text is too short to be a report."""
    from warlog.ingest.readers import make_document
    from warlog.model import Document

    doc = make_document(text, locator, published=published, language=language, url=url)
    return extractor(doc) if isinstance(doc, Document) else None
SETS: dict[str, Evaluator] = {}


def register(name: str) -> Callable[[Evaluator], Evaluator]:
    def wrap(fn: Evaluator) -> Evaluator:
        SETS[name] = fn
        return fn

    return wrap


def load_sets() -> dict[str, Evaluator]:
    """Import the set modules (each registers itself) and return the registry."""
    import importlib
    import pkgutil

    for module in pkgutil.iter_modules(__path__):
        if not module.name.startswith("_") and module.name != "metrics":
            importlib.import_module(f"{__name__}.{module.name}")
    return SETS
