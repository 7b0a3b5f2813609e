"""The review desk's storage: accounts, sessions, API tokens, login throttling, each
incident's review state and its append-only history of revisions.

``ReviewBackend`` is the interface the web app uses; ``SQLiteReview`` implements it on
the store, SQLite or PostgreSQL alike (its SQL is rendered for PostgreSQL by the store's
connection, see ``warlog.store.dialect``). It is the one place analysts' changes are made
and logged: the command line's merges, splits and locks (``warlog.group.merge_incidents``
and its kin) come here too, and grouping reads what it must not undo from what this
writes (analyst links, locks, ``revisions``).
"""

from __future__ import annotations

import hashlib
import json
import secrets
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, Protocol

from pydantic import ValidationError

from warlog.model import Incident, Mention
from warlog.store.sqlite import SQLiteStore

ROLES = ("viewer", "analyst", "admin")
ROLE_RANK = {r: i for i, r in enumerate(ROLES)}
SESSION_DAYS = 7

# Fields an analyst may correct; read against the Incident model so fields the model
# gains or loses later are handled without edits here.
EDITABLE = (
    "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1",
    "inter1", "actor2", "assoc_actor_2", "inter2", "civilian_targeting", "country", "admin1",
    "admin2", "location", "latitude", "longitude", "geo_precision", "notes", "fatalities",
    "fatalities_low", "fatalities_best", "fatalities_high", "civilians_killed_min",
    "civilians_killed_max", "injured_min", "injured_max", "children_killed", "women_killed",
    "grade",
)


def editable_fields() -> list[str]:
    return [f for f in EDITABLE if f in Incident.model_fields]


class ReviewError(Exception):
    """A change that cannot be made; the message says why in plain words."""


class Conflict(ReviewError):
    """Someone else saved the incident first; ``latest`` is what they saved."""

    def __init__(self, message: str, latest: IncidentView):
        super().__init__(message)
        self.latest = latest


@dataclass
class User:
    name: str
    role: str
    disabled: bool = False

    def can(self, role: str) -> bool:
        return not self.disabled and ROLE_RANK[self.role] >= ROLE_RANK[role]


@dataclass
class State:
    version: int = 0
    status: str = "active"  # active | not_event | merged
    reviewed: bool = False
    locked: bool = False
    merged_into: str | None = None
    created_at: str = ""
    updated_at: str | None = None
    updated_by: str | None = None

    def public(self) -> dict[str, Any]:
        return {"version": self.version, "status": self.status, "reviewed": self.reviewed,
                "locked": self.locked, "merged_into": self.merged_into}


@dataclass
class IncidentView:
    incident: Incident
    state: State

    def snapshot(self) -> dict[str, Any]:
        return {"incident": self.incident.model_dump(mode="json"), "state": self.state.public()}


@dataclass
class Revision:
    id: int
    incident_id: str
    version: int
    at: str
    user_name: str
    action: str
    reason: str
    changes: dict[str, list[Any]]
    before: dict[str, Any]
    after: dict[str, Any]
    related_id: str | None = None
    reverts: int | None = None


@dataclass
class Session:
    user: User
    csrf: str
    expires_at: str


@dataclass
class QueueFilter:
    q: str = ""
    country: str = ""
    admin1: str = ""
    event_type: str = ""
    actor: str = ""
    date_from: date | None = None
    date_to: date | None = None
    grade: str = ""
    language: str = ""
    reviewed: bool | None = None
    include_hidden: bool = False  # not-an-event and merged-away incidents
    extra: dict[str, str] = field(default_factory=dict)


class ReviewBackend(Protocol):
    """What the web app needs from storage, whatever the database."""

    def add_user(self, name: str, role: str, password: str) -> User: ...
    def check_password(self, name: str, password: str) -> User | None: ...
    def user(self, name: str) -> User | None: ...
    def users(self) -> list[User]: ...
    def create_token(self, name: str, label: str = "") -> str: ...
    def token_user(self, token: str) -> User | None: ...
    def create_session(self, name: str) -> tuple[str, Session]: ...
    def session(self, token: str) -> Session | None: ...
    def end_session(self, token: str) -> None: ...
    def login_failures(self, keys: Iterable[str], window_s: float) -> int: ...
    def record_login_failure(self, keys: Iterable[str]) -> None: ...
    def clear_login_failures(self, keys: Iterable[str]) -> None: ...
    def view(self, incident_id: str) -> IncidentView | None: ...
    def views(self, flt: QueueFilter | None = None) -> list[IncidentView]: ...
    def edit(self, incident_id: str, version: int, changes: dict[str, Any], user: str,
             reason: str = "") -> IncidentView: ...
    def act(self, incident_id: str, version: int, action: str, user: str,
            reason: str = "") -> IncidentView: ...
    def merge(self, incident_id: str, other_id: str, version: int, user: str,
              reason: str = "") -> IncidentView: ...
    def split(self, incident_id: str, mention_id: str, version: int, user: str,
              reason: str = "") -> tuple[IncidentView, IncidentView]: ...
    def history(self, incident_id: str) -> list[Revision]: ...
    def revert(self, revision_id: int, version: int, user: str, reason: str = "") -> IncidentView: ...
    def mentions_of(self, ids: Iterable[str]) -> list[Mention]: ...
    def document_mentions(self, document_id: str) -> list[Mention]: ...
    def document_locators(self, document_id: str) -> list[str]: ...
    def facets(self) -> dict[str, list[str]]: ...
    def generation(self) -> tuple[str, int]: ...
    def revision(self, revision_id: int) -> Revision | None: ...
    def set_disabled(self, name: str, disabled: bool) -> None: ...
    def incidents_as_of(self, when: datetime, reviewed_only: bool = False) -> list[Incident]: ...
    def published(self, reviewed_only: bool = False) -> list[Incident]: ...


# database path -> (generation, every incident with its state): see SQLiteReview._all
_PARSED: dict[str, tuple[int, list[IncidentView]]] = {}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def local_user() -> str:
    """Who a change made on this machine's command line is logged as: the account running it."""
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (some containers)
        return "local"


def _sha(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def hash_password(password: str) -> str:
    from argon2 import PasswordHasher

    return PasswordHasher().hash(password)


def verify_password(stored: str, password: str) -> bool:
    from argon2 import PasswordHasher
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return PasswordHasher().verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


# A hash to verify against when the user does not exist, so a login for an unknown
# name takes as long as one for a known name (no user enumeration by timing).
_DUMMY_HASH: list[str] = []


def _dummy_hash() -> str:
    if not _DUMMY_HASH:
        _DUMMY_HASH.append(hash_password(secrets.token_hex(16)))
    return _DUMMY_HASH[0]


# What rebuilds an incident's figures from its mentions after a merge or split. The
# grouping module owns that logic; it is looked up when needed so its signature is
# read in one place.
def _rebuild(mentions: list[Mention], store: SQLiteStore) -> Incident:
    from warlog.group import build_incident

    docs = {d: store.document(d) for d in {m.document_id for m in mentions}}
    return build_incident(mentions, {k: v for k, v in docs.items() if v is not None})


class SQLiteReview:
    """ReviewBackend on the store (the same database as the ledger), SQLite or PostgreSQL."""

    def __init__(self, store: SQLiteStore, rebuild: Callable[[list[Mention], SQLiteStore], Incident]
                 = _rebuild):
        self.store = store
        self.conn: sqlite3.Connection = store.conn
        self.rebuild = rebuild
        self.sync_incidents()

    # -- accounts -------------------------------------------------------------
    def add_user(self, name: str, role: str, password: str) -> User:
        name = name.strip()
        if not name or len(name) > 64 or any(c.isspace() for c in name):
            raise ReviewError("a user name is 1 to 64 characters without spaces")
        if role not in ROLES:
            raise ReviewError(f"unknown role {role!r}; roles are {', '.join(ROLES)}")
        if len(password) < 10:
            raise ReviewError("the password must have at least 10 characters")
        with self.store.transaction():
            self.conn.execute(
                "INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(name) DO UPDATE SET role=excluded.role,"
                " password_hash=excluded.password_hash, disabled=0",
                (name, role, hash_password(password), _now()),
            )
            # a new password ends the sessions opened with the old one
            self.conn.execute("DELETE FROM web_sessions WHERE user_name = ?", (name,))
        return User(name, role)

    def _user(self, row: sqlite3.Row | None) -> User | None:
        return User(row["name"], row["role"], bool(row["disabled"])) if row else None

    def user(self, name: str) -> User | None:
        return self._user(self.conn.execute("SELECT * FROM users WHERE name = ?", (name,)).fetchone())

    def users(self) -> list[User]:
        rows = self.conn.execute("SELECT * FROM users ORDER BY name").fetchall()
        return [u for u in (self._user(r) for r in rows) if u]

    def set_disabled(self, name: str, disabled: bool) -> None:
        with self.store.transaction():
            self.conn.execute("UPDATE users SET disabled = ? WHERE name = ?", (int(disabled), name))
            if disabled:
                self.conn.execute("DELETE FROM web_sessions WHERE user_name = ?", (name,))
                self.conn.execute("DELETE FROM api_tokens WHERE user_name = ?", (name,))

    def check_password(self, name: str, password: str) -> User | None:
        row = self.conn.execute("SELECT * FROM users WHERE name = ?", (name,)).fetchone()
        if row is None:
            verify_password(_dummy_hash(), password)
            return None
        if not verify_password(row["password_hash"], password) or row["disabled"]:
            return None
        return self._user(row)

    def create_token(self, name: str, label: str = "") -> str:
        if self.user(name) is None:
            raise ReviewError(f"there is no user {name!r}; add one with `warlog user add {name}`")
        token = "wl_" + secrets.token_urlsafe(32)
        with self.store.transaction():
            self.conn.execute(
                "INSERT INTO api_tokens (token_sha256, user_name, label, created_at) VALUES (?, ?, ?, ?)",
                (_sha(token), name, label, _now()))
        return token

    def token_user(self, token: str) -> User | None:
        row = self.conn.execute(
            "SELECT u.* FROM api_tokens t JOIN users u ON u.name = t.user_name"
            " WHERE t.token_sha256 = ? AND u.disabled = 0", (_sha(token),)).fetchone()
        return self._user(row)

    def create_session(self, name: str) -> tuple[str, Session]:
        token = secrets.token_urlsafe(32)
        csrf = secrets.token_urlsafe(32)
        expires = (datetime.now(UTC) + timedelta(days=SESSION_DAYS)).isoformat(timespec="seconds")
        with self.store.transaction():
            self.conn.execute("DELETE FROM web_sessions WHERE expires_at < ?", (_now(),))
            self.conn.execute(
                "INSERT INTO web_sessions (id_sha256, user_name, csrf, created_at, expires_at)"
                " VALUES (?, ?, ?, ?, ?)", (_sha(token), name, csrf, _now(), expires))
        user = self.user(name)
        assert user is not None
        return token, Session(user, csrf, expires)

    def session(self, token: str) -> Session | None:
        row = self.conn.execute(
            "SELECT s.csrf, s.expires_at, u.* FROM web_sessions s JOIN users u ON u.name = s.user_name"
            " WHERE s.id_sha256 = ? AND s.expires_at > ? AND u.disabled = 0",
            (_sha(token), _now())).fetchone()
        if row is None:
            return None
        user = self._user(row)
        assert user is not None
        return Session(user, row["csrf"], row["expires_at"])

    def end_session(self, token: str) -> None:
        with self.store.transaction():
            self.conn.execute("DELETE FROM web_sessions WHERE id_sha256 = ?", (_sha(token),))

    def login_failures(self, keys: Iterable[str], window_s: float) -> int:
        since = time.time() - window_s
        return max((self.conn.execute(
            "SELECT count(*) FROM login_failures WHERE key = ? AND at > ?", (k, since)
        ).fetchone()[0] for k in keys), default=0)

    def record_login_failure(self, keys: Iterable[str]) -> None:
        now = time.time()
        with self.store.transaction():
            self.conn.execute("DELETE FROM login_failures WHERE at < ?", (now - 86400,))
            self.conn.executemany("INSERT INTO login_failures (key, at) VALUES (?, ?)",
                                  [(k, now) for k in keys])

    def clear_login_failures(self, keys: Iterable[str]) -> None:
        with self.store.transaction():
            self.conn.executemany("DELETE FROM login_failures WHERE key = ?", [(k,) for k in keys])

    # -- incident state -------------------------------------------------------
    def sync_incidents(self) -> None:
        """Give every stored incident a state row, and put back the analysts' version of
        the incidents they changed when grouping has rewritten them."""
        if self.conn.execute(
            "SELECT count(*) FROM incidents WHERE id NOT IN (SELECT incident_id FROM incident_state)"
        ).fetchone()[0] == 0:
            return
        with self.store.transaction():
            self.conn.execute(
                "INSERT OR IGNORE INTO incident_state (incident_id, created_at)"
                " SELECT id, ? FROM incidents", (_now(),))

    def after_regroup(self) -> int:
        """Grouping rewrote the incidents: state rows for new ones, analysts' versions back."""
        self.sync_incidents()
        return self.restore_reviewed()

    def restore_reviewed(self) -> int:
        """After grouping rebuilt incidents from their reports, write back what analysts
        changed: every field they corrected by hand takes its value from the incident's
        latest revision (the human version wins over the machine's), and an incident
        grouping dropped (merged away, so it holds no reports of its own) comes back as that
        revision left it. Mentions grouping added since are kept."""
        rows = self.conn.execute(
            "SELECT r.incident_id, r.after FROM revisions r JOIN"
            " (SELECT incident_id, max(id) AS id FROM revisions GROUP BY incident_id) l ON l.id = r.id"
        ).fetchall()
        edited = self._edited_fields_all()
        n = 0
        with self.store.transaction():
            for row in rows:
                data = json.loads(row["after"]).get("incident")
                if not data:
                    continue  # a decision carried over from the old log, on a deleted incident
                current = self.conn.execute("SELECT data FROM incidents WHERE id = ?",
                                            (row["incident_id"],)).fetchone()
                if current is not None:
                    now = json.loads(current["data"])
                    fields = [f for f in edited.get(row["incident_id"], ()) if f in data]
                    if all(now.get(f) == data[f] for f in fields):
                        continue
                    data = {**now, **{f: data[f] for f in fields}}
                try:
                    self._write_incident(Incident.model_validate(data))
                except ValidationError:
                    continue  # the model changed since; leave the machine's version
                n += 1
        return n

    def _state(self, incident_id: str) -> State:
        row = self.conn.execute("SELECT * FROM incident_state WHERE incident_id = ?",
                                (incident_id,)).fetchone()
        if row is None:
            return State(created_at=_now())
        return State(version=row["version"], status=row["status"], reviewed=bool(row["reviewed"]),
                     locked=bool(row["locked"]), merged_into=row["merged_into"],
                     created_at=row["created_at"], updated_at=row["updated_at"],
                     updated_by=row["updated_by"])

    def view(self, incident_id: str) -> IncidentView | None:
        row = self.conn.execute("SELECT data FROM incidents WHERE id = ?", (incident_id,)).fetchone()
        if row is None:
            row = self.conn.execute("SELECT data FROM incidents WHERE event_id_cnty = ?",
                                    (incident_id,)).fetchone()
        if row is None:
            return None
        inc = Incident.model_validate_json(row["data"])
        return IncidentView(inc, self._state(inc.id))

    def generation(self) -> tuple[str, int]:
        """Moves on every change to the incidents or their state, from any process."""
        return self.store.path, self.conn.execute("SELECT n FROM ledger_generation").fetchone()[0]

    def _all(self) -> list[IncidentView]:
        """Every incident with its state, parsed once per generation and shared by all threads.
        Callers must not change what they get (the review methods copy before changing)."""
        key = self.generation()
        cached = _PARSED.get(key[0])
        if cached is None or cached[0] != key[1]:
            with self.store.transaction():  # one consistent read of both tables
                key = self.generation()
                states = {r["incident_id"]: r for r in self.conn.execute("SELECT * FROM incident_state")}
                rows = self.conn.execute(
                    "SELECT data FROM incidents ORDER BY event_date DESC, id").fetchall()
            parsed = []
            for r in rows:
                inc = Incident.model_validate_json(r["data"])
                srow = states.get(inc.id)
                parsed.append(IncidentView(inc, State(
                    version=srow["version"], status=srow["status"], reviewed=bool(srow["reviewed"]),
                    locked=bool(srow["locked"]), merged_into=srow["merged_into"],
                    created_at=srow["created_at"], updated_at=srow["updated_at"],
                    updated_by=srow["updated_by"]) if srow else State()))
            cached = _PARSED[key[0]] = (key[1], parsed)
        return cached[1]

    def views(self, flt: QueueFilter | None = None) -> list[IncidentView]:
        flt = flt or QueueFilter()
        doc_hits: set[str] | None = None
        if flt.q.strip():
            doc_hits = self._fts_documents(flt.q)
        languages: dict[str, str] = {}
        if flt.language:
            languages = {r["id"]: r["language"] for r in self.conn.execute(
                "SELECT id, language FROM documents")}
        out = []
        for view in self._all():
            inc, state = view.incident, view.state
            if not flt.include_hidden and state.status != "active":
                continue
            if flt.reviewed is not None and state.reviewed != flt.reviewed:
                continue
            if flt.country and flt.country.lower() not in (inc.country.lower(), inc.iso.lower()):
                continue
            if flt.admin1 and flt.admin1.lower() != inc.admin1.lower():
                continue
            if flt.event_type and flt.event_type != inc.event_type:
                continue
            if flt.grade and flt.grade != inc.grade:
                continue
            if flt.actor:
                names = " | ".join([inc.actor1, inc.actor2, inc.assoc_actor_1, inc.assoc_actor_2]).lower()
                if flt.actor.lower() not in names:
                    continue
            if flt.date_from and inc.event_date < flt.date_from:
                continue
            if flt.date_to and inc.event_date > flt.date_to:
                continue
            if flt.language and not any(languages.get(d) == flt.language for d in inc.document_ids):
                continue
            if doc_hits is not None:
                text = " ".join([inc.location, inc.actor1, inc.actor2, inc.notes, inc.country,
                                 inc.admin1, inc.event_id_cnty, inc.event_type]).lower()
                if not (doc_hits & set(inc.document_ids)) and flt.q.strip().lower() not in text:
                    continue
            out.append(view)
        return out

    def _fts_documents(self, query: str) -> set[str]:
        return self.store.matching_documents(query)

    def facets(self) -> dict[str, list[str]]:
        """The values the queue's filters offer."""
        incs = [v.incident for v in self.views()]
        langs = [r[0] for r in self.conn.execute("SELECT DISTINCT language FROM documents ORDER BY 1")]
        return {
            "country": sorted({i.country for i in incs if i.country}),
            "admin1": sorted({i.admin1 for i in incs if i.admin1}),
            "event_type": sorted({i.event_type for i in incs if i.event_type}),
            "grade": sorted({i.grade for i in incs if i.grade}),
            "language": langs,
        }

    # -- changes --------------------------------------------------------------
    def _write_incident(self, inc: Incident) -> None:
        self.conn.execute(
            "INSERT INTO incidents (id, event_id_cnty, event_date, event_type, iso, location, data)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET"
            " event_id_cnty=excluded.event_id_cnty, event_date=excluded.event_date,"
            " event_type=excluded.event_type, iso=excluded.iso, location=excluded.location,"
            " data=excluded.data",
            (inc.id, inc.event_id_cnty, inc.event_date.isoformat(), inc.event_type, inc.iso,
             inc.location, inc.model_dump_json()))

    def _locked_view(self, incident_id: str, version: int) -> IncidentView:
        """Inside a write transaction: the incident, refused when someone saved it since
        ``version`` was read."""
        current = self.view(incident_id)
        if current is None:
            raise ReviewError(f"there is no incident {incident_id}")
        if current.state.version != version:
            who = current.state.updated_by or "someone"
            raise Conflict(
                f"{who} changed this incident at {current.state.updated_at or 'an earlier time'} "
                f"after you opened it (you had version {version}, it is now version "
                f"{current.state.version}). Nothing of yours was saved: here is the latest "
                "version; make your change again on it.", current)
        return current

    def _commit(self, before: IncidentView, inc: Incident, state: State, user: str, action: str,
                reason: str, related_id: str | None = None, reverts: int | None = None,
                changes: dict[str, list[Any]] | None = None) -> IncidentView:
        state.version = before.state.version + 1
        state.updated_at = _now()
        state.updated_by = user
        # the incident's own lock is what grouping reads: it follows the state's
        inc = inc.model_copy(update={"locked": state.locked})
        after = IncidentView(inc, state)
        if changes is None:
            b, a = before.snapshot(), after.snapshot()
            changes = {k: [b["incident"].get(k), v] for k, v in a["incident"].items()
                       if b["incident"].get(k) != v and k != "locked"}  # as state.locked
            changes.update({f"state.{k}": [b["state"].get(k), v] for k, v in a["state"].items()
                            if k != "version" and b["state"].get(k) != v})
        self._write_incident(inc)
        self.conn.execute("UPDATE incidents SET locked = ? WHERE id = ?", (int(state.locked), inc.id))
        self.conn.execute(
            "INSERT INTO incident_state (incident_id, version, status, reviewed, locked, merged_into,"
            " created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(incident_id) DO UPDATE SET version=excluded.version, status=excluded.status,"
            " reviewed=excluded.reviewed, locked=excluded.locked, merged_into=excluded.merged_into,"
            " updated_at=excluded.updated_at, updated_by=excluded.updated_by",
            (inc.id, state.version, state.status, int(state.reviewed), int(state.locked),
             state.merged_into, state.created_at or _now(), state.updated_at, user))
        self.conn.execute(
            "INSERT INTO revisions (incident_id, version, at, user_name, action, reason, changes,"
            " before, after, related_id, reverts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (inc.id, state.version, state.updated_at, user, action, reason,
             json.dumps(changes, ensure_ascii=False, default=str),
             json.dumps(before.snapshot(), ensure_ascii=False),
             json.dumps(after.snapshot(), ensure_ascii=False), related_id, reverts))
        return after

    @staticmethod
    def _copy_state(state: State) -> State:
        return State(**{k: getattr(state, k) for k in State.__dataclass_fields__})

    def edit(self, incident_id: str, version: int, changes: dict[str, Any], user: str,
             reason: str = "") -> IncidentView:
        allowed = set(editable_fields())
        unknown = sorted(set(changes) - allowed)
        if unknown:
            raise ReviewError(f"these fields cannot be edited: {', '.join(unknown)}")
        with self.store.transaction():
            current = self._locked_view(incident_id, version)
            if current.state.locked:
                raise ReviewError("this incident is locked; unlock it before editing")
            data = current.incident.model_dump(mode="json")
            for key, value in changes.items():
                if value == "" and Incident.model_fields[key].annotation is not str:
                    value = None
                data[key] = value
            try:
                inc = Incident.model_validate(data)
            except ValidationError as err:
                problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in err.errors())
                raise ReviewError(f"the change was not saved: {problems}") from err
            if inc == current.incident:
                raise ReviewError("nothing changed")
            return self._commit(current, inc, self._copy_state(current.state), user, "edit", reason)

    ACTIONS = {
        "review": ("reviewed", True), "unreview": ("reviewed", False),
        "lock": ("locked", True), "unlock": ("locked", False),
        "not_event": ("status", "not_event"), "restore": ("status", "active"),
    }

    def act(self, incident_id: str, version: int, action: str, user: str,
            reason: str = "") -> IncidentView:
        if action not in self.ACTIONS:
            raise ReviewError(f"unknown action {action!r}; known: {', '.join(self.ACTIONS)}")
        attr, value = self.ACTIONS[action]
        with self.store.transaction():
            current = self._locked_view(incident_id, version)
            if current.state.locked and action not in ("unlock", "lock", "review", "unreview"):
                raise ReviewError("this incident is locked; unlock it first")
            if current.state.status == "merged" and action != "restore":
                raise ReviewError(f"this incident was merged into {current.state.merged_into}")
            state = self._copy_state(current.state)
            if getattr(state, attr) == value:
                raise ReviewError(f"nothing to do: the incident is already {action.replace('_', ' ')}")
            setattr(state, attr, value)
            if action == "restore":
                state.merged_into = None
            return self._commit(current, current.incident, state, user, action, reason)

    def mentions_of(self, ids: Iterable[str]) -> list[Mention]:
        ids = list(ids)
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self.conn.execute(f"SELECT data FROM mentions WHERE id IN ({marks})", ids).fetchall()
        found = {m.id: m for m in (Mention.model_validate_json(r["data"]) for r in rows)}
        return [found[i] for i in ids if i in found]

    def document_mentions(self, document_id: str) -> list[Mention]:
        rows = self.conn.execute("SELECT data FROM mentions WHERE document_id = ? ORDER BY id",
                                 (document_id,)).fetchall()
        return [Mention.model_validate_json(r["data"]) for r in rows]

    def document_locators(self, document_id: str) -> list[str]:
        """Every input a document was seen in."""
        return [r[0] for r in self.conn.execute(
            "SELECT locator FROM document_sources WHERE document_id = ? ORDER BY locator", (document_id,))]

    def _edited_fields(self, incident_id: str) -> set[str]:
        return self._edited_fields_all(incident_id).get(incident_id, set())

    def _edited_fields_all(self, incident_id: str | None = None) -> dict[str, set[str]]:
        """Per incident, the fields analysts corrected by hand (edits and reverts)."""
        sql = "SELECT incident_id, changes FROM revisions WHERE action IN ('edit', 'revert')"
        args: tuple[str, ...] = ()
        if incident_id is not None:
            sql, args = sql + " AND incident_id = ?", (incident_id,)
        allowed = set(editable_fields())
        out: dict[str, set[str]] = {}
        for row in self.conn.execute(sql, args):
            out.setdefault(row["incident_id"], set()).update(
                k for k in json.loads(row["changes"]) if k in allowed)
        return out

    def _rebuilt(self, keep: Incident, mention_ids: list[str]) -> Incident:
        """The incident recomputed from its mentions, keeping its identity and every field
        an analyst corrected by hand."""
        mentions = self.mentions_of(mention_ids)
        if not mentions:
            raise ReviewError("none of the incident's mentions are stored any more")
        fresh = self.rebuild(mentions, self.store).model_dump(mode="json")
        old = keep.model_dump(mode="json")
        fresh["id"], fresh["event_id_cnty"] = old["id"], old["event_id_cnty"]
        for name in self._edited_fields(keep.id):
            fresh[name] = old[name]
        fresh["mention_ids"] = mention_ids
        return Incident.model_validate(fresh)

    def _relink(self, incident_id: str, mention_ids: list[str]) -> None:
        self.conn.execute("DELETE FROM incident_mentions WHERE incident_id = ?", (incident_id,))
        self.conn.executemany(
            "INSERT OR REPLACE INTO incident_mentions (incident_id, mention_id, score, features,"
            " decided_by) VALUES (?, ?, 1.0, ?, 'analyst')",  # grouping reruns keep these links
            [(incident_id, m, json.dumps({"rule": "set by an analyst"})) for m in mention_ids])

    def merge(self, incident_id: str, other_id: str, version: int, user: str,
              reason: str = "") -> IncidentView:
        """Fold ``other_id`` into ``incident_id``; the other is kept, marked merged."""
        with self.store.transaction():
            current = self._locked_view(incident_id, version)
            other = self.view(other_id)
            if other is None:
                raise ReviewError(f"there is no incident {other_id}")
            if other.incident.id == current.incident.id:
                raise ReviewError("an incident cannot be merged with itself")
            for v in (current, other):
                if v.state.locked:
                    raise ReviewError(f"incident {v.incident.event_id_cnty} is locked; unlock it first")
                if v.state.status != "active":
                    raise ReviewError(f"incident {v.incident.event_id_cnty} is {v.state.status}")
            ids = list(dict.fromkeys(current.incident.mention_ids + other.incident.mention_ids))
            merged = self._rebuilt(current.incident, ids)
            gone = self._copy_state(other.state)
            gone.status, gone.merged_into = "merged", current.incident.id
            self._commit(other, other.incident, gone, user, "merged_into", reason,
                         related_id=current.incident.id)
            self._relink(current.incident.id, ids)
            self.conn.execute("DELETE FROM incident_mentions WHERE incident_id = ?", (other.incident.id,))
            return self._commit(current, merged, self._copy_state(current.state), user, "merge",
                                reason, related_id=other.incident.id)

    def split(self, incident_id: str, mention_id: str, version: int, user: str,
              reason: str = "") -> tuple[IncidentView, IncidentView]:
        """Take one mention out of an incident into a new incident of its own."""
        with self.store.transaction():
            current = self._locked_view(incident_id, version)
            if current.state.locked:
                raise ReviewError("this incident is locked; unlock it first")
            ids = current.incident.mention_ids
            if mention_id not in ids:
                raise ReviewError(f"mention {mention_id} is not part of this incident")
            if len(ids) == 1:
                raise ReviewError("the incident has only this mention; mark it not an event instead")
            rest = [m for m in ids if m != mention_id]
            kept = self._rebuilt(current.incident, rest)
            new = self.rebuild(self.mentions_of([mention_id]), self.store)
            new_data = new.model_dump(mode="json")
            new_data["id"] = hashlib.sha256(f"split|{incident_id}|{mention_id}".encode()).hexdigest()[:16]
            new_data["event_id_cnty"] = self._next_event_id(current.incident.event_id_cnty)
            new = Incident.model_validate(new_data)
            if self.view(new.id) is not None:
                raise ReviewError("this mention was split off before; see the incident's history")
            blank = IncidentView(new, State(created_at=_now()))
            made = self._commit(blank, new, State(created_at=_now()), user, "split_from", reason,
                                related_id=incident_id)
            self._relink(new.id, [mention_id])
            self._relink(incident_id, rest)
            kept_view = self._commit(current, kept, self._copy_state(current.state), user, "split",
                                     reason, related_id=new.id)
            return kept_view, made

    def _next_event_id(self, like: str) -> str:
        prefix = "".join(c for c in like if not c.isdigit()) or "XXX"
        numbers = [int(r[0][len(prefix):]) for r in self.conn.execute(
            "SELECT event_id_cnty FROM incidents WHERE event_id_cnty LIKE ?", (prefix + "%",))
            if r[0][len(prefix):].isdigit()]
        return f"{prefix}{max(numbers, default=0) + 1}"

    # -- history --------------------------------------------------------------
    def _revision(self, row: sqlite3.Row) -> Revision:
        return Revision(id=row["id"], incident_id=row["incident_id"], version=row["version"],
                        at=row["at"], user_name=row["user_name"], action=row["action"],
                        reason=row["reason"], changes=json.loads(row["changes"]),
                        before=json.loads(row["before"]), after=json.loads(row["after"]),
                        related_id=row["related_id"], reverts=row["reverts"])

    def history(self, incident_id: str) -> list[Revision]:
        rows = self.conn.execute("SELECT * FROM revisions WHERE incident_id = ? ORDER BY id DESC",
                                 (incident_id,)).fetchall()
        return [self._revision(r) for r in rows]

    def revision(self, revision_id: int) -> Revision | None:
        row = self.conn.execute("SELECT * FROM revisions WHERE id = ?", (revision_id,)).fetchone()
        return self._revision(row) if row else None

    def revert(self, revision_id: int, version: int, user: str, reason: str = "") -> IncidentView:
        """Undo one revision with a new revision: the fields and state it changed go back to
        what they were before it (a merge also brings the merged incident back)."""
        rev = self.revision(revision_id)
        if rev is None:
            raise ReviewError(f"there is no revision {revision_id}")
        if not rev.before:
            raise ReviewError(
                f"revision {revision_id} was carried over from the log of an older warlog, which "
                "did not keep the incident as it was before; make the opposite change instead")
        with self.store.transaction():
            current = self._locked_view(rev.incident_id, version)
            data = current.incident.model_dump(mode="json")
            state = self._copy_state(current.state)
            old_inc, old_state = rev.before["incident"], rev.before["state"]
            if rev.action in ("merge", "split"):
                data = dict(old_inc)  # the mentions and figures as before, whole
                self._relink(rev.incident_id, list(old_inc.get("mention_ids", [])))
            else:
                for key in rev.changes:
                    if key.startswith("state."):
                        setattr(state, key[6:], old_state.get(key[6:]))
                    elif key in data:
                        data[key] = old_inc.get(key)
            if rev.action == "split_from":
                state.status, state.merged_into = "merged", rev.related_id
            inc = Incident.model_validate(data)
            after = self._commit(current, inc, state, user, "revert",
                                 reason or f"revert revision {rev.id} ({rev.action})", reverts=rev.id)
            if rev.action == "merge" and rev.related_id:
                other = self.view(rev.related_id)
                if other is not None and other.state.status == "merged":
                    back = self._copy_state(other.state)
                    back.status, back.merged_into = "active", None
                    self._commit(other, other.incident, back, user, "revert",
                                 f"un-merged by reverting revision {rev.id}", reverts=rev.id)
                    self._relink(other.incident.id, other.incident.mention_ids)
            if rev.action == "split" and rev.related_id:
                other = self.view(rev.related_id)
                if other is not None and other.state.status == "active":
                    gone = self._copy_state(other.state)
                    gone.status, gone.merged_into = "merged", rev.incident_id
                    self._commit(other, other.incident, gone, user, "revert",
                                 f"folded back by reverting revision {rev.id}", reverts=rev.id)
                    self.conn.execute("DELETE FROM incident_mentions WHERE incident_id = ?",
                                      (other.incident.id,))
            return after

    # -- publishing -----------------------------------------------------------
    def published(self, reviewed_only: bool = False) -> list[Incident]:
        """The ledger now: every active incident (not-an-event and merged-away left out)."""
        flt = QueueFilter(reviewed=True if reviewed_only else None)
        return sorted((v.incident for v in self.views(flt)), key=lambda i: (i.event_date, i.event_id_cnty))

    def incidents_as_of(self, when: datetime, reviewed_only: bool = False) -> list[Incident]:
        """The ledger as it stood at ``when``: each incident as its last revision before then
        left it (or as the machine made it when it had none), without incidents stored later
        or hidden (not an event, merged) at the time."""
        stamp = when.astimezone(UTC).isoformat(timespec="seconds")
        out = []
        for v in self.views(QueueFilter(include_hidden=True)):
            if v.state.created_at and v.state.created_at > stamp:
                continue
            last = self.conn.execute(
                "SELECT after FROM revisions WHERE incident_id = ? AND at <= ? ORDER BY id DESC LIMIT 1",
                (v.incident.id, stamp)).fetchone()
            if last is not None:
                snap = json.loads(last["after"])
            else:
                first = self.conn.execute(
                    "SELECT before, action FROM revisions WHERE incident_id = ? ORDER BY id LIMIT 1",
                    (v.incident.id,)).fetchone()
                if first is not None and first["action"] == "split_from":
                    continue  # made by a split after the date
                snap = (json.loads(first["before"]) if first else None) or v.snapshot()
            if snap["state"].get("status", "active") != "active":
                continue
            if reviewed_only and not snap["state"].get("reviewed"):
                continue
            try:
                out.append(Incident.model_validate(snap["incident"]))
            except ValidationError:
                out.append(v.incident)
        return sorted(out, key=lambda i: (i.event_date, i.event_id_cnty))
