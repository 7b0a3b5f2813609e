"""`warlog gazetteer import`: GeoNames-format files into the gazetteer (invented rows)."""

from __future__ import annotations

import gzip
import sqlite3
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from warlog.cli import main
from warlog.gazetteer import Gazetteer
from warlog.gazetteer.imports import GazetteerImportError, import_files

SHARED = Path(__file__).parents[2] / "shared" / "geonames"


def geonames_row(gid, name, alternates, lat, lon, fclass="P", iso="SY", admin1="09", pop=0):
    cols = [str(gid), name, name, ",".join(alternates), str(lat), str(lon), fclass, "PPL", iso,
            "", admin1, "", "", "", str(pop), "", "300", "Asia/Damascus", "2020-01-01"]
    return "\t".join(cols) + "\n"


@pytest.fixture
def dumps(tmp_path: Path) -> dict[str, Path]:
    rows = (geonames_row(9000001, "Tall Zahrun", ["Tell Zahroun", "تل زهرون"], 36.1, 37.2)
            + geonames_row(9000002, "Khirbat Qamar", ["خربة قمر"], 36.3, 37.4)
            + geonames_row(9000003, "Jabal Test", [], 36.0, 37.0, fclass="T"))
    txt = tmp_path / "SY.txt"
    txt.write_text(rows, encoding="utf-8")
    gz = tmp_path / "SY.txt.gz"
    gz.write_bytes(gzip.compress(rows.encode()))
    archive = tmp_path / "SY.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("readme.txt", "not a table")
        z.writestr("SY.txt", rows)
    admin1 = tmp_path / "admin1CodesASCII.txt"
    admin1.write_text("SY.09\tAleppo\tAleppo\t170062\n", encoding="utf-8")
    names = tmp_path / "SY.names.tsv"
    names.write_text("geonameid\twof_id\twof_name_key\tname\n9000002\t1\tara_x_variant\tخربه القمر\n",
                     encoding="utf-8")
    return {"txt": txt, "gz": gz, "zip": archive, "admin1": admin1, "names": names}


@pytest.mark.parametrize("form", ["txt", "gz", "zip"])
def test_gazetteer_import_reads_each_dump_form(tmp_path, dumps, form):
    db = tmp_path / "gaz.db"
    reports = import_files([dumps[form], dumps["admin1"], dumps["names"]], db)
    assert [(r.kind, r.rows) for r in reports] == [("geonames", 2), ("admin1", 1), ("names", 1)]
    gaz = Gazetteer()
    gaz.add_imported(db)
    assert [p.geonameid for p in gaz.lookup("Tell Zahroun")] == [9000001]
    assert [p.geonameid for p in gaz.lookup("تل زهرون")] == [9000001]
    assert [p.geonameid for p in gaz.lookup("خربة القمر")] == [9000002]
    assert gaz.lookup("Jabal Test") == []  # not a populated place: left out
    assert gaz.admin1_name(gaz.by_id[9000001]) == "Aleppo"
    assert "GeoNames import (SY: 2 places)" in gaz.source


def test_gazetteer_import_twice_changes_nothing(tmp_path, dumps):
    db = tmp_path / "gaz.db"
    import_files([dumps["txt"], dumps["names"]], db)
    import_files([dumps["txt"], dumps["names"]], db)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM places").fetchone()[0] == 2
    assert conn.execute("SELECT count(*) FROM names").fetchone()[0] == 4


def test_gazetteer_import_refuses_other_tables(tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("a\tb\tc\n", encoding="utf-8")
    with pytest.raises(GazetteerImportError, match="3 columns"):
        import_files([bad], tmp_path / "gaz.db")
    result = CliRunner().invoke(main, ["gazetteer", "import", str(bad), "--into",
                                       str(tmp_path / "gaz.db")])
    assert result.exit_code != 0 and "is not a GeoNames table" in result.output


def test_gazetteer_import_cli(tmp_path, dumps):
    db = tmp_path / "gaz.db"
    result = CliRunner().invoke(main, ["gazetteer", "import", str(dumps["zip"]), "--into", str(db)])
    assert result.exit_code == 0, result.output
    assert "SY.zip: 2 geonames rows" in result.output


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/geonames (the village stand-in) absent")
def test_gazetteer_import_shared_stand_in(tmp_path):
    db = tmp_path / "gaz.db"
    files = [SHARED / "LB.wof_geonames.txt", SHARED / "LB.wof_names.tsv",
             SHARED / "LB.wof_nongn_places.tsv", SHARED / "admin1CodesASCII.txt"]
    reports = {r.kind: r.rows for r in import_files(files, db)}
    assert reports["geonames"] > 1000 and reports["names"] > 1000
    gaz = Gazetteer()
    gaz.add_imported(db)
    assert len(gaz.by_id) >= reports["geonames"]
    assert all(p.iso == "LB" for p in gaz.by_id.values())


def _nongn(tmp_path: Path) -> Path:
    """A stand-in table of large places with Who's On First placetypes (invented rows)."""
    header = ("gn_id_concordance\twof_id\twof_placetype\twof_name\tname_ara_preferred\tlatitude"
              "\tlongitude\tpopulation\tgn_fcode\tmz_is_current\n")
    rows = ["9100001\t1\tcountry\tTestland\tتستلاند\t35.0\t38.0\t9000000\t\t1",
            "9100002\t2\tregion\tWadi Test\tوادي التجربة\t36.0\t37.0\t2500000\t\t1",
            "9100003\t3\tcounty\tQamar District\tمنطقة قمر\t36.3\t37.4\t300000\t\t1",
            "9100004\t4\tlocality\tKafr Test\tكفر التجربة\t36.2\t37.3\t20000\tPPL\t1"]
    path = tmp_path / "SY.wof_nongn_places.tsv"
    path.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_gazetteer_import_placetype_gives_the_kind_of_place(tmp_path):
    # a governorate imported as a village outranked the town it is named after
    db = tmp_path / "gaz.db"
    import_files([_nongn(tmp_path)], db)
    gaz = Gazetteer()
    gaz.add_imported(db)
    kinds = {p.name: p.feature for p in gaz.by_id.values()}
    assert kinds == {"Wadi Test": "admin1", "Qamar District": "admin2", "Kafr Test": "city"}


def test_gazetteer_import_region_joins_the_known_region(tmp_path):
    from warlog.gazetteer import Place

    db = tmp_path / "gaz.db"
    import_files([_nongn(tmp_path)], db)
    gaz = Gazetteer()
    known = Place(-5, "Known Region", 36.1, 37.1, "SY", "09", 0, "admin1")
    gaz.region_places[("SY", "09")] = known
    gaz.add(known, ["Known Region"])
    gaz.add_imported(db)
    assert gaz.lookup("وادي التجربة") == [known]
    district = gaz.lookup("منطقة قمر")[0]
    assert district.feature == "admin2" and district.admin1_code == "09"
