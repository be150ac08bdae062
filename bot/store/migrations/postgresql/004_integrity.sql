-- Version 4 (translation of ../004_integrity.sql): registrants may share a name; per-channel
-- intake high-water marks; host signals per participant.
ALTER TABLE registrants DROP CONSTRAINT registrants_event_id_name_key_key;
CREATE INDEX registrants_name ON registrants(event_id, name_key);

CREATE TABLE intake_marks (
    event_id  BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    source    TEXT NOT NULL,
    channel   TEXT NOT NULL,
    last_id   BIGINT NOT NULL,
    PRIMARY KEY (event_id, source, channel)
);

ALTER TABLE participants ADD COLUMN host_opening INTEGER NOT NULL DEFAULT 0;
ALTER TABLE participants ADD COLUMN host_announce INTEGER NOT NULL DEFAULT 0;
ALTER TABLE participants ADD COLUMN host_links INTEGER NOT NULL DEFAULT 0;
