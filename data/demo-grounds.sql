-- The demo draft's grounds (schema version 8), loaded after demo.sql by
-- store_load_demo when the database has the table: a database stamped with
-- an older schema (as tests make them) loads the rest of the demo alone.
-- Each change of the draft cites its ground (cl. 10): the demo's are
-- written down as corrections, there being no proposals behind them.
INSERT INTO change_ground (version_id, nkz_code, level, kind, text, login, at)
SELECT v.id, k.code, k.level, 'correction',
       'Демонстрациялық деректер / Демонстрационные данные', 'demo', '2025-12-10T05:00:00Z'
FROM reg_version v,
     (SELECT '7212-2-001' AS code, '3' AS level UNION ALL SELECT '5131-1-001', '3'
      UNION ALL SELECT '5131-1-001', '4' UNION ALL SELECT '2411-1-001', '6'
      UNION ALL SELECT nkz_code, level FROM reg_row WHERE nkz_code = '7215-1-003'
        AND version_id = (SELECT id FROM reg_version WHERE state = 'published')) k
WHERE v.state = 'draft';

