"""The one door to the web. Tests run the real thing against a server on loopback."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Protocol

from warlog.ingest.text import UnreadableInput


@dataclass(frozen=True)
class Fetched:
    url: str
    content: bytes
    content_type: str


class Fetcher(Protocol):
    def fetch(self, url: str) -> Fetched: ...


class UrllibFetcher:
    def __init__(self, timeout: float = 20.0, max_bytes: int = 20_000_000):
        self.timeout = timeout
        self.max_bytes = max_bytes

    def fetch(self, url: str) -> Fetched:
        request = urllib.request.Request(url, headers={"User-Agent": "warlog/0.1 (+research)"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                content = response.read(self.max_bytes + 1)
                if len(content) > self.max_bytes:
                    raise UnreadableInput(
                        f"the page is larger than the {self.max_bytes / 1e6:g} MB limit, so it was "
                        "not fetched; raise the limit with --max-mb"
                    )
                return Fetched(
                    url=response.geturl(),
                    content=content,
                    content_type=response.headers.get_content_type(),
                )
        except UnreadableInput:  # a ValueError too, but already says what is wrong
            raise
        except urllib.error.HTTPError as err:
            raise UnreadableInput(f"the server answered HTTP {err.code} ({err.reason})") from err
        except urllib.error.URLError as err:
            raise UnreadableInput(f"the address could not be reached ({err.reason})") from err
        except TimeoutError as err:
            raise UnreadableInput(f"the server did not answer within {self.timeout:g} s") from err
        except ValueError as err:
            raise UnreadableInput(f"this is not a web address warlog can fetch ({err})") from err
