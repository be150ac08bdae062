-- Version 2 (translation of ../002_indexes.sql): indexes for the ingest hot path.
CREATE INDEX messages_match ON messages(event_id, match_key);
CREATE INDEX questions_participant ON questions(participant_id, kind);
CREATE INDEX questions_merged ON questions(merged_into);
