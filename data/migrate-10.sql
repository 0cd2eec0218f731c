-- Schema version 10: the press release's placement (Order cl. 12).
--
-- The press release is to be placed on the authorized body's internet
-- resource within 3 working days of the register's placement.  The day it
-- was placed there and where (an address or the name of the page, in both
-- languages) are recorded per published version, so that the step can show
-- as done, or as done late.
CREATE TABLE press_placement (
  version_id INTEGER PRIMARY KEY REFERENCES reg_version(id) ON DELETE CASCADE,
  date       TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  place_kk   TEXT NOT NULL,
  place_ru   TEXT NOT NULL,
  updated    TEXT NOT NULL,
  login      TEXT NOT NULL
) STRICT;
