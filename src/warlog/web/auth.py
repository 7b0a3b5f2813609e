"""Who is asking: session cookies for the pages, bearer tokens for scripts, CSRF tokens on
every form, and login throttling."""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass

from fastapi import HTTPException, Request

from warlog.store.review import Session, User

SESSION_COOKIE = "warlog_session"
LOGIN_CSRF_COOKIE = "warlog_login_csrf"
# Five wrong passwords in 15 minutes per user name or per address, then a pause: slows
# guessing to a crawl while a user who mistypes a few times is not locked out for long.
LOGIN_MAX_FAILURES = 5
LOGIN_WINDOW_S = 15 * 60

# Pages anyone may load: the log-in page and the static assets (code and styles, no data).
PUBLIC_PREFIXES = ("/static/",)
PUBLIC_PATHS = {"/login", "/favicon.ico"}


@dataclass
class Principal:
    user: User
    session: Session | None  # None when a bearer token was sent
    token: str | None = None  # the session cookie's value

    @property
    def csrf(self) -> str:
        return self.session.csrf if self.session else ""


def new_csrf() -> str:
    return secrets.token_urlsafe(32)


def same(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and hmac.compare_digest(str(a), str(b))


def principal(request: Request) -> Principal:
    found = getattr(request.state, "principal", None)
    if found is None:
        raise HTTPException(401, "log in first")
    return found


def require(request: Request, role: str) -> Principal:
    who = principal(request)
    if not who.user.can(role):
        raise HTTPException(403, f"this needs the {role} role; you are {who.user.role}")
    return who


def check_csrf(request: Request, submitted: str | None) -> None:
    """Forms carry the session's CSRF token; API calls made with the session cookie send it
    in X-CSRF-Token. Bearer-token calls need none (no browser sends a bearer token by itself)."""
    who = principal(request)
    if who.session is None:
        return
    if not same(submitted or request.headers.get("x-csrf-token"), who.session.csrf):
        raise HTTPException(403, "the form had expired or did not come from warlog; reload the "
                                 "page and try again")


def cookie_secure(request: Request, forced: bool | None) -> bool:
    if forced is not None:
        return forced
    proto = request.headers.get("x-forwarded-proto", request.url.scheme)
    return proto == "https"
