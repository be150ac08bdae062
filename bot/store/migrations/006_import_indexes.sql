-- Version 6: indexes that keep a long import's lookups bounded (they grew with the event):
-- a sender's latest texts and questions (repeated texts, question floods), the latest open
-- questions of a state (near-duplicate candidates), a quoted snippet's recent targets (the
-- time is read from the index, so rows outside the window are not read).
CREATE INDEX messages_participant_time ON messages(participant_id, sent_at);
CREATE INDEX questions_open ON questions(event_id, kind, state, id);
CREATE INDEX messages_match_time ON messages(event_id, match_key, sent_at);
DROP INDEX messages_match;
CREATE INDEX questions_participant_time ON questions(participant_id, kind, asked_at);
DROP INDEX questions_participant;
