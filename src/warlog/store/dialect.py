"""The SQL the store writes once (SQLite's), rendered for PostgreSQL.

The store's methods and the migrations are written in SQLite's SQL. PostgreSQL runs the
same text after these rewrites, so a method or migration added later needs no second copy:

- ``?`` placeholders become ``%s`` (and a literal ``%`` becomes ``%%``), outside quotes;
- ``INSERT OR IGNORE`` becomes ``INSERT ... ON CONFLICT DO NOTHING``; ``INSERT OR REPLACE``
  becomes an upsert on the table's primary key (read from the catalog);
  ``ON CONFLICT (...) DO UPDATE SET x = excluded.x`` is the same in both and needs nothing;
- ``ifnull(`` becomes ``coalesce(``;
- ``json_extract(column, '$.key')`` (one key of a JSON object in a text column) becomes
  ``(column::json ->> 'key')``;
- in migrations: INTEGER -> BIGINT (SQLite's integers are 64-bit), REAL -> DOUBLE PRECISION,
  BLOB -> BYTEA, ``INTEGER PRIMARY KEY [AUTOINCREMENT]`` -> an identity column, an FTS5
  table over another table -> a generated ``tsvector`` column of that table with a GIN
  index (and the table's implicit ``rowid`` an explicit identity column), a trigger ->
  a PL/pgSQL function and its trigger (``RAISE(ABORT, msg)`` -> ``RAISE EXCEPTION``).

What does not carry over (write it differently, or give the store a hook as ``search``
has): ``rowid`` of tables without a full-text index, ``cursor.lastrowid`` (use
``RETURNING id``), SQLite-only functions (``group_concat``, ``strftime`` outside the one
migration default it rewrites, ``json_extract`` of a deeper path), PRAGMA and
``sqlite_master``. Two behaviours differ: after a failed statement PostgreSQL refuses the
rest of the transaction (so catch ``store.IntegrityError`` outside ``store.transaction()``,
or avoid the error with ``ON CONFLICT``), and ``LIKE`` is case-sensitive there (use
``lower(x) LIKE lower(?)``).
The store tests run on both backends, so a method that needs more shows up there.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# -- statements the store runs ----------------------------------------------------------

_INSERT_OR = re.compile(r"^\s*INSERT\s+OR\s+(IGNORE|REPLACE)\s+INTO\s+", re.IGNORECASE)
_TARGET = re.compile(r"^\s*(\"?\w+\"?)\s*\(([^)]*)\)")
_JSON_KEY = re.compile(r"\bjson_extract\s*\(\s*([\w.]+)\s*,\s*'\$\.(\w+)'\s*\)", re.IGNORECASE)


def _placeholders(sql: str, params: bool) -> str:
    """``?`` -> ``%s`` outside quoted text; ``%`` doubled when the query has parameters
    (psycopg reads ``%`` as the start of a placeholder only then)."""
    out = []
    quote = ""
    for ch in sql:
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
        elif ch == "?":
            out.append("%s")
            continue
        if ch == "%" and params:
            out.append("%%")
            continue
        out.append(ch)
    return "".join(out)


def to_postgres(sql: str, primary_key: Callable[[str], list[str]], params: bool = True) -> str:
    """One statement of SQLite's SQL as PostgreSQL runs it. ``primary_key(table)`` names the
    columns of a table's primary key (for ``INSERT OR REPLACE``)."""
    sql = re.sub(r"\bifnull\s*\(", "coalesce(", sql, flags=re.IGNORECASE)
    sql = _JSON_KEY.sub(r"(\1::json ->> '\2')", sql)
    match = _INSERT_OR.match(sql)
    if match:
        rest = sql[match.end():]
        body = sql[:match.start()] + "INSERT INTO " + rest
        body = body.rstrip().rstrip(";")
        if match.group(1).upper() == "IGNORE":
            sql = body + " ON CONFLICT DO NOTHING"
        else:
            target = _TARGET.match(rest)
            if target is None:
                raise ValueError(f"INSERT OR REPLACE needs a column list for PostgreSQL: {sql}")
            table = target.group(1).strip('"')
            columns = [c.strip() for c in target.group(2).split(",")]
            key = primary_key(table)
            update = [c for c in columns if c.strip('"') not in key]
            conflict = ", ".join(key)
            if update:
                sets = ", ".join(f"{c} = EXCLUDED.{c}" for c in update)
                sql = f"{body} ON CONFLICT ({conflict}) DO UPDATE SET {sets}"
            else:
                sql = f"{body} ON CONFLICT ({conflict}) DO NOTHING"
    return _placeholders(sql, params)


# -- migrations ---------------------------------------------------------------------------

_FTS5 = re.compile(r"CREATE\s+VIRTUAL\s+TABLE\s+(\w+)\s+USING\s+fts5\s*\((.*)\)\s*$",
                   re.IGNORECASE | re.DOTALL)
_TRIGGER = re.compile(
    r"CREATE\s+TRIGGER\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)\s+(BEFORE|AFTER)\s+(INSERT|UPDATE|DELETE)"
    r"(\s+OF\s+[\w\s,]+?)?\s+ON\s+(\w+)(?:\s+FOR\s+EACH\s+ROW)?(?:\s+WHEN\s+(.*?))?"
    r"\s+BEGIN\s+(.*?);?\s*END\s*$", re.IGNORECASE | re.DOTALL)
_RAISE = re.compile(r"SELECT\s+RAISE\s*\(\s*(?:ABORT|FAIL|ROLLBACK)\s*,\s*('(?:[^']|'')*')\s*\)",
                    re.IGNORECASE)
_NOW_TEXT = re.compile(r"strftime\('%Y-%m-%dT%H:%M:%S\+00:00',\s*'now'\)", re.IGNORECASE)
_IDENTITY = re.compile(r"\bINTEGER\s+PRIMARY\s+KEY(\s+AUTOINCREMENT)?\b(?!\s*\()", re.IGNORECASE)


def statements(script: str) -> list[str]:
    """A migration's statements, split as the SQLite store splits them."""
    return [s for s in script.split(";\n") if s.strip()]


def _strip_comments(sql: str) -> str:
    return re.sub(r"--[^\n]*", "", sql)


def _fts5(name: str, args: str) -> list[str]:
    parts = [a.strip() for a in args.split(",") if a.strip()]
    columns = [p for p in parts if "=" not in p]
    options = {k.strip(): v.strip().strip("'\"") for k, v in
               (p.split("=", 1) for p in parts if "=" in p)}
    table = options.get("content")
    if not table:
        raise ValueError(f"the full-text table {name} has no content table; PostgreSQL keeps "
                         "the index as a column of that table")
    words = " || ' ' || ".join(f"coalesce({c}, '')" for c in columns)
    out = []
    if options.get("content_rowid", "rowid") == "rowid":
        out.append(f"ALTER TABLE {table} ADD COLUMN rowid BIGINT GENERATED ALWAYS AS IDENTITY")
    out.append(f"ALTER TABLE {table} ADD COLUMN {name} tsvector"
               f" GENERATED ALWAYS AS (to_tsvector('simple', {words})) STORED")
    out.append(f"CREATE INDEX {name}_gin ON {table} USING GIN ({name})")
    return out


def _trigger(m: re.Match[str]) -> list[str]:
    name, when, event, of, table, condition, body = m.groups()
    body = _RAISE.sub(lambda r: f"RAISE EXCEPTION {r.group(1)}", body.strip())
    uses_row = re.search(r"\b(NEW|OLD)\.", body + (condition or ""), re.IGNORECASE)
    # an AFTER trigger that reads no row (a counter) fires once per statement: the same
    # effect for its readers, without a write per row
    each = "ROW" if uses_row or when.upper() == "BEFORE" else "STATEMENT"
    ret = "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW;" if each == "ROW" else "RETURN NULL;"
    cond = f" WHEN ({condition.strip()})" if condition else ""
    return [
        f"CREATE FUNCTION {name}_fn() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN {body}; {ret} END $$",
        f"CREATE TRIGGER {name} {when} {event}{of or ''} ON {table} FOR EACH {each}{cond}"
        f" EXECUTE FUNCTION {name}_fn()",
    ]


def render_postgres(script: str) -> list[str]:
    """A migration written for SQLite as PostgreSQL statements (see the module's note)."""
    out: list[str] = []
    for statement in statements(script):
        sql = _strip_comments(statement).strip()
        if not sql:
            continue
        if m := _FTS5.match(sql):
            out.extend(_fts5(m.group(1), m.group(2)))
            continue
        if m := _TRIGGER.match(sql):
            out.extend(_trigger(m))
            continue
        if re.match(r"CREATE\s+VIRTUAL\s+TABLE|CREATE\s+TRIGGER|PRAGMA", sql, re.IGNORECASE):
            raise ValueError(f"this migration statement has no PostgreSQL rendering: {sql[:80]}")
        sql = _NOW_TEXT.sub(
            "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"+00:00\"')", sql)
        sql = _IDENTITY.sub("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", sql)
        sql = re.sub(r"\bINTEGER\b", "BIGINT", sql, flags=re.IGNORECASE)
        sql = re.sub(r"\bREAL\b", "DOUBLE PRECISION", sql, flags=re.IGNORECASE)
        sql = re.sub(r"\bBLOB\b", "BYTEA", sql, flags=re.IGNORECASE)
        out.append(sql)
    return out


def fts_query(query: str) -> str:
    """An FTS5 query (words, "phrases", AND, OR, NOT, NEAR(...), prefix*) as the
    web-search syntax ``websearch_to_tsquery`` reads: AND is implied, NOT is ``-``."""
    out = []
    for token in re.findall(r'"[^"]*"?|\S+', query):
        if token.startswith('"'):
            out.append(token if token.endswith('"') and len(token) > 1 else token + '"')
            continue
        token = re.sub(r"^NEAR\(|\)$|[*()^]", " ", token).strip()
        if token == "AND" or not token:
            continue
        out.append({"NOT": "-", "OR": "or"}.get(token, token))
    text = " ".join(out)
    return text.replace("- ", "-")
