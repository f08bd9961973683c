# Sourced by the tests of a stored assess (threads.sh, stored_assess.sh).
# stored_rows DB: every row a stored run writes, in id order.
stored_rows() {
  python3 - "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for table in ("assessments", "ratings", "rating_evidence", "activities", "outbox", "audit", "audit_head"):
    for row in db.execute(f"SELECT * FROM {table} ORDER BY rowid"):
        print(table, row)
PY
}

# failing_telford SRC DIR FIRST SECOND [LOOPS]: DIR/draft/telford.toml, Telford's policy from SRC whose
# classify fails for the schools FIRST and SECOND (FIRST after LOOPS additions, to be slow); scripts in DIR/scripts.
failing_telford() {
  local src=$1 dir=$2 first=$3 second=$4 loops=${5:-0} script
  mkdir -p "$dir/draft"
  cp -r "$src/scripts" "$dir/scripts"
  cp "$src/policies/telford-and-wrekin.toml" "$dir/draft/telford.toml"
  script=$(sed -n 's/^classify *= *"\(.*\)".*/\1/p' "$dir/draft/telford.toml" | head -1)
  {
    echo "local inner = (function()"
    cat "$dir/draft/$script"
    echo "end)()"
    echo "return function(school, params)"
    echo "  if school.urn == $first then local n = 0; for i = 1, $loops do n = n + i end; error('first school fails') end"
    echo "  if school.urn == $second then error('second school fails') end"
    echo "  return inner(school, params)"
    echo "end"
  } >"$dir/draft/failing.lua"
  sed -i "s|^classify *= *\".*\"|classify = \"failing.lua\"|" "$dir/draft/telford.toml"
}
