"""Place names to GeoNames places, in English and Arabic spellings."""

from __future__ import annotations

import pytest

from warlog.gazetteer import default_gazetteer, name_key


@pytest.mark.parametrize(("name", "geonameid"), [
    ("Fallujah", 99454), ("Falluja", 99454), ("الفلوجة", 99454), ("Raqqa", 172955),
    ("Raqqah", 172955), ("الرقة", 172955), ("Aleppo", 170063), ("حلب", 170063),
    ("Deir ez-Zor", 170794), ("Mosul", 99072), ("Douma", 170592),
])
def test_gazetteer_finds_spellings(name, geonameid):
    candidates = default_gazetteer().lookup(name)
    assert geonameid in {p.geonameid for p in candidates}


def test_gazetteer_skips_airport_codes():
    # "SDF" is an alternate name of Louisville; it must stay the Syrian Democratic Forces
    assert default_gazetteer().lookup("SDF") == []


def test_gazetteer_admin1_coded_to_capital():
    anbar = [p for p in default_gazetteer().lookup("Anbar") if p.feature == "admin1"]
    assert anbar and anbar[0].iso == "IQ"
    assert default_gazetteer().admin1_name(anbar[0]) == "Al Anbar"


@pytest.mark.parametrize(("a", "b"), [
    ("Deir ez-Zor", "deir ez zor"), ("Al-Fallūjah", "al fallujah"), ("الرقّة", "الرقه"),
    ("إدلب", "ادلب"),
])
def test_gazetteer_name_key_folds_spelling(a, b):
    assert name_key(a) == name_key(b)
