-- Version 7 (translation of ../007_forgotten.sql): who asked to be forgotten in an event, as
-- keyed hashes only (no readable personal data).
CREATE TABLE forgotten (
    event_id  BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    kind      TEXT NOT NULL,
    digest    TEXT NOT NULL,
    request   INTEGER NOT NULL,
    PRIMARY KEY (event_id, kind, digest)
);
