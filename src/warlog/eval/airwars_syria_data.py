"""Reader for the Airwars Syria archive (``cases.jsonl.gz`` + ``sources.jsonl``), shared by
the extraction evaluator (``airwars-syria``) and the grouping one (``airwars-syria-groups``).

The archive's field names are Arabic (``field-dictionary.json`` explains them); this module
is the one place that knows them, and turns each line into a typed record in warlog's
words. Sources link to incidents by ``incident_ids`` = ``airwars-<airwars_id>``.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

# Arabic column names of an incident record (keys of the ``incident`` object)
_DATE = "تاريخ الحادثة"
_DATE_KIND = "نوع التاريخ — الأصل"
_PLACE_AR = "الموقع بالعربية"
_PLACE_EN = "الموقع بالإنجليزية"
_REGION_AR = "المنطقة — عربي"
_REGION_EN = "المنطقة — الأصل"
_LAT = "خط العرض"
_LON = "خط الطول"
_PRECISION = "دقة تحديد الموقع"
_BELLIGERENTS_EN = "الجهة العسكرية — الأصل"
_BELLIGERENTS_AR = "الجهة العسكرية — عربي"
_STRIKE_EN = "نوع الضربة — الأصل"
_GRADE_EN = "قوة الأدلة — الأصل"
_CODE = "رمز الحادثة"
_AIRWARS_ID = "معرّف Airwars"
# casualty columns: "<group> <killed|injured> — حد أدنى|حد أعلى"
_GROUPS = {"مدنيون": "civilians", "أطفال": "children", "نساء": "women", "رجال": "men",
           "عسكريون": "fighters"}
_KINDS = {"قتلى": "killed", "جرحى": "injured"}
_LOW, _HIGH = "حد أدنى", "حد أعلى"


@dataclass(frozen=True)
class CountRange:
    low: int
    high: int

    def overlaps(self, low: int, high: int) -> bool:
        return low <= self.high and self.low <= high


@dataclass
class AirwarsCase:
    """One Airwars incident as coded by Airwars."""

    incident_id: str                    # "airwars-<airwars_id>", as sources cite it
    code: str                           # Airwars' published code, e.g. "DEBSYR260301a"
    event_date: date | None
    date_is_range: bool
    place_ar: str
    place_en: str
    region_ar: str                      # governorate, Arabic
    region_en: str
    latitude: float | None
    longitude: float | None
    geo_precision: str                  # Airwars' words: village, town, city, neighbourhood_area, ...
    belligerents: list[str]             # English, e.g. ["Russian Military", "Syrian Regime"]
    belligerents_ar: list[str]
    strike_types: list[str]             # English, e.g. ["Airstrike", "Artillery"]
    grade: str                          # Airwars' civilian harm grading: Confirmed, Fair, Weak, ...
    # ("civilians"|"children"|"women"|"men"|"fighters", "killed"|"injured") -> range
    counts: dict[tuple[str, str], CountRange] = field(default_factory=dict)

    def count(self, victims: str, kind: str) -> CountRange | None:
        return self.counts.get((victims, kind))


@dataclass
class AirwarsSource:
    """One source text Airwars cites (a post, article or report), with its incidents."""

    source_id: str
    incident_ids: list[str]
    source_type: str                    # public_facebook_post, public_x_post, news_article, ...
    publisher: str
    published: datetime | None
    published_text: str                 # publication_date as written ("1 مارس 2026" too)
    language: str                       # "ar", "en", "und", ...
    title: str
    url: str
    text: str


def _split(value: object) -> list[str]:
    if not isinstance(value, str):
        return []
    parts = value.replace("،", ",").replace(" and/or ", ",").split(",")
    return [p.strip() for p in parts if p.strip()]


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _float(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def _case(line: dict) -> AirwarsCase:
    inc = line["incident"]
    counts: dict[tuple[str, str], CountRange] = {}
    for group_ar, victims in _GROUPS.items():
        for kind_ar, kind in _KINDS.items():
            low = inc.get(f"{group_ar} {kind_ar} — {_LOW}")
            high = inc.get(f"{group_ar} {kind_ar} — {_HIGH}")
            if isinstance(low, int) or isinstance(high, int):
                lo = low if isinstance(low, int) else high
                hi = high if isinstance(high, int) else low
                counts[(victims, kind)] = CountRange(min(lo, hi), max(lo, hi))
    airwars_id = str(line.get("case", {}).get("airwars_id") or inc.get(_AIRWARS_ID, ""))
    return AirwarsCase(
        incident_id=f"airwars-{airwars_id}",
        code=str(inc.get(_CODE, "")),
        event_date=_date(inc.get(_DATE)),
        date_is_range=inc.get(_DATE_KIND) == "date_range",
        place_ar=str(inc.get(_PLACE_AR) or ""),
        place_en=str(inc.get(_PLACE_EN) or ""),
        region_ar=str(inc.get(_REGION_AR) or ""),
        region_en=str(inc.get(_REGION_EN) or ""),
        latitude=_float(inc.get(_LAT)),
        longitude=_float(inc.get(_LON)),
        geo_precision=str(inc.get(_PRECISION) or ""),
        belligerents=_split(inc.get(_BELLIGERENTS_EN)),
        belligerents_ar=_split(inc.get(_BELLIGERENTS_AR)),
        strike_types=_split(inc.get(_STRIKE_EN)),
        grade=str(inc.get(_GRADE_EN) or ""),
        counts=counts,
    )


def _published(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _source(line: dict) -> AirwarsSource:
    return AirwarsSource(
        source_id=str(line["source_id"]),
        incident_ids=[str(i) for i in line.get("incident_ids") or []],
        source_type=str(line.get("source_type") or ""),
        publisher=str(line.get("publisher") or "").lstrip("'"),
        published=_published(line.get("publication_date")),
        published_text=str(line.get("publication_date") or ""),
        language=str(line.get("text_original_language") or "und"),
        title=str(line.get("page_title") or ""),
        url=str(line.get("original_url") or ""),
        text=str(line.get("text_original") or ""),
    )


def load_cases(folder: Path) -> dict[str, AirwarsCase]:
    """Incidents keyed by ``airwars-<id>``, from ``folder/cases.jsonl.gz``."""
    path = Path(folder) / "cases.jsonl.gz"
    if not path.exists():
        raise FileNotFoundError(f"{path}: no cases.jsonl.gz in the Airwars Syria folder")
    cases: dict[str, AirwarsCase] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                case = _case(json.loads(line))
                cases[case.incident_id] = case
    return cases


def load_sources(folder: Path, limit: int | None = None) -> list[AirwarsSource]:
    """Source texts in file order, from ``folder/sources.jsonl`` (the first ``limit``)."""
    path = Path(folder) / "sources.jsonl"
    if not path.exists():
        raise FileNotFoundError(f"{path}: no sources.jsonl in the Airwars Syria folder")
    sources: list[AirwarsSource] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                sources.append(_source(json.loads(line)))
                if limit is not None and len(sources) >= limit:
                    break
    return sources
