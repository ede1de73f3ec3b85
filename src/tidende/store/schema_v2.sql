-- tidende store, migration 1 -> 2: cross-article event clusters (see cluster.py)
CREATE TABLE clusters (
    id TEXT PRIMARY KEY,
    event TEXT NOT NULL,
    negated INTEGER NOT NULL,
    modality TEXT NOT NULL,
    actor_codes TEXT NOT NULL,
    recipient_codes TEXT NOT NULL,
    date_lo TEXT,
    date_hi TEXT,
    lang TEXT NOT NULL,
    evidence TEXT NOT NULL,
    article_id TEXT NOT NULL,
    event_id TEXT NOT NULL
);
CREATE INDEX clusters_match ON clusters(event, date_lo);
ALTER TABLE events ADD COLUMN cluster_id TEXT;
CREATE INDEX events_cluster ON events(cluster_id);
