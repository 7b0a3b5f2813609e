"""The JSON API under /api: the same ledger, for scripts. Every call needs a bearer token
(`warlog token create NAME`) or a logged-in session; writes made with the session cookie
also send the X-CSRF-Token header."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, PlainTextResponse
from fastapi.security import HTTPBearer
from pydantic import BaseModel, Field

from warlog.export import FORMATS, ledger
from warlog.store.review import Conflict, IncidentView, QueueFilter, ReviewError
from warlog.web import auth, views

# Declares the scheme in the OpenAPI schema; the gatekeeper middleware does the checking.
bearer = HTTPBearer(auto_error=False, description="a token from `warlog token create NAME`")
router = APIRouter(prefix="/api", dependencies=[Depends(bearer)])


class EditBody(BaseModel):
    version: int = Field(description="the version you read; a save over a newer one is refused (409)")
    changes: dict[str, Any] = Field(description="field name -> new value")
    reason: str = ""


class ActionBody(BaseModel):
    version: int
    action: Literal["review", "unreview", "lock", "unlock", "not_event", "restore"]
    reason: str = ""


class MergeBody(BaseModel):
    version: int
    other_id: str = Field(description="the incident folded into this one")
    reason: str = ""


class SplitBody(BaseModel):
    version: int
    mention_id: str
    reason: str = ""


class RevertBody(BaseModel):
    version: int = Field(description="the current version of the incident the revision belongs to")
    reason: str = ""


def _review(request: Request):
    return request.app.state.ledger.review()


def _brief(item: views.QueueItem) -> dict[str, Any]:
    view = item.view
    inc = view.incident
    return {"id": inc.id, "event_id_cnty": inc.event_id_cnty, "event_date": inc.event_date.isoformat(),
            "event_type": inc.event_type, "sub_event_type": inc.sub_event_type,
            "actor1": inc.actor1, "actor2": inc.actor2, "country": inc.country, "admin1": inc.admin1,
            "location": inc.location, "latitude": inc.latitude, "longitude": inc.longitude,
            "fatalities_low": inc.fatalities_low, "fatalities_high": inc.fatalities_high,
            "civilians_killed_min": inc.civilians_killed_min, "grade": inc.grade,
            "source_count": inc.source_count, "need_of_review": item.need, "why": item.reasons,
            **view.state.public()}


def _queue(request: Request, flt: QueueFilter) -> list[views.QueueItem]:
    who = auth.principal(request)
    if not who.user.can("analyst"):
        flt.reviewed, flt.include_hidden = True, False
    return request.app.state.ledger.queue(flt)


def _visible(request: Request, flt: QueueFilter) -> list[IncidentView]:
    return [item.view for item in _queue(request, flt)]


def _view(request: Request, incident_id: str) -> IncidentView:
    view = _review(request).view(incident_id)
    who = auth.principal(request)
    if view is None or (not who.user.can("analyst") and
                        (not view.state.reviewed or view.state.status != "active")):
        raise HTTPException(404, f"there is no incident {incident_id} you can see")
    return view


def _full(request: Request, view: IncidentView) -> dict[str, Any]:
    review = _review(request)
    inc = view.incident
    mentions = review.mentions_of(inc.mention_ids)
    documents = []
    for doc_id in inc.document_ids:
        doc = review.store.document(doc_id)
        if doc is None:
            continue
        meta = doc.model_dump(mode="json")
        meta["url"] = views.safe_url(doc.url)
        meta["evidence"] = [{"start": s, "end": e, "field": f, "text": doc.text[s:e]}
                            for s, e, f in views.evidence_spans(inc, mentions, doc_id)]
        documents.append(meta)
    return {"incident": inc.model_dump(mode="json"), "state": view.state.public(),
            "documents": documents, "mentions": [m.model_dump(mode="json") for m in mentions]}


def _change(request: Request, work) -> Any:
    who = auth.require(request, "analyst")
    auth.check_csrf(request, None)
    try:
        return work(who.user.name)
    except Conflict as err:
        return JSONResponse(status_code=409, content={
            "detail": str(err), "latest": _full(request, err.latest)})
    except ReviewError as err:
        raise HTTPException(400, str(err)) from err


@router.get("/incidents", summary="Incidents, most in need of review first, filtered and paged")
def list_incidents(request: Request, q: str = "", country: str = "", admin1: str = "",
                   event_type: str = "", actor: str = "", date_from: str = "", date_to: str = "",
                   grade: str = "", language: str = "",
                   reviewed: Literal["", "yes", "no"] = "",
                   page: int = Query(1, ge=1), per_page: int = Query(50, ge=1, le=500)):
    from warlog.web.app import queue_filter

    flt = queue_filter({k: v for k, v in dict(
        q=q, country=country, admin1=admin1, event_type=event_type, actor=actor, date_from=date_from,
        date_to=date_to, grade=grade, language=language, reviewed=reviewed).items() if v})
    items = _queue(request, flt)
    start = (page - 1) * per_page
    # plain JSON types already: skip FastAPI's generic encoder, the list's main cost
    return JSONResponse({"total": len(items), "page": page, "per_page": per_page,
                         "items": [_brief(i) for i in items[start:start + per_page]]})


@router.get("/incidents/{incident_id}", summary="One incident with its sources, evidence spans and mentions")
def get_incident(request: Request, incident_id: str):
    return _full(request, _view(request, incident_id))


@router.patch("/incidents/{incident_id}", summary="Correct fields (one revision; 409 if someone saved first)")
def edit_incident(request: Request, incident_id: str, body: EditBody):
    return _change(request, lambda user: _full(request, _review(request).edit(
        incident_id, body.version, body.changes, user, body.reason)))


@router.post("/incidents/{incident_id}/actions", summary="Mark reviewed, lock, not an event, ...")
def act_incident(request: Request, incident_id: str, body: ActionBody):
    return _change(request, lambda user: _full(request, _review(request).act(
        incident_id, body.version, body.action, user, body.reason)))


@router.post("/incidents/{incident_id}/merge", summary="Fold another incident into this one")
def merge_incident(request: Request, incident_id: str, body: MergeBody):
    return _change(request, lambda user: _full(request, _review(request).merge(
        incident_id, body.other_id, body.version, user, body.reason)))


@router.post("/incidents/{incident_id}/split", summary="Split one mention off into a new incident")
def split_incident(request: Request, incident_id: str, body: SplitBody):
    def work(user: str):
        kept, made = _review(request).split(incident_id, body.mention_id, body.version, user, body.reason)
        return {"kept": _full(request, kept), "new": _full(request, made)}
    return _change(request, work)


@router.get("/incidents/{incident_id}/history", summary="Every revision, newest first")
def incident_history(request: Request, incident_id: str):
    view = _view(request, incident_id)
    return [{"id": r.id, "version": r.version, "at": r.at, "user": r.user_name, "action": r.action,
             "reason": r.reason, "changes": r.changes, "related_id": r.related_id, "reverts": r.reverts}
            for r in _review(request).history(view.incident.id)]


@router.post("/revisions/{revision_id}/revert", summary="Undo one revision (as a new revision)")
def revert_revision(request: Request, revision_id: int, body: RevertBody):
    return _change(request, lambda user: _full(request, _review(request).revert(
        revision_id, body.version, user, body.reason)))


@router.get("/documents/{document_id}", summary="One source document: text and metadata")
def get_document(request: Request, document_id: str):
    review = _review(request)
    doc = review.store.document(document_id)
    who = auth.principal(request)
    if doc is not None and not who.user.can("analyst") and not any(
            document_id in v.incident.document_ids for v in _visible(request, QueueFilter())):
        doc = None
    if doc is None:
        raise HTTPException(404, f"there is no document {document_id} you can see")
    data = doc.model_dump(mode="json")
    data["url"] = views.safe_url(doc.url)
    return data


@router.get("/export", summary="The ledger in acled-csv, geojson or jsonl, optionally as of a date",
            response_class=PlainTextResponse)
def export_ledger(request: Request, format: str = "acled-csv", as_of: str = "",  # noqa: A002
                  reviewed_only: bool = False):
    if format not in FORMATS:
        raise HTTPException(400, f"unknown format {format!r}; known: {', '.join(sorted(FORMATS))}")
    review = _review(request)
    try:
        incidents = ledger(review.store, as_of or None, reviewed_only)
    except ValueError as err:
        raise HTTPException(400, str(err)) from err
    if not auth.principal(request).user.can("analyst"):
        reviewed = {v.incident.id for v in _visible(request, QueueFilter())}
        incidents = [i for i in incidents if i.id in reviewed]
    media = {"acled-csv": "text/csv", "geojson": "application/geo+json", "jsonl": "application/x-ndjson"}
    return PlainTextResponse(FORMATS[format][0](review.store, incidents), media_type=media[format])


@router.get("/map.geojson", summary="Incident points for the map")
def map_points(request: Request):
    from warlog.web.app import queue_filter

    features = []
    for view in _visible(request, queue_filter(dict(request.query_params))):
        inc = view.incident
        if inc.latitude is None or inc.longitude is None:
            continue
        features.append({"type": "Feature", "id": inc.id,
                         "geometry": {"type": "Point", "coordinates": [inc.longitude, inc.latitude]},
                         "properties": {"id": inc.id, "event_id_cnty": inc.event_id_cnty,
                                        "event_type": inc.event_type,
                                        "event_date": inc.event_date.isoformat(),
                                        "location": inc.location, "civilians": views.civilian_deaths(inc),
                                        "fatalities_low": inc.fatalities_low,
                                        "reviewed": view.state.reviewed}})
    return {"type": "FeatureCollection", "features": features}


@router.get("/jobs/{job_id}", summary="Progress of an ingest started from the ingest page")
def job_progress(request: Request, job_id: str):
    auth.require(request, "analyst")
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise HTTPException(404, "no such ingest job")
    return job.public()


@router.get("/me", summary="Who the token or session belongs to")
def me(request: Request):
    who = auth.principal(request)
    return {"name": who.user.name, "role": who.user.role, "csrf": who.csrf or None}
