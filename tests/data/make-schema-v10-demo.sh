#!/usr/bin/env bash
# How tests/data/schema-v10-demo.sql.gz and schema-v10-demo.schedules.gz were
# made: `trellis demo` of main at 6f0a123 (schema 10, the last with a UNIQUE
# index on activities.uid alone), at a fixed time, and every body's schedule
# as that main printed it (json and ics, one body and year after another).
# The source folder is written as @SRC@ in the dump. Kept so that the fixture
# can be remade; tests/cli/migrate_v10.sh only reads it.
# Usage: make-schema-v10-demo.sh PREVIOUS_TRELLIS PREVIOUS_SOURCE_DIR OUT_DIR
set -eu
trellis=$(realpath "$1") src=$(cd "$2" && pwd) out=$(cd "$3" && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export TRELLIS_DB=$work/v10.db TRELLIS_USER=demo-admin TRELLIS_NOW=2024-09-02T09:00:00Z
"$trellis" demo --db "$TRELLIS_DB" --examples "$src/examples" >/dev/null
python3 -c "import sqlite3,sys
for b, y in sqlite3.connect(sys.argv[1]).execute('select distinct body_id, year from activities order by 1, 2'): print(b, y)" \
  "$TRELLIS_DB" >"$work/years"
while read -r body year; do
  for format in json ics; do
    echo "== $body $year $format"
    "$trellis" schedule --body "$body" --year "$year" --format "$format"
  done
done <"$work/years" | gzip -n >"$out/schema-v10-demo.schedules.gz"
python3 - "$TRELLIS_DB" "$src" "$out/schema-v10-demo.sql.gz" <<'PY'
import gzip, sqlite3, sys
db, src, out = sys.argv[1:]
dump = "\n".join(sqlite3.connect(db).iterdump()).replace(src, "@SRC@")
with gzip.GzipFile(out, "wb", mtime=0) as f:
    f.write(dump.encode("utf-8") + b"\n")
PY
