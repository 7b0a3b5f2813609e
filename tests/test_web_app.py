# ruff: noqa: F811 - the fixtures imported from web_support are named as arguments
"""The review desk through its HTTP interface (FastAPI's TestClient on the real app and a
real ledger, in SQLite and in PostgreSQL): log-in, roles, CSRF, throttling, edits with
history, optimistic locking, merge, split, revert, exports as of a date, inert hostile text."""

from __future__ import annotations

import html
import re
import time
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from web_support import (  # noqa: F401 - fixtures
    PASSWORD,
    analyst,
    app,
    built_ledger,
    csrf_of,
    hostile_id,
    ledger_db,
    login,
)

from warlog.store import open_store
from warlog.store.review import SQLiteReview
from warlog.web.views import safe_url


def pytest_generate_tests(metafunc):
    """Every test on a ledger runs on both backends: the same ledger as a SQLite file and in
    PostgreSQL."""
    if "ledger_db" in metafunc.fixturenames:
        metafunc.parametrize("ledger_db", ["sqlite", "postgres"], indirect=True)


PAGES = ["/", "/incidents", "/map", "/timeline", "/network", "/ingest", "/admin/users",
         "/api/docs", "/documents/abc", "/incidents/abc", "/incidents/abc/history",
         "/network/edge?a=x&b=y"]
API = ["/api/incidents", "/api/incidents/abc", "/api/incidents/abc/history", "/api/documents/abc",
       "/api/export", "/api/map.geojson", "/api/openapi.json", "/api/me", "/api/jobs/abc"]


@pytest.mark.parametrize("path", PAGES)
def test_web_pages_need_login(app, path):
    r = TestClient(app).get(path, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login?next=")


@pytest.mark.parametrize("path", API)
def test_web_api_anonymous_gets_401(app, path):
    r = TestClient(app).get(path)
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("method,path", [("post", "/api/revisions/1/revert"),
                                         ("patch", "/api/incidents/abc"),
                                         ("post", "/incidents/abc/edit")])
def test_web_writes_need_login(app, method, path):
    r = getattr(TestClient(app), method)(path, follow_redirects=False)
    assert r.status_code in (303, 401)


def test_web_login_sets_hardened_cookie(app):
    client = TestClient(app)
    page = client.get("/login")
    r = client.post("/login", data={"name": "ana", "password": PASSWORD, "csrf": csrf_of(page.text),
                                    "next": "/map"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/map"
    cookie = next(c for c in r.headers.get_list("set-cookie") if c.startswith("warlog_session="))
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Content-Security-Policy" in client.get("/incidents").headers


@pytest.mark.parametrize("target,expected", [("/map", "/map"), ("https://evil.example/", "/"),
                                             ("//evil.example/", "/"), ("/\\evil", "/")])
def test_web_login_redirects_only_inside(app, target, expected):
    client = TestClient(app)
    page = client.get("/login")
    r = client.post("/login", data={"name": "ana", "password": PASSWORD, "csrf": csrf_of(page.text),
                                    "next": target}, follow_redirects=False)
    assert r.headers["location"] == expected


def test_web_login_without_csrf_refused(app):
    r = TestClient(app).post("/login", data={"name": "ana", "password": PASSWORD, "csrf": "forged"})
    assert r.status_code == 403 and "expired" in r.text


def test_web_login_rate_limited(app):
    client = TestClient(app)
    for _ in range(5):
        page = client.get("/login")
        r = client.post("/login", data={"name": "ana", "password": "wrong password",
                                        "csrf": csrf_of(page.text)})
        assert r.status_code == 401 and "Wrong user name or password" in r.text
    page = client.get("/login")
    r = client.post("/login", data={"name": "ana", "password": PASSWORD, "csrf": csrf_of(page.text)})
    assert r.status_code == 429 and "Too many failed log-ins" in r.text


def test_web_form_without_csrf_refused(analyst, hostile_id):
    version = analyst.get(f"/api/incidents/{hostile_id}").json()["state"]["version"]
    r = analyst.post(f"/incidents/{hostile_id}/action",
                     data={"action": "review", "version": version, "csrf": "forged"})
    assert r.status_code == 403
    assert analyst.get(f"/api/incidents/{hostile_id}").json()["state"]["reviewed"] is False


def test_web_api_cookie_write_needs_csrf_header(analyst, hostile_id):
    body = {"version": 0, "changes": {"fatalities_low": 3}}
    assert analyst.patch(f"/api/incidents/{hostile_id}", json=body).status_code == 403
    csrf = analyst.get("/api/me").json()["csrf"]
    r = analyst.patch(f"/api/incidents/{hostile_id}", json=body, headers={"X-CSRF-Token": csrf})
    assert r.status_code == 200 and r.json()["state"]["version"] == 1


def test_web_viewer_reads_reviewed_only(app, analyst, hostile_id):
    viewer = login(TestClient(app), "vera")
    assert viewer.get("/api/incidents").json()["total"] == 0
    assert viewer.get(f"/incidents/{hostile_id}").status_code == 404
    csrf = csrf_of(analyst.get(f"/incidents/{hostile_id}").text)
    analyst.post(f"/incidents/{hostile_id}/action", data={"action": "review", "version": 0, "csrf": csrf})
    assert [i["id"] for i in viewer.get("/api/incidents").json()["items"]] == [hostile_id]
    assert viewer.get(f"/incidents/{hostile_id}").status_code == 200
    page = viewer.get(f"/incidents/{hostile_id}").text
    assert 'action="/incidents/' not in page  # no edit forms for a viewer
    r = viewer.post(f"/incidents/{hostile_id}/action",
                    data={"action": "unreview", "version": 1, "csrf": csrf_of(page)})
    assert r.status_code == 403


def test_web_admin_only_manages_users(app, analyst):
    assert analyst.get("/admin/users").status_code == 403
    admin = login(TestClient(app), "ada")
    page = admin.get("/admin/users")
    r = admin.post("/admin/users", data={"name": "cy", "role": "viewer", "password": "long enough pw",
                                         "csrf": csrf_of(page.text)}, follow_redirects=False)
    assert r.status_code == 303
    login(TestClient(app), "cy", "long enough pw")


def test_web_bearer_token(ledger_db, app):
    token = SQLiteReview(open_store(ledger_db)).create_token("ana", "script")
    client = TestClient(app)
    assert client.get("/api/incidents", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    assert client.get("/api/incidents", headers={"Authorization": "Bearer wl_forged"}).status_code == 401
    items = client.get("/api/incidents", headers={"Authorization": f"Bearer {token}"}).json()["items"]
    # bearer writes need no CSRF token: browsers never send bearer tokens by themselves
    r = client.patch(f"/api/incidents/{items[0]['id']}", headers={"Authorization": f"Bearer {token}"},
                     json={"version": items[0]["version"], "changes": {"notes": "checked by script"}})
    assert r.status_code == 200 and r.json()["incident"]["notes"] == "checked by script"


def test_web_queue_orders_by_need_and_filters(analyst):
    items = analyst.get("/api/incidents").json()["items"]
    needs = [i["need_of_review"] for i in items]
    assert needs == sorted(needs, reverse=True) and len(items) >= 5
    iraq = analyst.get("/api/incidents", params={"country": "Iraq"}).json()["items"]
    assert iraq and all(i["country"] == "Iraq" for i in iraq)
    search = analyst.get("/api/incidents", params={"q": "barrel"}).json()["items"]
    assert [i["location"] for i in search] == ["Aleppo"]
    ar = analyst.get("/api/incidents", params={"language": "ar"}).json()["items"]
    assert ar and len(ar) < len(items)
    page = analyst.get("/incidents", params={"event_type": items[0]["event_type"], "q": '"unbalanced'})
    assert page.status_code == 200  # a broken search query is read as a phrase, not an error


def test_web_edit_makes_revision_and_history(analyst, hostile_id):
    page = analyst.get(f"/incidents/{hostile_id}")
    form = {"csrf": csrf_of(page.text), "version": "0", "civilians_killed_min": "7",
            "reason": "the second report corrects the toll"}
    r = analyst.post(f"/incidents/{hostile_id}/edit", data=form, follow_redirects=False)
    assert r.status_code == 303
    detail = analyst.get(f"/api/incidents/{hostile_id}").json()
    assert detail["incident"]["civilians_killed_min"] == 7 and detail["state"]["version"] == 1
    history = analyst.get(f"/api/incidents/{hostile_id}/history").json()
    assert history[0]["user"] == "ana" and history[0]["changes"]["civilians_killed_min"] == [9, 7]
    assert history[0]["reason"] == "the second report corrects the toll"
    assert "the second report corrects the toll" in analyst.get(f"/incidents/{hostile_id}/history").text


def test_web_edit_bad_value_explained(analyst, hostile_id):
    page = analyst.get(f"/incidents/{hostile_id}")
    r = analyst.post(f"/incidents/{hostile_id}/edit",
                     data={"csrf": csrf_of(page.text), "version": "0", "fatalities_low": "many"})
    assert r.status_code == 400 and "fatalities_low" in r.text and "not saved" in r.text


def test_web_second_save_refused_with_latest(app, analyst, hostile_id):
    other = login(TestClient(app), "bo")
    page_a = analyst.get(f"/incidents/{hostile_id}")
    page_b = other.get(f"/incidents/{hostile_id}")
    r = analyst.post(f"/incidents/{hostile_id}/edit", data={
        "csrf": csrf_of(page_a.text), "version": "0", "civilians_killed_min": "8"}, follow_redirects=False)
    assert r.status_code == 303
    r = other.post(f"/incidents/{hostile_id}/edit", data={
        "csrf": csrf_of(page_b.text), "version": "0", "civilians_killed_min": "10"})
    assert r.status_code == 409
    assert "ana changed this incident" in html.unescape(r.text) and "Nothing of yours was saved" in r.text
    assert 'id="f-civilians_killed_min" name="civilians_killed_min" value="8"' in r.text  # the latest
    assert re.search(r"<th>civilians_killed_min</th><td>10</td>", r.text)  # and what bo typed
    api = other.patch(f"/api/incidents/{hostile_id}", json={"version": 0, "changes": {"notes": "x"}},
                      headers={"X-CSRF-Token": other.get("/api/me").json()["csrf"]})
    assert api.status_code == 409 and api.json()["latest"]["state"]["version"] == 1
    assert analyst.get(f"/api/incidents/{hostile_id}").json()["incident"]["civilians_killed_min"] == 8


def _act(client, incident_id, action, **extra):
    detail = client.get(f"/api/incidents/{incident_id}").json()
    csrf = client.get("/api/me").json()["csrf"]
    return client.post(f"/api/incidents/{incident_id}/actions", headers={"X-CSRF-Token": csrf},
                       json={"version": detail["state"]["version"], "action": action, **extra})


def test_web_lock_blocks_edits(analyst, hostile_id):
    assert _act(analyst, hostile_id, "lock").status_code == 200
    csrf = analyst.get("/api/me").json()["csrf"]
    r = analyst.patch(f"/api/incidents/{hostile_id}", json={"version": 1, "changes": {"notes": "x"}},
                      headers={"X-CSRF-Token": csrf})
    assert r.status_code == 400 and "locked" in r.json()["detail"]
    assert _act(analyst, hostile_id, "unlock").status_code == 200


def test_web_not_an_event_leaves_queue_and_export(analyst, hostile_id):
    assert _act(analyst, hostile_id, "not_event", reason="satire").status_code == 200
    ids = [i["id"] for i in analyst.get("/api/incidents", params={"per_page": 500}).json()["items"]]
    assert hostile_id not in ids
    assert hostile_id not in analyst.get("/api/export", params={"format": "jsonl"}).text
    assert _act(analyst, hostile_id, "restore").status_code == 200
    assert hostile_id in analyst.get("/api/export", params={"format": "jsonl"}).text


def _two_raqqa(client):
    items = client.get("/api/incidents", params={"q": "Raqqah", "per_page": 500}).json()["items"]
    raqqa = [i for i in items if "Raqq" in i["location"]]
    assert len(raqqa) >= 2
    return raqqa[0]["id"], raqqa[1]["id"]


def test_web_merge_then_revert(analyst):
    a, b = _two_raqqa(analyst)
    before_a = analyst.get(f"/api/incidents/{a}").json()
    before_b = analyst.get(f"/api/incidents/{b}").json()
    page = analyst.get(f"/incidents/{a}")
    r = analyst.post(f"/incidents/{a}/merge", data={"csrf": csrf_of(page.text), "version": "0",
                                                  "other": before_b["incident"]["event_id_cnty"],
                                                  "reason": "same strike"}, follow_redirects=False)
    assert r.status_code == 303
    merged = analyst.get(f"/api/incidents/{a}").json()
    assert set(merged["incident"]["mention_ids"]) == set(before_a["incident"]["mention_ids"]) | set(
        before_b["incident"]["mention_ids"])
    assert analyst.get(f"/api/incidents/{b}").json()["state"]["status"] == "merged"
    ids = [i["id"] for i in analyst.get("/api/incidents", params={"per_page": 500}).json()["items"]]
    assert b not in ids
    rev = analyst.get(f"/api/incidents/{a}/history").json()[0]
    assert rev["action"] == "merge" and rev["related_id"] == b
    csrf = analyst.get("/api/me").json()["csrf"]
    r = analyst.post(f"/api/revisions/{rev['id']}/revert", headers={"X-CSRF-Token": csrf},
                     json={"version": merged["state"]["version"], "reason": "not the same"})
    assert r.status_code == 200
    assert r.json()["incident"]["mention_ids"] == before_a["incident"]["mention_ids"]
    assert analyst.get(f"/api/incidents/{b}").json()["state"]["status"] == "active"


def test_web_split_mention_off(analyst):
    items = analyst.get("/api/incidents", params={"per_page": 500}).json()["items"]
    two = next(i for i in items if i["source_count"] == 2)
    detail = analyst.get(f"/api/incidents/{two['id']}").json()
    mention = detail["incident"]["mention_ids"][-1]
    page = analyst.get(f"/incidents/{two['id']}")
    r = analyst.post(f"/incidents/{two['id']}/split", data={
        "csrf": csrf_of(page.text), "version": "0", "mention_id": mention}, follow_redirects=False)
    assert r.status_code == 303
    kept = analyst.get(f"/api/incidents/{two['id']}").json()
    assert mention not in kept["incident"]["mention_ids"] and kept["incident"]["source_count"] == 1
    after = analyst.get("/api/incidents", params={"per_page": 500}).json()
    assert after["total"] == len(items) + 1
    new = next(i for i in after["items"] if i["id"] not in {x["id"] for x in items})
    assert analyst.get(f"/api/incidents/{new['id']}").json()["incident"]["mention_ids"] == [mention]


def test_web_revisions_append_only(ledger_db, analyst, hostile_id):
    _act(analyst, hostile_id, "review")
    store = open_store(ledger_db)
    with pytest.raises(Exception, match="append-only"):
        store.conn.execute("UPDATE revisions SET user_name = 'mallory'")
    with pytest.raises(Exception, match="append-only"):
        store.conn.execute("DELETE FROM revisions")


def test_web_export_as_of(ledger_db, analyst, hostile_id):
    from warlog.export import export

    review = SQLiteReview(open_store(ledger_db))
    before_edit = datetime.now(UTC).isoformat(timespec="seconds")
    time.sleep(1.1)  # revisions are stamped to the second
    edit = review.edit(hostile_id, 0, {"civilians_killed_min": 4}, "ana", "recount")
    assert edit.incident.civilians_killed_min == 4
    then = export(review.store, "jsonl", before_edit)
    now = export(review.store, "jsonl")
    yesterday = (datetime.now(UTC) - timedelta(days=1)).date().isoformat()
    assert export(review.store, "jsonl", yesterday) == ""  # the ledger was built today
    line_then = next(line for line in then.splitlines() if hostile_id in line)
    line_now = next(line for line in now.splitlines() if hostile_id in line)
    assert '"civilians_killed_min": 9' in line_then and '"civilians_killed_min": 4' in line_now
    r = analyst.get("/api/export", params={"format": "acled-csv", "as_of": "last week"})
    assert r.status_code == 400 and "--as-of wants a date" in r.json()["detail"]


def test_web_regroup_keeps_analysts_changes(ledger_db, hostile_id):
    from warlog import runner

    store = open_store(ledger_db)
    SQLiteReview(store).edit(hostile_id, 0, {"notes": "checked against the morgue list"}, "ana")
    runner.group(store)
    assert SQLiteReview(store).view(hostile_id).incident.notes == "checked against the morgue list"


def test_web_hostile_text_escaped(analyst, hostile_id):
    doc_id = analyst.get(f"/api/incidents/{hostile_id}").json()["documents"][0]["id"]
    for path in (f"/incidents/{hostile_id}", f"/documents/{doc_id}", "/incidents?q=onerror",
                 f"/incidents/{hostile_id}/history"):
        page = analyst.get(path).text
        tags = _tags(page)
        assert not [(t, a) for t, attrs in tags for a, _ in attrs if a.startswith("on")], path
        assert not [t for t, _ in tags if t in ("svg", "iframe", "img", "details", "style", "object")]
        assert [t for t, _ in tags].count("body") == 1
        assert all(dict(attrs).get("src", "").startswith("/static/") for t, attrs in tags if t == "script")
        links = [dict(attrs).get("href", "") for t, attrs in tags if t == "a"]
        assert not [h for h in links if not h.startswith(("/", "http://", "https://"))], links
    page = analyst.get(f"/incidents/{hostile_id}").text
    assert "&lt;script&gt;" in page and "link withheld" in page  # shown, as text


def _tags(page: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    from html.parser import HTMLParser

    found: list = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, attrs))

    Collect().feed(page)
    return found


@pytest.mark.parametrize("url,shown", [
    ("https://example.org/a", True), ("http://example.org/", True), ("javascript:alert(1)", False),
    ("JavaScript:alert(1)", False), (" javascript:alert(1)", False), ("data:text/html,x", False),
    ("vbscript:x", False), ("//example.org", False), ("https://", False), ("", False),
    ("https://exa mple.org/", False), ("ftp://example.org/", False)])
def test_web_safe_url_only_http(url, shown):
    assert (safe_url(url) is not None) == shown


def test_web_assets_served_locally(analyst):
    for page in ("/map", "/api/docs", "/incidents"):
        text = analyst.get(page).text
        for ref in re.findall(r'(?:src|href)="([^"]+)"', text):
            assert not ref.startswith(("http:", "https:", "//")), ref
    assert analyst.get("/static/vendor/leaflet/leaflet.js").status_code == 200
    assert analyst.get("/static/vendor/markercluster/leaflet.markercluster.js").status_code == 200
    assert analyst.get("/static/vendor/swagger/swagger-ui-bundle.js").status_code == 200
    outlines = analyst.get("/static/vendor/countries.geojson").json()
    assert len(outlines["features"]) > 150
    schema = analyst.get("/api/openapi.json").json()
    assert "/api/incidents" in schema["paths"] and "HTTPBearer" in schema["components"]["securitySchemes"]


def test_web_views_render(analyst):
    for path in ("/map", "/timeline", "/network", "/ingest", "/incidents?reviewed=no"):
        assert analyst.get(path).status_code == 200
    timeline = analyst.get("/timeline").text
    assert 'class="bar-civ"' in timeline
    network = analyst.get("/network").text
    edge = re.search(r'href="(/network/edge\?a=[^"]+)"', network)
    assert edge, "the network has no edge"
    assert analyst.get(html.unescape(edge.group(1))).status_code == 200
    points = analyst.get("/api/map.geojson").json()["features"]
    assert points and all(p["geometry"]["type"] == "Point" for p in points)
