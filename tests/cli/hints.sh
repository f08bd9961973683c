#!/usr/bin/env bash
# The CLI's words for a kernel error (issue 11): the kernel says what is wrong
# in domain words; the CLI names the flag in front and the command to run after.
set -u
trellis=$1
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_DB=$dir/t.db TRELLIS_NOW=2024-09-02T09:00:00Z
fails=0; passes=0
# says CODE EXACT-STDERR -- ARGS: trellis ARGS exits CODE and prints exactly that one line.
says() {
  local want_rc=$1 want=$2; shift 3
  "$trellis" "$@" >"$dir/out" 2>"$dir/err"; local rc=$?
  if [ "$rc" -eq "$want_rc" ] && [ "$(cat "$dir/err")" = "$want" ]; then passes=$((passes+1)); else
    fails=$((fails+1)); echo "FAIL trellis $*: exit $rc (wanted $want_rc)"; echo "  got:    $(cat "$dir/err")"; echo "  wanted: $want"; fi
}
# A mistyped --db leaves no file behind (issue 19); an empty file is not a database yet.
says 3 "trellis: there is no database at $dir/t.db (nothing was created); run \`trellis init\` first" -- body list
: >"$dir/t.db"
says 3 "trellis: $dir/t.db: not a trellis database yet; run \`trellis init\` first" -- body list
"$trellis" init >/dev/null && "$trellis" body add t1 --kind trust --name "Trust One" >/dev/null || { echo "FAIL: setup"; exit 1; }
says 2 'trellis: unknown body "nowhere"; see `trellis body list`' -- report --body nowhere --period 2018-19
says 2 'trellis: nothing has been assessed for t1 in 2018-19; run `trellis assess --body t1 --period 2018-19` first' \
  -- report --body t1 --period 2018-19
says 2 'trellis: body "t1" has adopted no policy in force on 2018-09-03; adopt one with `trellis body adopt t1 POLICY.toml --from DATE`, or try a draft with --policy' \
  -- assess --body t1 --period 2018-19
says 2 'trellis: --from: a membership'"'"'s first day must be a date YYYY-MM-DD, found "2024-13-01"' -- body join t1 --from 2024-13-01 100000
says 2 "trellis: --to: a membership's last day, 2024-01-01, is before its first, 2024-09-01" \
  -- body join t1 --from 2024-09-01 --to 2024-01-01 100000
says 2 'trellis: --school: a head needs their school' -- person add h1 --name H --role head --body t1
says 2 'trellis: no activity with id 99; see `trellis schedule`' -- activity done 99 --on 2024-09-02
says 2 'trellis: no review request 99; see `trellis reviews --body ID`' -- review start 99
echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
