"""Ingest: every input format, bad input that must not stop a run, and idempotency.

Inputs are written to tmp_path as a user would have them; URLs are fetched from a real
HTTP server on 127.0.0.1 (see conftest.py), never a mock."""

from __future__ import annotations

import hashlib
import json
import random
import re
import time
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from warlog.cli import main
from warlog.ingest import Ingester, ReadOptions
from warlog.store import SQLiteStore

EN = "An air strike on a market in Mosul killed at least 12 civilians on Friday, residents said."
EN2 = "Shelling of the old city of Aleppo killed five people, including two children, medics said."
EN3 = "A car bomb exploded near a checkpoint in Raqqa on Sunday, killing seven fighters."
AR = "قتل اثنا عشر مدنيا في غارة جوية على سوق في مدينة الموصل يوم الجمعة حسب مصادر طبية."

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Air strike kills 12 in Mosul | Levant Wire</title>
<meta property="og:title" content="Air strike kills 12 in Mosul">
<meta property="og:site_name" content="Levant Wire">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2017-03-17T10:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/about">About us</a></nav>
<article>
<h1>Air strike kills 12 in Mosul</h1>
<p>An air strike on a residential building in the Mosul al-Jadida district killed at least
12 civilians on Friday, residents and medical sources said.</p>
<p>Rescue workers were still searching the rubble on Saturday morning, and local officials
said the toll was likely to rise as more bodies were recovered from the collapsed houses.</p>
<p>The coalition said it was reviewing the strike and that it takes all reports of civilian
casualties seriously.</p>
</article>
<footer>Copyright Levant Wire</footer>
</body></html>
"""

RSS_FEED = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Levant Wire</title>
<link>https://levant.example/</link>
<description>News from the Levant</description>
<item>
  <title>Mosul market strike</title>
  <link>https://levant.example/mosul-strike</link>
  <dc:creator>Jane Doe</dc:creator>
  <pubDate>Fri, 17 Mar 2017 10:00:00 GMT</pubDate>
  <description>&lt;p&gt;{EN}&lt;/p&gt;&lt;p&gt;Rescue work went on overnight.&lt;/p&gt;</description>
</item>
<item>
  <title>Aleppo shelling</title>
  <link>https://levant.example/aleppo-shelling</link>
  <pubDate>Mon, 02 May 2016 08:30:00 +0300</pubDate>
  <description>{EN2}</description>
</item>
</channel>
</rss>
"""

ATOM_FEED = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Aleppo Monitor</title>
<id>urn:aleppo-monitor</id>
<updated>2016-04-28T12:00:00Z</updated>
<entry>
  <title>Hospital hit in Aleppo</title>
  <id>urn:aleppo-monitor:1</id>
  <link href="https://aleppo.example/hospital"/>
  <author><name>Omar Haddad</name></author>
  <published>2016-04-28T09:00:00Z</published>
  <updated>2016-04-29T09:00:00Z</updated>
  <content type="html">&lt;p&gt;{EN2}&lt;/p&gt;</content>
</entry>
<entry>
  <title>غارة على الموصل</title>
  <id>urn:aleppo-monitor:2</id>
  <link href="https://aleppo.example/mosul-ar"/>
  <updated>2017-03-18T07:00:00Z</updated>
  <summary>{AR}</summary>
</entry>
</feed>
"""


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


# id, files {name: bytes}, read options, expected documents {locator relative to tmp: fields}
FORMAT_CASES = [
    ("txt", {"report.txt": EN.encode()}, {}, {
        "report.txt": dict(text=EN, title=None, publisher=None, author=None, published=None,
                           language="en"),
    }),
    ("txt-arabic", {"arabic.txt": AR.encode()}, {}, {
        "arabic.txt": dict(text=AR, language="ar"),
    }),
    ("md-front-matter", {"report.md": (
        "---\n"
        'title: "Air strike on Mosul market"\n'
        "publisher: Levant Wire\n"
        "author: Jane Doe\n"
        "date: 2017-03-17\n"
        "url: https://levant.example/mosul-strike\n"
        "---\n"
        f"{EN}\n\nRescue work went on overnight.\n"
    ).encode()}, {}, {
        "report.md": dict(text=f"{EN}\n\nRescue work went on overnight.",
                          title="Air strike on Mosul market", publisher="Levant Wire",
                          author="Jane Doe", published=date(2017, 3, 17),
                          url="https://levant.example/mosul-strike", language="en"),
    }),
    ("md-heading-crlf", {"heading.md": f"# Shelling in Aleppo\r\n\r\n{EN2}\r\n".encode()}, {}, {
        "heading.md": dict(text=f"# Shelling in Aleppo\n\n{EN2}", title="Shelling in Aleppo",
                           published=None),
    }),
    ("html", {"page.html": HTML_PAGE.encode()}, {}, {
        "page.html": dict(title="Air strike kills 12 in Mosul", publisher="Levant Wire",
                          author="Jane Doe", published=date(2017, 3, 17), language="en",
                          contains="killed at least 12 civilians on Friday"),
    }),
    ("json-object", {"one.json": _json({
        "title": "Mosul market strike", "text": EN, "source": {"id": None, "name": "Levant Wire"},
        "author": "Jane Doe", "publishedAt": "2017-03-17T08:00:00Z",
        "url": "https://levant.example/mosul-strike",
    }).replace(b"publishedAt", b"published_at")}, {}, {
        "one.json": dict(text=EN, title="Mosul market strike", publisher="Levant Wire",
                         author="Jane Doe", published=date(2017, 3, 17),
                         url="https://levant.example/mosul-strike", language="en"),
    }),
    ("json-list", {"list.json": _json([
        {"headline": "Aleppo shelling", "body": EN2, "outlet": "Aleppo Monitor",
         "date": "2 May 2016", "byline": ["Omar Haddad", "Lina Saleh"]},
        {"title": "غارة على الموصل", "content": AR, "date": "2017-03-17"},
    ])}, {}, {
        "list.json#item=1": dict(text=EN2, title="Aleppo shelling", publisher="Aleppo Monitor",
                                 author="Omar Haddad, Lina Saleh", published=date(2016, 5, 2),
                                 language="en"),
        "list.json#item=2": dict(text=AR, title="غارة على الموصل", published=date(2017, 3, 17),
                                 language="ar"),
    }),
    ("json-articles", {"api.json": _json({"status": "ok", "totalResults": 2, "articles": [
        {"title": "Raqqa car bomb", "description": "short", "content": EN3,
         "source": {"name": "Syria Daily"}, "publishedAt": "2017-06-04T11:00:00Z"},
        {"title": "Mosul market strike", "content": EN, "source": {"name": "Levant Wire"}},
    ]})}, {}, {
        "api.json#item=1": dict(text=EN3, title="Raqqa car bomb", publisher="Syria Daily"),
        "api.json#item=2": dict(text=EN, title="Mosul market strike", publisher="Levant Wire"),
    }),
    ("jsonl", {"posts.jsonl": b"\n".join([
        _json({"text": EN, "page": "Mosul Eye", "created_at": "2017-03-17T21:04:00+03:00"}),
        b"",
        _json({"message": AR, "lang": "ar", "timestamp": 1489781040}),
    ]) + b"\n"}, {}, {
        "posts.jsonl#line=1": dict(text=EN, publisher="Mosul Eye", published=date(2017, 3, 17),
                                   language="en"),
        "posts.jsonl#line=3": dict(text=AR, language="ar", published=date(2017, 3, 17)),
    }),
    ("csv", {"posts.csv": (
        "date,text,publisher,author\n"
        f'2017-03-17,"{EN}",Levant Wire,Jane Doe\n'
        f'2016-05-02,"{EN2}",Aleppo Monitor,\n'
    ).encode()}, {}, {
        "posts.csv#row=1": dict(text=EN, publisher="Levant Wire", author="Jane Doe",
                                published=date(2017, 3, 17)),
        "posts.csv#row=2": dict(text=EN2, publisher="Aleppo Monitor", author=None,
                                published=date(2016, 5, 2)),
    }),
    ("csv-text-column", {"export.csv": (
        "id;Summary;text;source\n"
        f"1;{EN};see attachment;Levant Wire\n"
        f"2;{EN3};n/a;Syria Daily\n"
    ).encode()}, {"text_column": "summary"}, {
        "export.csv#row=1": dict(text=EN, publisher="Levant Wire"),
        "export.csv#row=2": dict(text=EN3, publisher="Syria Daily"),
    }),
    ("rss", {"wire.xml": RSS_FEED.encode()}, {}, {
        "wire.xml#item=1": dict(text=f"{EN}\n\nRescue work went on overnight.",
                                title="Mosul market strike", publisher="Levant Wire",
                                author="Jane Doe", published=date(2017, 3, 17),
                                url="https://levant.example/mosul-strike", language="en"),
        "wire.xml#item=2": dict(text=EN2, title="Aleppo shelling", published=date(2016, 5, 2),
                                url="https://levant.example/aleppo-shelling"),
    }),
    ("atom", {"monitor.atom": ATOM_FEED.encode()}, {}, {
        "monitor.atom#item=1": dict(text=EN2, title="Hospital hit in Aleppo",
                                    publisher="Aleppo Monitor", author="Omar Haddad",
                                    published=date(2016, 4, 28),
                                    url="https://aleppo.example/hospital", language="en"),
        "monitor.atom#item=2": dict(text=AR, title="غارة على الموصل", published=date(2017, 3, 18),
                                    url="https://aleppo.example/mosul-ar", language="ar"),
    }),
]


def ingest(store: SQLiteStore, *inputs, **options):
    return Ingester(store, options=ReadOptions(**options)).run([str(i) for i in inputs])


def documents_by_locator(store: SQLiteStore) -> dict:
    return {d.source_locator: d for d in store.documents()}


def expected_id(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def check_document(doc, expected: dict) -> None:
    for field, value in expected.items():
        if field == "contains":
            assert value in doc.text
        else:
            assert getattr(doc, field) == value, field
    assert doc.id == expected_id(doc.text)


def person_readable(reason: str) -> bool:
    """A reason for people: a sentence, not a traceback or an exception's class name."""
    return bool(reason) and len(reason) < 300 and not re.search(
        r"Traceback|\b\w+(Error|Exception)\b|internal error", reason)


@pytest.mark.parametrize("files, options, expected",
                         [c[1:] for c in FORMAT_CASES], ids=[c[0] for c in FORMAT_CASES])
def test_ingest_reads_every_format(tmp_path, store, files, options, expected):
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    report = ingest(store, *(tmp_path / name for name in files), **options)

    assert report.failures == [] and store.failures() == []
    assert report.documents_new == len(expected)
    docs = documents_by_locator(store)
    base = str(tmp_path.resolve())
    assert set(docs) == {f"{base}/{loc}" for loc in expected}
    for loc, fields in expected.items():
        check_document(docs[f"{base}/{loc}"], fields)
    for name, content in files.items():
        assert store.raw_bytes(f"{base}/{name}") == content


def test_ingest_csv_text_column_from_cli(tmp_path):
    (_, files, _, expected), = [c for c in FORMAT_CASES if c[0] == "csv-text-column"]
    path = tmp_path / "export.csv"
    path.write_bytes(files["export.csv"])
    db = tmp_path / "w.db"
    result = CliRunner().invoke(
        main, ["ingest", str(path), "--db", str(db), "--text-column", "Summary", "--quiet"])
    assert result.exit_code == 0, result.output
    store = SQLiteStore(db)
    docs = documents_by_locator(store)
    store.close()
    assert sorted(d.text for d in docs.values()) == sorted(f["text"] for f in expected.values())
    # without the option, the "text" column is read instead: too short to be reports
    other = tmp_path / "default.db"
    CliRunner().invoke(main, ["ingest", str(path), "--db", str(other), "--quiet"])
    store = SQLiteStore(other)
    failures = store.failures()
    store.close()
    assert [f.locator.rsplit("#", 1)[1] for f in failures] == ["row=1", "row=2"]
    assert all("too short" in f.reason for f in failures)


def test_ingest_folder_recursive_skips_hidden(tmp_path, store):
    root = tmp_path / "reports"
    (root / "iraq" / "mosul").mkdir(parents=True)
    (root / ".cache").mkdir()
    (root / "iraq" / "mosul" / "a.txt").write_text(EN)
    (root / "iraq" / "b.md").write_text(EN2)
    (root / "c.jsonl").write_text(json.dumps({"text": EN3}) + "\n")
    (root / ".draft.txt").write_text("A hidden draft about a strike that must not be read.")
    (root / ".cache" / "d.txt").write_text("A cached copy of a report that must not be read either.")

    report = ingest(store, root)

    assert report.inputs == 3 and report.documents_new == 3 and not report.failures
    locators = {r[0] for r in store.conn.execute("SELECT locator FROM sources")}
    base = root.resolve()
    assert locators == {f"{base}/iraq/mosul/a.txt", f"{base}/iraq/b.md", f"{base}/c.jsonl"}
    assert sorted(d.text for d in store.documents()) == sorted([EN, EN2, EN3])


@pytest.mark.parametrize("name", ["wire.xml", "wire.rss", "wire.atom"])
def test_ingest_feed_and_page_by_url(store, http_server, name):
    feed = ATOM_FEED if name.endswith(".atom") else RSS_FEED
    (http_server.root / name).write_text(feed, encoding="utf-8")
    (http_server.root / "mosul.html").write_text(HTML_PAGE, encoding="utf-8")
    page_url, feed_url = http_server.url("mosul.html"), http_server.url(name)

    report = ingest(store, page_url, feed_url)

    assert report.failures == [] and report.documents_new == 3
    docs = documents_by_locator(store)
    page = docs[page_url]
    check_document(page, dict(title="Air strike kills 12 in Mosul", publisher="Levant Wire",
                              author="Jane Doe", published=date(2017, 3, 17), url=page_url,
                              language="en", contains="killed at least 12 civilians"))
    first = docs[f"{feed_url}#item=1"]
    if name.endswith(".atom"):
        check_document(first, dict(text=EN2, publisher="Aleppo Monitor", author="Omar Haddad"))
        check_document(docs[f"{feed_url}#item=2"], dict(text=AR, language="ar"))
    else:
        check_document(first, dict(title="Mosul market strike", publisher="Levant Wire",
                                   published=date(2017, 3, 17), author="Jane Doe"))
    assert store.raw_bytes(page_url) == HTML_PAGE.encode()
    assert store.raw_bytes(feed_url) == feed.encode()


def test_ingest_url_errors_are_recorded(store, http_server):
    (http_server.root / "big.html").write_text(HTML_PAGE.replace("</article>", "<p>x</p>" * 1000))
    (http_server.root / "ok.txt").write_text(EN)
    missing, big, ok = (http_server.url(n) for n in ("gone.html", "big.html", "ok.txt"))

    report = Ingester(store, max_bytes=5000).run([missing, big, ok])

    failures = {f.locator: f.reason for f in store.failures()}
    assert failures == {
        missing: "the server answered HTTP 404 (File not found)",
        big: "the page is larger than the 0.005 MB limit, so it was not fetched; "
             "raise the limit with --max-mb",
    }
    assert report.documents_new == 1 and [d.text for d in store.documents()] == [EN]


# -- bad input ---------------------------------------------------------------------
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(7).randbytes(4000)
RANDOM_NO_NUL = bytes(b or 1 for b in random.Random(8).randbytes(6000))
GOOD = {"a.txt": EN, "zz.md": f"---\npublisher: Syria Daily\n---\n{EN3}\n"}


def _cut_feed() -> str:
    """An RSS feed cut off in the middle of its second item."""
    return RSS_FEED[: RSS_FEED.index("<title>Aleppo shelling")] + "<title>Aleppo shel"


# id, file name (or None for an input that is not a file), content, failure locator
# (relative to the folder; {port} for a closed port), reason pattern, also ingested
BAD_CASES = [
    ("empty-file", "empty.txt", b"", "empty.txt", r"file is empty", []),
    ("blank-file", "blank.md", b" \n\t\n", "blank.md", r"file is empty", []),
    ("binary-png", "photo.png", PNG, "photo.png", r"binary", []),
    ("binary-named-txt", "scan.txt", PNG, "scan.txt", r"binary", []),
    ("binary-without-nul", "blob.dat", RANDOM_NO_NUL, "blob.dat", r"binary|encoding", []),
    ("html-without-main-text", "menu.html",
     b"<html><head><title>Menu</title><script>var x = 1;</script></head><body>"
     b"<nav><a href='/'>Home</a></nav><img src='a.png'></body></html>",
     "menu.html", r"no (main|report) text", []),
    ("malformed-json", "broken.json", b'{"text": "An air strike in Mosul", "title": ',
     "broken.json", r"not valid JSON \(line 1, column \d+", []),
    ("json-record-without-text", "records.json", _json([{"title": "photo only"}, {"text": EN2}]),
     "records.json#item=1", r"no text in a field named text", ["records.json#item=2"]),
    ("jsonl-broken-line", "posts.jsonl",
     b"\n".join([_json({"text": EN2}), b'{"text": "cut off', _json({"text": AR})]),
     "posts.jsonl#line=2", r"line is not valid JSON", ["posts.jsonl#line=1", "posts.jsonl#line=3"]),
    ("csv-wrong-width", "rows.csv",
     f'text,publisher\n"{EN2}",Aleppo Monitor\n"{AR}",Halab Today,extra\n'.encode(),
     "rows.csv#row=2", r"3 fields but the header has 2", ["rows.csv#row=1"]),
    ("feed-empty-item", "feed.xml", RSS_FEED.replace(EN2, "").encode(), "feed.xml#item=2",
     r"item has no text", ["feed.xml#item=1"]),
    ("feed-broken-xml", "cut.rss", _cut_feed().encode(), "cut.rss#item=2", r"XML is broken",
     ["cut.rss#item=1"]),
    ("feed-not-xml", "junk.xml", b"<rss version='2.0'><<<< this is > not & xml", "junk.xml",
     r"no readable items.*XML is broken", []),
    ("missing-path", None, None, "does-not-exist.txt", r"no such file", []),
    ("unreachable-url", None, None, "http://127.0.0.1:{port}/report.html",
     r"could not be reached", []),
]


def make_bad_input(case, folder: Path, port: int) -> tuple[str, str]:
    """Write a case's file into folder; return (input to give warlog, failure locator)."""
    _, name, content, locator, _, _ = case
    if locator.startswith("http"):
        url = locator.format(port=port)
        return url, url
    if name is None:
        missing = str(folder.parent / locator)
        return missing, missing
    (folder / name).write_bytes(content)
    return str(folder / name), f"{folder.resolve()}/{locator}"


@pytest.mark.parametrize("case", BAD_CASES, ids=[c[0] for c in BAD_CASES])
def test_ingest_bad_input_is_recorded_and_run_goes_on(tmp_path, store, closed_port, case):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    given, locator = make_bad_input(case, folder, closed_port)

    report = ingest(store, given, folder)  # the bad input first: it must not stop the rest

    failures = {f.locator: f.reason for f in store.failures()}
    assert list(failures) == [locator]
    assert re.search(case[4], failures[locator]), failures[locator]
    assert person_readable(failures[locator])
    assert [f.locator for f in report.failures] == [locator]
    base = folder.resolve()
    expected = {f"{base}/{n}" for n in GOOD} | {f"{base}/{n}" for n in case[5]}
    assert set(documents_by_locator(store)) == expected


@pytest.mark.parametrize("text, encoding, language", [
    ("Le bombardement a tué douze civils à Alep, a déclaré l'hôpital ; les secours étaient "
     "débordés à côté du marché.", "latin-1", "fr"),
    ("Bei dem Luftangriff in Aleppo wurden zwölf Zivilisten getötet, berichteten die Ärzte im "
     "Krankenhaus.", "latin-1", "de"),
    ("Residents said 12 died in the strike – a “massacre”, one said, near the café.", "cp1252", "en"),
    (AR, "cp1256", "ar"),
    ("قال الدفاع المدني إن 12 شخصا قتلوا في قصف على الرقة.", "windows-1256", "ar"),
], ids=["latin1-fr", "latin1-de", "cp1252-en", "cp1256-ar", "cp1256-ar-short"])
def test_ingest_legacy_encodings_are_decoded(tmp_path, store, text, encoding, language):
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode(encoding))
    report = ingest(store, path)
    assert report.failures == [] and report.documents_new == 1
    (doc,) = store.documents()
    assert doc.text == text and doc.language == language
    assert doc.id == expected_id(text)
    assert store.raw_bytes(str(path.resolve())) == text.encode(encoding)


def test_ingest_refuses_oversized_file_quickly(tmp_path, store):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(EN)
    huge = folder / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(50_000_000)

    started = time.monotonic()
    report = ingest(store, folder)
    assert time.monotonic() - started < 3

    (failure,) = store.failures()
    assert failure.locator == str(huge.resolve())
    assert "50.0 MB" in failure.reason and "20 MB" in failure.reason and "--max-mb" in failure.reason
    assert report.documents_new == 1

    db = tmp_path / "cli.db"
    result = CliRunner().invoke(main, ["ingest", str(huge), "--db", str(db), "--max-mb", "5"])
    assert result.exit_code != 0
    cli_store = SQLiteStore(db)
    assert "over the 5 MB limit" in cli_store.failures()[0].reason
    cli_store.close()


def test_ingest_cli_exit_status_and_show_lists_failures(tmp_path, closed_port):
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    inputs, locators = [], set()
    for case in BAD_CASES:
        given, locator = make_bad_input(case, folder, closed_port)
        locators.add(locator)
        if not given.startswith(str(folder)):
            inputs.append(given)
    runner = CliRunner()
    db = str(tmp_path / "w.db")

    mixed = runner.invoke(main, ["ingest", str(folder), *inputs, "--db", db, "--quiet"])
    assert mixed.exit_code == 0, mixed.output
    shown = runner.invoke(main, ["show", "--db", db, "--json"])
    assert shown.exit_code == 0
    failures = {f["locator"]: f["reason"] for f in json.loads(shown.output)["failures"]}
    assert set(failures) == locators
    assert all(person_readable(reason) for reason in failures.values())

    # only bad input: nothing could be processed, so the command fails
    only_bad = tmp_path / "only-bad"
    only_bad.mkdir()
    (only_bad / "empty.txt").write_bytes(b"")
    (only_bad / "photo.png").write_bytes(PNG)
    db2 = str(tmp_path / "w2.db")
    failed = runner.invoke(main, ["ingest", str(only_bad), inputs[0], "--db", db2, "--quiet"])
    assert failed.exit_code != 0
    assert len(json.loads(runner.invoke(main, ["show", "--db", db2, "--json"]).output)["failures"]) == 3

    # a rerun over inputs already read in full processed them (skipped), so it succeeds
    again = runner.invoke(main, ["ingest", str(folder / "a.txt"), "--db", db])
    assert again.exit_code == 0 and "1 unchanged inputs skipped" in " ".join(again.output.split())


# -- idempotency -------------------------------------------------------------------
def _counts(store: SQLiteStore) -> tuple[int, ...]:
    sql = "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sources)," \
          " (SELECT count(*) FROM document_sources)"
    return (*store.conn.execute(sql).fetchone(), store.fts_rows())


def test_ingest_same_folder_twice_adds_nothing(tmp_path, store):
    folder = tmp_path / "in"
    folder.mkdir()
    for _, files, options, _ in FORMAT_CASES:
        if not options:
            for name, content in files.items():
                (folder / name).write_bytes(content)
    (folder / "empty.txt").write_bytes(b"")
    n_files = len(list(folder.iterdir()))

    first = ingest(store, folder)
    counts = _counts(store)
    second = ingest(store, folder)

    # the cases share their texts, so most records are already stored when read
    assert first.documents_new == counts[0] == 7 and first.documents_seen > 10
    assert first.skipped == 0
    assert _counts(store) == counts
    assert second.inputs == n_files
    assert second.skipped == n_files - 1  # all but the empty file, which is tried again
    assert second.documents_new == second.documents_seen == 0
    assert [f.locator for f in store.failures()] == [str((folder / "empty.txt").resolve())]


def test_ingest_same_text_in_two_files_is_one_document(tmp_path, store):
    (tmp_path / "a.txt").write_text(EN)
    rewrapped = EN.replace(" killed ", "\nkilled  ").replace(" residents", "\n\tresidents")
    (tmp_path / "b.md").write_text(f"---\npublisher: Other Wire\n---\n{rewrapped}\n")
    (tmp_path / "c.csv").write_text(f'text\n"{EN}"\n')

    report = ingest(store, tmp_path / "a.txt", tmp_path / "b.md", tmp_path / "c.csv")

    assert (report.documents_new, report.documents_seen) == (1, 2)
    (doc,) = store.documents()
    assert doc.id == expected_id(EN) and doc.source_locator == str((tmp_path / "a.txt").resolve())
    rows = store.conn.execute("SELECT document_id, locator FROM document_sources").fetchall()
    base = tmp_path.resolve()
    assert sorted(tuple(r) for r in rows) == [
        (doc.id, f"{base}/a.txt"), (doc.id, f"{base}/b.md"), (doc.id, f"{base}/c.csv#row=1")]


@pytest.mark.parametrize("name, broken, fixed, failed_locator", [
    ("r.json", b'{"text": "' + EN.encode(), _json({"text": EN}), "r.json"),
    ("r.txt", b"", EN.encode(), "r.txt"),
    ("r.jsonl", _json({"text": EN2}) + b"\n{oops\n", _json({"text": EN2}) + b"\n" + _json({"text": EN}),
     "r.jsonl#line=2"),
    ("r.csv", f'text,source\n"{EN}",a,b\n'.encode(), f'text,source\n"{EN}",a\n'.encode(), "r.csv#row=1"),
], ids=["json", "empty-txt", "jsonl-line", "csv-row"])
def test_ingest_fixed_file_clears_its_failure(tmp_path, store, name, broken, fixed, failed_locator):
    path = tmp_path / name
    path.write_bytes(broken)
    ingest(store, path)
    assert [f.locator for f in store.failures()] == [f"{tmp_path.resolve()}/{failed_locator}"]

    path.write_bytes(fixed)
    report = ingest(store, path)

    assert store.failures() == [] and report.failures == []
    assert EN in [d.text for d in store.documents()]
    assert store.raw_bytes(str(path.resolve())) == fixed


def test_ingest_empty_folder_fails_with_a_message(tmp_path):
    (tmp_path / "nothing").mkdir()
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "nothing"),
                                       "--db", str(tmp_path / "w.db")])
    assert result.exit_code != 0
    assert "no files found" in result.output


def test_ingest_unreadable_file_drops_its_old_row_failures(tmp_path, store):
    path = tmp_path / "posts.csv"
    path.write_text("text,publisher\n\"A report long enough to be kept as one.\",X\n\"x\",Y,Z\n",
                    encoding="utf-8")
    Ingester(store).run([str(path)])
    assert [f.locator for f in store.failures()] == [f"{path}#row=2"]
    path.write_bytes(PNG)
    Ingester(store).run([str(path)])
    assert [f.locator for f in store.failures()] == [str(path)]
