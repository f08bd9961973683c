#!/usr/bin/env bash
# Issue 19: `trellis demo` run again never deletes what it did not create (a
# letter of another database in the same letters/ folder, a file a person put
# there), and refuses to replace a demo database a person has added to,
# unless told --force. A file that no demo made is never replaced.
# Runs the Telford example alone, from a copy, to stay quick.
# Usage: reliability_demo.sh TRELLIS SOURCE_DIR
set -u
trellis=$(realpath "$1") src=$(cd "$2" && pwd -P)
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_NOW=2019-01-14T09:00:00Z TRELLIS_USER=tester
unset TRELLIS_DB
passes=0 fails=0
ok() { passes=$((passes+1)); }
bad() { fails=$((fails+1)); echo "FAIL: $*"; }
mkdir -p "$dir/src/examples" "$dir/out"
cp -r "$src/examples/telford-and-wrekin" "$dir/src/examples/"
cp -r "$src/policies" "$src/scripts" "$dir/src/"
echo telford-and-wrekin >"$dir/src/examples/demo.order"
db=$dir/out/demo.db
demo() { timeout 300 "$trellis" demo --examples "$dir/src/examples" --db "$db" "$@" >"$dir/demo.out" 2>"$dir/demo.err"; }

demo && ok || bad "the first demo: $(tail -3 "$dir/demo.err")"
letters=$dir/out/letters/telford
n=$(ls "$letters" | wc -l)
[ "$n" -gt 0 ] && ok || bad "the demo wrote letters to $letters"
# Another database's letter, and a person's notes, beside the demo's letters.
echo "another database's letter" >"$letters/other-db-letter.md"
mkdir -p "$dir/out/letters/other"; echo mine >"$dir/out/letters/other/keep.md"
first=$(ls "$letters" | grep -v other-db | head -1)

demo && ok || bad "a second demo replaces an untouched demo: $(tail -3 "$dir/demo.err")"
[ -f "$letters/other-db-letter.md" ] && ok || bad "the other database's letter is kept"
[ -f "$dir/out/letters/other/keep.md" ] && ok || bad "a person's file in letters/ is kept"
[ -f "$letters/$first" ] && ok || bad "the demo's own letters are written again"

# A demo database a person has added to is not replaced without --force.
"$trellis" --db "$db" body add mine --kind la --name "My own LA" >/dev/null 2>&1 || bad "body add"
demo; rc=$?
[ "$rc" = 2 ] && ok || bad "demo over a changed demo database exited $rc, expected 2"
grep -q -- "--force" "$dir/demo.err" && ok || bad "the refusal names --force: $(cat "$dir/demo.err")"
"$trellis" --db "$db" body list 2>/dev/null | grep -q "My own LA" && ok || bad "the person's body is still there"
demo --force && ok || bad "demo --force replaces it: $(tail -3 "$dir/demo.err")"
"$trellis" --db "$db" body list 2>/dev/null | grep -q "My own LA" && bad "--force made a fresh demo" || ok

# A database the demo did not make is never replaced, --force or not.
"$trellis" --db "$dir/out/mine.db" init >/dev/null 2>&1
sum=$(sha256sum "$dir/out/mine.db" | cut -d' ' -f1)
timeout 60 "$trellis" demo --examples "$dir/src/examples" --db "$dir/out/mine.db" --force >/dev/null 2>"$dir/demo.err"; rc=$?
[ "$rc" = 2 ] && ok || bad "demo over a database it did not make exited $rc, expected 2"
[ "$(sha256sum "$dir/out/mine.db" | cut -d' ' -f1)" = "$sum" ] && ok || bad "mine.db is unchanged"

echo "$passes passed, $fails failed"
[ "$fails" = 0 ]
