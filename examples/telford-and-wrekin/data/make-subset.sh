#!/usr/bin/env bash
# Cuts Telford and Wrekin (LA 894) out of the national files in ../shared/data.
# Rows are copied byte for byte, so the headers, byte order marks, CRLF line
# ends, quoting and missing-value markers of the real files are all kept.
#   make-subset.sh [SHARED_DATA_DIR]     (default: ../../../../shared/data from here)
set -euo pipefail
export LC_ALL=C  # bytes, not characters
here=$(cd "$(dirname "$0")" && pwd)
src=${1:-$here/../../../../shared/data}
la=894

# The register: LA is the second column.
awk -F, -v la=$la 'NR == 1 || $2 == la' "$src/dfe-2017-18/england_spine.csv" >"$here/england_spine.csv"
# The URNs of those establishments, for the files that have no LA column.
urns=$(awk -F, 'NR > 1 { print $1 }' "$here/england_spine.csv" | paste -sd, -)
by_urn() { awk -F, -v urns="$urns" 'BEGIN { n = split(urns, u, ","); for (i = 1; i <= n; i++) keep[u[i]] = 1 }
                                     NR == 1 || ($1 in keep)' "$1"; }

# With the national rows by phase (primary, secondary, special), kept as national figures per phase.
awk -F, -v la=$la 'NR == 1 || $2 == la || $1 == "NAT"' "$src/dfe-2018-19/england_census.csv" >"$here/england_census.csv"
awk -F, -v la=$la 'NR == 1 || $1 == la || $1 == "NAT"' "$src/dfe-2018-19/england_abs.csv" >"$here/england_abs.csv"
# KS4: the LA's schools, the LA's own published figures (RECTYPE 4) and
# England's state-funded figures (RECTYPE 7), which become benchmarks.
awk -F, -v la=$la 'NR == 1 || $2 == la || $1 == 7' "$src/dfe-2018-19/england_ks4provisional.csv" \
  >"$here/england_ks4provisional.csv"
by_urn "$src/dfe-2017-18/ks2_perf_2018.csv" >"$here/ks2_perf_2018.csv"
by_urn "$src/dfe-2017-18/ofsted_ratings_2018.csv" >"$here/ofsted_ratings_2018.csv"
awk -F, -v la=$la 'NR == 1 || $1 == la' "$src/dfe-2018-19/la_and_region_codes_meta.csv" \
  >"$here/la_and_region_codes_meta.csv"

wc -l "$here"/*.csv
