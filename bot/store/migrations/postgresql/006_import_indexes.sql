-- Version 6 (translation of ../006_import_indexes.sql): indexes that keep a long import's
-- lookups bounded; the same statements on both backends.
CREATE INDEX messages_participant_time ON messages(participant_id, sent_at);
CREATE INDEX questions_open ON questions(event_id, kind, state, id);
CREATE INDEX messages_match_time ON messages(event_id, match_key, sent_at);
DROP INDEX messages_match;
CREATE INDEX questions_participant_time ON questions(participant_id, kind, asked_at);
DROP INDEX questions_participant;
