-- Schema version 10: the press release's placement (Order cl. 12).
--
-- The press release is to be placed on the authorized body's internet
-- resource within 3 working days of the register's placement.  The day it
-- was placed there and where (an address or the name of the page, in both
-- languages) are recorded per published version, so that the step can show
-- as done, or as done late.
CREATE TABLE IF NOT EXISTS press_placement (
  version_id INTEGER PRIMARY KEY REFERENCES reg_version(id) ON DELETE CASCADE,
  date       TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  place_kk   TEXT NOT NULL,
  place_ru   TEXT NOT NULL,
  updated    TEXT NOT NULL,
  login      TEXT NOT NULL
) STRICT;

-- Kurban ait is a public holiday (the Law on holidays), not a day off by
-- decree: its dated rows are marked 'holiday', a day off that never moves
-- and is shown as a holiday.  The kind's check is widened, which SQLite does
-- by making the table again; its log triggers are made again after every
-- step of the migration.
DROP TABLE IF EXISTS calendar_day_new;
CREATE TABLE calendar_day_new (
  date    TEXT PRIMARY KEY CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  kind    TEXT NOT NULL CHECK (kind IN ('off', 'work', 'nothol', 'holiday')),
  note_kk TEXT NOT NULL DEFAULT '',
  note_ru TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO calendar_day_new (date, kind, note_kk, note_ru)
  SELECT date, CASE WHEN kind = 'off' AND note_kk = 'Құрбан айт' THEN 'holiday' ELSE kind END,
         note_kk, note_ru FROM calendar_day;
DROP TABLE calendar_day;
ALTER TABLE calendar_day_new RENAME TO calendar_day;
