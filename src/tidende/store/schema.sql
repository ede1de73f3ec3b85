-- tidende store, schema version 1 (migrations to later versions: schema_v2.sql, ...)
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    lang TEXT NOT NULL,
    date TEXT,
    title TEXT,
    url TEXT,
    source TEXT,
    text TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS entities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, label TEXT NOT NULL,
    code TEXT, sector TEXT, wikidata_id TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE IF NOT EXISTS quotes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    kind TEXT NOT NULL, content TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    cue TEXT, stance TEXT, speaker_text TEXT, speaker_code TEXT, speaker_sector TEXT,
    anonymous INTEGER NOT NULL DEFAULT 0,
    record TEXT NOT NULL,
    PRIMARY KEY (article_id, id)
);
CREATE TABLE IF NOT EXISTS events (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    event TEXT NOT NULL, mode TEXT,
    actor_codes TEXT NOT NULL, recipient_codes TEXT NOT NULL,
    date TEXT, date_precision TEXT,
    negated INTEGER NOT NULL, modality TEXT NOT NULL,
    attribution_code TEXT,
    record TEXT NOT NULL,
    PRIMARY KEY (article_id, id)
);
CREATE INDEX IF NOT EXISTS events_event ON events(event);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_code);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    id UNINDEXED, title, text, tokenize = "unicode61 remove_diacritics 0"
);
