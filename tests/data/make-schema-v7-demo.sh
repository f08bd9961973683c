#!/usr/bin/env bash
# How tests/data/schema-v7-demo.sql.gz and the .tsv files beside it were made:
# `trellis demo` of main at c4bc1b8 (schema 7: notices in the outbox; national figures by phase, school addresses), at a fixed
# time, and what that main reported.
# The source folder is written as @SRC@ in the dump. Kept so that the fixture
# can be remade; the tests only read its output.
# Usage: make-schema-v7-demo.sh PREVIOUS_TRELLIS PREVIOUS_SOURCE_DIR OUT_DIR
set -eu
trellis=$(realpath "$1") src=$(cd "$2" && pwd) out=$(cd "$3" && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export TRELLIS_DB=$work/v7.db TRELLIS_USER=demo-admin TRELLIS_NOW=2024-09-02T09:00:00Z
"$trellis" demo --db "$TRELLIS_DB" --examples "$src/examples" >/dev/null
levels() { # BODY PERIOD FILE: urn, level that counts, computed level, previous level ("-": none)
  "$trellis" report --body "$1" --period "$2" --format json | python3 -c "
import json, sys
for s in sorted(json.load(sys.stdin)['schools'], key=lambda s: s['urn']):
    print(s['urn'], s['level'], s['computed_level'], s['previous_level'] or '-', sep='\t')" >"$3"
}
levels telford 2018-19 "$out/schema-v7-demo.telford-2018-19.tsv"
levels nexus 2019-20/summer "$out/schema-v7-demo.nexus-2019-20-summer.tsv"
python3 - "$TRELLIS_DB" "$src" "$out/schema-v7-demo.sql.gz" <<'PY'
import gzip, sqlite3, sys
db, src, out = sys.argv[1:]
dump = "\n".join(sqlite3.connect(db).iterdump()).replace(src, "@SRC@")
with gzip.GzipFile(out, "wb", mtime=0) as f:
    f.write(dump.encode("utf-8") + b"\n")
PY
