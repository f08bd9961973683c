#!/usr/bin/env bash
# How tests/data/schema-v3-demo.sql.gz and the .tsv files beside it were made:
# with the `trellis` of main at b7e2fdd (schema 3, before people and roles),
# a year of Telford and Wrekin's work (classification, a decision, a review
# decided, activities done, moved, cancelled and missed, letters in the
# outbox) and a term of the Nexus example (self-assessment, moderation,
# tiers), at fixed times. The source folder is written as @SRC@ in the dump.
# Kept so that the fixture can be remade; the tests only read its output.
# Usage: make-schema-v3-demo.sh PREVIOUS_TRELLIS PREVIOUS_SOURCE_DIR OUT_DIR
set -eu
trellis=$(realpath "$1") src=$(cd "$2" && pwd) out=$(cd "$3" && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export TRELLIS_DB=$work/v3.db TRELLIS_USER=la-qa-lead OUT=$work
t() { "$trellis" "$@" >/dev/null; }
tel=$src/examples/telford-and-wrekin nx=$src/examples/nexus

export TRELLIS_NOW=2018-09-03T09:00:00Z
t init
cd "$tel"
t import schools data/england_spine.csv
t import schools data/la_and_region_codes_meta.csv
t import evidence data/national-benchmarks.csv
t import evidence data/ks2_perf_2018.csv --period 2017-18
for f in england_census england_abs england_ks4provisional; do t import evidence data/$f.csv --period 2018-19; done
t import evidence data/ofsted_ratings_2018.csv
t import evidence la-held-evidence-2018-19.csv --period 2018-19
t body add telford --kind la --name "Telford and Wrekin Council"
t body join telford --la 894 --from 2017-09-01
t body adopt telford "$src/policies/telford-and-wrekin.toml" --from 2017-09-01
t assess --body telford --period 2017-18 --on 2017-09-04
t assess --body telford --period 2018-19 --on 2018-09-03

export TRELLIS_NOW=2018-10-01T09:00:00Z
t rate 123574 --body telford --period 2018-19 --subject overall --level yellow --stage final --on 2018-10-01 \
  --by "LA Quality Assurance Lead" --rationale "SYNTHETIC: exclusions reviewed with the new pastoral lead"
t review 123404 --body telford --by "Headteacher, Wombridge Primary School" --reason "SYNTHETIC: complaints counted twice"
t review start 1 --by "LA Quality Assurance Lead"
t review decide 1 --confirmed --by "LA Quality Assurance Lead" --rationale "SYNTHETIC: the complaints were separate matters"
t review 123574 --body telford --by "Chair of Governors" --reason "SYNTHETIC: asks again after the decision"

# The autumn's first four school visits and meetings: done, moved, cancelled and missed.
export TRELLIS_NOW=2018-11-30T09:00:00Z
set -- $(python3 -c "
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
rows = c.execute(\"\"\"select id, start_date from activities where body_id = 'telford' and urn is not null and status = 'planned'
                     and start_date between '2018-10-01' and '2018-11-30' order by start_date, id limit 4\"\"\").fetchall()
print(' '.join('%s %s' % r for r in rows))" "$TRELLIS_DB")
[ $# -eq 8 ] || { echo "expected four planned school activities in the autumn, found: $*" >&2; exit 1; }
t activity done "$1" --on "$2" --note "SYNTHETIC: lines of enquiry agreed"
t activity move "$3" --to 2019-01-16 --reason "SYNTHETIC: the chair of governors is unavailable"
t activity cancel "$5" --reason "SYNTHETIC: merged with the termly meeting"
t activity missed "$7" --reason "SYNTHETIC: the headteacher was absent"

export TRELLIS_NOW=2020-06-30T09:00:00Z
cd "$nx"
t import schools data/england_spine.csv
t import evidence data/england_census.csv --period 2018-19
t import evidence data/england_abs.csv --period 2018-19
t import evidence data/ks2_perf_2018.csv
t import evidence data/ofsted_ratings_2018.csv
t import evidence qa-partners-2019-20.csv
t import evidence data-drops-2019-20.csv
t body add nexus --kind trust --name "Nexus Multi Academy Trust (example)"
t body join nexus 141589 142768 138357 141488 140170 144490 141729 142795 --from 2019-09-01
t body adopt nexus "$src/policies/nexus.toml" --from 2019-09-01
t import ratings self-assessments-2019-20.csv --body nexus
t import ratings moderation-2019-20.csv --body nexus
t assess --body nexus --period 2019-20/autumn --brief --on 2019-09-02
t assess --body nexus --period 2019-20/spring --brief --on 2020-01-06
t assess --body nexus --period 2019-20/summer --brief --on 2020-04-20

# What the previous main reports, for the migration test to compare after the upgrade.
levels() { # BODY PERIOD FILE: urn, level that counts, computed level, previous level ("-": none)
  "$trellis" report --body "$1" --period "$2" --format json | python3 -c "
import json, sys
for s in sorted(json.load(sys.stdin)['schools'], key=lambda s: s['urn']):
    print(s['urn'], s['level'], s['computed_level'], s['previous_level'] or '-', sep='\t')" >"$3"
}
levels telford 2018-19 "$out/schema-v3-demo.telford-2018-19.tsv"
levels nexus 2019-20/summer "$out/schema-v3-demo.nexus-2019-20-summer.tsv"
python3 - "$TRELLIS_DB" "$src" "$out/schema-v3-demo.sql.gz" <<'PY'
import gzip, sqlite3, sys
db, src, out = sys.argv[1:]
dump = "\n".join(sqlite3.connect(db).iterdump()).replace(src, "@SRC@")
with gzip.GzipFile(out, "wb", mtime=0) as f:
    f.write(dump.encode("utf-8") + b"\n")
PY
