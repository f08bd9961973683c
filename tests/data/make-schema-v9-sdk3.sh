#!/usr/bin/env bash
# How tests/data/schema-v9-sdk3.sql.gz was made: a small database of schema 9
# (before the register's trust and indicators' ranges) by main at 1a8551b, at
# a fixed time: the register of spine_small.csv and gias_sample.csv (whose
# trust columns that main did not read), the evidence of long_small.csv, and
# a body with one member. Kept so that the fixture can be remade;
# tests/cli/migrate_v9_sdk3.sh only reads it.
# Usage: make-schema-v9-sdk3.sh PREVIOUS_TRELLIS SOURCE_DIR OUT_DIR
set -eu
trellis=$(realpath "$1") src=$(cd "$2" && pwd) out=$(cd "$3" && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export TRELLIS_DB=$work/v9.db TRELLIS_USER=demo-admin TRELLIS_NOW=2024-09-02T09:00:00Z
"$trellis" init >/dev/null
"$trellis" import schools "$src/tests/data/spine_small.csv" >/dev/null
"$trellis" import schools "$src/tests/data/gias_sample.csv" >/dev/null
"$trellis" import evidence "$src/tests/data/long_small.csv" >/dev/null
urn=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select min(urn) from schools').fetchone()[0])" "$TRELLIS_DB")
"$trellis" body add example --kind la --name "Example LA" >/dev/null
"$trellis" body join example "$urn" --from 2018-09-01 >/dev/null
python3 - "$TRELLIS_DB" "$out/schema-v9-sdk3.sql.gz" <<'PY'
import gzip, sqlite3, sys
db, out = sys.argv[1:]
dump = "\n".join(sqlite3.connect(db).iterdump())
with gzip.GzipFile(out, "wb", mtime=0) as f:
    f.write(dump.encode("utf-8") + b"\n")
PY
