-- Schema version 3: the cycle's workflow (Order cl. 6-12).  Independent of
-- version 2 (roles and the change log), so either may land first.

-- The Council steps of a cycle: the register's submission (cl. 10) and the
-- protocol of its recommendations (cl. 11).  Their dates sit beside the
-- recommendation and placement dates already in cycle.
ALTER TABLE cycle ADD COLUMN council_sub_date TEXT;
ALTER TABLE cycle ADD COLUMN council_protocol TEXT;

-- Every step of a proposal, each round kept: created, sent (association to
-- body), returned (with the body's recommendations), agreed, submitted,
-- remarks, resubmitted, accepted, rejected, applied.  late = 1 when the step
-- came after its deadline (submission, rework after remarks).
CREATE TABLE proposal_event (
  id          INTEGER PRIMARY KEY,
  proposal_id INTEGER NOT NULL REFERENCES proposal(id) ON DELETE CASCADE,
  round       INTEGER NOT NULL,
  event       TEXT NOT NULL CHECK (event IN ('created', 'edited', 'sent', 'returned', 'agreed',
                'submitted', 'remarks', 'resubmitted', 'accepted', 'rejected', 'applied')),
  date        TEXT NOT NULL,           -- the day it counts from (YYYY-MM-DD)
  at          TEXT NOT NULL,           -- when it was recorded
  login       TEXT NOT NULL,
  comment     TEXT NOT NULL DEFAULT '',
  late        INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1))
) STRICT;
CREATE INDEX proposal_event_proposal ON proposal_event(proposal_id, id);

-- Decisions on the changes of a draft against the published register, one
-- per change (code, level) and stage: 'review' is the authorized body's
-- approval before the Council (cl. 10), 'council' the Council's per-row
-- recommendation (cl. 11).  rev is the draft row's rev when decided (0 for a
-- removed row): a change edited since has no decision.
CREATE TABLE change_decision (
  id         INTEGER PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES reg_version(id) ON DELETE CASCADE,
  nkz_code   TEXT NOT NULL,
  level      TEXT NOT NULL,
  stage      TEXT NOT NULL CHECK (stage IN ('review', 'council')),
  decision   TEXT NOT NULL CHECK (decision IN ('approved', 'returned')),
  rev        INTEGER NOT NULL DEFAULT 0,
  comment    TEXT NOT NULL DEFAULT '',
  login      TEXT NOT NULL,
  at         TEXT NOT NULL,
  UNIQUE (version_id, nkz_code, level, stage)
) STRICT;

-- The press release of a published version (cl. 12), one text per language,
-- drafted from the diff and then edited by hand (edited = 1).
CREATE TABLE press_release (
  version_id INTEGER NOT NULL REFERENCES reg_version(id) ON DELETE CASCADE,
  lang       TEXT NOT NULL CHECK (lang IN ('kk', 'ru')),
  text       TEXT NOT NULL,
  edited     INTEGER NOT NULL DEFAULT 0 CHECK (edited IN (0, 1)),
  updated    TEXT NOT NULL,
  login      TEXT NOT NULL,
  PRIMARY KEY (version_id, lang)
) STRICT;
