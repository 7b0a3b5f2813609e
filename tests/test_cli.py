"""The command line as a user runs it: every command's help, and whole runs."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from warlog.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"
COMMANDS = ["ingest", "extract", "group", "run", "export", "show", "search", "demo", "eval", "bench",
            "network", "incident"]


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_every_command_has_help(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output and "--help" in result.output


def test_cli_run_twice_adds_nothing(tmp_path):
    db = str(tmp_path / "w.db")
    runner = CliRunner()
    first = runner.invoke(main, ["run", str(FIXTURES), "--db", db, "--quiet"])
    assert first.exit_code == 0, first.output
    before = json.loads(runner.invoke(main, ["show", "--db", db, "--json"]).output)
    second = runner.invoke(main, ["run", str(FIXTURES), "--db", db, "--quiet"])
    assert second.exit_code == 0
    after = json.loads(runner.invoke(main, ["show", "--db", db, "--json"]).output)
    assert before["documents"] > 0 and before["incidents"] > 0
    for key in ("documents", "mentions", "incidents"):
        assert after[key] == before[key]


def test_cli_search_finds_reports(tmp_path):
    db = str(tmp_path / "w.db")
    runner = CliRunner()
    runner.invoke(main, ["ingest", str(FIXTURES), "--db", db, "--quiet"])
    result = runner.invoke(main, ["search", "barrel", "--db", db, "--json"])
    assert result.exit_code == 0
    hits = [json.loads(line) for line in result.output.splitlines()]
    assert [h["publisher"] for h in hits] == ["Syria Monitor Network"]
    bad = runner.invoke(main, ["search", '"unbalanced', "--db", db])
    assert bad.exit_code != 0 and "could not be read" in bad.output


def test_cli_export_writes_file(tmp_path):
    db = str(tmp_path / "w.db")
    runner = CliRunner()
    runner.invoke(main, ["run", str(FIXTURES), "--db", db, "--quiet"])
    out = tmp_path / "out.geojson"
    result = runner.invoke(main, ["export", "--db", db, "--format", "geojson", "--out", str(out)])
    assert result.exit_code == 0
    assert json.loads(out.read_text())["features"]


def _km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


@pytest.mark.slow
def test_cli_demo_codes_incidents_at_their_towns(tmp_path):
    """`warlog demo` as `make demo` runs it: every expected incident of the demo corpus
    appears in the ACLED-style CSV at its real town."""
    import csv
    from importlib import resources

    out = tmp_path / "demo"
    proc = subprocess.run([sys.executable, "-m", "warlog.cli", "demo", "--out", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "incidents" in proc.stdout
    rows = list(csv.DictReader((out / "incidents.csv").open(encoding="utf-8")))
    expected = json.loads(resources.files("warlog.demo").joinpath("expected.json").read_text())
    assert len(expected["incidents"]) >= 12
    located = 0
    for incident in expected["incidents"]:
        near = [r for r in rows if r["latitude"] and _km(
            float(r["latitude"]), float(r["longitude"]),
            incident["latitude"], incident["longitude"]) < 10]
        located += bool(near)
    assert located >= 12
    for suffix in ("csv", "geojson", "jsonl"):
        assert (out / f"incidents.{suffix}").stat().st_size > 0


@pytest.mark.slow
def test_cli_incident_changes_join_the_review_history(tmp_path):
    """Merges and locks made on the command line are revisions, in the history the review
    desk shows, by the named user; a wrong id is explained."""
    from warlog.store import open_store
    from warlog.store.review import SQLiteReview

    grouping = Path(__file__).parent / "fixtures" / "grouping"
    db = str(tmp_path / "w.db")
    runner = CliRunner()
    done = runner.invoke(main, ["run", str(grouping / "a1-manbij-wire.md"),
                                str(grouping / "b1-deir-clash.md"), "--db", db, "--quiet"])
    assert done.exit_code == 0, done.output
    store = open_store(db)
    manbij = next(i for i in store.incidents() if i.location == "Manbij")
    deir = next(i for i in store.incidents() if i.location == "Deir ez-Zor")
    before = json.loads(runner.invoke(main, ["show", "--db", db, "--json"]).output)["incidents"]
    merged = runner.invoke(main, ["incident", "merge", manbij.event_id_cnty, deir.event_id_cnty,
                                  "--db", db, "--user", "ana", "--reason", "one operation"])
    assert merged.exit_code == 0, merged.output
    assert merged.output.startswith(f"{manbij.event_id_cnty} ({manbij.id}): Manbij")
    locked = runner.invoke(main, ["incident", "lock", manbij.id, "--db", db, "--user", "bo"])
    assert locked.exit_code == 0 and "locked" in locked.output
    shown = runner.invoke(main, ["incident", "history", manbij.event_id_cnty, "--db", db])
    lines = shown.output.splitlines()
    assert len(lines) == 2
    assert " bo: lock" in lines[0] and f" ana: merge ({deir.id}) - one operation" in lines[1]
    desk = SQLiteReview(store)
    assert [(r.action, r.user_name) for r in desk.history(manbij.id)] == [("lock", "bo"), ("merge", "ana")]
    assert set(desk.view(manbij.id).incident.mention_ids) == set(manbij.mention_ids + deir.mention_ids)
    assert desk.view(deir.id).state.status == "merged"
    shown = json.loads(runner.invoke(main, ["show", "--db", db, "--json"]).output)
    assert shown["incidents"] == before - 1  # the merged-away one is kept, hidden
    wrong = runner.invoke(main, ["incident", "lock", "SYR0", "--db", db])
    assert wrong.exit_code == 2 and "no incident with id SYR0" in wrong.output
