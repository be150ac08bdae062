-- Version 7: who asked to be forgotten in an event, as keyed hashes only (no readable personal
-- data): HMAC-SHA256, under a random secret of this database (setting
-- "privacy.suppression_secret" of event 0), of the person's name keys, lowercased email
-- addresses and source keys. Imports and the intake consult it so a forgotten person is not
-- re-created by a later registration report, Q&A report or chat (see bot/store/privacy.py).
-- kind: 'name' (matches registration rows and chat authors), 'registrant' (a name that matches
-- registration rows only: /forget of one account), 'email', 'key' (a source's person key).
-- request: which forget recorded the row (new messages of one request share one record).
CREATE TABLE forgotten (
    event_id  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    kind      TEXT NOT NULL,
    digest    TEXT NOT NULL,
    request   INTEGER NOT NULL,
    PRIMARY KEY (event_id, kind, digest)
);
