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
    ("Deir el-Balah", "Deir al-Balah"), ("Ras el Ain", "Ras al-Ain"),
])
def test_gazetteer_name_key_folds_spelling(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(("a", "b"), [("Elba", "Alba"), ("Shel", "Shal"), ("Hotel Roma", "Hotal Roma")])
def test_gazetteer_name_key_keeps_el_inside_words(a, b):
    assert name_key(a) != name_key(b)


@pytest.mark.parametrize(("iso", "lat", "lon"), [
    ("RU", 60.0, 100.0), ("FR", 46.0, 2.0), ("IQ", 33.0, 44.0), ("US", 39.83, -98.58),
])
def test_gazetteer_country_has_own_point(iso, lat, lon):
    place = default_gazetteer().country_places[iso]
    assert place.feature == "country"
    assert (round(place.latitude, 2), round(place.longitude, 2)) == (lat, lon)


@pytest.mark.parametrize(("word", "iso"), [
    ("american", "US"), ("russians", "RU"), ("georgian", "GE"), ("palestinians", "PS"),
    ("chinese", "CN"), ("sri lankan", "LK"), ("british", "GB"),
])
def test_gazetteer_demonym_names_country(word, iso):
    assert default_gazetteer().demonyms[word] == iso


@pytest.mark.parametrize(("form", "iso", "feature", "needs_town"), [
    ("U.S.", "US", "country", False), ("UK", "GB", "country", False),
    ("DRC", "CD", "country", False), ("W.Va.", "US", "admin1", False),
    ("IL", "US", "admin1", True), ("NSW", "AU", "admin1", False),
])
def test_gazetteer_short_forms(form, iso, feature, needs_town):
    place, town = default_gazetteer().abbreviations[form]
    assert (place.iso, place.feature, town) == (iso, feature, needs_town)
    assert default_gazetteer().abbreviations.get(form.lower()) is None


@pytest.mark.parametrize(("name", "iso", "feature", "lat", "lon"), [
    ("Texas", "US", "admin1", 31.25, -99.25), ("Ontario", "CA", "admin1", 50.0, -85.0),
    ("Laurel County", "US", "admin2", 37.1, -84.1), ("Rapides Parish", "US", "admin2", 31.2, -92.5),
    ("Africa", "", "continent", 7.2, 21.1), ("United Kingdom", "GB", "country", 54.0, -2.0),
    ("Britain", "GB", "country", 54.0, -2.0),
    # Syrian highland regions that reports name instead of a village
    ("جبل الزاوية", "SY", "region", 35.7, 36.5), ("جبل الأكراد", "SY", "region", 35.7, 36.2),
    ("سهل الغاب", "SY", "region", 35.6, 36.35),
])
def test_gazetteer_regions_counties_continents_with_points(name, iso, feature, lat, lon):
    found = [p for p in default_gazetteer().lookup(name) if p.feature == feature]
    assert found and found[0].iso == iso
    assert abs(found[0].latitude - lat) < 0.5 and abs(found[0].longitude - lon) < 0.5


@pytest.mark.parametrize("name", ["Fallujah", "Deir ez-Zor", "New York", "Laurel County"])
def test_gazetteer_may_start_name_knows_first_words(name):
    gaz = default_gazetteer()
    assert gaz.may_start_name(name.split()[0])
    assert not gaz.may_start_name("Xqzzyv")


@pytest.mark.parametrize(("name", "geonameid"), [
    # the Kurdish names of north-east Syria's towns (town_aliases.tsv)
    ("كوباني", 172256), ("Kobane", 172256), ("سري كانيه", 165509), ("تربه سبي", 165757),
    ("كري سبي", 163750),
    # Beit Jinn, by the farm beside it
    ("بيت جن", 166946), ("Beit Jinn", 166946),
])
def test_gazetteer_town_aliases(name, geonameid):
    assert geonameid in {p.geonameid for p in default_gazetteer().lookup(name)}


@pytest.mark.parametrize("name", ["سرمين", "تل أبيض", "البصيرة"])
def test_gazetteer_listed_town_without_figure_is_no_hamlet(name):
    # cities500 gives these towns no population; in the focus countries they count the
    # least population the list holds
    from warlog.gazetteer import LISTED_POPULATION

    towns = [p for p in default_gazetteer().lookup(name) if p.iso == "SY"]
    assert towns and all(p.population >= LISTED_POPULATION for p in towns)


def test_gazetteer_area_demonyms_name_their_place():
    # every row of demonyms.tsv finds its place (a misspelt name would drop the row)
    from warlog.gazetteer import _table

    gaz = default_gazetteer()
    for row in _table("demonyms.tsv"):
        for form in row["demonyms"].split("|"):
            place = gaz.area_demonyms[form.casefold()]
            assert (place.iso, name_key(place.name)) == (row["country"], name_key(row["place"]))
