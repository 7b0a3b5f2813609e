"""The review desk: FastAPI, pages rendered on the server, a little JavaScript, every asset
served from here (no CDN), nothing readable without logging in."""

from __future__ import annotations

import json
import re
import tempfile
import threading
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from warlog.model import Document
from warlog.store import open_store
from warlog.store.review import (
    ROLES,
    Conflict,
    IncidentView,
    QueueFilter,
    ReviewError,
    SQLiteReview,
    editable_fields,
)
from warlog.web import auth, views
from warlog.web.jobs import Jobs

HERE = Path(__file__).parent
PAGE_SIZE = 50
GRADES = ["Confirmed", "Fair", "Weak", "Contested", "Discounted"]


@dataclass
class Settings:
    db: str
    tile_url: str = ""  # e.g. https://tile.example.org/{z}/{x}/{y}.png; empty: offline outlines
    tile_attribution: str = ""
    secure_cookies: bool | None = None  # None: Secure when the request came over https


class Ledger:
    """One store connection per server thread (sqlite3 connections stay in their thread;
    a PostgreSQL connection per thread lets the threads query at once)."""

    def __init__(self, db: str):
        self.db = db
        self.local = threading.local()
        self.lock = threading.Lock()
        self.queues: dict[tuple, list[views.QueueItem]] = {}
        open_store(db).close()  # create or migrate once, up front

    def queue(self, flt: QueueFilter) -> list[views.QueueItem]:
        """The filtered queue, remembered per filter until the ledger changes: the list API
        is the hot path (the load benchmark measures it)."""
        review = self.review()
        key = (review.generation(), repr(flt))
        with self.lock:
            found = self.queues.get(key)
        if found is None:
            found = views.queue(review.views(flt))
            with self.lock:
                if len(self.queues) > 64:
                    self.queues.clear()
                self.queues[key] = found
        return found

    def review(self) -> SQLiteReview:
        rev = getattr(self.local, "review", None)
        if rev is None:
            rev = self.local.review = SQLiteReview(open_store(self.db))
            self.local.seen = rev.generation()
        elif rev.generation() != self.local.seen:
            rev.sync_incidents()  # a regrouping may have added incidents without a state row
            self.local.seen = rev.generation()
        return rev


def _csp(settings: Settings) -> str:
    img = "'self' data:"
    if settings.tile_url:
        parts = urlsplit(settings.tile_url.replace("{s}", "a"))
        host = f"{parts.scheme}://{parts.netloc.replace('a.', '*.', 1)}"
        img += f" {host}"
    # no inline script anywhere: an injected <script> or on* attribute cannot run
    return ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            f"img-src {img}; object-src 'none'; base-uri 'none'; form-action 'self'; "
            "frame-ancestors 'none'")


@lru_cache(maxsize=1)
def country_outlines() -> bytes:
    """Country borders from the countryinfo package, the base layer when no tile server is set."""
    from countryinfo import CountryInfo

    features = []
    for info in CountryInfo.all().values():
        geo = info.get("geoJSON") or {}
        for feat in geo.get("features", []):
            features.append({"type": "Feature", "properties": {"name": info.get("name", "")},
                             "geometry": feat.get("geometry")})
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def queue_filter(params: dict[str, str]) -> QueueFilter:
    reviewed = {"yes": True, "no": False}.get(params.get("reviewed", ""))
    return QueueFilter(
        q=params.get("q", "")[:200], country=params.get("country", ""),
        admin1=params.get("admin1", ""), event_type=params.get("event_type", ""),
        actor=params.get("actor", ""), date_from=_date(params.get("date_from")),
        date_to=_date(params.get("date_to")), grade=params.get("grade", ""),
        language=params.get("language", ""), reviewed=reviewed,
        include_hidden=params.get("hidden") == "yes")


def create_app(settings: Settings) -> FastAPI:
    ledger = Ledger(settings.db)
    jobs = Jobs(settings.db)
    app = FastAPI(title="warlog", summary="The review desk's JSON API: incidents with their "
                  "evidence, edits (each a revision), history, documents and exports.",
                  openapi_url="/api/openapi.json", docs_url=None, redoc_url=None)
    app.state.settings = settings
    app.state.ledger = ledger
    app.state.jobs = jobs
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals.update(safe_url=views.safe_url, roles=ROLES, grades=GRADES)
    templates.env.filters["urlq"] = lambda s: quote(str(s), safe="")
    csp = _csp(settings)

    def page(request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        who = getattr(request.state, "principal", None)
        ctx.update(request=request, me=who.user if who else None, csrf=who.csrf if who else "")
        return templates.TemplateResponse(request, name, ctx, status_code=status)

    @app.middleware("http")
    async def gatekeeper(request: Request, call_next):
        path = request.url.path
        request.state.principal = None
        if not (path in auth.PUBLIC_PATHS or path.startswith(auth.PUBLIC_PREFIXES)):
            review = ledger.review()
            header = request.headers.get("authorization", "")
            if header.lower().startswith("bearer "):
                user = review.token_user(header[7:].strip())
                if user:
                    request.state.principal = auth.Principal(user, None)
            else:
                token = request.cookies.get(auth.SESSION_COOKIE)
                session = review.session(token) if token else None
                if session:
                    request.state.principal = auth.Principal(session.user, session, token)
            if request.state.principal is None:
                if path.startswith("/api") and path != "/api/docs":
                    response = JSONResponse({"detail": "log in, or send an API token as "
                                             "'Authorization: Bearer TOKEN'"}, status_code=401,
                                            headers={"WWW-Authenticate": "Bearer"})
                else:
                    target = path + (f"?{request.url.query}" if request.url.query else "")
                    response = RedirectResponse(f"/login?next={quote(target, safe='')}", 303)
                return _harden(response)
        return _harden(await call_next(request))

    def _harden(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = csp
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        if request.url.path.startswith("/api") or exc.status_code == 401:
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                                headers=getattr(exc, "headers", None))
        return page(request, "error.html", exc.status_code, message=str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        if request.url.path.startswith("/api"):
            return JSONResponse({"detail": problems}, status_code=422)
        return page(request, "error.html", 422, message=f"the request could not be read: {problems}")

    static = StaticFiles(directory=str(HERE / "static"))

    @app.get("/static/vendor/countries.geojson", include_in_schema=False)
    def countries() -> Response:
        return Response(country_outlines(), media_type="application/geo+json",
                        headers={"Cache-Control": "max-age=86400"})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    _mount_vendor(app)
    app.mount("/static", static, name="static")

    # -- log in -----------------------------------------------------------------
    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_page(request: Request, next: str = "/"):  # noqa: A002 - the query's name
        token = auth.new_csrf()
        response = page(request, "login.html", next=_local(next), login_csrf=token, error="")
        _set_login_cookie(request, response, token)
        return response

    def _set_login_cookie(request: Request, response: Response, token: str) -> None:
        response.set_cookie(auth.LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict",
                            secure=auth.cookie_secure(request, settings.secure_cookies), path="/login")

    @app.post("/login", include_in_schema=False)
    async def login(request: Request):
        form = await request.form()
        name, password = str(form.get("name", "")), str(form.get("password", ""))
        target = _local(str(form.get("next", "/")))
        review = ledger.review()
        if not auth.same(str(form.get("csrf", "")), request.cookies.get(auth.LOGIN_CSRF_COOKIE)):
            return _login_again(request, target, "The log-in form had expired; please try again.", 403)
        client = request.client.host if request.client else "unknown"
        keys = [f"ip:{client}", f"user:{name.lower()}"]
        if review.login_failures(keys, auth.LOGIN_WINDOW_S) >= auth.LOGIN_MAX_FAILURES:
            return _login_again(request, target, "Too many failed log-ins: wait 15 minutes and try "
                                "again, or ask an admin to reset your password.", 429)
        user = review.check_password(name, password)
        if user is None:
            review.record_login_failure(keys)
            return _login_again(request, target, "Wrong user name or password.", 401)
        review.clear_login_failures([f"user:{name.lower()}"])
        token, _session = review.create_session(user.name)
        response = RedirectResponse(target, 303)
        response.set_cookie(auth.SESSION_COOKIE, token, httponly=True, samesite="lax",
                            secure=auth.cookie_secure(request, settings.secure_cookies),
                            max_age=7 * 86400, path="/")
        response.delete_cookie(auth.LOGIN_CSRF_COOKIE, path="/login")
        return response

    def _login_again(request: Request, target: str, error: str, status: int) -> HTMLResponse:
        token = auth.new_csrf()
        response = page(request, "login.html", status, next=target, login_csrf=token, error=error)
        _set_login_cookie(request, response, token)
        return response

    @app.post("/logout", include_in_schema=False)
    async def logout(request: Request):
        who = auth.principal(request)
        form = await request.form()
        auth.check_csrf(request, str(form.get("csrf", "")))
        if who.token:
            ledger.review().end_session(who.token)
        response = RedirectResponse("/login", 303)
        response.delete_cookie(auth.SESSION_COOKIE, path="/")
        return response

    # -- the queue --------------------------------------------------------------
    def visible(request: Request, flt: QueueFilter) -> list[IncidentView]:
        return [item.view for item in visible_queue(request, flt)]

    def visible_queue(request: Request, flt: QueueFilter) -> list[views.QueueItem]:
        who = auth.principal(request)
        if not who.user.can("analyst"):
            flt.reviewed, flt.include_hidden = True, False  # viewers read reviewed incidents only
        return ledger.queue(flt)

    def visible_view(request: Request, incident_id: str) -> IncidentView:
        view = ledger.review().view(incident_id)
        who = auth.principal(request)
        if view is None or (not who.user.can("analyst") and
                            (not view.state.reviewed or view.state.status != "active")):
            raise HTTPException(404, f"there is no incident {incident_id} you can see")
        return view

    @app.get("/", include_in_schema=False)
    def home():
        return RedirectResponse("/incidents", 303)

    @app.get("/incidents", response_class=HTMLResponse, include_in_schema=False)
    def incident_queue(request: Request, page_no: int = 1):
        params = dict(request.query_params)
        flt = queue_filter(params)
        items = visible_queue(request, flt)
        start = (max(page_no, 1) - 1) * PAGE_SIZE
        return page(request, "queue.html", items=items[start:start + PAGE_SIZE], total=len(items),
                    page_no=max(page_no, 1), pages=max(1, -(-len(items) // PAGE_SIZE)),
                    params=params, facets=ledger.review().facets())

    # -- one incident -----------------------------------------------------------
    def _docs(ids: list[str]) -> dict[str, Document]:
        store = ledger.review().store
        return {d: doc for d in ids if (doc := store.document(d)) is not None}

    def incident_context(view: IncidentView) -> dict[str, Any]:
        review = ledger.review()
        inc = view.incident
        mentions = review.mentions_of(inc.mention_ids)
        docs = _docs(inc.document_ids)
        return dict(view=view, inc=inc, state=view.state, mentions=mentions,
                    sources=views.sources(inc, mentions, docs), evidence=views.field_evidence(inc),
                    docs=docs, editable=editable_fields(), need=views.need_of_review(view),
                    values=inc.model_dump(mode="json"))

    @app.get("/incidents/{incident_id}", response_class=HTMLResponse, include_in_schema=False)
    def incident_page(request: Request, incident_id: str):
        view = visible_view(request, incident_id)
        return page(request, "incident.html", **incident_context(view), message="", conflict=None)

    def _form_version(form) -> int:
        try:
            return int(str(form.get("version", "")))
        except ValueError as err:
            raise HTTPException(422, "the form did not say which version it edits; reload the page") \
                from err

    def _after_change(request: Request, incident_id: str, work) -> Response:
        try:
            view = work()
        except Conflict as err:
            ctx = incident_context(err.latest)
            return page(request, "incident.html", 409, **ctx, message=str(err),
                        conflict=request.state.attempt)
        except ReviewError as err:
            current = ledger.review().view(incident_id)
            if current is None:
                raise HTTPException(404, str(err)) from err
            return page(request, "incident.html", 400, **incident_context(current), message=str(err),
                        conflict=request.state.attempt)
        target = view.incident.id if isinstance(view, IncidentView) else incident_id
        return RedirectResponse(f"/incidents/{quote(target)}?saved=1", 303)

    async def _analyst_form(request: Request):
        who = auth.require(request, "analyst")
        form = await request.form()
        auth.check_csrf(request, str(form.get("csrf", "")))
        request.state.attempt = {k: str(v) for k, v in form.items() if k != "csrf"}
        return who, form

    @app.post("/incidents/{incident_id}/edit", include_in_schema=False)
    async def incident_edit(request: Request, incident_id: str):
        who, form = await _analyst_form(request)
        current = ledger.review().view(incident_id)
        if current is None:
            raise HTTPException(404, f"there is no incident {incident_id}")
        old = current.incident.model_dump(mode="json")
        changes = {}
        for name in editable_fields():
            if name in form:
                value = str(form[name]).strip()
                shown = "" if old.get(name) is None else str(old.get(name))
                if value != shown:
                    changes[name] = value
        return _after_change(request, incident_id, lambda: ledger.review().edit(
            incident_id, _form_version(form), changes, who.user.name, str(form.get("reason", ""))))

    @app.post("/incidents/{incident_id}/action", include_in_schema=False)
    async def incident_action(request: Request, incident_id: str):
        who, form = await _analyst_form(request)
        action = str(form.get("action", ""))
        if action == "grade":
            return _after_change(request, incident_id, lambda: ledger.review().edit(
                incident_id, _form_version(form), {"grade": str(form.get("grade", ""))},
                who.user.name, str(form.get("reason", ""))))
        return _after_change(request, incident_id, lambda: ledger.review().act(
            incident_id, _form_version(form), action, who.user.name, str(form.get("reason", ""))))

    @app.post("/incidents/{incident_id}/merge", include_in_schema=False)
    async def incident_merge(request: Request, incident_id: str):
        who, form = await _analyst_form(request)
        other = str(form.get("other", "")).strip()
        return _after_change(request, incident_id, lambda: ledger.review().merge(
            incident_id, other, _form_version(form), who.user.name, str(form.get("reason", ""))))

    @app.post("/incidents/{incident_id}/split", include_in_schema=False)
    async def incident_split(request: Request, incident_id: str):
        who, form = await _analyst_form(request)
        mention = str(form.get("mention_id", ""))
        return _after_change(request, incident_id, lambda: ledger.review().split(
            incident_id, mention, _form_version(form), who.user.name, str(form.get("reason", "")))[0])

    @app.get("/incidents/{incident_id}/history", response_class=HTMLResponse, include_in_schema=False)
    def incident_history(request: Request, incident_id: str):
        view = visible_view(request, incident_id)
        return page(request, "history.html", view=view, inc=view.incident,
                    revisions=ledger.review().history(view.incident.id))

    @app.post("/revisions/{revision_id}/revert", include_in_schema=False)
    async def revision_revert(request: Request, revision_id: int):
        who, form = await _analyst_form(request)
        rev = ledger.review().revision(revision_id)
        if rev is None:
            raise HTTPException(404, f"there is no revision {revision_id}")
        return _after_change(request, rev.incident_id, lambda: ledger.review().revert(
            revision_id, _form_version(form), who.user.name, str(form.get("reason", ""))))

    # -- documents --------------------------------------------------------------
    def visible_document(request: Request, document_id: str) -> Document:
        doc = ledger.review().store.document(document_id)
        who = auth.principal(request)
        if doc is not None and not who.user.can("analyst"):
            if not any(document_id in v.incident.document_ids for v in visible(request, QueueFilter())):
                doc = None
        if doc is None:
            raise HTTPException(404, f"there is no document {document_id} you can see")
        return doc

    @app.get("/documents/{document_id}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, document_id: str):
        doc = visible_document(request, document_id)
        review = ledger.review()
        mentions = review.document_mentions(doc.id)
        spans = []
        for m in mentions:
            spans.append((m.trigger.start, m.trigger.end, "event_type"))
            for q in m.quotes:
                spans.append((q.span.start, q.span.end, q.kind))
            for c in m.casualties:
                spans.append((c.span.start, c.span.end, "fatalities" if c.kind == "killed" else "injured"))
        incs = [v for v in visible(request, QueueFilter()) if doc.id in v.incident.document_ids]
        locators = review.document_locators(doc.id)
        return page(request, "document.html", doc=doc, url=views.safe_url(doc.url),
                    segments=views.segments(doc.text, spans), mentions=mentions, incidents=incs,
                    locators=locators)

    # -- map, timeline, network -------------------------------------------------
    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request):
        return page(request, "map.html", params=dict(request.query_params),
                    tile_url=settings.tile_url, tile_attribution=settings.tile_attribution)

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(request: Request):
        params = dict(request.query_params)
        incs = [v.incident for v in visible(request, queue_filter(params))]
        weeks = views.weekly(incs)
        return page(request, "timeline.html", weeks=weeks, actors=views.by_actor(incs),
                    max_inc=max((w.incidents for w in weeks), default=1) or 1,
                    max_civ=max((w.civilians for w in weeks), default=1) or 1, params=params)

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page(request: Request):
        incs = [v.incident for v in visible(request, QueueFilter())]
        review = ledger.review()
        nodes, edges = views.network(incs, review.mentions_of([m for i in incs for m in i.mention_ids]))
        return page(request, "network.html", layout=views.circle_layout(nodes, edges), edges=edges)

    @app.get("/network/edge", response_class=HTMLResponse, include_in_schema=False)
    def network_edge(request: Request, a: str, b: str):
        incs = [v.incident for v in visible(request, QueueFilter())]
        review = ledger.review()
        _nodes, edges = views.network(incs, review.mentions_of([m for i in incs for m in i.mention_ids]))
        edge = next((e for e in edges if {e.a, e.b} == {a, b}), None)
        if edge is None:
            raise HTTPException(404, "these two actors are not linked in the ledger")
        return page(request, "edge.html", edge=edge, docs=_docs(sorted(
            {s.document_id for _k, s, _x in edge.relations})))

    # -- ingest -----------------------------------------------------------------
    @app.get("/ingest", response_class=HTMLResponse, include_in_schema=False)
    def ingest_page(request: Request):
        auth.require(request, "analyst")
        return page(request, "ingest.html", job=None, error="")

    @app.post("/ingest", include_in_schema=False)
    async def ingest_start(request: Request):
        who, form = await _analyst_form(request)
        urls = [u.strip() for u in str(form.get("urls", "")).splitlines() if u.strip()]
        bad = [u for u in urls if views.safe_url(u) is None]
        if bad:
            return page(request, "ingest.html", 400, job=None,
                        error=f"only http(s) addresses can be fetched, not: {', '.join(bad[:3])}")
        folder = Path(tempfile.mkdtemp(prefix="warlog-upload-"))
        inputs = list(urls)
        for k, upload in enumerate(form.getlist("files")):
            if not hasattr(upload, "read") or not upload.filename:
                continue
            name = re.sub(r"[^A-Za-z0-9._-]", "_", Path(upload.filename).name)[-100:] or "upload"
            path = folder / f"{k:03d}-{name}"
            path.write_bytes(await upload.read())
            inputs.append(str(path))
        if not inputs:
            return page(request, "ingest.html", 400, job=None,
                        error="choose files or paste addresses to read")
        job = jobs.start(who.user.name, inputs, cleanup=folder)
        return RedirectResponse(f"/ingest/{job.id}", 303)

    @app.get("/ingest/{job_id}", response_class=HTMLResponse, include_in_schema=False)
    def ingest_job(request: Request, job_id: str):
        auth.require(request, "analyst")
        job = jobs.get(job_id)
        if job is None:
            raise HTTPException(404, "no such ingest job (jobs are forgotten when the server restarts)")
        return page(request, "ingest.html", job=job, error="")

    # -- admin ------------------------------------------------------------------
    @app.get("/admin/users", response_class=HTMLResponse, include_in_schema=False)
    def users_page(request: Request):
        auth.require(request, "admin")
        return page(request, "users.html", users=ledger.review().users(), error="")

    @app.post("/admin/users", include_in_schema=False)
    async def users_change(request: Request):
        auth.require(request, "admin")
        form = await request.form()
        auth.check_csrf(request, str(form.get("csrf", "")))
        review = ledger.review()
        try:
            if form.get("disable"):
                review.set_disabled(str(form["disable"]), True)
            else:
                review.add_user(str(form.get("name", "")), str(form.get("role", "")),
                                str(form.get("password", "")))
        except ReviewError as err:
            return page(request, "users.html", 400, users=review.users(), error=str(err))
        return RedirectResponse("/admin/users", 303)

    # -- API docs, served from here ---------------------------------------------
    @app.get("/api/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request):
        return page(request, "api_docs.html")

    from warlog.web.api import router

    app.include_router(router)
    return app


def _local(target: str) -> str:
    """Redirect only within warlog after log-in (no open redirect to another site)."""
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def _mount_vendor(app: FastAPI) -> None:
    """Leaflet, its marker clusters and Swagger UI, from the Python packages that ship them."""
    import swagger_ui_bundle
    from xstatic.pkg import leaflet, leaflet_markercluster

    app.mount("/static/vendor/leaflet", StaticFiles(directory=leaflet.BASE_DIR), name="leaflet")
    app.mount("/static/vendor/markercluster", StaticFiles(directory=leaflet_markercluster.BASE_DIR),
              name="markercluster")
    app.mount("/static/vendor/swagger", StaticFiles(directory=str(swagger_ui_bundle.swagger_ui_path)),
              name="swagger")
