#!/usr/bin/env bash
# ctest ics.python: write a known plan as ICS, then read it back with
# python3-icalendar (Debian's, which a pyenv python3 on PATH may lack).
set -u
sample=$1
here=$(cd "$(dirname "$0")" && pwd)
python=
for p in /usr/bin/python3 python3; do
  if command -v "$p" >/dev/null && "$p" -c "import icalendar" 2>/dev/null; then python=$p; break; fi
done
[ -n "$python" ] || { echo "FAIL: no python3 with the icalendar module (apt-get install python3-icalendar)"; exit 1; }
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
"$sample" "$dir/plan.ics" "$dir/expected.json" || { echo "FAIL: ics_sample exited $?"; exit 1; }
"$python" "$here/check_ics.py" "$dir/plan.ics" "$dir/expected.json"
