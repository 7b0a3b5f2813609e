# ruff: noqa: F811 - the fixtures imported from web_support are named as arguments
"""The review desk's commands (user add, token create, serve, export --as-of) and the ingest
page with its progress."""

from __future__ import annotations

import json
import socket
import subprocess
import time
import urllib.request

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from web_support import analyst, app, built_ledger, csrf_of, ledger_db  # noqa: F401

from warlog.cli import main
from warlog.store import open_store
from warlog.store.review import SQLiteReview


def pytest_generate_tests(metafunc):
    """The commands on a ledger run against both backends (a file path, a PostgreSQL URL)."""
    if "ledger_db" in metafunc.fixturenames:
        metafunc.parametrize("ledger_db", ["sqlite", "postgres"], indirect=True)


@pytest.mark.parametrize("command", [["serve"], ["user", "add"], ["token", "create"]])
def test_web_cli_commands_have_help(command):
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output


def test_web_cli_user_add_and_token(ledger_db):
    runner = CliRunner()
    result = runner.invoke(main, ["user", "add", "dana", "--role", "analyst", "--password-stdin",
                                  "--db", str(ledger_db)], input="a long passphrase\n")
    assert result.exit_code == 0, result.output
    review = SQLiteReview(open_store(ledger_db))
    assert review.check_password("dana", "a long passphrase").role == "analyst"
    assert review.check_password("dana", "wrong") is None
    stored = review.conn.execute("SELECT password_hash FROM users WHERE name = 'dana'").fetchone()[0]
    assert stored.startswith("$argon2id$")
    token = runner.invoke(main, ["token", "create", "dana", "--db", str(ledger_db)]).output.strip()
    assert token.startswith("wl_") and review.token_user(token).name == "dana"
    bad = runner.invoke(main, ["user", "add", "eve", "--role", "analyst", "--password-stdin",
                               "--db", str(ledger_db)], input="short\n")
    assert bad.exit_code != 0 and "at least 10 characters" in bad.output
    nobody = runner.invoke(main, ["token", "create", "nobody", "--db", str(ledger_db)])
    assert nobody.exit_code != 0 and "no user" in nobody.output


def test_web_cli_export_as_of(ledger_db):
    runner = CliRunner()
    now = runner.invoke(main, ["export", "--db", str(ledger_db), "--format", "jsonl"])
    assert now.exit_code == 0 and now.output.count("\n") >= 5
    old = runner.invoke(main, ["export", "--db", str(ledger_db), "--format", "jsonl",
                               "--as-of", "2001-01-01"])
    assert old.exit_code == 0 and old.output == ""
    review = SQLiteReview(open_store(ledger_db))
    first = review.published()[0]
    review.act(first.id, 0, "review", "ana")
    checked = runner.invoke(main, ["export", "--db", str(ledger_db), "--format", "jsonl",
                                   "--reviewed-only"])
    assert [json.loads(line)["id"] for line in checked.output.splitlines()] == [first.id]
    checked_today = runner.invoke(main, ["export", "--db", str(ledger_db), "--format", "jsonl",
                                         "--reviewed-only", "--as-of", "2999-01-01"])
    assert checked_today.output == checked.output
    bad = runner.invoke(main, ["export", "--db", str(ledger_db), "--as-of", "yesterday"])
    assert bad.exit_code != 0 and "--as-of wants a date" in bad.output


@pytest.mark.slow
def test_web_cli_serve_answers_on_loopback(ledger_db, warlog_command):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([*warlog_command, "serve", "--db", str(ledger_db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/incidents"):
                    pass
            except urllib.error.HTTPError as err:
                assert err.code == 401
                break
            except OSError:
                assert time.monotonic() < deadline and proc.poll() is None, "warlog serve did not start"
                time.sleep(0.2)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/login") as page:
            assert page.status == 200 and b"Log in" in page.read()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.slow
def test_web_ingest_page_reads_upload_with_progress(analyst):
    page = analyst.get("/ingest")
    report = json.dumps({"title": "Shelling of an invented village", "publisher": "Test Wire",
                         "published": "2019-05-02", "language": "en",
                         "text": "Artillery shelling killed 4 civilians in Idlib on Thursday, "
                                 "residents said. Government forces denied it."})
    before = analyst.get("/api/incidents").json()["total"]
    r = analyst.post("/ingest", data={"csrf": csrf_of(page.text), "urls": ""},
                     files={"files": ("idlib report.json", report.encode(), "application/json")},
                     follow_redirects=False)
    assert r.status_code == 303
    job_url = "/api/jobs/" + r.headers["location"].rsplit("/", 1)[1]
    deadline = time.monotonic() + 120
    while not (job := analyst.get(job_url).json())["finished"]:
        assert time.monotonic() < deadline, job
        time.sleep(0.3)
    assert "1 new documents" in job["message"], job
    assert analyst.get("/api/incidents").json()["total"] == before + 1
    bad = analyst.post("/ingest", data={"csrf": csrf_of(page.text), "urls": "javascript:alert(1)"})
    assert bad.status_code == 400 and "only http(s)" in bad.text


def test_web_ingest_needs_analyst(app):
    from web_support import login

    viewer = login(TestClient(app), "vera")
    assert viewer.get("/ingest").status_code == 403
