-- tidende store, migration 2 -> 3: indexes for `tidende events` / Store.events filters
-- A mention's actor and recipient codes, one row each; the key lists a code's mentions in the
-- order queries return them (date, NULL stored as '', then article and event id).
CREATE TABLE event_codes (
    code TEXT NOT NULL,
    role TEXT NOT NULL,
    date TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    PRIMARY KEY (code, role, date, article_id, event_id)
) WITHOUT ROWID;
CREATE INDEX event_codes_article ON event_codes(article_id);
-- All mentions, and one type's, in output order.
DROP INDEX events_event;
CREATE INDEX events_event_date ON events(event, date, article_id, id);
DROP INDEX events_date;
CREATE INDEX events_date_key ON events(date, article_id, id);
-- Negated mentions (a few percent), in output order, overall and by type.
CREATE INDEX events_negated ON events(date, article_id, id) WHERE negated = 1;
CREATE INDEX events_negated_event ON events(event, date, article_id, id) WHERE negated = 1;
