// SQLite's schema. Migrations only ever append: migration N takes a database
// from N-1 to N. Test each on a database made by the previous main
// (tests/cli/migrate_v3.sh).
#include "migrations.hpp"

namespace trellis::sqlite {

const std::vector<const char*>& migrations() {
  static const std::vector<const char*> m = {
      // 1: the first schema.
      R"sql(
CREATE TABLE schools (
  urn         INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  la_code     INTEGER,
  la_name     TEXT,
  estab       INTEGER,
  type        TEXT,            -- DfE type name, e.g. "Voluntary aided school"
  type_group  TEXT,            -- maintained, academy, special, independent, college, other
  phase       TEXT,
  status      TEXT NOT NULL DEFAULT 'open',  -- open | closed
  open_date   TEXT,
  close_date  TEXT,
  pupils      INTEGER,
  source      TEXT,            -- file the row last came from
  source_line INTEGER,
  updated_at  TEXT NOT NULL
);
CREATE INDEX schools_la ON schools(la_code);

CREATE TABLE bodies (
  id    TEXT PRIMARY KEY,
  kind  TEXT NOT NULL CHECK (kind IN ('trust', 'la')),
  name  TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE memberships (
  id        INTEGER PRIMARY KEY,
  body_id   TEXT NOT NULL REFERENCES bodies(id),
  urn       INTEGER NOT NULL REFERENCES schools(urn),
  from_date TEXT NOT NULL,
  to_date   TEXT,              -- NULL: still a member
  CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE INDEX memberships_body ON memberships(body_id, urn);

-- A body adopts a policy from a date; a later adoption replaces it from then.
CREATE TABLE adoptions (
  id          INTEGER PRIMARY KEY,
  body_id     TEXT NOT NULL REFERENCES bodies(id),
  policy_path TEXT NOT NULL,
  regime      TEXT NOT NULL,
  version     TEXT NOT NULL,
  policy_hash TEXT NOT NULL,
  from_date   TEXT NOT NULL,
  adopted_at  TEXT NOT NULL
);

CREATE TABLE indicators (
  id        TEXT PRIMARY KEY,
  label     TEXT NOT NULL,
  unit      TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('higher', 'lower', 'neutral'))
);

-- One imported file per row; the same file for the same period is not imported twice.
CREATE TABLE imports (
  id          INTEGER PRIMARY KEY,
  sha256      TEXT NOT NULL,
  file        TEXT NOT NULL,
  format      TEXT NOT NULL,
  period      TEXT,
  rows        INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  UNIQUE (sha256, period)
);

-- Append-only. A correction is a new row whose `supersedes` names the old one.
CREATE TABLE evidence (
  id          INTEGER PRIMARY KEY,
  urn         INTEGER NOT NULL,
  period      TEXT NOT NULL,
  indicator   TEXT NOT NULL,
  value_num   REAL,
  value_text  TEXT,
  missing     TEXT,            -- NULL, or why there is no value
  import_id   INTEGER REFERENCES imports(id),
  source      TEXT NOT NULL,   -- file name, or who recorded it
  line        INTEGER,
  col         INTEGER,
  recorded_by TEXT,
  recorded_at TEXT NOT NULL,
  supersedes  INTEGER REFERENCES evidence(id)
);
CREATE INDEX evidence_school ON evidence(urn, indicator, period);
CREATE INDEX evidence_supersedes ON evidence(supersedes) WHERE supersedes IS NOT NULL;

-- Append-only, like evidence.
CREATE TABLE ratings (
  id         INTEGER PRIMARY KEY,
  urn        INTEGER NOT NULL,
  body_id    TEXT NOT NULL REFERENCES bodies(id),
  period     TEXT NOT NULL,
  subject    TEXT NOT NULL,     -- indicator, area, or "overall"
  level      TEXT NOT NULL,
  stage      TEXT NOT NULL CHECK (stage IN ('self','computed','proposed','moderated','validated','final')),
  set_by     TEXT NOT NULL,
  set_at     TEXT NOT NULL,
  rationale  TEXT,
  supersedes INTEGER REFERENCES ratings(id)
);
CREATE INDEX ratings_school ON ratings(body_id, urn, period, subject, stage);

CREATE TABLE rating_evidence (
  rating_id   INTEGER NOT NULL REFERENCES ratings(id),
  evidence_id INTEGER NOT NULL REFERENCES evidence(id),
  PRIMARY KEY (rating_id, evidence_id)
);

CREATE TABLE assessments (
  id             INTEGER PRIMARY KEY,
  urn            INTEGER NOT NULL,
  body_id        TEXT NOT NULL REFERENCES bodies(id),
  regime         TEXT NOT NULL,
  period         TEXT NOT NULL,
  level          TEXT NOT NULL,
  classified     INTEGER NOT NULL DEFAULT 1,
  previous_level TEXT,
  reasons        TEXT NOT NULL,   -- JSON array of sentences
  ratings        TEXT NOT NULL,   -- JSON array of {subject, level, stage}
  policy_version TEXT NOT NULL,
  policy_hash    TEXT NOT NULL,
  assessed_at    TEXT NOT NULL,
  audit_id       INTEGER REFERENCES audit(id)
);
CREATE INDEX assessments_school ON assessments(body_id, urn, period);

CREATE TABLE activities (
  id            INTEGER PRIMARY KEY,
  uid           TEXT NOT NULL UNIQUE,   -- stable across re-plans, for calendars
  body_id       TEXT NOT NULL REFERENCES bodies(id),
  urn           INTEGER,                -- NULL for body-wide activities
  year          TEXT NOT NULL,          -- academic year, e.g. 2024-25
  type          TEXT NOT NULL,
  title         TEXT NOT NULL,
  start_date    TEXT NOT NULL,
  end_date      TEXT NOT NULL,
  due_date      TEXT,
  rule          TEXT NOT NULL,
  attendees     TEXT NOT NULL,          -- JSON array
  documents     TEXT NOT NULL,          -- JSON array
  assessment_id INTEGER REFERENCES assessments(id),
  status        TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'done', 'cancelled')),
  done_on       TEXT,
  note          TEXT
);
CREATE INDEX activities_body ON activities(body_id, year);

CREATE TABLE review_requests (
  id           INTEGER PRIMARY KEY,
  urn          INTEGER NOT NULL,
  body_id      TEXT NOT NULL REFERENCES bodies(id),
  requested_by TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  reason       TEXT NOT NULL
);

-- Every command that wrote: who, when, what, and a hash of its inputs.
CREATE TABLE audit (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  who        TEXT NOT NULL,
  command    TEXT NOT NULL,
  summary    TEXT NOT NULL,
  input_hash TEXT NOT NULL
);
)sql",
      // 2: published benchmarks (e.g. DfE's national figures), preferred over
      // averages computed from the evidence a database happens to hold.
      R"sql(
CREATE TABLE benchmarks (
  id        INTEGER PRIMARY KEY,
  indicator TEXT NOT NULL,
  period    TEXT NOT NULL,
  scope     TEXT NOT NULL CHECK (scope IN ('national', 'la')),
  la_code   INTEGER,             -- for scope 'la'
  value     REAL NOT NULL,
  source    TEXT NOT NULL,
  line      INTEGER,
  UNIQUE (indicator, period, scope, la_code)
);
)sql",
      // 3: decisions, history and time. Assessments and ratings record the
      // regime and adoption they were made under; activities gain a lifecycle
      // (missed, moved, cancelled, with reasons and a calendar SEQUENCE);
      // review requests gain a status and an outcome. Rows made before this
      // migration are tied to the adoption whose regime and hash they carry,
      // else to the body's adoption in force when their academic year began.
      R"sql(
ALTER TABLE assessments ADD COLUMN adoption_id INTEGER REFERENCES adoptions(id);
ALTER TABLE assessments ADD COLUMN computed_level TEXT;      -- the regime's proposal; level is what counted when stored
ALTER TABLE assessments ADD COLUMN prior_regime TEXT;        -- across a switch: the regime of the last earlier assessment
ALTER TABLE assessments ADD COLUMN prior_level TEXT;         -- and its level there (not comparable without a crosswalk)
UPDATE assessments SET computed_level = level;
UPDATE assessments SET adoption_id = COALESCE(
  (SELECT d.id FROM adoptions d WHERE d.body_id = assessments.body_id AND d.regime = assessments.regime
      AND d.policy_hash = assessments.policy_hash ORDER BY d.from_date DESC, d.id DESC LIMIT 1),
  (SELECT d.id FROM adoptions d WHERE d.body_id = assessments.body_id AND d.regime = assessments.regime
      ORDER BY d.from_date DESC, d.id DESC LIMIT 1));

ALTER TABLE ratings ADD COLUMN regime TEXT;
ALTER TABLE ratings ADD COLUMN adoption_id INTEGER REFERENCES adoptions(id);
ALTER TABLE ratings ADD COLUMN decided_on TEXT;             -- the day a decision was taken, when given
UPDATE ratings SET adoption_id = (SELECT d.id FROM adoptions d WHERE d.body_id = ratings.body_id
    AND d.from_date <= (CAST(substr(ratings.period, 1, 4) AS INTEGER) + 1) || '-08-31'
    ORDER BY d.from_date DESC, d.id DESC LIMIT 1);
UPDATE ratings SET regime = (SELECT d.regime FROM adoptions d WHERE d.id = ratings.adoption_id);
CREATE INDEX ratings_regime ON ratings(body_id, regime, urn, period);

CREATE TABLE activities_v3 (
  id            INTEGER PRIMARY KEY,
  uid           TEXT NOT NULL UNIQUE,   -- stable across re-plans, for calendars
  body_id       TEXT NOT NULL REFERENCES bodies(id),
  urn           INTEGER,                -- NULL for body-wide activities
  year          TEXT NOT NULL,          -- academic year, e.g. 2024-25
  type          TEXT NOT NULL,
  title         TEXT NOT NULL,
  start_date    TEXT NOT NULL,
  end_date      TEXT NOT NULL,
  due_date      TEXT,
  rule          TEXT NOT NULL,
  attendees     TEXT NOT NULL,          -- JSON array
  documents     TEXT NOT NULL,          -- JSON array
  assessment_id INTEGER REFERENCES assessments(id),
  status        TEXT NOT NULL DEFAULT 'planned'
                CHECK (status IN ('planned', 'done', 'missed', 'moved', 'cancelled')),
  done_on       TEXT,
  note          TEXT,
  reason        TEXT,                   -- why it was cancelled, moved or missed
  moved_from    TEXT,                   -- the start date before the last move
  sequence      INTEGER NOT NULL DEFAULT 0,  -- ICS SEQUENCE: raised on every change a calendar must see
  anchor_uid    TEXT,                   -- the activity this one is dated from (agenda before, minutes after)
  offset_days   INTEGER,                -- signed: before the anchor < 0 < after it
  day_kind      TEXT CHECK (day_kind IN ('calendar', 'working', 'school')),  -- what offset_days counts
  planned_at    TEXT,
  changed_at    TEXT
);
INSERT INTO activities_v3(id, uid, body_id, urn, year, type, title, start_date, end_date, due_date, rule, attendees,
    documents, assessment_id, status, done_on, note)
  SELECT id, uid, body_id, urn, year, type, title, start_date, end_date, due_date, rule, attendees, documents,
    assessment_id, status, done_on, note FROM activities;
DROP TABLE activities;
ALTER TABLE activities_v3 RENAME TO activities;
CREATE INDEX activities_body ON activities(body_id, year);
CREATE INDEX activities_school ON activities(body_id, urn, year);

ALTER TABLE review_requests ADD COLUMN period TEXT;
ALTER TABLE review_requests ADD COLUMN status TEXT NOT NULL DEFAULT 'requested'
  CHECK (status IN ('requested', 'under review', 'confirmed', 'changed'));
ALTER TABLE review_requests ADD COLUMN outcome_level TEXT;
ALTER TABLE review_requests ADD COLUMN outcome_rationale TEXT;
ALTER TABLE review_requests ADD COLUMN outcome_on TEXT;
ALTER TABLE review_requests ADD COLUMN outcome_by TEXT;
ALTER TABLE review_requests ADD COLUMN updated_at TEXT;

-- Letters to heads, stored in the same transaction as the change that caused
-- them and written out as files afterwards.
CREATE TABLE outbox (
  id          INTEGER PRIMARY KEY,
  body_id     TEXT NOT NULL REFERENCES bodies(id),
  urn         INTEGER NOT NULL,
  period      TEXT NOT NULL,
  regime      TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('change', 'decision', 'review')),
  from_level  TEXT,
  to_level    TEXT,
  provisional INTEGER NOT NULL DEFAULT 0,
  file        TEXT NOT NULL,            -- relative to the letters folder
  text        TEXT NOT NULL,            -- the letter, Markdown
  created_at  TEXT NOT NULL
);
CREATE INDEX outbox_school ON outbox(body_id, urn, period);
)sql",
      // 4: people and roles, visit notes with the school's response, and a
      // hash-chained audit (each row's hash covers the previous row's hash and
      // its own canonical content; rows written before 4 are sealed on upgrade).
      R"sql(
CREATE TABLE people (
  id       TEXT PRIMARY KEY,
  name     TEXT NOT NULL,
  role     TEXT NOT NULL CHECK (role IN ('admin', 'officer', 'board', 'head', 'verifier', 'viewer')),
  body_id  TEXT REFERENCES bodies(id),   -- NULL: any body
  urn      INTEGER,                      -- a head's own school
  added_at TEXT NOT NULL,
  added_by TEXT                          -- NULL for the database's creator
);

ALTER TABLE audit ADD COLUMN role TEXT;        -- the role the person acted in
ALTER TABLE audit ADD COLUMN body_id TEXT;     -- the body the command concerned, if one
ALTER TABLE audit ADD COLUMN urn INTEGER;      -- the school the command concerned, if one
ALTER TABLE audit ADD COLUMN changes TEXT;     -- JSON: what changed
ALTER TABLE audit ADD COLUMN prev_hash TEXT;
ALTER TABLE audit ADD COLUMN hash TEXT;

-- The newest end of the audit chain, so that deleting the last rows shows:
-- a tamperer must forge this too. Kept by record_audit and seal_audit.
CREATE TABLE audit_head (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  row_count INTEGER NOT NULL,
  last_id   INTEGER NOT NULL,
  hash      TEXT NOT NULL
);

-- The written record of a visit or meeting, attached to its activity.
CREATE TABLE notes (
  id           INTEGER PRIMARY KEY,
  activity_id  INTEGER NOT NULL REFERENCES activities(id),
  body_id      TEXT NOT NULL REFERENCES bodies(id),
  urn          INTEGER,
  author       TEXT NOT NULL REFERENCES people(id),
  text         TEXT,
  file         TEXT,                          -- a file reference instead of text, with its sha256
  file_sha256  TEXT,
  strengths    TEXT NOT NULL DEFAULT '[]',    -- JSON arrays of sentences
  improvements TEXT NOT NULL DEFAULT '[]',
  actions      TEXT NOT NULL DEFAULT '[]',
  status       TEXT NOT NULL DEFAULT 'draft'
               CHECK (status IN ('draft', 'sent', 'accurate', 'inaccurate', 'agreed')),
  send_by      TEXT,                          -- deadlines, from the regime's rules
  agree_by     TEXT,
  created_at   TEXT NOT NULL
);
CREATE INDEX notes_activity ON notes(activity_id);
CREATE INDEX notes_school ON notes(body_id, urn);

-- Each step of a note: who, in which role, when, and any comment.
CREATE TABLE note_steps (
  id      INTEGER PRIMARY KEY,
  note_id INTEGER NOT NULL REFERENCES notes(id),
  step    TEXT NOT NULL CHECK (step IN ('added', 'sent', 'accurate', 'inaccurate', 'agreed')),
  by      TEXT NOT NULL,
  role    TEXT NOT NULL,
  at      TEXT NOT NULL,
  comment TEXT,                            -- the head's comment on an inaccurate note
  revision TEXT                            -- agreed: the note's text as corrected after an inaccurate response
);
)sql",
      // 5: who was present at a held meeting, for stages recorded at a panel
      // (sdk::StagePanel): the people, by id, recorded when it is marked done.
      R"sql(
CREATE TABLE activity_attendance (
  activity_id INTEGER NOT NULL REFERENCES activities(id),
  person_id   TEXT NOT NULL REFERENCES people(id),
  PRIMARY KEY (activity_id, person_id)
);
)sql",
      // 6: the outbox holds notices too: a standing decision's notice to the
      // people a policy names ([decisions.notices]). SQLite cannot change a
      // CHECK in place, so the table is copied, row for row, ids kept.
      R"sql(
CREATE TABLE outbox_6 (
  id          INTEGER PRIMARY KEY,
  body_id     TEXT NOT NULL REFERENCES bodies(id),
  urn         INTEGER NOT NULL,
  period      TEXT NOT NULL,
  regime      TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('change', 'decision', 'review', 'notice')),
  from_level  TEXT,
  to_level    TEXT,
  provisional INTEGER NOT NULL DEFAULT 0,
  file        TEXT NOT NULL,
  text        TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
INSERT INTO outbox_6 (id, body_id, urn, period, regime, kind, from_level, to_level, provisional, file, text, created_at)
  SELECT id, body_id, urn, period, regime, kind, from_level, to_level, provisional, file, text, created_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_6 RENAME TO outbox;
CREATE INDEX outbox_school ON outbox(body_id, urn, period);
)sql",
      // 7: published national figures by phase (DfE's primary, secondary and
      // special totals), so a special school is compared with special schools;
      // and the school's address from the register (issue 16).
      // '' is every phase, as every figure stored before was. SQLite cannot
      // widen a UNIQUE constraint in place, so the table is copied.
      R"sql(
CREATE TABLE benchmarks_by_phase (
  id        INTEGER PRIMARY KEY,
  indicator TEXT NOT NULL,
  period    TEXT NOT NULL,
  scope     TEXT NOT NULL CHECK (scope IN ('national', 'la')),
  la_code   INTEGER,             -- for scope 'la'
  phase     TEXT NOT NULL DEFAULT '' CHECK (phase IN ('', 'primary', 'secondary', 'special')),
  value     REAL NOT NULL,
  source    TEXT NOT NULL,
  line      INTEGER,
  UNIQUE (indicator, period, scope, la_code, phase)
);
INSERT INTO benchmarks_by_phase(id, indicator, period, scope, la_code, value, source, line)
  SELECT id, indicator, period, scope, la_code, value, source, line FROM benchmarks;
DROP TABLE benchmarks;
ALTER TABLE benchmarks_by_phase RENAME TO benchmarks;
-- The school's address from the register, for a calendar event's LOCATION.
ALTER TABLE schools ADD COLUMN address TEXT;
)sql",
      // 8: concerns raised during a visit, kept with its note (a JSON array of
      // sentences, as strengths are); the notice they send is in the outbox.
      R"sql(
ALTER TABLE notes ADD COLUMN concerns TEXT NOT NULL DEFAULT '[]';
)sql",
      // 9: people's passwords for signing in to the web dashboard, as encoded
      // argon2id hashes (salt and cost inside), kept apart from the people
      // table so that listing people never reads them.
      R"sql(
CREATE TABLE passwords (
  person_id TEXT PRIMARY KEY REFERENCES people(id),
  hash      TEXT NOT NULL,
  set_at    TEXT NOT NULL,
  set_by    TEXT NOT NULL
);
)sql",
      // 10: the academy's trust from the register (GIAS "Trusts (code)",
      // "Trusts (name)"), NULL where none is named; and an indicator's range
      // as a policy declares it (SDK 3), which evidence must keep to.
      R"sql(
ALTER TABLE schools ADD COLUMN trust_code TEXT;
ALTER TABLE schools ADD COLUMN trust_name TEXT;
ALTER TABLE indicators ADD COLUMN min REAL;
ALTER TABLE indicators ADD COLUMN max REAL;
ALTER TABLE indicators ADD COLUMN whole_number INTEGER NOT NULL DEFAULT 0;
)sql",
      // 11: an activity's UID is unique within its school's year, no longer
      // through an index of its own (issue 18). A UID is a hash of body, school,
      // rule, year and occurrence (activity_uid), so the constraint is the same;
      // but a year's UIDs went into their own index in random order, the largest
      // cost of a national stored run. A year is written in date order, and in
      // URN order within a day, so (body_id, urn, year, uid) fills in one
      // ordered sweep per day; it finds a school's activities as
      // activities_school did (a query sorting them by id writes "+id"). NULLs are distinct in a UNIQUE index,
      // so body-wide activities keep one on uid.
      // assessment_id is no longer declared a foreign key: checking it read the
      // assessment's row (about 6 KB) for every activity, and a year is written
      // in date order across all schools, so a national year read them from
      // disk 870k times. Assessments are never deleted, and the planner writes
      // the id of one it stored in the same transaction (cli.migrate_v10 checks).
      // Notes and attendance refer to activities: the store runs this with
      // foreign keys off and checks them before it commits (SqliteStore).
      // Rows are copied, ids kept.
      R"sql(
CREATE TABLE activities_11 (
  id            INTEGER PRIMARY KEY,
  uid           TEXT NOT NULL,          -- stable across re-plans, for calendars; unique (below)
  body_id       TEXT NOT NULL REFERENCES bodies(id),
  urn           INTEGER,                -- NULL for body-wide activities
  year          TEXT NOT NULL,          -- academic year, e.g. 2024-25
  type          TEXT NOT NULL,
  title         TEXT NOT NULL,
  start_date    TEXT NOT NULL,
  end_date      TEXT NOT NULL,
  due_date      TEXT,
  rule          TEXT NOT NULL,
  attendees     TEXT NOT NULL,          -- JSON array
  documents     TEXT NOT NULL,          -- JSON array
  assessment_id INTEGER,                -- assessments(id), unchecked (above)
  status        TEXT NOT NULL DEFAULT 'planned'
                CHECK (status IN ('planned', 'done', 'missed', 'moved', 'cancelled')),
  done_on       TEXT,
  note          TEXT,
  reason        TEXT,                   -- why it was cancelled, moved or missed
  moved_from    TEXT,                   -- the start date before the last move
  sequence      INTEGER NOT NULL DEFAULT 0,  -- ICS SEQUENCE: raised on every change a calendar must see
  anchor_uid    TEXT,                   -- the activity this one is dated from (agenda before, minutes after)
  offset_days   INTEGER,                -- signed: before the anchor < 0 < after it
  day_kind      TEXT CHECK (day_kind IN ('calendar', 'working', 'school')),  -- what offset_days counts
  planned_at    TEXT,
  changed_at    TEXT
);
INSERT INTO activities_11(id, uid, body_id, urn, year, type, title, start_date, end_date, due_date, rule, attendees,
    documents, assessment_id, status, done_on, note, reason, moved_from, sequence, anchor_uid, offset_days, day_kind,
    planned_at, changed_at)
  SELECT id, uid, body_id, urn, year, type, title, start_date, end_date, due_date, rule, attendees, documents,
    assessment_id, status, done_on, note, reason, moved_from, sequence, anchor_uid, offset_days, day_kind,
    planned_at, changed_at FROM activities ORDER BY id;
DROP TABLE activities;
ALTER TABLE activities_11 RENAME TO activities;
CREATE INDEX activities_body ON activities(body_id, year);
CREATE UNIQUE INDEX activities_school ON activities(body_id, urn, year, uid);
CREATE UNIQUE INDEX activities_body_wide ON activities(uid) WHERE urn IS NULL;
)sql",
      // 12: the foreign keys of the tables a run writes many rows to at a time
      // (evidence, ratings, rating_evidence, assessments, activities) are checked
      // when the unit of work commits, not after each statement (issue 18). A
      // statement that inserts many rows and checks a key at once must be undone
      // alone if a later row fails, so SQLite copied every page it touched to a
      // statement journal first: past 64 KiB, to a temporary file, and every later
      // statement of the unit of work with it. A national stored run wrote 4 GB
      // there. Checked at commit, a dangling key still fails the whole unit of work,
      // and nothing is written. SQLite cannot change a constraint in place, so each
      // table is copied (ids kept; the store runs this with foreign keys off and
      // checks them before it commits).
      R"sql(
CREATE TABLE evidence_12 (
  id          INTEGER PRIMARY KEY,
  urn         INTEGER NOT NULL,
  period      TEXT NOT NULL,
  indicator   TEXT NOT NULL,
  value_num   REAL,
  value_text  TEXT,
  missing     TEXT,            -- NULL, or why there is no value
  import_id   INTEGER REFERENCES imports(id) DEFERRABLE INITIALLY DEFERRED,
  source      TEXT NOT NULL,   -- file name, or who recorded it
  line        INTEGER,
  col         INTEGER,
  recorded_by TEXT,
  recorded_at TEXT NOT NULL,
  supersedes  INTEGER REFERENCES evidence(id) DEFERRABLE INITIALLY DEFERRED
);
INSERT INTO evidence_12 SELECT id, urn, period, indicator, value_num, value_text, missing, import_id, source, line, col,
    recorded_by, recorded_at, supersedes FROM evidence ORDER BY id;
DROP TABLE evidence;
ALTER TABLE evidence_12 RENAME TO evidence;
CREATE INDEX evidence_school ON evidence(urn, indicator, period);
CREATE INDEX evidence_supersedes ON evidence(supersedes) WHERE supersedes IS NOT NULL;

CREATE TABLE ratings_12 (
  id          INTEGER PRIMARY KEY,
  urn         INTEGER NOT NULL,
  body_id     TEXT NOT NULL REFERENCES bodies(id) DEFERRABLE INITIALLY DEFERRED,
  period      TEXT NOT NULL,
  subject     TEXT NOT NULL,     -- indicator, area, or "overall"
  level       TEXT NOT NULL,
  stage       TEXT NOT NULL CHECK (stage IN ('self','computed','proposed','moderated','validated','final')),
  set_by      TEXT NOT NULL,
  set_at      TEXT NOT NULL,
  rationale   TEXT,
  supersedes  INTEGER REFERENCES ratings(id) DEFERRABLE INITIALLY DEFERRED,
  regime      TEXT,
  adoption_id INTEGER REFERENCES adoptions(id) DEFERRABLE INITIALLY DEFERRED,
  decided_on  TEXT              -- the day a decision was taken, when given
);
INSERT INTO ratings_12 SELECT id, urn, body_id, period, subject, level, stage, set_by, set_at, rationale, supersedes,
    regime, adoption_id, decided_on FROM ratings ORDER BY id;
DROP TABLE ratings;
ALTER TABLE ratings_12 RENAME TO ratings;
CREATE INDEX ratings_school ON ratings(body_id, urn, period, subject, stage);
CREATE INDEX ratings_regime ON ratings(body_id, regime, urn, period);

CREATE TABLE rating_evidence_12 (
  rating_id   INTEGER NOT NULL REFERENCES ratings(id) DEFERRABLE INITIALLY DEFERRED,
  evidence_id INTEGER NOT NULL REFERENCES evidence(id) DEFERRABLE INITIALLY DEFERRED,
  PRIMARY KEY (rating_id, evidence_id)
);
INSERT INTO rating_evidence_12(rowid, rating_id, evidence_id)
  SELECT rowid, rating_id, evidence_id FROM rating_evidence ORDER BY rowid;
DROP TABLE rating_evidence;
ALTER TABLE rating_evidence_12 RENAME TO rating_evidence;

CREATE TABLE assessments_12 (
  id             INTEGER PRIMARY KEY,
  urn            INTEGER NOT NULL,
  body_id        TEXT NOT NULL REFERENCES bodies(id) DEFERRABLE INITIALLY DEFERRED,
  regime         TEXT NOT NULL,
  period         TEXT NOT NULL,
  level          TEXT NOT NULL,
  classified     INTEGER NOT NULL DEFAULT 1,
  previous_level TEXT,
  reasons        TEXT NOT NULL,   -- JSON array of sentences
  ratings        TEXT NOT NULL,   -- JSON array of {subject, level, stage}
  policy_version TEXT NOT NULL,
  policy_hash    TEXT NOT NULL,
  assessed_at    TEXT NOT NULL,
  audit_id       INTEGER REFERENCES audit(id) DEFERRABLE INITIALLY DEFERRED,
  adoption_id    INTEGER REFERENCES adoptions(id) DEFERRABLE INITIALLY DEFERRED,
  computed_level TEXT,            -- the regime's proposal; level is what counted when stored
  prior_regime   TEXT,            -- across a switch: the regime of the last earlier assessment
  prior_level    TEXT             -- and its level there (not comparable without a crosswalk)
);
INSERT INTO assessments_12 SELECT id, urn, body_id, regime, period, level, classified, previous_level, reasons, ratings,
    policy_version, policy_hash, assessed_at, audit_id, adoption_id, computed_level, prior_regime, prior_level
  FROM assessments ORDER BY id;
DROP TABLE assessments;
ALTER TABLE assessments_12 RENAME TO assessments;
CREATE INDEX assessments_school ON assessments(body_id, urn, period);

CREATE TABLE activities_12 (
  id            INTEGER PRIMARY KEY,
  uid           TEXT NOT NULL,          -- stable across re-plans, for calendars; unique (below)
  body_id       TEXT NOT NULL REFERENCES bodies(id) DEFERRABLE INITIALLY DEFERRED,
  urn           INTEGER,                -- NULL for body-wide activities
  year          TEXT NOT NULL,          -- academic year, e.g. 2024-25
  type          TEXT NOT NULL,
  title         TEXT NOT NULL,
  start_date    TEXT NOT NULL,
  end_date      TEXT NOT NULL,
  due_date      TEXT,
  rule          TEXT NOT NULL,
  attendees     TEXT NOT NULL,          -- JSON array
  documents     TEXT NOT NULL,          -- JSON array
  assessment_id INTEGER,                -- assessments(id), unchecked (migration 11)
  status        TEXT NOT NULL DEFAULT 'planned'
                CHECK (status IN ('planned', 'done', 'missed', 'moved', 'cancelled')),
  done_on       TEXT,
  note          TEXT,
  reason        TEXT,                   -- why it was cancelled, moved or missed
  moved_from    TEXT,                   -- the start date before the last move
  sequence      INTEGER NOT NULL DEFAULT 0,  -- ICS SEQUENCE: raised on every change a calendar must see
  anchor_uid    TEXT,                   -- the activity this one is dated from (agenda before, minutes after)
  offset_days   INTEGER,                -- signed: before the anchor < 0 < after it
  day_kind      TEXT CHECK (day_kind IN ('calendar', 'working', 'school')),  -- what offset_days counts
  planned_at    TEXT,
  changed_at    TEXT
);
INSERT INTO activities_12 SELECT id, uid, body_id, urn, year, type, title, start_date, end_date, due_date, rule,
    attendees, documents, assessment_id, status, done_on, note, reason, moved_from, sequence, anchor_uid, offset_days,
    day_kind, planned_at, changed_at FROM activities ORDER BY id;
DROP TABLE activities;
ALTER TABLE activities_12 RENAME TO activities;
CREATE INDEX activities_body ON activities(body_id, year);
CREATE UNIQUE INDEX activities_school ON activities(body_id, urn, year, uid);
CREATE UNIQUE INDEX activities_body_wide ON activities(uid) WHERE urn IS NULL;
)sql",
  };
  return m;
}


}  // namespace trellis::sqlite
