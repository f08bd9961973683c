#!/usr/bin/env bash
# Cuts the example trust's schools out of the national files in ../shared/data.
# Rows are copied byte for byte, so the headers, byte order marks, CRLF line
# ends, quoting and missing-value markers of the real files are all kept.
#   make-subset.sh [SHARED_DATA_DIR]     (default: ../../../../shared/data from here)
set -euo pipefail
export LC_ALL=C  # bytes, not characters
here=$(cd "$(dirname "$0")" && pwd)
src=${1:-$here/../../../../shared/data}
# Twelve academies in Herefordshire (884) and Worcestershire (885), and two
# general further education colleges: an example membership, not the trust's.
urns=135662,136803,137415,138035,139189,140183,135913,136984,137051,139001,141246,144367,130713,130710

# keep COLUMN FILE: the header and the rows whose URN (in COLUMN) is one of ours.
keep() { awk -F, -v col="$1" -v urns="$urns" 'BEGIN { n = split(urns, u, ","); for (i = 1; i <= n; i++) k[u[i]] = 1 }
                                              NR == 1 || ($col in k)' "$2"; }
keep 1 "$src/dfe-2017-18/england_spine.csv" >"$here/england_spine.csv"
keep 1 "$src/dfe-2017-18/ks2_perf_2018.csv" >"$here/ks2_perf_2018.csv"
keep 1 "$src/dfe-2017-18/ofsted_ratings_2018.csv" >"$here/ofsted_ratings_2018.csv"
keep 1 "$src/dfe-2018-19/england_census.csv" >"$here/england_census.csv"
keep 3 "$src/dfe-2018-19/england_abs.csv" >"$here/england_abs.csv"
keep 4 "$src/dfe-2018-19/england_ks4provisional.csv" >"$here/england_ks4provisional.csv"
# The colleges are in the register and the Ofsted history only: no census, absence, KS2 or KS4 rows.
for u in 130713 130710; do
  for f in england_census.csv england_abs.csv ks2_perf_2018.csv england_ks4provisional.csv; do
    ! grep -q "[,]$u[,]\|^$u," "$here/$f" || { echo "college $u unexpectedly in $f" >&2; exit 1; }
  done
done
wc -l "$here"/*.csv
