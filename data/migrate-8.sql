-- Schema version 8: every change of a draft cites its ground (Order cl. 10,
-- 11).
--
-- A change of the draft against the published register (a row added,
-- excluded or amended, named by code and level as the review names it) is
-- made on one of three grounds: an accepted proposal of a sectoral body
-- (proposal_id), an item of the National Council's recommendations (item,
-- with what it says in text and what it did in action), or a technical
-- correction by the authorized body (text: the written reason, such as a
-- typo in a name or an act renamed).  A change may hold several: a proposal
-- the Council then amended.  A change that holds none is what check reports.
CREATE TABLE change_ground (
  id          INTEGER PRIMARY KEY,
  version_id  INTEGER NOT NULL REFERENCES reg_version(id) ON DELETE CASCADE,
  nkz_code    TEXT NOT NULL,
  level       TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('proposal', 'council', 'correction')),
  proposal_id INTEGER REFERENCES proposal(id),
  item        TEXT NOT NULL DEFAULT '',
  text        TEXT NOT NULL DEFAULT '',
  action      TEXT NOT NULL DEFAULT '' CHECK (action IN
                ('', 'approve', 'return', 'amend', 'add', 'exclude')),
  login       TEXT NOT NULL,
  at          TEXT NOT NULL,
  CHECK ((kind = 'proposal') = (proposal_id IS NOT NULL)),
  CHECK (kind <> 'correction' OR text <> ''),
  CHECK (kind <> 'council' OR item <> '')
) STRICT;
CREATE INDEX change_ground_key ON change_ground(version_id, nkz_code, level);

-- The rows a proposal of the version's own cycle made before this version
-- had them recorded.
INSERT INTO change_ground (version_id, nkz_code, level, kind, proposal_id, login, at)
SELECT r.version_id, r.nkz_code, r.level, 'proposal', r.proposal_id, p.author,
       strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
FROM reg_row r
JOIN reg_version v ON v.id = r.version_id AND v.state <> 'published'
JOIN proposal p ON p.id = r.proposal_id AND p.cycle_id = v.cycle_id;
