-- Baraza schema, version 1. Applied in one transaction; PRAGMA user_version records it.
CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    source      TEXT NOT NULL,
    event_date  TEXT NOT NULL,            -- ISO date the chat times are anchored to
    created_at  TEXT NOT NULL
);

CREATE TABLE participants (
    id             INTEGER PRIMARY KEY,
    event_id       INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    person_key     TEXT NOT NULL,         -- normalised display name, or 'discord:<id>'
    display_name   TEXT NOT NULL,
    email          TEXT,
    organisation   TEXT,
    country        TEXT,                  -- ISO 3166-1 alpha-2
    region         TEXT NOT NULL DEFAULT 'unknown' CHECK (region IN ('south','north','unknown')),
    region_source  TEXT NOT NULL DEFAULT 'none',
    is_host        INTEGER NOT NULL DEFAULT 0,
    UNIQUE (event_id, person_key)
);

CREATE TABLE registrants (
    id            INTEGER PRIMARY KEY,
    event_id      INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    name_key      TEXT NOT NULL,
    display_name  TEXT NOT NULL,
    email         TEXT,
    country       TEXT,
    organisation  TEXT,
    UNIQUE (event_id, name_key)
);

CREATE TABLE messages (
    id                 INTEGER PRIMARY KEY,
    event_id           INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    source             TEXT NOT NULL,
    source_message_id  TEXT NOT NULL,
    participant_id     INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    sent_at            TEXT NOT NULL,
    text               TEXT NOT NULL,
    match_key          TEXT NOT NULL DEFAULT '',
    is_private         INTEGER NOT NULL DEFAULT 0,
    recipient          TEXT,
    kind               TEXT NOT NULL,
    reason             TEXT NOT NULL DEFAULT '',
    language           TEXT NOT NULL DEFAULT 'und',
    reply_to_message   INTEGER REFERENCES messages(id),
    deleted            INTEGER NOT NULL DEFAULT 0,
    UNIQUE (event_id, source, source_message_id)
);
CREATE INDEX messages_event_time ON messages(event_id, sent_at);

CREATE TABLE questions (
    id             INTEGER PRIMARY KEY,
    event_id       INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    message_id     INTEGER NOT NULL UNIQUE REFERENCES messages(id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    text           TEXT NOT NULL,
    asked_at       TEXT NOT NULL,
    language       TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('question','logistics')),
    theme          TEXT NOT NULL DEFAULT 'other',
    theme_scores   TEXT NOT NULL DEFAULT '{}',
    theme_source   TEXT NOT NULL DEFAULT 'model',
    state          TEXT NOT NULL DEFAULT 'queued'
                   CHECK (state IN ('queued','answered','dismissed','held','merged')),
    pinned         INTEGER NOT NULL DEFAULT 0,
    merged_into    INTEGER REFERENCES questions(id),
    reply_to       INTEGER REFERENCES questions(id),
    hold_reason    TEXT,
    embedding      BLOB,
    updated_at     TEXT NOT NULL
);
CREATE INDEX questions_event_state ON questions(event_id, state);

CREATE TABLE votes (
    question_id    INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    created_at     TEXT NOT NULL,
    PRIMARY KEY (question_id, participant_id)
);

CREATE TABLE settings (
    event_id  INTEGER NOT NULL DEFAULT 0,  -- 0: global (e.g. the Discord board message)
    key       TEXT NOT NULL,
    value     TEXT NOT NULL,
    PRIMARY KEY (event_id, key)
);
