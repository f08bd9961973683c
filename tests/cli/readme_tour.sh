#!/usr/bin/env bash
# The README's tour, run as it is written: every `trellis` line of its sh
# blocks, on the demo's database (as the README says), in order. Paths are
# the README's, from the source folder; the two files it leaves to the reader
# (la-held.csv, draft.toml) get stand-ins. "Set up a body" is for a new
# database, so that block runs on one that holds the register.
set -u
trellis=$1 src=$2
source "$(dirname "$0")/demo_copy.sh"
shared="$src/../shared"
[ -d "$shared/data" ] || { echo "skipped: no ../shared/data"; exit 0; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
export TRELLIS_USER=demo-admin  # the demo_db fixture's admin
unset TRELLIS_NOW  # the demo plans up to 2020, and the tour records days in 2018: today is after both

# The tour's lines: continuations joined, comments dropped, one per line with its block's heading.
python3 - "$src/README.md" >"$dir/lines" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
tour = text[text.index("## A short tour"):]
tour = tour[:tour.index("\n## ", 3)]
heading = ""
for part in re.split(r"(```sh\n.*?```)", tour, flags=re.S):
    if not part.startswith("```sh"):
        bold = re.findall(r"\*\*([^*]+)\*\*", part)
        if bold: heading = bold[0]
        continue
    body = part[len("```sh\n"):-3].replace("\\\n", " ")
    for line in body.splitlines():
        line = re.sub(r"\s+#.*$", "", line).strip()
        if line.startswith("trellis "): print(heading + "\t" + line)
PY
[ "$(wc -l <"$dir/lines")" -ge 30 ] && ok || bad "the tour has its lines: $(wc -l <"$dir/lines")"

cd "$src"  # the README's paths are from the source folder, ../shared beside it
printf 'urn,indicator,period,value,note\n123574,complaints_qualifying,2018-19,2,Two upheld\n' >"$dir/la-held.csv"
# A draft beside a copy of the policies, so its scripts resolve as the real one's do.
cp -r policies scripts "$dir/" && cp policies/telford-and-wrekin.toml "$dir/policies/draft.toml"
demo_copy "$3" "$dir/demo.db"  # the demo as the README runs it: the cli.demo test
TRELLIS_DB="$dir/new.db" "$trellis" init >/dev/null
TRELLIS_DB="$dir/new.db" "$trellis" import schools ../shared/data/dfe-2017-18/england_spine.csv >/dev/null

while IFS=$'\t' read -r heading line; do
  db="$dir/demo.db"
  [ "$heading" = "Set up a body" ] && db="$dir/new.db"
  line=${line//la-held.csv/$dir/la-held.csv}
  line=${line//draft.toml/$dir/policies/draft.toml}
  line=${line//-o letters\//-o $dir/letters/}
  line=${line//-o report.md/-o $dir/report.md}
  line=${line//-o telford.ics/-o $dir/telford.ics}
  line=${line//-o board-pack./-o $dir/board-pack.}
  eval "set -- ${line#trellis }"
  if [ "$1" = serve ]; then  # the dashboard: started on a free port, its sign-in page fetched, stopped
    TRELLIS_DB="$db" "$trellis" "$@" --port 0 >"$dir/serve" 2>"$dir/err" </dev/null &
    pid=$!
    for _ in $(seq 100); do grep -q "http://" "$dir/serve" 2>/dev/null && break; sleep 0.1; done
    port=$(grep -o '127\.0\.0\.1:[0-9]*' "$dir/serve" | cut -d: -f2)
    python3 -c "import sys, urllib.request; sys.exit(urllib.request.urlopen(sys.argv[1]).status != 200)" \
      "http://127.0.0.1:${port:-0}/signin" 2>/dev/null && ok || bad "$heading: $line: no sign-in page: $(cat "$dir/err")"
    kill "$pid"; wait "$pid" 2>/dev/null
    continue
  fi
  # A password is read from standard input (the first line) when it is not a terminal.
  if TRELLIS_DB="$db" "$trellis" "$@" >"$dir/out" 2>"$dir/err" <<<"a tour password, long enough"; then ok
  else bad "$heading: $line exited $?: $(tail -2 "$dir/err")"; fi
done <"$dir/lines"

[ -s "$dir/report.md" ] && ok || bad "the tour's report was written"
[ -s "$dir/board-pack.html" ] && [ -s "$dir/board-pack.xlsx" ] && ok || bad "the tour's board pack was written, as HTML and xlsx"
ls "$dir/letters/"*.md >/dev/null 2>&1 && ok || bad "the tour's letters were written"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
