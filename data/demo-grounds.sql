-- The demo draft's grounds (schema version 8), loaded after demo.sql by
-- store_load_demo when the database has the table: a database stamped with
-- an older schema (as tests make them) loads the rest of the demo alone.
-- Each change of the draft cites its ground (cl. 10): the demo's are
-- written down as corrections, there being no proposals behind them.  The
-- changes are found as the review finds them, rows added or amended, and
-- rows of the published register the draft no longer holds.
INSERT INTO change_ground (version_id, nkz_code, level, kind, text, login, at)
SELECT d.id, k.code, k.level, 'correction',
       'Демонстрациялық деректер / Демонстрационные данные', 'demo', '2025-12-10T05:00:00Z'
FROM reg_version d JOIN reg_version p ON p.state = 'published',
     (SELECT r.version_id AS v, r.nkz_code AS code, r.level AS level FROM reg_row r
      JOIN reg_version x ON x.id = r.version_id AND x.state = 'draft'
      WHERE NOT EXISTS (SELECT 1 FROM reg_row o JOIN reg_version y ON y.id = o.version_id
                        AND y.state = 'published'
                        WHERE o.nkz_code = r.nkz_code AND o.level = r.level AND o.section = r.section
                          AND o.name_kk = r.name_kk AND o.name_ru = r.name_ru
                          AND o.basis_kk = r.basis_kk AND o.basis_ru = r.basis_ru
                          AND o.validity = r.validity AND o.body_id = r.body_id
                          AND o.profile = r.profile)
      UNION
      SELECT 0, o.nkz_code, o.level FROM reg_row o
      JOIN reg_version y ON y.id = o.version_id AND y.state = 'published'
      WHERE NOT EXISTS (SELECT 1 FROM reg_row r JOIN reg_version x ON x.id = r.version_id
                        AND x.state = 'draft'
                        WHERE r.nkz_code = o.nkz_code AND r.level = o.level)) k
WHERE d.state = 'draft';

-- The demo's draft numbered in the default order (code, then level), as the
-- first look at it would number it: opening the demo register writes nothing.
UPDATE reg_place SET num = s.rn FROM (
  SELECT p.row_id, row_number() OVER (PARTITION BY p.section ORDER BY r.nkz_code, r.level, p.row_id) AS rn
  FROM reg_place p JOIN reg_row r ON r.id = p.row_id
  WHERE p.version_id = (SELECT id FROM reg_version WHERE state = 'draft')
) AS s
WHERE reg_place.row_id = s.row_id AND reg_place.num IS NULL;
