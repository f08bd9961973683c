#!/usr/bin/env bash
# How tests/data/schema-v11-demo.sql.gz and schema-v11-demo.reports.gz were
# made: `trellis demo` of main at b546a76 (schema 11, the last to check every
# foreign key after each statement), at a fixed time, and every body's report
# for every period it assessed, as that main printed it (json), one after another.
# The source folder is written as @SRC@ in the dump. Kept so that the fixture
# can be remade; tests/cli/migrate_v11.sh only reads it.
# Usage: make-schema-v11-demo.sh PREVIOUS_TRELLIS PREVIOUS_SOURCE_DIR OUT_DIR
set -eu
trellis=$(realpath "$1") src=$(cd "$2" && pwd) out=$(cd "$3" && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export TRELLIS_DB=$work/v11.db TRELLIS_USER=demo-admin TRELLIS_NOW=2024-09-02T09:00:00Z
"$trellis" demo --db "$TRELLIS_DB" --examples "$src/examples" >/dev/null
python3 -c "import sqlite3,sys
for b, p in sqlite3.connect(sys.argv[1]).execute('select distinct body_id, period from assessments order by 1, 2'): print(b, p)" \
  "$TRELLIS_DB" >"$work/periods"
while read -r body period; do
  echo "== $body $period json"
  "$trellis" report --body "$body" --period "$period" --format json
done <"$work/periods" | gzip -n >"$out/schema-v11-demo.reports.gz"
python3 - "$TRELLIS_DB" "$src" "$out/schema-v11-demo.sql.gz" <<'PY'
import gzip, sqlite3, sys
db, src, out = sys.argv[1:]
dump = "\n".join(sqlite3.connect(db).iterdump()).replace(src, "@SRC@")
with gzip.GzipFile(out, "wb", mtime=0) as f:
    f.write(dump.encode("utf-8") + b"\n")
PY
