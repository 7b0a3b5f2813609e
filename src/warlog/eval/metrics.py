"""Metric helpers shared by the gold sets."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def per_class_f1(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]
                 ) -> dict[str, float]:
    out = {}
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, pred, strict=True))
        out[label] = prf(tp, fp, fn)[2]
    return out


def weighted_and_macro_f1(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]
                          ) -> tuple[float, float, dict[str, float]]:
    """Weighted F1 (by gold support) and macro F1 over ``labels`` present in gold."""
    f1 = per_class_f1(gold, pred, labels)
    support = Counter(g for g in gold if g in labels)
    total = sum(support.values())
    present = [label for label in labels if support[label]]
    weighted = sum(f1[label] * support[label] for label in present) / total if total else 0.0
    macro = sum(f1[label] for label in present) / len(present) if present else 0.0
    return weighted, macro, f1


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))
