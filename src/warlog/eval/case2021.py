"""CASE 2021 shared task 2 (``case2021/snippets.tsv``): fine-grained event typing.

The file is tab-separated with a header ``id  EventSnippet  SubType`` (fields may be
double-quoted, with ``""`` for a quote inside). Each snippet is run through the Extractor
as one English document with no publication date; the prediction is the
``sub_event_type`` of the first mention, written as its CASE code (``CASE_CODES``), or
``"none"`` when warlog finds no event.

Gold labels are the 25 ACLED sub-event types plus five types outside ACLED
(``NON_ACLED``: natural and man-made disasters, diplomacy, organised crime,
attribution), which are all scored as ``"none"``: warlog should find no event there.

Metrics:

* ``weighted_f1`` / ``macro_f1``: F1 per ACLED type computed over the rows whose gold
  label is one of the 25 ACLED types (the shared task's subtask 1 setting), weighted by
  gold support / averaged over the types present in gold. A prediction of ``"none"`` or
  of another type is an error (a miss for the gold type; a wrong type is also a false
  positive for the predicted one).
* ``accuracy_all``: exact match over every row, ``"none"`` included.
* details: ``f1_<CODE>`` per ACLED type (the same F1 as above) with its gold support
  and how often warlog predicted it (over all rows, the non-ACLED ones included).
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from warlog.eval import EvalResult, extract_text, register
from warlog.eval.metrics import weighted_and_macro_f1

NONE = "none"

# warlog's (ACLED's) sub_event_type -> the CASE 2021 code for it. A naming convention of
# the shared task, one line per ACLED sub-event type.
CASE_CODES: dict[str, str] = {
    "Abduction/forced disappearance": "ABDUCT_DISSAP",
    "Agreement": "AGREEMENT",
    "Air/drone strike": "AIR_STRIKE",
    "Armed clash": "ARMED_CLASH",
    "Arrests": "ARREST",
    "Shelling/artillery/missile attack": "ART_MISS_ATTACK",
    "Attack": "ATTACK",
    "Change to group/activity": "CHANGE_TO_GROUP_ACT",
    "Chemical weapon": "CHEM_WEAP",
    "Disrupted weapons use": "DISR_WEAP",
    "Excessive force against protesters": "FORCE_AGAINST_PROTEST",
    "Government regains territory": "GOV_REGAINS_TERIT",
    "Grenade": "GRENADE",
    "Headquarters or base established": "HQ_ESTABLISHED",
    "Mob violence": "MOB_VIOL",
    "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER",
    "Other": "OTHER",
    "Peaceful protest": "PEACE_PROTEST",
    "Looting/property destruction": "PROPERTY_DISTRUCT",
    "Protest with intervention": "PROTEST_WITH_INTER",
    "Remote explosive/landmine/IED": "REM_EXPLOS",
    "Sexual violence": "SEX_VIOL",
    "Suicide bomb": "SUIC_BOMB",
    "Violent demonstration": "VIOL_DEMONSTR",
}
ACLED_CODES: tuple[str, ...] = tuple(sorted(CASE_CODES.values()))
# Gold types outside the ACLED taxonomy: scored as "no ACLED event".
NON_ACLED = frozenset({"NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ORG_CRIME", "ATTRIB"})


@dataclass
class Snippet:
    id: str
    text: str
    label: str  # an ACLED code, or "none"


def gold_label(sub_type: str) -> str:
    code = sub_type.strip().upper()
    if code in NON_ACLED:
        return NONE
    if code not in ACLED_CODES:
        raise ValueError(f"unknown CASE 2021 sub-type {sub_type!r}")
    return code


def case_code(sub_event_type: str | None) -> str:
    """warlog's sub_event_type as a CASE code; no event (or an unknown name) is "none"."""
    if not sub_event_type:
        return NONE
    return CASE_CODES.get(sub_event_type, NONE)


def load(path: Path, limit: int | None = None) -> list[Snippet]:
    out: list[Snippet] = []
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if limit is not None and len(out) >= limit:
                break
            out.append(Snippet(id=row["id"].strip(), text=row["EventSnippet"] or "",
                               label=gold_label(row["SubType"])))
    return out


def predict_one(extractor, snippet: Snippet) -> str:
    mentions = extract_text(extractor, snippet.text, f"case2021#{snippet.id}")
    return case_code(mentions[0].sub_event_type) if mentions else NONE


def score(gold: list[str], pred: list[str]) -> tuple[dict[str, float], list[tuple[str, str]]]:
    if len(gold) != len(pred):
        raise ValueError("gold and predictions differ in length")
    acled = [(g, p) for g, p in zip(gold, pred, strict=True) if g in ACLED_CODES]
    g_acled = [g for g, _ in acled]
    p_acled = [p for _, p in acled]
    weighted, macro, f1 = weighted_and_macro_f1(g_acled, p_acled, ACLED_CODES)
    accuracy = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold) if gold else 0.0
    metrics = {"weighted_f1": weighted, "macro_f1": macro, "accuracy_all": accuracy}
    support = Counter(g_acled)
    predicted = Counter(pred)
    details = [(f"f1_{code}", f"{f1[code]:.3f} (gold {support[code]}, predicted {predicted[code]})")
               for code in ACLED_CODES]
    details += [
        ("rows scored for F1 (ACLED gold)", str(len(acled))),
        ("gold none / predicted none", f"{sum(g == NONE for g in gold)} / {predicted[NONE]}"),
    ]
    return metrics, details


def run(snippets: list[Snippet], extractor=None) -> list[str]:
    from warlog.extract.pipeline import Extractor

    extractor = extractor or Extractor()
    return [predict_one(extractor, s) for s in snippets]


@register("case2021")
def evaluate(path: Path, limit: int | None = None) -> EvalResult:
    from warlog.extract.pipeline import Extractor

    snippets = load(path, limit)
    extractor = Extractor()
    preds = run(snippets, extractor)
    metrics, details = score([s.label for s in snippets], preds)
    return EvalResult(set="case2021", n=len(snippets), gazetteer=extractor.gazetteer.source,
                      metrics=metrics, details=details)
