# ruff: noqa: F811 - the fixtures imported from web_support are named as arguments
"""The review desk in a real browser: Debian's chromium driven by Playwright against the app
served by uvicorn on loopback. Hostile reports must run no script anywhere; an analyst's
day (log in, filter, open, correct a figure, merge, history, map) must work.

Needs /usr/bin/chromium (`apt-get install chromium`); skips with that message without it.
Screenshots go to $WARLOG_ARTEFACTS (default: the test's temporary folder)."""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest
from web_support import PASSWORD, built_ledger, ledger_db  # noqa: F401 - fixtures

CHROMIUM = "/usr/bin/chromium"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(),
                       reason="browser tests need Debian's chromium: apt-get install -y chromium"),
]
playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (dev extra)")


@pytest.fixture
def server(ledger_db):
    import uvicorn

    from warlog.web.app import Settings, create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(Settings(db=str(ledger_db))), host="127.0.0.1", port=port,
                            log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def artefacts(tmp_path) -> Path:
    folder = Path(os.environ.get("WARLOG_ARTEFACTS", tmp_path / "screens"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run"])
        yield b
        b.close()


def _page(browser, dialogs: list[str]):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    return page


def _login(page, base: str, name: str = "ana") -> None:
    page.goto(f"{base}/incidents")
    assert "/login" in page.url
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/incidents")


def _ran(page) -> list[str]:
    """Anything a payload would leave behind: its flag, and elements with handlers."""
    flag = page.evaluate("() => window.__xss || (window.parent && window.parent.__xss) || null")
    handlers = page.evaluate("""() => Array.from(document.querySelectorAll('*')).flatMap(
        el => Array.from(el.attributes).filter(a => a.name.startsWith('on'))
                   .map(a => el.tagName + '@' + a.name))""")
    foreign = page.evaluate("""() => Array.from(document.scripts).map(s => s.src || 'inline')
        .filter(s => !s.includes('/static/'))""")
    return ([f"flag {flag}"] if flag else []) + handlers + foreign


def test_web_browser_hostile_reports_run_nothing(server, browser, artefacts):
    dialogs: list[str] = []
    page = _page(browser, dialogs)
    _login(page, server)
    page.goto(f"{server}/incidents?q=onerror")
    assert page.locator("a.incident-link").count() >= 1
    assert _ran(page) == []
    page.click("a.incident-link >> nth=0")
    page.wait_for_selector("#incident-title")
    body = page.inner_text("main")
    assert "<script>" in body and "onerror" in body  # the payloads are there, as text
    assert page.locator("text=link withheld").count() >= 1
    for link in page.locator("main a").all():
        assert (link.get_attribute("href") or "").startswith(("/", "http://", "https://"))
    # hover and click what a payload would hang on
    for sel in ("main h3 a", ".source .meta", ".text"):
        page.locator(sel).first.hover()
    page.screenshot(path=str(artefacts / "hostile-incident.png"), full_page=True)
    assert _ran(page) == []
    incident_url = page.url
    hrefs = [a.get_attribute("href") for a in page.locator(".source h3 a").all()]
    assert len(hrefs) == 2
    for href in hrefs:
        page.goto(server + href)
        page.wait_for_selector(".text")
        assert _ran(page) == []
    page.goto(incident_url + "/history")
    page.goto(f"{server}/map")
    page.wait_for_function("() => document.getElementById('map').dataset.count !== undefined")
    # the marker's own click event, wherever the map's fit left the marker (a pointer click
    # fails when it lies outside the viewport)
    page.locator(".leaflet-interactive").first.dispatch_event("click")
    assert _ran(page) == []
    page.screenshot(path=str(artefacts / "hostile-map.png"))
    for path in ("/timeline", "/network", "/api/docs"):
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
        assert _ran(page) == [], path
    assert dialogs == []


def test_web_browser_analyst_day(server, browser, artefacts):
    dialogs: list[str] = []
    page = _page(browser, dialogs)
    _login(page, server)
    page.screenshot(path=str(artefacts / "queue.png"), full_page=True)

    # filter the queue to Syria
    page.select_option("select[name=country]", "Syria")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**country=Syria**")
    places = page.locator("#queue tbody tr td:nth-child(4)").all_inner_texts()
    assert places and all("Syria" in p for p in places)

    # open the Aleppo incident and correct its civilian toll
    page.click("#queue a.incident-link >> nth=0")
    page.goto(f"{server}/incidents?q=barrel")
    page.click("a.incident-link")
    page.wait_for_selector("#edit-form")
    assert page.locator(".source mark").count() > 0  # evidence highlighted in the sources
    page.fill("#f-civilians_killed_min", "8")
    page.fill("#edit-reason", "the civil defence count")
    page.click("#save")
    page.wait_for_selector("#saved")
    assert page.input_value("#f-civilians_killed_min") == "8"
    aleppo = page.url.split("?")[0]

    # merge the two Raqqa incidents
    page.goto(f"{server}/incidents?q=Raqqah")
    links = page.locator("a.incident-link")
    assert links.count() >= 2
    other_id = links.nth(1).inner_text()
    links.nth(0).click()
    page.wait_for_selector("#merge")
    page.fill("input[name=other]", other_id)
    page.click("#merge")
    page.wait_for_selector("#saved")
    page.screenshot(path=str(artefacts / "merged.png"), full_page=True)

    # history of the corrected incident shows who, what and why
    page.goto(aleppo + "/history")
    row = page.inner_text("#history tbody tr >> nth=0")
    assert "ana" in row and "civilians_killed_min" in row and "the civil defence count" in row
    page.screenshot(path=str(artefacts / "history.png"), full_page=True)

    # the map draws the incidents from local assets and links to them
    page.goto(f"{server}/map")
    page.wait_for_function("() => Number(document.getElementById('map').dataset.count) > 0")
    assert page.locator(".leaflet-overlay-pane path, .marker-cluster").count() > 0
    page.screenshot(path=str(artefacts / "map.png"))

    # the API documentation renders from local assets
    page.goto(f"{server}/api/docs")
    page.wait_for_selector("#swagger-ui[data-rendered=yes] .opblock")
    assert page.locator(".opblock").count() >= 10
    assert dialogs == []


def test_web_browser_second_save_refused(server, browser):
    first, second = browser.new_page(), browser.new_page()
    _login(first, server, "ana")
    _login(second, server, "bo")
    for p in (first, second):
        p.goto(f"{server}/incidents?q=barrel")
        p.click("a.incident-link")
        p.wait_for_selector("#edit-form")
    first.fill("#f-fatalities_high", "12")
    first.click("#save")
    first.wait_for_selector("#saved")
    second.fill("#f-fatalities_high", "20")
    second.click("#save")
    second.wait_for_selector("#problem")
    assert "Nothing of yours was saved" in second.inner_text("#problem")
    assert second.input_value("#f-fatalities_high") == "12"
    assert "20" in second.inner_text("#your-change")

