#!/usr/bin/env bash
# Schema 5 -> 7 (6: notices in the outbox; 7: national figures by phase) on a database made by the previous
# main: tests/data/schema-v5-demo.sql.gz is `trellis demo` as main made it at
# 4475d8c (tests/data/make-schema-v5-demo.sh), and the .tsv files beside it are
# what that main reported. After `trellis init` the audit chain still holds,
# the reports give the same levels, the published figures are kept (every
# phase), and DfE's national rows by phase can be stored beside them.
# Usage: migrate_v5.sh TRELLIS SOURCE_DIR
set -u
trellis=$1 src=$2
data=$src/tests/data
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_DB=$dir/v5.db TRELLIS_NOW=2024-09-02T09:00:00Z TRELLIS_USER=demo-admin
PY=$(command -v /usr/bin/python3 || command -v python3)
passes=0 fails=0
ok() { passes=$((passes+1)); }
bad() { fails=$((fails+1)); echo "FAIL: $*"; }
q() { "$PY" -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$TRELLIS_DB" "$1"; }

"$PY" - "$src" "$TRELLIS_DB" <<'PY' || { echo "cannot load the schema 5 dump"; exit 1; }
import gzip, sqlite3, sys
src, db = sys.argv[1], sys.argv[2]
sql = gzip.open(src + "/tests/data/schema-v5-demo.sql.gz", "rt", encoding="utf-8").read().replace("@SRC@", src)
c = sqlite3.connect(db)
c.executescript(sql)
c.execute("pragma user_version = 5")  # a dump does not carry it
c.commit()
PY
rows_before=$(q "select count(*) from audit")
benchmarks_before=$(q "select count(*) from benchmarks")

"$trellis" schedule --body telford --year 2018-19 >/dev/null 2>"$dir/err"
[ $? -eq 3 ] && grep -q "trellis init" "$dir/err" && ok || bad "a schema 5 database is refused with the way to upgrade it: $(cat "$dir/err")"

"$trellis" init >"$dir/out" 2>"$dir/err" || bad "init: $(cat "$dir/err")"
grep -q "schema version 5" "$dir/out" && ok || bad "init says it upgraded from 5: $(cat "$dir/out")"
[ "$(q "pragma user_version")" = 12 ] && ok || bad "init carries it to the current schema (12)"
[ "$(q "select count(*) from audit")" -eq $((rows_before + 1)) ] && ok || bad "the old audit rows are kept and the upgrade is one more"
"$trellis" audit verify >"$dir/out" 2>&1 && ok || bad "the audit chain holds across the upgrade: $(cat "$dir/out")"

same_levels() { # BODY PERIOD TSV
  "$trellis" report --body "$1" --period "$2" --format json >"$dir/report.json" 2>"$dir/err" || { bad "report $1 $2: $(cat "$dir/err")"; return; }
  "$PY" - "$dir/report.json" "$3" <<'PY' && ok || bad "report $1 $2: the same levels (counted, computed, previous) as before the upgrade"
import json, sys
r = json.load(open(sys.argv[1]))
old = {int(u): (l, c, None if p == "-" else p) for u, l, c, p in (line.rstrip("\n").split("\t") for line in open(sys.argv[2]))}
now = {s["urn"]: (s["level"], s["computed_level"], s["previous_level"]) for s in r["schools"]}
assert len(old) > 0 and now == old, [(u, old.get(u), now.get(u)) for u in set(old) | set(now) if old.get(u) != now.get(u)][:3]
PY
}
same_levels telford 2018-19 "$data/schema-v5-demo.telford-2018-19.tsv"
same_levels nexus 2019-20/summer "$data/schema-v5-demo.nexus-2019-20-summer.tsv"

# What schema 7 adds: national figures by phase. The figures stored before are every phase's, and kept.
[ "$(q "select count(*) from benchmarks where phase = ''")" = "$benchmarks_before" ] && ok || bad "the published figures are kept, as every phase's"
"$trellis" import evidence "$src/examples/telford-and-wrekin/data/england_abs.csv" --period 2018-19 >"$dir/out" 2>"$dir/err" ||
  bad "import absence after the upgrade: $(cat "$dir/err")"
[ "$(q "select value from benchmarks where indicator = 'persistent_absence_pct' and phase = 'special' and period = '2018-19'")" = 28.8 ] &&
  ok || bad "s6: special schools' national persistent absence stored beside every phase's"
[ "$(q "select value from benchmarks where indicator = 'persistent_absence_pct' and phase = '' and period = '2018-19'")" = 10.9 ] &&
  ok || bad "s6: every phase's figure unchanged"

# And the school's address from the register, for calendars: empty until the register is imported again.
[ "$(q "select count(*) from schools where address is not null")" = 0 ] && ok || bad "schools have no address before the register is re-imported"
"$trellis" import schools "$src/examples/telford-and-wrekin/data/england_spine.csv" >/dev/null 2>"$dir/err" || bad "import schools: $(cat "$dir/err")"
[ "$(q "select address from schools where urn = 123404")" = "Hartshill, Oakengates, Telford, TF2 6AN" ] && ok ||
  bad "the register's address is kept: $(q "select address from schools where urn = 123404")"

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
