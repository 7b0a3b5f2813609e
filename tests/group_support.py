"""The grouping fixtures' scenario, shared by the grouping and migration tests: the
Manbij strike told in English and Arabic beside a Deir ez-Zor clash."""

from __future__ import annotations

from pathlib import Path

from warlog import runner
from warlog.model import Incident, Mention

FIXTURES = Path(__file__).parent / "fixtures" / "grouping"


def run_reports(store, *paths: Path) -> int:
    """Ingest, extract and group, as `warlog run` does; the number of incidents."""
    feedback = runner.Feedback(quiet=True)
    runner.ingest(store, [str(p) for p in paths], feedback)
    runner.extract(store, feedback)
    return runner.group(store)


def manbij_and_deir(store) -> tuple[Incident, Incident, Mention]:
    """Group the three first reports; the Manbij incident, the Deir ez-Zor one and the
    Arabic report's mention in Manbij."""
    run_reports(store, FIXTURES / "a1-manbij-wire.md", FIXTURES / "a2-manbij-ar.md",
                FIXTURES / "b1-deir-clash.md")
    manbij = next(i for i in store.incidents() if i.location == "Manbij")
    deir = next(i for i in store.incidents() if i.location == "Deir ez-Zor")
    arabic = next(m for m in store.mentions_by_id(manbij.mention_ids)
                  if store.document(m.document_id).language == "ar")
    return manbij, deir, arabic
