-- Schema version 7: one official order and numbering of each section of a
-- version, the same in Kazakh and Russian.
--
-- num is the row's number in its section, from 1.  Its own table rather than
-- a column of reg_row: renumbering the rest of a section after a deletion
-- would otherwise log every shifted row as a change and rewrite its search
-- entry.  The database keeps the rows here in step with reg_row; a row added
-- (or moved to another section, or given another code or level) waits with
-- no number, and a deleted one leaves a gap, until the program settles the
-- section (regorder.h): new rows take their place by code then level after
-- the rows already numbered, and the numbers close up.  A version leaving
-- the draft is settled here, and a published version's numbers never change.
CREATE TABLE reg_place (
  row_id     INTEGER PRIMARY KEY REFERENCES reg_row(id) ON DELETE CASCADE,
  version_id INTEGER NOT NULL,
  section    TEXT NOT NULL,
  num        INTEGER             -- NULL: not placed yet
) STRICT;
CREATE INDEX reg_place_num ON reg_place(version_id, section, num, row_id);

-- Every version so far in the default order: the classifier code, then the level.
INSERT INTO reg_place(row_id, version_id, section, num)
  SELECT id, version_id, section,
         row_number() OVER (PARTITION BY version_id, section ORDER BY nkz_code, level, id)
  FROM reg_row;

CREATE TRIGGER reg_place_ai AFTER INSERT ON reg_row BEGIN
  INSERT INTO reg_place(row_id, version_id, section, num)
  VALUES (new.id, new.version_id, new.section, NULL);
END;
CREATE TRIGGER reg_place_ad AFTER DELETE ON reg_row BEGIN
  DELETE FROM reg_place WHERE row_id = old.id;
END;
CREATE TRIGGER reg_place_au AFTER UPDATE OF version_id, section, nkz_code, level ON reg_row
WHEN old.version_id IS NOT new.version_id OR old.section IS NOT new.section
  OR old.nkz_code IS NOT new.nkz_code OR old.level IS NOT new.level
BEGIN
  UPDATE reg_place SET version_id = new.version_id, section = new.section, num = NULL
  WHERE row_id = new.id;
END;

-- The numbers of a published version stay as published.
CREATE TRIGGER reg_place_published_u BEFORE UPDATE ON reg_place
WHEN (SELECT state FROM reg_version WHERE id = old.version_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'register version is published'); END;
CREATE TRIGGER reg_place_published_i BEFORE INSERT ON reg_place
WHEN (SELECT state FROM reg_version WHERE id = new.version_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'register version is published'); END;

-- A version leaves the draft with every row numbered: what goes to review
-- and publication is the numbered text.  The same statement as
-- regorder_settle's, made before the state changes so that a draft
-- published at once is numbered too.
CREATE TRIGGER reg_place_settle BEFORE UPDATE OF state ON reg_version
WHEN old.state = 'draft' AND new.state <> 'draft'
BEGIN
  UPDATE reg_place SET num = s.rn FROM (
    SELECT row_id, row_number() OVER (PARTITION BY section ORDER BY k, unplaced, code, level, row_id) AS rn
    FROM (SELECT p.row_id, p.section, r.nkz_code AS code, r.level, p.num IS NULL AS unplaced,
                 coalesce(p.num, max(p.num) OVER (PARTITION BY p.section ORDER BY r.nkz_code, r.level
                                                 ROWS UNBOUNDED PRECEDING), 0) AS k
          FROM reg_place p JOIN reg_row r ON r.id = p.row_id WHERE p.version_id = new.id)
  ) AS s
  WHERE reg_place.row_id = s.row_id AND reg_place.num IS NOT s.rn;
END;
