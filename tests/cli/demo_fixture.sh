#!/usr/bin/env bash
# The demo, as the README's first command runs it, into OUT_DIR (emptied first),
# with its output kept in OUT_DIR/demo.out. It is also the ctest fixture
# `demo_db`: tests that only read or add to the demo's database copy
# OUT_DIR/trellis.db (tests/cli/demo_copy.sh) instead of building their own,
# which saves a demo run per test (about a minute each under ASan).
# The clock and user are fixed so that every copy is the same database; its
# first admin is "demo-admin", the user every copying test runs as.
# Usage: demo_fixture.sh TRELLIS OUT_DIR
set -eu
trellis=$1 out=$2
rm -rf "$out"; mkdir -p "$out"
TRELLIS_NOW=2024-09-02T09:00:00Z TRELLIS_USER=demo-admin "$trellis" demo --db "$out/trellis.db" >"$out/demo.out" 2>&1 \
  || { cat "$out/demo.out"; exit 1; }
tail -3 "$out/demo.out"
