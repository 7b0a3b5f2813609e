"""Schema migrations, applied in order; ``PRAGMA user_version`` records the last applied."""

MIGRATIONS: list[str] = [
    # 1: the spine
    """
    CREATE TABLE sources (
        locator TEXT PRIMARY KEY,          -- file path or URL the bytes came from
        kind TEXT NOT NULL,
        raw_sha256 TEXT NOT NULL,
        raw BLOB NOT NULL,                 -- zlib-compressed original bytes
        media_type TEXT NOT NULL DEFAULT '',
        ingested_at TEXT NOT NULL,
        done INTEGER NOT NULL DEFAULT 0    -- 1 once every record inside it was handled
    );
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,               -- SHA-256 of the normalised text
        text TEXT NOT NULL,
        title TEXT, publisher TEXT, author TEXT, published TEXT, url TEXT,
        language TEXT NOT NULL DEFAULT 'und',
        tags TEXT NOT NULL DEFAULT '[]',
        source_locator TEXT NOT NULL,      -- where it was first seen
        ingested_at TEXT NOT NULL,
        extracted_at TEXT                  -- NULL until the extract stage has run on it
    );
    CREATE TABLE document_sources (        -- every place a document was seen
        document_id TEXT NOT NULL REFERENCES documents(id),
        locator TEXT NOT NULL,
        PRIMARY KEY (document_id, locator)
    );
    -- external-content index over documents (rowid joins them); filled on insert
    CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='documents', content_rowid='rowid', tokenize='unicode61');
    CREATE TABLE mentions (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id),
        event_type TEXT NOT NULL,
        sub_event_type TEXT NOT NULL,
        event_date TEXT NOT NULL,
        iso TEXT NOT NULL DEFAULT '',
        geonameid INTEGER,
        data TEXT NOT NULL                 -- the whole Mention as JSON
    );
    CREATE INDEX mentions_document ON mentions(document_id);
    CREATE TABLE incidents (
        id TEXT PRIMARY KEY,
        event_id_cnty TEXT NOT NULL UNIQUE,
        event_date TEXT NOT NULL,
        event_type TEXT NOT NULL,
        iso TEXT NOT NULL DEFAULT '',
        location TEXT NOT NULL DEFAULT '',
        data TEXT NOT NULL                 -- the whole Incident as JSON
    );
    CREATE TABLE incident_mentions (
        incident_id TEXT NOT NULL REFERENCES incidents(id),
        mention_id TEXT NOT NULL REFERENCES mentions(id),
        score REAL NOT NULL DEFAULT 1.0,
        features TEXT NOT NULL DEFAULT '{}', -- why this mention joined the incident
        PRIMARY KEY (incident_id, mention_id)
    );
    CREATE TABLE actors (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, inter INTEGER NOT NULL,
        country TEXT NOT NULL DEFAULT '', parent TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE places (
        geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, latitude REAL, longitude REAL,
        iso TEXT NOT NULL DEFAULT '', admin1 TEXT NOT NULL DEFAULT '', feature TEXT NOT NULL
    );
    CREATE TABLE quotes (
        id INTEGER PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id),
        mention_id TEXT REFERENCES mentions(id),
        kind TEXT NOT NULL, speaker TEXT, speaker_actor_id TEXT,
        text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        UNIQUE (document_id, start, "end")
    );
    CREATE TABLE failures (
        locator TEXT PRIMARY KEY,
        reason TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL
    );
    """,
    # 2: the review desk: accounts, sessions, API tokens, login throttling, each incident's
    # review state (with the version optimistic locking checks) and its append-only history
    """
    CREATE TABLE users (
        name TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
        password_hash TEXT NOT NULL,       -- argon2id
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
    );
    CREATE TABLE api_tokens (
        token_sha256 TEXT PRIMARY KEY,     -- only the hash is kept; the token is shown once
        user_name TEXT NOT NULL REFERENCES users(name),
        label TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        last_used_at TEXT
    );
    CREATE TABLE web_sessions (
        id_sha256 TEXT PRIMARY KEY,
        user_name TEXT NOT NULL REFERENCES users(name),
        csrf TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
    );
    CREATE TABLE login_failures (
        key TEXT NOT NULL,                 -- 'ip:ADDRESS' or 'user:NAME'
        at REAL NOT NULL                   -- unix time
    );
    CREATE INDEX login_failures_key ON login_failures(key, at);
    CREATE TABLE incident_state (
        incident_id TEXT PRIMARY KEY,
        version INTEGER NOT NULL DEFAULT 0,   -- +1 on every change: optimistic locking
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'not_event', 'merged')),
        reviewed INTEGER NOT NULL DEFAULT 0,
        locked INTEGER NOT NULL DEFAULT 0,
        merged_into TEXT,
        created_at TEXT NOT NULL,             -- first time the incident was stored
        updated_at TEXT,
        updated_by TEXT
    );
    CREATE TABLE revisions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        incident_id TEXT NOT NULL,
        version INTEGER NOT NULL,             -- the incident's version this revision made
        at TEXT NOT NULL,
        user_name TEXT NOT NULL,
        action TEXT NOT NULL,                 -- edit, review, lock, not_event, merge, split, revert ...
        reason TEXT NOT NULL DEFAULT '',
        changes TEXT NOT NULL,                -- {field: [old, new]}
        before TEXT NOT NULL,                 -- {"incident": {...}, "state": {...}}
        after TEXT NOT NULL,
        related_id TEXT,                      -- the other incident of a merge or split
        reverts INTEGER REFERENCES revisions(id)
    );
    CREATE INDEX revisions_incident ON revisions(incident_id, id);
    CREATE INDEX revisions_at ON revisions(at);
    CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions
        BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
    CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions
        BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
    -- one number that moves on every change to incidents or their state, so every server
    -- thread and process can tell whether its parsed copy of the ledger is still current
    CREATE TABLE ledger_generation (n INTEGER NOT NULL);
    INSERT INTO ledger_generation (n) VALUES (0);
    CREATE TRIGGER incidents_gen_insert AFTER INSERT ON incidents
        BEGIN UPDATE ledger_generation SET n = n + 1; END;
    CREATE TRIGGER incidents_gen_update AFTER UPDATE ON incidents
        BEGIN UPDATE ledger_generation SET n = n + 1; END;
    CREATE TRIGGER incidents_gen_delete AFTER DELETE ON incidents
        BEGIN UPDATE ledger_generation SET n = n + 1; END;
    CREATE TRIGGER incident_state_gen_insert AFTER INSERT ON incident_state
        BEGIN UPDATE ledger_generation SET n = n + 1; END;
    CREATE TRIGGER incident_state_gen_update AFTER UPDATE ON incident_state
        BEGIN UPDATE ledger_generation SET n = n + 1; END;
    CREATE TRIGGER incident_state_gen_delete AFTER DELETE ON incident_state
        BEGIN UPDATE ledger_generation SET n = n + 1; END;
    INSERT INTO incident_state (incident_id, created_at)
        SELECT id, strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now') FROM incidents
    """,
    # 3: incremental grouping and the analyst's decisions
    """
    ALTER TABLE incidents ADD COLUMN locked INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE incident_mentions ADD COLUMN decided_by TEXT NOT NULL DEFAULT 'warlog';
    CREATE INDEX incident_mentions_mention ON incident_mentions(mention_id);
    CREATE TABLE document_signatures (     -- MinHash of each text, kept for the next run
        document_id TEXT PRIMARY KEY REFERENCES documents(id),
        signature TEXT NOT NULL            -- JSON list of ints (warlog.dedup)
    );
    CREATE TABLE analyst_decisions (       -- merges, splits and locks, in the order made
        id INTEGER PRIMARY KEY,
        action TEXT NOT NULL,              -- merge, split, lock, unlock
        incident_id TEXT NOT NULL,
        mention_id TEXT,
        detail TEXT NOT NULL DEFAULT '{}',
        at TEXT NOT NULL
    );
    """,
    # 4: one log of analysts' changes. The grouping module's merges, splits and locks were
    # logged in analyst_decisions, apart from the review desk's revisions; both now write
    # revisions. Each old decision becomes a revision by 'unrecorded' (the old log named no
    # one) with its note as the reason and its detail under "decision"; its before snapshot
    # is empty (the old log kept none, so it cannot be reverted) and its after snapshot is
    # the incident as it stands now. A lock the old path set on the incident alone is
    # copied to the incident's review state, which the review desk and grouping now share.
    """
    INSERT INTO incident_state (incident_id, created_at)
        SELECT id, strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now') FROM incidents
        WHERE id NOT IN (SELECT incident_id FROM incident_state);
    UPDATE incident_state SET locked = 1
        WHERE incident_id IN (SELECT id FROM incidents WHERE locked = 1);
    INSERT INTO revisions (incident_id, version, at, user_name, action, reason, changes, before,
                           after, related_id)
        SELECT d.incident_id, coalesce(s.version, 0) + d.n, d.at, 'unrecorded', d.action,
            coalesce(json_extract(d.detail, '$.note'), ''),
            '{"decision": [null, ' || d.detail || ']' || CASE WHEN d.mention_id IS NULL THEN ''
                ELSE ', "mention_id": [null, "' || d.mention_id || '"]' END || '}',
            '{}',
            '{"incident": ' || coalesce(i.data, 'null') || ', "state": {"version": '
                || CAST(coalesce(s.version, 0) + d.n AS TEXT)
                || ', "status": "' || coalesce(s.status, 'active') || '", "reviewed": '
                || CASE WHEN s.reviewed = 1 THEN 'true' ELSE 'false' END || ', "locked": '
                || CASE WHEN i.locked = 1 THEN 'true' ELSE 'false' END || ', "merged_into": '
                || CASE WHEN s.merged_into IS NULL THEN 'null' ELSE '"' || s.merged_into || '"' END
                || '}}',
            json_extract(d.detail, '$.new_incident')
        FROM (SELECT a.*, (SELECT count(*) FROM analyst_decisions e
                           WHERE e.incident_id = a.incident_id AND e.id <= a.id) AS n
              FROM analyst_decisions a) d
        LEFT JOIN incidents i ON i.id = d.incident_id
        LEFT JOIN incident_state s ON s.incident_id = d.incident_id
        ORDER BY d.id;
    UPDATE incident_state SET version = version + (
        SELECT count(*) FROM analyst_decisions d WHERE d.incident_id = incident_state.incident_id);
    DROP TABLE analyst_decisions
    """,
]
