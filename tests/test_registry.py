"""The actor registry files: well formed, and the names the press uses resolve."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from warlog.gazetteer import name_key
from warlog.registry import Registry, default_registry


def _rows() -> list[dict]:
    folder = resources.files("warlog.registry")
    return [row for f in folder.iterdir() if f.name.endswith(".toml")
            for row in tomllib.loads(f.read_text("utf-8"))["actor"]]


def test_registry_files_are_consistent():
    rows = _rows()
    ids = [r["id"] for r in rows]
    assert len(rows) >= 60
    assert len(ids) == len(set(ids))
    for r in rows:
        assert r["parent"] in ("", *ids), r["id"]
        assert 0 <= r["inter"] <= 8, r["id"]
    owners: dict[str, set[str]] = {}
    for r in rows:
        for alias in r.get("aliases", []) + r.get("aliases_ar", []):
            owners.setdefault(name_key(alias), set()).add(r["id"])
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


@pytest.mark.parametrize(("name", "actor_id"), [
    ("ISIS", "isis"), ("Daesh", "isis"), ("داعش", "isis"), ("تنظيم الدولة", "isis"),
    ("SDF", "sdf"), ("قسد", "sdf"), ("US-led coalition", "global_coalition"),
    ("التحالف الدولي", "global_coalition"), ("Hezbollah", "hezbollah"),
    ("Kataib Hezbollah", "kataib_hezbollah"), ("الحشد الشعبي", "pmf"),
])
def test_registry_resolves_press_names(name, actor_id):
    actor = default_registry().lookup(name)
    assert actor is not None and actor.id == actor_id


def test_registry_acronyms_are_case_sensitive():
    registry = default_registry()
    assert registry.lookup("IS") is not None
    assert registry.lookup("is") is None


def test_registry_state_forces_and_civilians():
    registry = default_registry()
    assert registry.state_forces("IQ").name.startswith("Military Forces of Iraq")
    assert "Air" in registry.state_forces("SY", air=True).name
    assert registry.civilians("SY").inter == 7


def test_registry_loads_analyst_text():
    registry = Registry.load('[[actor]]\nid = "x"\nname = "Example Brigade"\ntype = "rebel"\n'
                             'inter = 2\naliases = ["the Example Brigade"]\n')
    assert registry.lookup("the example brigade").id == "x"


def test_registry_may_start_name_lets_every_name_start():
    registry = default_registry()
    # the scan asks before it looks up: no name may be lost to the quick test
    for actor in registry.actors.values():
        for alias in (actor.name, *actor.aliases, *actor.pejoratives):
            assert registry.may_start_name(alias.split()[0]), alias
    assert registry.may_start_name("وحزب")  # Arabic: a glued prefix hides the first word


@pytest.mark.parametrize("word", ["Tuesday", "Officials", "Hospital"])
def test_registry_may_start_name_skips_words_no_name_starts_with(word):
    assert not default_registry().may_start_name(word)
