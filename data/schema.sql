-- tizilim schema, version 1.  Applied by db_migrate() when PRAGMA user_version
-- is 0; later versions add data/migrate-N.sql steps.  Text is UTF-8.  Dates are
-- 'YYYY-MM-DD', moments 'YYYY-MM-DDTHH:MM:SSZ'.  Every table is STRICT.
-- No index uses an application collation, so the sqlite3 shell can read and
-- check the file; sorting by alphabet uses ICU sort keys stored beside names.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- NKZ (НК РК 01-2017), the occupation classifier.
CREATE TABLE nkz (
  code    TEXT PRIMARY KEY,
  level   INTEGER NOT NULL CHECK (level BETWEEN 1 AND 6),
  parent  TEXT REFERENCES nkz(code) DEFERRABLE INITIALLY DEFERRED,
  name_kk TEXT NOT NULL,
  name_ru TEXT NOT NULL,
  fold_kk TEXT NOT NULL,          -- case-folded names, for search
  fold_ru TEXT NOT NULL,
  active  INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;
CREATE INDEX nkz_parent ON nkz(parent);
CREATE INDEX nkz_fold_kk ON nkz(fold_kk);
CREATE INDEX nkz_fold_ru ON nkz(fold_ru);
CREATE VIRTUAL TABLE nkz_fts USING fts5(
  code, fold_kk, fold_ru, content='nkz', content_rowid='rowid', tokenize='trigram');
CREATE TRIGGER nkz_ai AFTER INSERT ON nkz BEGIN
  INSERT INTO nkz_fts(rowid, code, fold_kk, fold_ru)
  VALUES (new.rowid, new.code, new.fold_kk, new.fold_ru);
END;
CREATE TRIGGER nkz_ad AFTER DELETE ON nkz BEGIN
  INSERT INTO nkz_fts(nkz_fts, rowid, code, fold_kk, fold_ru)
  VALUES ('delete', old.rowid, old.code, old.fold_kk, old.fold_ru);
END;
CREATE TRIGGER nkz_au AFTER UPDATE ON nkz BEGIN
  INSERT INTO nkz_fts(nkz_fts, rowid, code, fold_kk, fold_ru)
  VALUES ('delete', old.rowid, old.code, old.fold_kk, old.fold_ru);
  INSERT INTO nkz_fts(rowid, code, fold_kk, fold_ru)
  VALUES (new.rowid, new.code, new.fold_kk, new.fold_ru);
END;

-- ҰБШ / НРК levels 1..8 and sectoral (СБШ / ОРК) sublevels such as '4.2'.
CREATE TABLE nrk_level (
  code     TEXT PRIMARY KEY,
  base     INTEGER NOT NULL CHECK (base BETWEEN 1 AND 8),
  descr_kk TEXT NOT NULL,
  descr_ru TEXT NOT NULL
) STRICT;

-- Sectoral state bodies and the authorized body (authorized = 1).
CREATE TABLE body (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE,
  name_kk    TEXT NOT NULL,
  name_ru    TEXT NOT NULL,
  short_kk   TEXT NOT NULL,
  short_ru   TEXT NOT NULL,
  authorized INTEGER NOT NULL DEFAULT 0 CHECK (authorized IN (0, 1))
) STRICT;

CREATE TABLE association (
  id      INTEGER PRIMARY KEY,
  name_kk TEXT NOT NULL,
  name_ru TEXT NOT NULL,
  body_id INTEGER REFERENCES body(id)
) STRICT;

-- Sectoral councils on professional qualifications (one per body, or more).
CREATE TABLE council (
  id      INTEGER PRIMARY KEY,
  body_id INTEGER NOT NULL REFERENCES body(id),
  name_kk TEXT NOT NULL,
  name_ru TEXT NOT NULL
) STRICT;

-- The working-day calendar: yearly rules plus dated overrides.
-- A rule is a fixed-date holiday; moves = 1 when one falling on a Saturday or
-- Sunday makes the next working day a day off.
CREATE TABLE holiday_rule (
  id        INTEGER PRIMARY KEY,
  month     INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  day       INTEGER NOT NULL CHECK (day BETWEEN 1 AND 31),
  moves     INTEGER NOT NULL CHECK (moves IN (0, 1)),
  from_year INTEGER,
  to_year   INTEGER,
  name_kk   TEXT NOT NULL,
  name_ru   TEXT NOT NULL
) STRICT;
-- kind: 'off'     a day off by decree or a movable feast (Kurban ait), never moves;
--       'work'    a working day by decree (a transferred Saturday or Sunday);
--       'nothol'  a rule's holiday that does not apply on this date (cancelled).
CREATE TABLE calendar_day (
  date    TEXT PRIMARY KEY CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  kind    TEXT NOT NULL CHECK (kind IN ('off', 'work', 'nothol')),
  note_kk TEXT NOT NULL DEFAULT '',
  note_ru TEXT NOT NULL DEFAULT ''
) STRICT;

-- A cycle: spring or autumn of a year.
CREATE TABLE cycle (
  id               INTEGER PRIMARY KEY,
  year             INTEGER NOT NULL,
  season           TEXT NOT NULL CHECK (season IN ('spring', 'autumn')),
  council_rec_date TEXT,           -- National Council recommendations (cl. 11)
  placed_date      TEXT,           -- register placed on the platform (cl. 11-12)
  UNIQUE (year, season)
) STRICT;

-- Register versions: draft -> submitted -> recommended -> published.
CREATE TABLE reg_version (
  id         INTEGER PRIMARY KEY,
  cycle_id   INTEGER REFERENCES cycle(id),
  base_id    INTEGER REFERENCES reg_version(id),
  state      TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'recommended', 'published')),
  title      TEXT NOT NULL DEFAULT '',
  created    TEXT NOT NULL,
  submitted  TEXT,
  published  TEXT
) STRICT;
-- At most one draft at a time.
CREATE UNIQUE INDEX reg_version_one_draft ON reg_version(state) WHERE state = 'draft';

-- One register row = one profession at one level (the Appendix form).
CREATE TABLE reg_row (
  id          INTEGER PRIMARY KEY,
  version_id  INTEGER NOT NULL REFERENCES reg_version(id) ON DELETE CASCADE,
  section     TEXT NOT NULL CHECK (section IN ('mandatory', 'voluntary')),
  nkz_code    TEXT NOT NULL REFERENCES nkz(code),
  name_kk     TEXT NOT NULL,
  name_ru     TEXT NOT NULL,
  basis_kk    TEXT NOT NULL,
  basis_ru    TEXT NOT NULL,
  level       TEXT NOT NULL REFERENCES nrk_level(code),
  validity    INTEGER NOT NULL CHECK (validity BETWEEN 0 AND 99), -- years; 0 = without time limit
  body_id     INTEGER NOT NULL REFERENCES body(id),
  profile     TEXT NOT NULL CHECK (profile IN ('t', 'sg')),  -- т / әг (сг)
  proposal_id INTEGER REFERENCES proposal(id),
  fold_kk     TEXT NOT NULL,
  fold_ru     TEXT NOT NULL,
  sort_kk     BLOB NOT NULL,        -- ICU sort key of name_kk (Kazakh alphabet)
  sort_ru     BLOB NOT NULL,        -- ICU sort key of name_ru (Russian alphabet)
  rev         INTEGER NOT NULL DEFAULT 1,   -- bumped on every change, for conflicts
  UNIQUE (version_id, nkz_code, level)
) STRICT;
CREATE INDEX reg_row_sort_kk ON reg_row(version_id, section, sort_kk, level);
CREATE INDEX reg_row_sort_ru ON reg_row(version_id, section, sort_ru, level);
CREATE INDEX reg_row_code ON reg_row(version_id, section, nkz_code, level);
CREATE INDEX reg_row_fold_kk ON reg_row(version_id, fold_kk);
CREATE INDEX reg_row_fold_ru ON reg_row(version_id, fold_ru);
CREATE VIRTUAL TABLE reg_fts USING fts5(
  nkz_code, fold_kk, fold_ru, content='reg_row', content_rowid='id', tokenize='trigram');
CREATE TRIGGER reg_row_ai AFTER INSERT ON reg_row BEGIN
  INSERT INTO reg_fts(rowid, nkz_code, fold_kk, fold_ru)
  VALUES (new.id, new.nkz_code, new.fold_kk, new.fold_ru);
END;
CREATE TRIGGER reg_row_ad AFTER DELETE ON reg_row BEGIN
  INSERT INTO reg_fts(reg_fts, rowid, nkz_code, fold_kk, fold_ru)
  VALUES ('delete', old.id, old.nkz_code, old.fold_kk, old.fold_ru);
END;
CREATE TRIGGER reg_row_au AFTER UPDATE ON reg_row BEGIN
  INSERT INTO reg_fts(reg_fts, rowid, nkz_code, fold_kk, fold_ru)
  VALUES ('delete', old.id, old.nkz_code, old.fold_kk, old.fold_ru);
  INSERT INTO reg_fts(rowid, nkz_code, fold_kk, fold_ru)
  VALUES (new.id, new.nkz_code, new.fold_kk, new.fold_ru);
END;
-- A published version is never edited.
CREATE TRIGGER reg_row_published_i BEFORE INSERT ON reg_row
WHEN (SELECT state FROM reg_version WHERE id = new.version_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'register version is not a draft'); END;
CREATE TRIGGER reg_row_published_u BEFORE UPDATE ON reg_row
WHEN (SELECT state FROM reg_version WHERE id = old.version_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'register version is not a draft'); END;
CREATE TRIGGER reg_row_published_d BEFORE DELETE ON reg_row
WHEN (SELECT state FROM reg_version WHERE id = old.version_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'register version is published'); END;

-- Proposals (cl. 6-9): the row's content, its action and its justification.
CREATE TABLE proposal (
  id             INTEGER PRIMARY KEY,
  cycle_id       INTEGER NOT NULL REFERENCES cycle(id),
  body_id        INTEGER NOT NULL REFERENCES body(id),
  association_id INTEGER REFERENCES association(id),
  action         TEXT NOT NULL CHECK (action IN ('include', 'exclude', 'amend')),
  section        TEXT NOT NULL CHECK (section IN ('mandatory', 'voluntary')),
  nkz_code       TEXT NOT NULL REFERENCES nkz(code),
  basis_kk       TEXT NOT NULL DEFAULT '',
  basis_ru       TEXT NOT NULL DEFAULT '',
  validity       INTEGER CHECK (validity BETWEEN 0 AND 99),
  profile        TEXT CHECK (profile IN ('t', 'sg')),
  safety_kk      TEXT NOT NULL DEFAULT '',   -- cl. 8 1): health, life support, safety
  safety_ru      TEXT NOT NULL DEFAULT '',
  demand_kk      TEXT NOT NULL DEFAULT '',   -- cl. 8 2): labour-market demand
  demand_ru      TEXT NOT NULL DEFAULT '',
  standard_kk    TEXT NOT NULL DEFAULT '',   -- cl. 8 3): professional standard or requirements
  standard_ru    TEXT NOT NULL DEFAULT '',
  legal_act_kk   TEXT NOT NULL DEFAULT '',   -- cl. 8-1: the act making it a condition of practice
  legal_act_ru   TEXT NOT NULL DEFAULT '',
  state          TEXT NOT NULL DEFAULT 'draft' CHECK (state IN
                   ('draft', 'sent', 'returned', 'agreed', 'submitted', 'remarks',
                    'accepted', 'rejected', 'applied')),
  round          INTEGER NOT NULL DEFAULT 1,
  created        TEXT NOT NULL,
  submitted      TEXT,
  late           INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
  author         TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX proposal_cycle_body ON proposal(cycle_id, body_id);
CREATE TABLE proposal_level (
  proposal_id INTEGER NOT NULL REFERENCES proposal(id) ON DELETE CASCADE,
  level       TEXT NOT NULL REFERENCES nrk_level(code),
  PRIMARY KEY (proposal_id, level)
) STRICT;

-- A sectoral council's agreement of a body's proposals for a cycle (cl. 7).
CREATE TABLE council_agreement (
  id        INTEGER PRIMARY KEY,
  cycle_id  INTEGER NOT NULL REFERENCES cycle(id),
  body_id   INTEGER NOT NULL REFERENCES body(id),
  date      TEXT NOT NULL,
  protocol  TEXT NOT NULL,
  UNIQUE (cycle_id, body_id)
) STRICT;

-- Remarks of the authorized body (cl. 9); rework is due 2 working days after receipt.
CREATE TABLE remark (
  id          INTEGER PRIMARY KEY,
  proposal_id INTEGER NOT NULL REFERENCES proposal(id) ON DELETE CASCADE,
  received    TEXT NOT NULL,
  due         TEXT NOT NULL,
  text_kk     TEXT NOT NULL DEFAULT '',
  text_ru     TEXT NOT NULL DEFAULT '',
  resolved    TEXT
) STRICT;

-- Users: operating-system logins mapped to roles.
CREATE TABLE app_user (
  login   TEXT PRIMARY KEY,
  role    TEXT NOT NULL CHECK (role IN
            ('admin', 'ab_clerk', 'ab_approver', 'sb_clerk', 'reader')),
  body_id INTEGER REFERENCES body(id),
  created TEXT NOT NULL,
  CHECK ((role = 'sb_clerk') = (body_id IS NOT NULL))
) STRICT;

-- The change log: who, when, what (before and after) and why.
CREATE TABLE change_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  login     TEXT NOT NULL,
  object    TEXT NOT NULL,
  object_id TEXT NOT NULL DEFAULT '',
  action    TEXT NOT NULL,
  before    TEXT,
  after     TEXT,
  reason    TEXT NOT NULL DEFAULT '',
  hash      TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX change_log_object ON change_log(object, object_id);
