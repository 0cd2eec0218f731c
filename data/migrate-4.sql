-- Schema version 4: search at a hundred times the real size.
--
-- The trigram indexes held the code too: a quarter of their size and of the
-- time to build them.  Codes are found by prefix through their own indexes
-- (search.c), so the indexes now hold the two folded names only.  Positions
-- stay (detail=full): without them FTS5 cannot match a phrase, and dropping
-- them saves little (0.26 s against 0.30 s for 50,000 names).
--
-- Filled row by row, an index costs far more: FTS5 writes its pending terms
-- out at every statement's savepoint, so each inserted row became a segment
-- to merge (two thirds of a classifier import).  A bulk write sets the meta
-- key 'fts_deferred' in its transaction, which silences these triggers, and
-- rebuilds the index at its end (search_defer_index / search_reindex).

DROP TRIGGER IF EXISTS nkz_ai;
DROP TRIGGER IF EXISTS nkz_ad;
DROP TRIGGER IF EXISTS nkz_au;
DROP TABLE IF EXISTS nkz_fts;
CREATE VIRTUAL TABLE nkz_fts USING fts5(
  fold_kk, fold_ru, content='nkz', content_rowid='rowid', tokenize='trigram');
CREATE TRIGGER nkz_ai AFTER INSERT ON nkz
WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'fts_deferred') BEGIN
  INSERT INTO nkz_fts(rowid, fold_kk, fold_ru) VALUES (new.rowid, new.fold_kk, new.fold_ru);
END;
CREATE TRIGGER nkz_ad AFTER DELETE ON nkz
WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'fts_deferred') BEGIN
  INSERT INTO nkz_fts(nkz_fts, rowid, fold_kk, fold_ru)
  VALUES ('delete', old.rowid, old.fold_kk, old.fold_ru);
END;
-- Only a change of name touches the index: retiring a code (active) does not.
CREATE TRIGGER nkz_au AFTER UPDATE OF fold_kk, fold_ru ON nkz
WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'fts_deferred') BEGIN
  INSERT INTO nkz_fts(nkz_fts, rowid, fold_kk, fold_ru)
  VALUES ('delete', old.rowid, old.fold_kk, old.fold_ru);
  INSERT INTO nkz_fts(rowid, fold_kk, fold_ru) VALUES (new.rowid, new.fold_kk, new.fold_ru);
END;
INSERT INTO nkz_fts(nkz_fts) VALUES ('rebuild');

DROP TRIGGER IF EXISTS reg_row_ai;
DROP TRIGGER IF EXISTS reg_row_ad;
DROP TRIGGER IF EXISTS reg_row_au;
DROP TABLE IF EXISTS reg_fts;
CREATE VIRTUAL TABLE reg_fts USING fts5(
  fold_kk, fold_ru, content='reg_row', content_rowid='id', tokenize='trigram');
CREATE TRIGGER reg_row_ai AFTER INSERT ON reg_row
WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'fts_deferred') BEGIN
  INSERT INTO reg_fts(rowid, fold_kk, fold_ru) VALUES (new.id, new.fold_kk, new.fold_ru);
END;
CREATE TRIGGER reg_row_ad AFTER DELETE ON reg_row
WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'fts_deferred') BEGIN
  INSERT INTO reg_fts(reg_fts, rowid, fold_kk, fold_ru)
  VALUES ('delete', old.id, old.fold_kk, old.fold_ru);
END;
CREATE TRIGGER reg_row_au AFTER UPDATE OF fold_kk, fold_ru ON reg_row
WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'fts_deferred') BEGIN
  INSERT INTO reg_fts(reg_fts, rowid, fold_kk, fold_ru)
  VALUES ('delete', old.id, old.fold_kk, old.fold_ru);
  INSERT INTO reg_fts(rowid, fold_kk, fold_ru) VALUES (new.id, new.fold_kk, new.fold_ru);
END;
INSERT INTO reg_fts(reg_fts) VALUES ('rebuild');

-- A one- or two-letter search counts its matches in each section from the
-- name indexes alone: with the section in them, no row is read to count.
DROP INDEX IF EXISTS reg_row_fold_kk;
DROP INDEX IF EXISTS reg_row_fold_ru;
CREATE INDEX reg_row_fold_kk ON reg_row(version_id, fold_kk, section);
CREATE INDEX reg_row_fold_ru ON reg_row(version_id, fold_ru, section);

-- Dropping an index drops its statistics; without them the planner walks a
-- whole version in the sort index to find a search's few matches.
ANALYZE reg_row;
