-- Schema version 15: a one- or two-letter register search reads its matches
-- from the name indexes alone.
--
-- The search keeps a query's matches in memory, ordered by name, so that
-- typing on and Backspace filter them there (view/regsearch.c).  A prefix
-- is a range of each name index; with the section, level and both sort keys
-- in those indexes, reading every match of the range reads no row.  The
-- leading columns stay as schema 6 made them, so the counts that use them
-- are unchanged.
DROP INDEX IF EXISTS reg_row_fold_kk;
DROP INDEX IF EXISTS reg_row_fold_ru;
CREATE INDEX reg_row_fold_kk ON reg_row(version_id, fold_kk, section, fold_ru, level, sort_kk, sort_ru);
CREATE INDEX reg_row_fold_ru ON reg_row(version_id, fold_ru, section, fold_kk, level, sort_kk, sort_ru);

-- Dropping an index drops its statistics (see schema 4).
ANALYZE reg_row;
