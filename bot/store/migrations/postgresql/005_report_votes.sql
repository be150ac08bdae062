-- Version 5 (translation of ../005_report_votes.sql, the same statement): votes a report counts without saying who gave them (the upvotes of Zoom's Q&A
-- report). They add to a question's votes in the ranking and the export; nobody is behind them,
-- so they never count in who-spoke statistics.
ALTER TABLE questions ADD COLUMN report_votes INTEGER NOT NULL DEFAULT 0;
