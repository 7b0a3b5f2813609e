"""ingest.url_dates: the publication day a page's address gives (invented addresses)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from warlog.ingest.readers import make_document
from warlog.ingest.url_dates import url_date


def _status_id(when: datetime) -> int:
    """An X status id posted at ``when`` (a snowflake: ms since X's epoch, << 22)."""
    return (int(when.timestamp() * 1000) - 1288834974657) << 22 | 12345


@pytest.mark.parametrize(("url", "expected"), [
    (f"https://x.com/someone/status/{_status_id(datetime(2024, 3, 7, 22, 5, tzinfo=UTC))}",
     date(2024, 3, 7)),
    (f"https://twitter.com/a_b/status/{_status_id(datetime(2019, 12, 31, 1, 0, tzinfo=UTC))}?s=20",
     date(2019, 12, 31)),
    ("https://news.example.org/en/2021/08/17/shelling-on-a-village/", date(2021, 8, 17)),
    ("https://news.example.org/2022-10-20-strike", date(2022, 10, 20)),
    ("https://news.example.org/2022/13/45/not-a-day/", None),
    ("https://www.facebook.com/page/posts/1195719697561319", None),
    ("https://news.example.org/articles/80384/title", None),
    (None, None),
])
def test_url_dates_from_the_address(url, expected):
    assert url_date(url) == expected


def test_url_dates_only_when_the_record_has_no_date():
    url = "https://news.example.org/2021/08/17/report"
    text = "Shelling hit the village of Kafr Nabl yesterday, injuring two civilians."
    assert make_document(text, "t#1", url=url).published == date(2021, 8, 17)
    assert make_document(text, "t#1", url=url, published="2021-08-18").published == date(2021, 8, 18)
