#!/usr/bin/env bash
# Cuts the example trust's schools out of the national files in ../shared/data.
# Rows are copied byte for byte, so the headers, byte order marks, CRLF line
# ends, quoting and missing-value markers of the real files are all kept.
#   make-subset.sh [SHARED_DATA_DIR]     (default: ../../../../shared/data from here)
set -euo pipefail
export LC_ALL=C  # bytes, not characters
here=$(cd "$(dirname "$0")" && pwd)
src=${1:-$here/../../../../shared/data}
# Six primary academies in Oldham (353) and Tameside (357): an example membership, not the trust's.
urns=140597,137951,141401,142286,139651,141408

# keep COLUMN FILE: the header and the rows whose URN (in COLUMN) is one of ours.
keep() { awk -F, -v col="$1" -v urns="$urns" 'BEGIN { n = split(urns, u, ","); for (i = 1; i <= n; i++) k[u[i]] = 1 }
                                              NR == 1 || ($col in k)' "$2"; }
keep 1 "$src/dfe-2017-18/england_spine.csv" >"$here/england_spine.csv"
keep 1 "$src/dfe-2017-18/ks2_perf_2018.csv" >"$here/ks2_perf_2018.csv"
keep 1 "$src/dfe-2017-18/ofsted_ratings_2018.csv" >"$here/ofsted_ratings_2018.csv"
keep 1 "$src/dfe-2018-19/england_census.csv" >"$here/england_census.csv"
keep 3 "$src/dfe-2018-19/england_abs.csv" >"$here/england_abs.csv"
wc -l "$here"/*.csv
