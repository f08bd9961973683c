// Migrations only ever append: migration N takes a database from N-1 to N.
#include "trellis/store/schema.hpp"

#include <string>
#include <vector>

#include "trellis/error.hpp"

namespace trellis {
namespace {

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
  };
  return m;
}

}  // namespace

int schema_version() { return static_cast<int>(migrations().size()); }

int stored_version(Database& db) {
  Statement s(db, "PRAGMA user_version");
  s.step();
  return static_cast<int>(s.integer(0));
}

int migrate(Database& db) {
  const int from = stored_version(db);
  if (from > schema_version())
    throw StoreError(db.file().string() + ": the database is at schema version " + std::to_string(from) +
                     ", newer than this program's " + std::to_string(schema_version()) +
                     "; use a newer trellis");
  if (from == schema_version()) return from;
  Transaction tx(db);
  for (int v = from; v < schema_version(); ++v) db.exec(migrations()[v]);
  db.exec("PRAGMA user_version = " + std::to_string(schema_version()));
  tx.commit();
  return from;
}

void require_current(Database& db) {
  const int v = stored_version(db);
  if (v == schema_version()) return;
  if (v == 0)
    throw StoreError(db.file().string() + ": not a trellis database yet; run `trellis init` first");
  if (v < schema_version())
    throw StoreError(db.file().string() + ": the database is at schema version " + std::to_string(v) +
                     ", older than this program's " + std::to_string(schema_version()) +
                     "; run `trellis init` to upgrade it");
  throw StoreError(db.file().string() + ": the database is at schema version " + std::to_string(v) +
                   ", newer than this program's " + std::to_string(schema_version()) +
                   "; use a newer trellis");
}

}  // namespace trellis
