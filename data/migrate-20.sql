-- Schema version 20: the register's rows counted by the first two letters
-- of their folded names.
--
-- A search of one or two letters finds the names that start with them, in
-- either language (search.c).  The register screen shows how many rows of
-- each section match at every key; at 100,000 rows one letter's count read
-- 23,000 entries of the name indexes, 1,100 pages, more than a key's time.
-- Kept here by section and by the pair of prefixes (Kazakh, Russian), the
-- count is a sum over a few dozen rows: a row counts once even when both
-- its names start with the query.  The triggers keep it as reg_count is
-- kept; a bulk load that holds back the search index (fts_deferred) holds
-- back these too, and its rebuild (search_reindex) counts them again.  Run
-- again on a file that has them (a version number set back), it makes them
-- afresh.

DROP TRIGGER IF EXISTS reg_prefix_ai;
DROP TRIGGER IF EXISTS reg_prefix_ad;
DROP TRIGGER IF EXISTS reg_prefix_au;
DROP TABLE IF EXISTS reg_prefix;
CREATE TABLE reg_prefix (
  version_id INTEGER NOT NULL,
  section    TEXT NOT NULL,
  kk         TEXT NOT NULL,     -- substr(fold_kk, 1, 2)
  ru         TEXT NOT NULL,     -- substr(fold_ru, 1, 2)
  n          INTEGER NOT NULL,
  PRIMARY KEY (version_id, section, kk, ru)
) STRICT, WITHOUT ROWID;

INSERT INTO reg_prefix(version_id, section, kk, ru, n)
SELECT version_id, section, substr(fold_kk, 1, 2), substr(fold_ru, 1, 2), count(*)
FROM reg_row GROUP BY 1, 2, 3, 4;

CREATE TRIGGER reg_prefix_ai AFTER INSERT ON reg_row
WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'fts_deferred') BEGIN
  INSERT INTO reg_prefix(version_id, section, kk, ru, n)
  VALUES (new.version_id, new.section, substr(new.fold_kk, 1, 2), substr(new.fold_ru, 1, 2), 1)
    ON CONFLICT (version_id, section, kk, ru) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER reg_prefix_ad AFTER DELETE ON reg_row
WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'fts_deferred') BEGIN
  UPDATE reg_prefix SET n = n - 1
  WHERE version_id = old.version_id AND section = old.section
    AND kk = substr(old.fold_kk, 1, 2) AND ru = substr(old.fold_ru, 1, 2);
  DELETE FROM reg_prefix
  WHERE version_id = old.version_id AND section = old.section
    AND kk = substr(old.fold_kk, 1, 2) AND ru = substr(old.fold_ru, 1, 2) AND n <= 0;
END;

CREATE TRIGGER reg_prefix_au AFTER UPDATE OF version_id, section, fold_kk, fold_ru ON reg_row
WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'fts_deferred')
  AND (old.version_id IS NOT new.version_id OR old.section IS NOT new.section
    OR substr(old.fold_kk, 1, 2) IS NOT substr(new.fold_kk, 1, 2)
    OR substr(old.fold_ru, 1, 2) IS NOT substr(new.fold_ru, 1, 2))
BEGIN
  UPDATE reg_prefix SET n = n - 1
  WHERE version_id = old.version_id AND section = old.section
    AND kk = substr(old.fold_kk, 1, 2) AND ru = substr(old.fold_ru, 1, 2);
  DELETE FROM reg_prefix
  WHERE version_id = old.version_id AND section = old.section
    AND kk = substr(old.fold_kk, 1, 2) AND ru = substr(old.fold_ru, 1, 2) AND n <= 0;
  INSERT INTO reg_prefix(version_id, section, kk, ru, n)
  VALUES (new.version_id, new.section, substr(new.fold_kk, 1, 2), substr(new.fold_ru, 1, 2), 1)
    ON CONFLICT (version_id, section, kk, ru) DO UPDATE SET n = n + 1;
END;
