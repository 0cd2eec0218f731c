-- Schema version 9: what each import of the classifier changed.
--
-- A newer classifier adds codes, renames them and retires them.  Each import
-- keeps its changes under its own entry of the change log (log_id), so that
-- the clerk can be shown them after the import and `check` can name the
-- register rows whose occupation was renamed after the row was last written.
-- The names before and after are kept as the files spelled them.
CREATE TABLE IF NOT EXISTS nkz_change (
  id      INTEGER PRIMARY KEY,
  log_id  INTEGER NOT NULL,
  code    TEXT NOT NULL,
  kind    TEXT NOT NULL CHECK (kind IN ('added', 'renamed', 'retired')),
  old_kk  TEXT,
  old_ru  TEXT,
  new_kk  TEXT,
  new_ru  TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS nkz_change_code ON nkz_change(code, kind, log_id);
CREATE INDEX IF NOT EXISTS nkz_change_log ON nkz_change(log_id, kind);
