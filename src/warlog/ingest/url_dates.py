"""The day a page's address tells it was published, for reports stored without a date:
an X (Twitter) post's status id, which holds the time it was posted, and a date in a
news site's path ("/2021/08/17/", "/2022-10-20-").

A relative date in the text ("أمس", "yesterday") is read against the publication date;
without one it was read against the day of ingest, years after the post."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

# X's ids are "snowflakes": milliseconds since X's epoch, shifted left 22 bits
# (used for every post since November 2010).
_X_STATUS = re.compile(r"(?:twitter|x)\.com/[^/?#]+/status(?:es)?/(\d{15,20})", re.I)
_X_EPOCH_MS = 1288834974657
_PATH_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?=[/-]|$)")


def url_date(url: str | None) -> date | None:
    """The publication day an address gives, or None."""
    if not url:
        return None
    status = _X_STATUS.search(url)
    if status:
        ms = (int(status.group(1)) >> 22) + _X_EPOCH_MS
        return datetime.fromtimestamp(ms / 1000, tz=UTC).date()
    path = _PATH_DATE.search(url)
    if path:
        try:
            return date(int(path.group(1)), int(path.group(2)), int(path.group(3)))
        except ValueError:
            return None
    return None
