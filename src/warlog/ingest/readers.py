"""Readers: the bytes of one input in, Documents (or Failures for bad records) out.

Each reader is a generator over ``(locator, raw)``; a record that cannot be read
becomes a Failure naming the record (``file.csv#row=7``) and the reason, and the
reader carries on with the next one.
"""

from __future__ import annotations

import csv
import email.utils
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from typing import IO, Any

from warlog.ingest.text import UnreadableInput, clean, decode, detect_language, text_hash
from warlog.ingest.url_dates import url_date
from warlog.model import Document, Failure

Item = Document | Failure
Reader = Callable[[str, bytes, "ReadOptions"], Iterator[Item]]

# A report shorter than this is a caption or a stub, not something to code events from.
MIN_TEXT_CHARS = 20

# Field names seen in exports of news APIs, scrapers and social-media tools.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "full_text", "fulltext", "message", "post"),
    "title": ("title", "headline"),
    "publisher": ("publisher", "source", "outlet", "site", "site_name", "sitename", "page"),
    "author": ("author", "byline", "authors"),
    "published": (
        "published",
        "date",
        "publication_date",
        "pubdate",
        "published_at",
        "created_at",
        "timestamp",
    ),
    "url": ("url", "link", "permalink"),
    "language": ("language", "lang"),
}


class ReadOptions:
    def __init__(self, text_column: str | None = None):
        self.text_column = text_column


def parse_date(value: Any) -> date | None:
    """Publication dates as they come in metadata: ISO, RFC 822, or words in English/Arabic."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float):
        try:
            return datetime.fromtimestamp(value / 1000 if value > 1e11 else value).date()
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    from warlog.extract.lang.ar_dateline import full_date

    written = full_date(text)  # "1 مارس 2026", "٥ آذار ٢٠٢٤", "19th August 2021"
    if written is not None:
        return written
    import dateparser  # slow to import; only needed for dates written in words

    parsed = dateparser.parse(
        text, languages=["en", "ar"], settings={"PREFER_DAY_OF_MONTH": "first"}
    )
    return parsed.date() if parsed else None


def make_document(
    text: str,
    locator: str,
    *,
    title: str | None = None,
    publisher: str | None = None,
    author: str | None = None,
    published: Any = None,
    url: str | None = None,
    language: str | None = None,
) -> Item:
    text = clean(text)
    if len(text) < MIN_TEXT_CHARS:
        return Failure(
            locator=locator,
            reason="no report text found (empty, or too short to be a report)",
            detail=text[:200],
        )
    tags = sorted(set(re.findall(r"#(\w+)", text)))
    return Document(
        id=text_hash(text),
        text=text,
        title=(title or "").strip() or None,
        publisher=(publisher or "").strip() or None,
        author=(author or "").strip() or None,
        published=parse_date(published) or url_date(url),
        url=url or None,
        language=(language or "").strip().lower()[:8] or detect_language(text),
        tags=tags,
        source_locator=locator,
    )


# -- plain text and markdown ---------------------------------------------------
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def read_text(locator: str, raw: bytes, options: ReadOptions) -> Iterator[Item]:
    """A .txt/.md report; an optional ``---`` header of ``key: value`` lines gives metadata."""
    text = decode(raw).replace("\r\n", "\n")
    meta: dict[str, str] = {}
    match = _FRONT_MATTER.match(text)
    if match:
        for line in match.group(1).splitlines():
            key, _, value = line.partition(":")
            value = value.strip()
            if len(value) > 1 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]  # YAML-style quoted value: title: "Strike on Mosul"
            meta[key.strip().lower()] = value
        text = text[match.end() :]
    fields = _pick_fields(meta)
    if not fields.get("title"):
        heading = re.match(r"\s*#\s+(.+)", text)
        fields["title"] = heading.group(1) if heading else None
    yield make_document(text, locator, **fields)


# -- HTML pages ------------------------------------------------------------------
def read_html(locator: str, raw: bytes, options: ReadOptions, url: str | None = None) -> Iterator[Item]:
    import trafilatura

    html = decode(raw)
    extracted = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if extracted is None or not (extracted.text or "").strip():
        yield Failure(
            locator=locator,
            reason="the page has no main text (only menus, scripts or images)",
        )
        return
    yield make_document(
        extracted.text,
        locator,
        title=extracted.title,
        publisher=extracted.sitename or extracted.hostname,
        author=extracted.author,
        published=extracted.date,
        url=url or extracted.url,
        language=extracted.language,
    )


def html_fragment_text(fragment: str) -> str:
    """Text of a feed item's HTML description, keeping paragraph breaks."""
    if "<" not in fragment:
        return fragment
    import lxml.html

    fragment = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</li>|</h\d>", "\n\n", fragment)
    try:
        return lxml.html.fromstring(f"<div>{fragment}</div>").text_content()
    except Exception:  # lxml raises several types on broken markup; fall back to stripping
        return re.sub(r"<[^>]+>", " ", fragment)


# -- JSON, JSON Lines, CSV -------------------------------------------------------
def _pick_fields(record: dict[str, Any], text_column: str | None = None) -> dict[str, Any]:
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    fields: dict[str, Any] = {}
    for field, names in FIELD_NAMES.items():
        if field == "text" and text_column:
            names = (text_column.lower(),)
        for name in names:
            value = lowered.get(name)
            if isinstance(value, dict):  # e.g. {"source": {"name": "..."}}
                value = value.get("name") or value.get("title")
            if isinstance(value, list):
                value = ", ".join(str(v) for v in value)
            if value not in (None, ""):
                fields[field] = value
                break
    return fields


def _record_item(record: Any, locator: str, options: ReadOptions) -> Item:
    if not isinstance(record, dict):
        return Failure(locator=locator, reason="the record is not an object with named fields")
    fields = _pick_fields(record, options.text_column)
    text = fields.pop("text", None)
    if not isinstance(text, str) or not text.strip():
        wanted = options.text_column or " / ".join(FIELD_NAMES["text"])
        return Failure(locator=locator, reason=f"the record has no text in a field named {wanted}")
    if "<" in text and re.search(r"</?(p|div|br|span)\b", text, re.I):
        text = html_fragment_text(text)
    return make_document(text, locator, **{k: str(v) for k, v in fields.items()})


def read_json(locator: str, raw: bytes, options: ReadOptions) -> Iterator[Item]:
    try:
        data = json.loads(decode(raw))
    except json.JSONDecodeError as err:
        raise UnreadableInput(
            f"the file is not valid JSON (line {err.lineno}, column {err.colno}: {err.msg})"
        ) from err
    if isinstance(data, dict):
        for key in ("articles", "items", "records", "data", "results", "documents"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
    if isinstance(data, list):
        for n, record in enumerate(data, start=1):
            yield _record_item(record, f"{locator}#item={n}", options)
    else:
        yield _record_item(data, locator, options)


def jsonl_items(lines: Iterable[str], locator: str, options: ReadOptions) -> Iterator[Item]:
    """One item per JSON line (a Failure naming the line when it is not JSON); shared by the
    whole-file reader and the streamed shards (warlog.shards)."""
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        row_locator = f"{locator}#line={n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield Failure(locator=row_locator, reason=f"the line is not valid JSON ({err.msg})")
            continue
        yield _record_item(record, row_locator, options)


def read_jsonl(locator: str, raw: bytes, options: ReadOptions) -> Iterator[Item]:
    return jsonl_items(decode(raw).splitlines(), locator, options)


def check_text_column(options: ReadOptions, columns: list[str]) -> None:
    """Refuse a table without the column --text-column names, listing the columns it has."""
    wanted = options.text_column
    if wanted and wanted.lower() not in {c.lower() for c in columns}:
        raise UnreadableInput(
            f"the file has no column named {wanted!r} (its columns: {', '.join(columns)})")


def csv_items(text: IO[str], sample: str, locator: str, options: ReadOptions) -> Iterator[Item]:
    """One item per CSV row after the header, the dialect guessed from ``sample`` (the
    text's start); shared by the whole-file reader and the streamed shards."""
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(text, dialect)
    try:
        header = [h.strip() for h in next(reader)]
    except (StopIteration, csv.Error) as err:
        raise UnreadableInput("the CSV file has no header row") from err
    check_text_column(options, header)
    for n, row in enumerate(reader, start=1):
        row_locator = f"{locator}#row={n}"
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield Failure(
                locator=row_locator,
                reason=f"the row has {len(row)} fields but the header has {len(header)}",
                detail=",".join(row)[:200],
            )
            continue
        yield _record_item(dict(zip(header, row, strict=True)), row_locator, options)


def read_csv(locator: str, raw: bytes, options: ReadOptions) -> Iterator[Item]:
    text = decode(raw)
    return csv_items(io.StringIO(text, newline=""), text[:8192], locator, options)


# -- RSS and Atom feeds ----------------------------------------------------------
def read_feed(locator: str, raw: bytes, options: ReadOptions) -> Iterator[Item]:
    import feedparser

    parsed = feedparser.parse(raw)
    entries = parsed.get("entries") or []
    why = getattr(parsed.get("bozo_exception"), "getMessage", lambda: "")()
    broken = f" (the XML is broken: {why})" if why else ""
    if not entries:
        raise UnreadableInput("the feed has no readable items" + broken)
    publisher = parsed.feed.get("title")
    for n, entry in enumerate(entries, start=1):
        item_locator = f"{locator}#item={n}"
        body = ""
        if entry.get("content"):
            body = entry["content"][0].get("value", "")
        body = body or entry.get("summary", "") or entry.get("description", "")
        if not body.strip():
            yield Failure(locator=item_locator, reason="the feed item has no text" + broken)
            continue
        published = entry.get("published") or entry.get("updated")
        yield make_document(
            html_fragment_text(body),
            item_locator,
            title=entry.get("title"),
            publisher=publisher,
            author=entry.get("author"),
            published=published,
            url=entry.get("link"),
        )


def looks_like_feed(raw: bytes) -> bool:
    head = raw[:2048].lstrip().lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def looks_like_html(raw: bytes) -> bool:
    head = raw[:4096].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head


READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".md": read_text,
    ".markdown": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".json": read_json,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".csv": read_csv,
    ".tsv": read_csv,
    ".rss": read_feed,
    ".atom": read_feed,
    ".xml": read_feed,
}


def reader_for(suffix: str, raw: bytes) -> tuple[str, Reader]:
    """Pick a reader by file suffix, sniffing the content when the suffix says nothing."""
    suffix = suffix.lower()
    if suffix in READERS:
        if suffix == ".xml" and not looks_like_feed(raw) and looks_like_html(raw):
            return "html", read_html
        return suffix.lstrip("."), READERS[suffix]
    if looks_like_feed(raw):
        return "feed", read_feed
    if looks_like_html(raw):
        return "html", read_html
    return "text", read_text
