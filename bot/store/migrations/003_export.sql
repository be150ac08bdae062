-- Version 3: what the ministry export needs beyond the record itself.
-- Consent to be named in an export: said by the participant (/iam) or in the registration report.
ALTER TABLE participants ADD COLUMN name_consent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE registrants ADD COLUMN name_consent INTEGER NOT NULL DEFAULT 0;

-- Every moderator retag, so the export can show what the model said and what a person changed.
CREATE TABLE retags (
    id           INTEGER PRIMARY KEY,
    question_id  INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
    from_theme   TEXT NOT NULL,
    to_theme     TEXT NOT NULL,
    at           TEXT NOT NULL
);
CREATE INDEX retags_question ON retags(question_id);

-- Which questions the moderator saw in the top 10 of a board (terminal, Discord, /queue),
-- with the best rank each reached and when it was first seen there.
CREATE TABLE board_views (
    event_id     INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    question_id  INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
    best_rank    INTEGER NOT NULL,
    first_seen   TEXT NOT NULL,
    PRIMARY KEY (event_id, question_id)
);

-- When a question was answered (the last time it became answered).
ALTER TABLE questions ADD COLUMN answered_at TEXT;
