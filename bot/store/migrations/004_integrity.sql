-- Version 4: registrants may share a name (two people called Jan Smit register; neither row may
-- overwrite the other), and per-channel intake high-water marks for restart-safe catch-up.
CREATE TABLE registrants_v4 (
    id            INTEGER PRIMARY KEY,
    event_id      INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    name_key      TEXT NOT NULL,
    display_name  TEXT NOT NULL,
    email         TEXT,
    country       TEXT,
    organisation  TEXT,
    name_consent  INTEGER NOT NULL DEFAULT 0
);
INSERT INTO registrants_v4(id, event_id, name_key, display_name, email, country, organisation,
                           name_consent)
    SELECT id, event_id, name_key, display_name, email, country, organisation, name_consent
    FROM registrants;
DROP TABLE registrants;
ALTER TABLE registrants_v4 RENAME TO registrants;
CREATE INDEX registrants_name ON registrants(event_id, name_key);

-- The newest source message id up to which a channel's history has been read without a gap.
-- Live messages move it only once this run has caught up with the channel (see intake).
CREATE TABLE intake_marks (
    event_id  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    source    TEXT NOT NULL,
    channel   TEXT NOT NULL,
    last_id   INTEGER NOT NULL,
    PRIMARY KEY (event_id, source, channel)
);

-- Host signals per participant (welcomes, announcements, links in public messages), counted as
-- messages are stored, so every process infers the same hosts from the same record.
ALTER TABLE participants ADD COLUMN host_opening INTEGER NOT NULL DEFAULT 0;
ALTER TABLE participants ADD COLUMN host_announce INTEGER NOT NULL DEFAULT 0;
ALTER TABLE participants ADD COLUMN host_links INTEGER NOT NULL DEFAULT 0;
