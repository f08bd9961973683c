# Sourced: demo_copy FIXTURE_DIR DB copies the demo's database that the
# `demo_db` fixture built (tests/cli/demo_fixture.sh) to DB, beside which the
# test then writes. Fails the test if the fixture is missing.
demo_copy() {
  [ -s "$1/trellis.db" ] || { echo "FAIL: no demo database in $1 (run the cli.demo test first)"; exit 1; }
  cp "$1/trellis.db" "$2"
}
