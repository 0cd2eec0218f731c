-- Schema version 6: a search in the register answers from the indexes.
--
-- A one- or two-letter query is a range of folded Kazakh names or of folded
-- Russian names.  The matches of a section are those of the Kazakh range,
-- plus those of the Russian range whose Kazakh name is outside it: with the
-- Kazakh name in the Russian names' index both are counted from the indexes
-- alone, where the union of the two ranges looked every match up.
DROP INDEX IF EXISTS reg_row_fold_ru;
CREATE INDEX reg_row_fold_ru ON reg_row(version_id, fold_ru, section, fold_kk);

-- The first page of matches is found by walking the section in name order
-- and testing each row: with both folded names in the name-order indexes the
-- test reads no row.
DROP INDEX IF EXISTS reg_row_sort_kk;
DROP INDEX IF EXISTS reg_row_sort_ru;
CREATE INDEX reg_row_sort_kk ON reg_row(version_id, section, sort_kk, level, fold_kk, fold_ru);
CREATE INDEX reg_row_sort_ru ON reg_row(version_id, section, sort_ru, level, fold_kk, fold_ru);

-- The rows of each section of each version, kept by the database itself:
-- the screen shows "row N of M" and lays out its sections from these
-- without counting a hundred thousand index entries at every key.
CREATE TABLE reg_count (
  version_id INTEGER NOT NULL REFERENCES reg_version(id) ON DELETE CASCADE,
  section    TEXT NOT NULL,
  n          INTEGER NOT NULL,
  PRIMARY KEY (version_id, section)
) STRICT, WITHOUT ROWID;
INSERT INTO reg_count(version_id, section, n)
  SELECT version_id, section, count(*) FROM reg_row GROUP BY 1, 2;
CREATE TRIGGER reg_count_ai AFTER INSERT ON reg_row BEGIN
  INSERT INTO reg_count(version_id, section, n) VALUES (new.version_id, new.section, 1)
    ON CONFLICT (version_id, section) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER reg_count_ad AFTER DELETE ON reg_row BEGIN
  UPDATE reg_count SET n = n - 1 WHERE version_id = old.version_id AND section = old.section;
END;
CREATE TRIGGER reg_count_au AFTER UPDATE OF version_id, section ON reg_row BEGIN
  UPDATE reg_count SET n = n - 1 WHERE version_id = old.version_id AND section = old.section;
  INSERT INTO reg_count(version_id, section, n) VALUES (new.version_id, new.section, 1)
    ON CONFLICT (version_id, section) DO UPDATE SET n = n + 1;
END;
