"""The store's errors, worded for the person at the command line."""

import re


class StoreError(RuntimeError):
    """The database cannot be used; the message says which and why."""


def redact(db: str) -> str:
    """A database's name for messages: a URL without its password."""
    return re.sub(r"(//[^:/@]+):[^@/]*@", r"\1:***@", str(db))
