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
    # 2: incremental grouping and the analyst's decisions
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
]
