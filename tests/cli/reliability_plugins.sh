#!/usr/bin/env bash
# Issue 19: a plugin whose constructor aborts, crashes, calls _exit(0) or
# never returns no longer kills or hangs every command while it sits in the
# plugin path. A command loads only the regimes it needs; `trellis plugins`
# vets each library in a child process with a time limit and lists a bad one
# as refused, with the reason.
# Usage: reliability_plugins.sh TRELLIS CRASHING_FIXTURE_DIR SOURCE_DIR
set -u
trellis=$(realpath "$1") crashing=$2 src=$(cd "$3" && pwd -P)
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_DB=$dir/t.db TRELLIS_NOW=2019-01-14T09:00:00Z TRELLIS_USER=tester TRELLIS_PLUGIN_PATH=$crashing
passes=0 fails=0
ok() { passes=$((passes+1)); }
bad() { fails=$((fails+1)); echo "FAIL: $*"; }
for f in ctor_abort ctor_null ctor_exit ctor_loop; do
  [ -f "$crashing/$f.so" ] || { echo "FAIL: missing fixture $crashing/$f.so (build plugin_fixtures)"; exit 1; }
done

# Commands that need no regime, or another one, neither die nor wait.
start=$(date +%s)
timeout 20 "$trellis" init >/dev/null 2>"$dir/err" && ok || bad "init with crashing plugins in the path: $(cat "$dir/err")"
timeout 20 "$trellis" body list >/dev/null 2>"$dir/err" && ok || bad "body list: $(cat "$dir/err")"
timeout 20 "$trellis" policy check "$src/policies/telford-and-wrekin.toml" >/dev/null 2>"$dir/err" && ok \
  || bad "policy check of a Telford policy: $(cat "$dir/err")"
took=$(( $(date +%s) - start ))
[ "$took" -le 8 ] && ok || bad "no command waited on the looping plugin (took ${took}s)"
[ -s "$dir/err" ] && bad "nothing is said about plugins no command needed: $(cat "$dir/err")" || ok

# `trellis plugins` lists each as refused, with why, and exits 0.
timeout 60 "$trellis" plugins --format json >"$dir/plugins.json" 2>"$dir/err"; rc=$?
[ "$rc" = 0 ] && ok || bad "trellis plugins exited $rc: $(cat "$dir/err")"
status() { python3 -c "import json,sys; print(next((p['status'] for p in json.load(open(sys.argv[1])) if p['file'].endswith('/'+sys.argv[2])), 'absent'))" "$dir/plugins.json" "$1"; }
check() { # file pattern
  local s; s=$(status "$1")
  echo "$s" | grep -Eq "$2" && ok || bad "$1: expected /$2/, found: $s"
}
check ctor_abort.so 'crashed \(signal 6'
# Under AddressSanitizer (CI's sanitize pass) the child's SIGSEGV is reported by ASan, which then exits 1.
check ctor_null.so 'crashed \(signal 11|ended the process \(exit status 1\)'
check ctor_exit.so 'ended the process \(exit status 0\)'
check ctor_loop.so 'did not finish loading within 5 s'
timeout 60 "$trellis" plugins >"$dir/out" 2>&1 && grep -q "fixture-ctor-abort" "$dir/out" && ok || bad "the table lists them: $(cat "$dir/out")"

# A policy for a regime whose plugin ends the process: refused, never exit 0.
cat >"$dir/exit.toml" <<'TOML'
[policy]
regime = "fixture-ctor-exit"
body = "A body"
version = "1"
approved = "2024-01-01"
review = "2025-01-01"
TOML
timeout 20 "$trellis" policy check "$dir/exit.toml" >"$dir/out" 2>"$dir/err"; rc=$?
[ "$rc" != 0 ] && ok || bad "policy check for the plugin that calls _exit(0) exited 0"
grep -q "ended the process" "$dir/err" "$dir/out" && ok || bad "it says why: $(cat "$dir/out" "$dir/err")"

echo "$passes passed, $fails failed"
[ "$fails" = 0 ]
