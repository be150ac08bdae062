-- Version 2: indexes for the ingest hot path (snippet and same-text lookups, flood control).
CREATE INDEX messages_match ON messages(event_id, match_key);
CREATE INDEX questions_participant ON questions(participant_id, kind);
CREATE INDEX questions_merged ON questions(merged_into);
