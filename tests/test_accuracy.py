"""Accuracy regression: every headline figure of docs/accuracy.md, measured again on the
gold sets, must not drop more than the recorded tolerance (2 points).

The gold sets are not part of the project; without ``../shared/gold`` these tests skip.
``WARLOG_RECORD_ACCURACY=1`` rewrites the recorded figures instead of checking them
(``make accuracy-record``), after which docs/accuracy.md must be brought up to date: the
last test here checks that the document shows every recorded figure.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
from pathlib import Path

import pytest

from warlog.eval import load_sets

ROOT = Path(__file__).resolve().parents[1]
BASELINE = Path(__file__).with_name("accuracy_baseline.json")
GOLD = ROOT.parent / "shared" / "gold"
DOC = ROOT / "docs" / "accuracy.md"
RECORD = os.environ.get("WARLOG_RECORD_ACCURACY") == "1"

_baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
ENTRIES = _baseline["entries"]


def _record(entry: dict, metrics: dict[str, float]) -> None:
    """Write this entry's new figures into the baseline file; under a lock and re-read, since
    test workers (pytest -n) record entries side by side."""
    with BASELINE.open("r+", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        data = json.load(handle)
        for stored in data["entries"]:
            if _entry_id(stored) == _entry_id(entry):
                stored["headline"] = {k: round(metrics[k], 4) for k in stored["headline"]}
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _entry_id(entry: dict) -> str:
    return f"{entry['set']}:{entry['path']}"


@pytest.mark.slow
@pytest.mark.parametrize("entry", ENTRIES, ids=_entry_id)
def test_accuracy_headline_figures_hold(entry: dict) -> None:
    path = GOLD / entry["path"]
    if not path.exists():
        pytest.skip(f"{path} is absent: the accuracy regression needs ../shared/gold beside the checkout")
    result = load_sets()[entry["set"]](path, None)
    if RECORD:
        _record(entry, result.metrics)
        return
    tolerance = _baseline["tolerance"]
    dropped = {k: (round(result.metrics[k], 4), v) for k, v in entry["headline"].items()
               if result.metrics[k] < v - tolerance}
    assert not dropped, (f"{_entry_id(entry)}: figures dropped more than {tolerance} below the "
                         f"recorded ones (measured, recorded): {dropped}")


def test_accuracy_document_shows_every_recorded_figure() -> None:
    doc = DOC.read_text(encoding="utf-8")
    missing = []
    for entry in ENTRIES:
        for key, value in entry["headline"].items():
            # a figure is shown in its row as `key` ... value with 3 decimals
            row = next((line for line in doc.splitlines()
                        if f"`{key}`" in line and entry["path"] in line), "")
            if not re.search(rf"\b{value:.3f}\b", row):
                missing.append(f"{entry['path']} {key}={value:.3f}")
    assert not missing, f"docs/accuracy.md does not show these recorded figures: {missing}"
