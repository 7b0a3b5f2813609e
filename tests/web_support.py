"""Shared by the web tests: a ledger built once from the invented corpus plus hostile
reports, copied fresh for each test (a SQLite file, or a PostgreSQL ledger); users of each
role; a logged-in client."""

from __future__ import annotations

import re
import shutil
from contextlib import closing
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from warlog import runner
from warlog.store import open_store
from warlog.store.copy import copy_ledger
from warlog.store.review import SQLiteReview
from warlog.web.app import Settings, create_app

FIXTURES = Path(__file__).parent / "fixtures"
PASSWORD = "correct horse battery"


@pytest.fixture(scope="session")
def built_ledger(tmp_path_factory) -> Path:
    """The pipeline run once over the invented corpus and the hostile reports."""
    root = tmp_path_factory.mktemp("ledger")
    inputs = root / "inputs"
    shutil.copytree(FIXTURES / "corpus", inputs)
    shutil.copy(FIXTURES / "web" / "hostile-reports.json", inputs / "hostile-reports.json")
    db = root / "warlog.db"
    store = open_store(db)
    feedback = runner.Feedback(quiet=True)
    runner.ingest(store, [str(inputs)], feedback)
    runner.extract(store, feedback)
    runner.group(store)
    review = SQLiteReview(store)
    for name, role in (("vera", "viewer"), ("ana", "analyst"), ("bo", "analyst"), ("ada", "admin")):
        review.add_user(name, role, PASSWORD)
    store.close()
    return db


@pytest.fixture
def ledger_db(request, built_ledger: Path, tmp_path: Path) -> Path | str:
    """A fresh copy of the built ledger: a SQLite file, or, where a test module parametrizes
    ``ledger_db`` indirectly with "postgres", a PostgreSQL ledger (its URL)."""
    if getattr(request, "param", "sqlite") == "postgres":
        url = request.getfixturevalue("pg_url")
        with closing(open_store(built_ledger)) as source, closing(open_store(url)) as target:
            copy_ledger(source, target)
        return url
    db = tmp_path / "warlog.db"
    shutil.copy(built_ledger, db)
    return db


def login(client: TestClient, name: str, password: str = PASSWORD) -> TestClient:
    page = client.get("/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    r = client.post("/login", data={"name": name, "password": password, "csrf": token, "next": "/"},
                    follow_redirects=False)
    assert r.status_code == 303, r.text
    return client


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


@pytest.fixture
def app(ledger_db: Path):
    return create_app(Settings(db=str(ledger_db)))


@pytest.fixture
def analyst(app) -> TestClient:
    return login(TestClient(app), "ana")


@pytest.fixture
def hostile_id(analyst: TestClient) -> str:
    """The incident the hostile reports became."""
    items = analyst.get("/api/incidents", params={"q": "onerror", "per_page": 500}).json()["items"]
    assert items, "the hostile reports made no incident"
    return items[0]["id"]
