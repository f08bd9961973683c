#!/usr/bin/env bash
# The Nexus MAT regime end to end: examples/nexus/demo.trellis run line by
# line, then the issue's rules checked on what the CLI prints. Each check
# cites the section of the Nexus QA and Improvement Policy (000) it tests.
set -u
trellis=$1
here=$(cd "$(dirname "$0")/../.." && pwd)
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
export TRELLIS_DB=$dir/nexus.db TRELLIS_NOW=2020-06-30T09:00:00Z TRELLIS_USER=nexus-test OUT=$dir
fails=0; passes=0
fail() { fails=$((fails+1)); echo "FAIL $*"; }
check() { # name expected-exit-code command...
  local name=$1 want=$2; shift 2
  "$@" >"$dir/out" 2>"$dir/err"; local got=$?
  if [ "$got" -eq "$want" ]; then passes=$((passes+1)); else
    fail "$name: exit $got, wanted $want"; head -20 "$dir/out" "$dir/err"; fi
}
# py NAME 'python asserting on d (the JSON in $dir/out)'
py() {
  local name=$1; shift
  if python3 - "$dir/out" >"$dir/py" 2>&1 <<EOF
import json, sys
d = json.load(open(sys.argv[1]))
$1
EOF
  then passes=$((passes+1)); else fail "$name"; tail -5 "$dir/py"; fi
}
ratings() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from ratings').fetchone()[0])" "$TRELLIS_DB"; }

check "init" 0 "$trellis" init
# The example, exactly as `trellis demo` runs it (one command a line, paths relative to the folder).
cd "$here/examples/nexus" || exit 1
n=0
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac
  n=$((n+1))
  eval "set -- $line"
  check "demo line $n: $line" 0 "$trellis" "$@"
done < demo.trellis
[ "$n" -ge 15 ] || fail "demo.trellis has only $n commands"

# ---- import ratings: one transaction, bad rows at file:line:col ----------
before=$(ratings)
printf 'urn,period,subject,level,stage,by,rationale\n141589,2019-20/summer,curriculum,secure,self,Head,\n141589,2019-20/summer,curriculum,excellent,self,Head,\n' >"$dir/bad-level.csv"
check "import ratings: a level not on the scale is bad input" 3 "$trellis" import ratings "$dir/bad-level.csv" --body nexus
grep -q "bad-level.csv:3:4: expected a level of the nexus-mat regime" "$dir/err" || fail "bad level not placed at 3:4: $(cat "$dir/err")"
[ "$(ratings)" = "$before" ] || fail "a rejected file wrote ratings"
printf 'urn,period,subject,level,stage,by\n100000,2019-20/summer,curriculum,secure,self,Head\n' >"$dir/not-member.csv"
check "import ratings: a school outside the trust is bad input" 3 "$trellis" import ratings "$dir/not-member.csv" --body nexus
grep -q "not-member.csv:2:1: expected a school that is a member of nexus" "$dir/err" || fail "non-member not placed at 2:1"
printf 'urn,period,subject,level,stage,by,rational\n' >"$dir/bad-header.csv"
check "import ratings: a misspelt column is bad input" 3 "$trellis" import ratings "$dir/bad-header.csv" --body nexus
grep -q "bad-header.csv:1:7: expected a column named one of" "$dir/err" || fail "bad column not placed at 1:7"
printf 'urn,period,subject,level,stage,by\n141589,2019-20/summer,curriculum,secure,approved,Head\n' >"$dir/bad-stage.csv"
check "import ratings: an unknown stage is bad input" 3 "$trellis" import ratings "$dir/bad-stage.csv" --body nexus
grep -q "bad-stage.csv:2:5:" "$dir/err" || fail "bad stage not placed at 2:5"
printf 'urn,period,subject,level,stage,by\n141589,2019-20/winter,curriculum,secure,self,Head\n' >"$dir/bad-period.csv"
check "import ratings: a malformed period is bad input" 3 "$trellis" import ratings "$dir/bad-period.csv" --body nexus
grep -q "bad-period.csv:2:2: expected a period like 2019-20/autumn" "$dir/err" || fail "bad period not placed at 2:2: $(cat "$dir/err")"
printf 'urn,period,subject,level,stage,by\n141589,2019-20/summer,curriculum,secure,self,\n' >"$dir/no-by.csv"
check "import ratings: who set it is required" 3 "$trellis" import ratings "$dir/no-by.csv" --body nexus
grep -q "no-by.csv:2:6: expected who set the rating" "$dir/err" || fail "empty by not placed at 2:6"
[ "$(ratings)" = "$before" ] || fail "rejected files wrote ratings"
# A spreadsheet's export: BOM, CRLF, columns in another order, quoted commas. It supersedes, keeping the old.
printf '\xef\xbb\xbfstage,by,urn,subject,level,period,rationale\r\nself,"Head, Flanderwell",141589,curriculum,secure,2019-20/summer,"Re-rated, after review"\r\n' >"$dir/excel.csv"
check "import ratings: BOM, CRLF and any column order" 0 "$trellis" import ratings "$dir/excel.csv" --body nexus --json
py "import ratings: the re-rating supersedes the earlier one" '
assert d["rows"] == 1 and d["superseded"] == 1 and d["schools"] == 1, d'
[ "$(ratings)" = "$((before + 1))" ] || fail "the superseded rating was not kept beside the new one"
check "import ratings: unknown body is bad usage" 2 "$trellis" import ratings "$dir/bad-stage.csv" --body nobody

# ---- 000 §5.2: tiers, with reasons naming areas and indicators ------------
check "assess autumn (dry run, json)" 0 "$trellis" assess --body nexus --period 2019-20/autumn --dry-run --format json
py "000 §5.2: every school is in one of the three tiers" '
levels = {s["urn"]: s["level"] for s in d}
assert len(levels) == 8, levels
assert set(levels.values()) <= {"prevention", "early_intervention", "formal_intervention"}, levels
assert levels[141589] == "prevention", levels            # Flanderwell: strong throughout
assert levels[141729] == "formal_intervention", levels   # Maltby Lilly Hall: weak QoE indicators
assert levels[138357] == "early_intervention", levels    # Thurcroft: attendance and teaching developing
m = next(s for s in d if s["urn"] == 141729)
assert m["regime"] == "nexus-mat" and m["period"] == "2019-20/autumn", m
assert "Formal Intervention" in m["reasons"][0], m["reasons"][0]
assert any(r.startswith("Quality of education: Weak") and "Pupils make at least good progress" in r for r in m["reasons"]), m["reasons"]'
check "assess spring (json)" 0 "$trellis" assess --body nexus --period 2019-20/spring --dry-run --format json
py "000 §5.2: weak safeguarding is Formal Intervention whatever else (Hilltop, spring)" '
h = next(s for s in d if s["urn"] == 142795)
assert h["level"] == "formal_intervention", h
assert "limiting indicator" in h["reasons"][0] and "Safeguarding" in h["reasons"][0], h["reasons"][0]
assert h["previous_level"] == "prevention", h'
py "000 §3.7: a missing self-assessment is flagged (Sandhill, spring)" '
s = next(s for s in d if s["urn"] == 144490)
assert any("has not self-assessed 3 of 16" in r for r in s["reasons"]), s["reasons"]'

# ---- 000 §3.11: only moderated ratings go to Directors ------------------
check "report summer json" 0 "$trellis" report --body nexus --period 2019-20/summer --format json
py "000 §3.11: the report shows moderated ratings, never the self-assessment" '
for s in d["schools"]:
    for r in s["ratings"]:
        assert r["stage"] == "moderated", r
abbey = next(s for s in d["schools"] if s["urn"] == 142768)
cur = next(r for r in abbey["ratings"] if r["subject"] == "curriculum")
assert cur["level"] == "secure", cur   # self-assessed strong, moderated secure
flan = next(s for s in d["schools"] if s["urn"] == 141589)
assert not any(r["subject"] == "wellbeing" for r in flan["ratings"]), "unmoderated KPI reported"'
py "000 §2.3: the report lists where moderation differs from the self-assessment" '
diffs = [x for x in d["differences"] if x["urn"] == 142768 and x["subject"] == "curriculum"]
assert diffs and diffs[0]["first"] == {"stage": "self", "level": "strong"} and diffs[0]["second"] == {"stage": "moderated", "level": "secure"}, d["differences"][:3]
assert diffs[0]["rationale"].startswith("SYNTHETIC"), diffs'
py "000 §3.11: a KPI the SPSB did not moderate is named in the reasons" '
flan = next(s for s in d["schools"] if s["urn"] == 141589)
assert any("Provisional: 4 of 16 indicators are not yet moderated by the SPSB" in r for r in flan["reasons"]), flan["reasons"]'
for f in md csv json; do check "report summer --format $f" 0 "$trellis" report --body nexus --period 2019-20/summer --format $f; done
grep -q "Contains\|nexus\|Nexus" "$dir/out" || true

# ---- one rating at a time: trellis rate ----------------------------------
check "rate: the head self-assesses one more indicator" 0 "$trellis" rate 141488 --body nexus --period 2019-20/summer \
  --subject wellbeing --level strong --stage self --by "Headteacher, Bramley Grange"
check "rate: the SPSB moderates it, with a rationale" 0 "$trellis" rate 141488 --body nexus --period 2019-20/summer \
  --subject wellbeing --level developing --stage moderated --by "SPSB" --rationale "Nurture provision not yet evaluated"
check "rate: a level off the regime's scales is refused (exit 3)" 3 "$trellis" rate 141488 --body nexus --period 2019-20/summer \
  --subject wellbeing --level excellent --stage self --by "Head"
check "rate: a tier is not a level of a KPI's dashboard scale (exit 3)" 3 "$trellis" rate 141488 --body nexus \
  --period 2019-20/summer --subject wellbeing --level prevention --stage self --by "Head"
check "assess summer after the new ratings (dry run)" 0 "$trellis" assess --body nexus --period 2019-20/summer --dry-run --format json
py "000 §3.7, §3.11: the new self-assessment counts, and the moderated level is the one used" '
b = next(s for s in d if s["urn"] == 141488)
assert any("has not self-assessed 8 of 16" in r for r in b["reasons"]), b["reasons"]
pd = next(r for r in b["reasons"] if r.startswith("Personal development:"))
assert pd.startswith("Personal development: Developing (mean 2.00 over 1 of 4 indicators); developing: Nurture"), pd
assert any("(self-assessed Strong, moderated Developing)" in r for r in b["reasons"]), b["reasons"]'

# ---- the calendar --------------------------------------------------------
check "schedule json" 0 "$trellis" schedule --body nexus --year 2019-20 --format json
py "000 §3.10.6-3.10.7: one half-day collaborative enquiry a term per school, partner, head and peer" '
from collections import Counter
enq = [a for a in d if a["rule"].startswith("000-3.10.6.enquiry.")]
per = Counter((a["urn"], a["rule"]) for a in enq)
assert len(per) == 24 and set(per.values()) == {1}, per
terms = {"autumn": ("2019-09", "2019-12"), "spring": ("2020-01", "2020-04"), "summer": ("2020-04", "2020-07")}
for a in enq:
    lo, hi = terms[a["rule"].rsplit(".", 1)[1]]
    assert lo <= a["start"][:7] <= hi, a
    assert a["attendees"][0].endswith("(SYNTHETIC) (QA & Improvement partner)"), a["attendees"]
    assert "Headteacher" in a["attendees"] and "Peer headteacher (wherever possible)" in a["attendees"], a'
py "000 §3.10.9: an external professional while the school is within its Ofsted window" '
ext = "External professional (school within its Ofsted window)"
def team(urn, term):
    return next(a for a in d if a["urn"] == urn and a["rule"] == "000-3.10.6.enquiry." + term)["attendees"]
for term in ("autumn", "spring", "summer"):
    assert ext in team(138357, term), term       # Thurcroft: Good in 2014
    assert ext not in team(142768, term), term   # Abbey: Outstanding in May 2019
assert ext not in team(141729, "autumn") and ext in team(141729, "summer")   # RI Feb 2018: window opens Feb 2020'
py "000 §3.9-3.11, §6.1: the boards, the forum before each SPSB, the Standards Committee report after" '
rules = {a["rule"]: a for a in d if a["urn"] is None}
assert "000-3.9.ascb" in rules
for t in ("autumn", "spring", "summer"):
    spsb, forum, rep = rules["000-3.11.spsb." + t], rules["000-3.10.11.forum." + t], rules["000-6.1.standards-report." + t]
    assert forum["start"] < spsb["start"] < rep["due"], (forum, spsb, rep)'
check "schedule overdue at the end of the summer SPSB" 0 "$trellis" schedule --body nexus --year 2019-20 --today 2020-07-20 --overdue --format json
py "000 §3.7: the missing summer self-assessment is an overdue item naming what is missing" '
late = [a for a in d if a["urn"] == 141488 and a["rule"] == "000-3.7.self-assessment.summer"]
assert late and late[0]["title"].startswith("Dashboard self-assessment incomplete: 9 of 16"), late
assert late[0]["status"] == "overdue" and late[0]["type"] == "deadline", late
assert len(late[0]["documents"]) == 9 and "Safeguarding policies and practice are secure" in late[0]["documents"], late
others = [a for a in d if a["rule"] == "000-3.7.self-assessment.summer" and a["urn"] != 141488]
assert not others, others'

# ---- issue 16: what a trust's directors and QA lead would still find wrong ----
check "schedule json (issue 16)" 0 "$trellis" schedule --body nexus --year 2019-20 --format json
py "000 §3.8.1: a received data drop is done on the calendar, not cancelled; the one missing is still asked for" '
drops = [a for a in d if a["rule"].startswith("000-3.8.data.")]
assert len(drops) == 24 and not [a for a in drops if a["status"] == "cancelled"], [(a["urn"], a["rule"], a["status"]) for a in drops if a["status"] == "cancelled"]
done = [a for a in drops if a["status"] == "done"]
assert len(done) == 23 and all(a["note"].startswith("received by ") for a in done), done[:1]
late = [a for a in drops if a["status"] != "done"]
assert [(a["urn"], a["rule"]) for a in late] == [(141488, "000-3.8.data.summer")], late'
py "000 §3.10.11: each school's autumn enquiry is held before the autumn QA Intelligence Sharing Forum" '
forum = next(a for a in d if a["rule"] == "000-3.10.11.forum.autumn")
enq = [a for a in d if a["rule"] == "000-3.10.6.enquiry.autumn"]
assert len(enq) == 8, len(enq)
for a in enq:
    assert (a["due"] or a["end"]) < forum["start"], (a, forum)
    visit = next(v for v in d if v["urn"] == a["urn"] and v["rule"] == "000-3.10.5.planning-visit")
    assert a["start"] > (visit["due"] or visit["end"]), (a, visit)'
py "000 §3.10.3: a school's three enquiries look into three different areas" '
from collections import defaultdict
areas = defaultdict(set)
for a in d:
    if a["rule"].startswith("000-3.10.6.enquiry.") and a["status"] != "cancelled":
        areas[a["urn"]].add(a["title"].split(": ", 1)[1])
assert len(areas) == 8 and all(len(v) == 3 for v in areas.values()), dict(areas)'
py "000 §6.1: the Standards Committee reports on to the Board of Directors after each SPSB" '
for t in ("autumn", "spring", "summer"):
    rep = next(a for a in d if a["rule"] == "000-6.1.standards-report." + t)
    board = next(a for a in d if a["rule"] == "000-6.1.directors-report." + t)
    assert board["due"] > rep["due"] and "Board of Directors" in board["attendees"], (rep, board)'
py "000 §5.2: the tier guides the support: monthly monitoring while in Formal Intervention, none in Prevention" '
formal = [a for a in d if a["rule"] == "000-5.2.formal_intervention.monitoring" and a["urn"] == 141729 and a["status"] != "cancelled"]
assert len(formal) >= 3 and len({a["start"][:7] for a in formal}) == len(formal), formal   # Maltby, Formal in autumn
assert not [a for a in d if a["rule"].startswith("000-5.2.") and a["urn"] == 142768], "Abbey is in Prevention all year"'
py "000 §3.8.1: the data drop questions are listed for the term enquiry" '
summer = next(a for a in d if a["urn"] == 138357 and a["rule"] == "000-3.10.6.enquiry.summer")
qs = [x for x in summer["documents"] if x.startswith("Question for further enquiry")]
assert any("16 behaviour incidents" in q for q in qs), summer["documents"]
spsb = next(a for a in d if a["rule"] == "000-3.11.spsb.summer")
assert any("questions for further enquiry" in x for x in spsb["documents"]), spsb'
check "schedule overdue (issue 16)" 0 "$trellis" schedule --body nexus --year 2019-20 --today 2020-07-20 --overdue --format json
py "000 §3.8: a data drop missing at its deadline is overdue, naming what is missing" '
late = [a for a in d if a["urn"] == 141488 and a["rule"] == "000-3.8.data.summer"]
assert late and late[0]["status"] == "overdue" and late[0]["title"].startswith("Termly data drop not yet received in full: 1 of 5") and late[0]["documents"] == ["Attendance this term"], late
assert "Attendance this term" in late[0]["documents"], late
assert not [a for a in d if a["rule"] == "000-3.8.data.summer" and a["urn"] != 141488], "received drops are not overdue"'
check "report summer md (issue 16)" 0 "$trellis" report --body nexus --period 2019-20/summer --format md
python3 - "$dir/out" >"$dir/py" 2>&1 <<'EOF2' && passes=$((passes+1)) || { fail "CSIF dashboard: areas in the seed order, labels, a school x KPI table"; cat "$dir/py"; }
import re, sys
md = open(sys.argv[1]).read()
dash = md[md.index("## Dashboard"):md.index("## By area")]
heads = re.findall(r"^### (.*)$", dash, re.M)
assert heads == ["Quality of education", "Behaviour and attitudes", "Personal development", "Leadership and management"], heads
assert "| Indicator | Priority | Thurcroft Junior Academy |" in dash, dash[:500]
assert "| Broad, rich and personalised curriculum with a clear rationale | All our children and young people enjoy their learning" in dash
assert "quality_of_education" not in dash and "| curriculum |" not in dash
# Each school's own table: its indicators in the dashboard's order, curriculum first, collaboration last.
school = md[md.index("### Thurcroft Junior Academy (138357)"):]
rows = re.findall(r"^\| ([^|]+) \| (?:Strong|Secure|Developing|Weak) \|$", school[:school.index("\n### ")], re.M)
assert rows[0].startswith("Broad, rich") and rows[-1].startswith("Research-based"), rows
EOF2
py_md() { grep -qF -- "$2" "$dir/out" && passes=$((passes+1)) || fail "$1"; }
check "report summer html (issue 16)" 0 "$trellis" report --body nexus --period 2019-20/summer --format html -o "$dir/summer.html"
python3 - "$dir/summer.html" >"$dir/py" 2>&1 <<'EOF2' && passes=$((passes+1)) || { fail "CSIF dashboard in the HTML report, before By area"; cat "$dir/py"; }
import sys
h = open(sys.argv[1]).read()
i, j = h.index("<h2>Dashboard</h2>"), h.index("<h2>By area</h2>")
assert i < j and "<h3>Quality of education</h3>" in h[i:j] and "<th>Priority</th>" in h[i:j], h[i:i+300]
assert "<td>Broad, rich and personalised curriculum with a clear rationale</td>" in h[i:j]
EOF2
check "report summer md again (issue 16)" 0 "$trellis" report --body nexus --period 2019-20/summer --format md
py_md "000 §3.11.2: a tier resting on unmoderated ratings is marked provisional, with the moderated-only tier" \
  "Provisional (000 §3.7, §3.11.2): the SPSB has not yet moderated every rating, in Personal development (none of its 4 indicators is rated) and Leadership and management"
grep -q "so the tier is judged without them" "$dir/out" && fail "000 §3.11.2: the self-contradicting line is still there" || passes=$((passes+1))
py_md "000 §3.11.2: the tier line names the unrated areas that decided it" \
  "Personal development (no indicator rated, so counted as Developing) and Leadership and management (no indicator rated, so counted as Developing) are judged developing or weak"
check "report summer json (issue 16)" 0 "$trellis" report --body nexus --period 2019-20/summer --format json
py "000 §3.7, §3.11.2: the Directors headline counts are on moderated ratings only; a tier resting on self-assessments is provisional" '
counts = {c["level"]: c["schools"] for c in d["counts"]}
assert counts == {"prevention": 5, "early_intervention": 3, "formal_intervention": 0}, counts
flan = next(s for s in d["schools"] if s["urn"] == 141589)   # self-assessed Strong; Personal development not moderated
assert flan["computed_level"] == "early_intervention", flan["computed_level"]
assert any(r.startswith("Provisional (000 §3.7, §3.11.2)") and r.endswith("it would be Prevention (from decline).") for r in flan["reasons"]), flan["reasons"]'
# 000 §3.10.2: every school has an allocated partner; assess warns on stderr about each one without, naming it.
cp "$TRELLIS_DB" "$dir/partner.db"
check "record: a school's partner leaves" 0 "$trellis" --db "$dir/partner.db" record 140170 --indicator qa_partner \
  --period 2019-20 --missing "partner left the trust"
check "assess with a school without a partner" 0 "$trellis" --db "$dir/partner.db" assess --body nexus --period 2019-20/summer --dry-run --brief
{ grep -q "^warning: Wath Victoria Primary School (140170): No QA & Improvement partner is allocated" "$dir/err" &&
  [ "$(grep -c "No QA & Improvement partner" "$dir/err")" -eq 1 ]; } && passes=$((passes+1)) ||
  fail "000 §3.10.2: assess warns on stderr about the one school without a partner, naming it: $(cat "$dir/err")"
check "report summer md (issue 16, again)" 0 "$trellis" report --body nexus --period 2019-20/summer --format md
py_md "000 §3.8: the missing drop is in the SPSB pack" "Data drop for 2019-20/summer not yet received in full (000 §3.8)"
# Letters: the SPSB's decision, its date, Nexus's words and the tiers' labels.
letter=$(ls "$dir"/letters/nexus/138357-*.md 2>/dev/null | head -1)
if [ -n "$letter" ]; then passes=$((passes+1)); else fail "000 §3.11.2: a letter for Thurcroft's decided tier"; letter=/dev/null; fi
grep -q "^# Change of tier of intervention: Thurcroft Junior Academy" "$letter" && passes=$((passes+1)) || fail "letter: Nexus's words in the title"
grep -q "From Nexus Multi Academy Trust (example), 11 March 2020" "$letter" && passes=$((passes+1)) || fail "letter: dated the SPSB's decision"
grep -qF "changed from **Early Intervention** to **Prevention (from decline)**" "$letter" && passes=$((passes+1)) || fail "letter: the tiers' labels"
grep -q "Schools' Performance and Scrutiny Board has moderated your dashboard" "$letter" && passes=$((passes+1)) || fail "letter: the Trust's own offer (000 §5.1)"
grep -qi "classification\|band" "$letter" && fail "letter: Telford's words in a Nexus letter" || passes=$((passes+1))
[ "$(ls "$dir"/letters/nexus | wc -l)" -eq 5 ] && passes=$((passes+1)) || fail "letters: one per SPSB decision that moved a tier: $(ls "$dir"/letters/nexus)"

# ---- 000 §3.2: the QA calendar from adoption, before any assessment ------
fresh=$dir/fresh.db
check "plan: a fresh trust" 0 "$trellis" --db "$fresh" init
check "plan: register" 0 "$trellis" --db "$fresh" import schools data/england_spine.csv
check "plan: the trust" 0 "$trellis" --db "$fresh" body add nexus --kind trust --name "Nexus"
check "plan: a year before adoption is refused (exit 2)" 2 "$trellis" --db "$fresh" plan --body nexus --year 2019-20
check "plan: members" 0 "$trellis" --db "$fresh" body join nexus 141589 142768 --from 2019-09-01
check "plan: adopt" 0 "$trellis" --db "$fresh" body adopt nexus ../../policies/nexus.toml --from 2019-09-01
check "plan: a term is not a year (exit 2)" 2 "$trellis" --db "$fresh" plan --body nexus --year 2019-20/autumn
check "000 §3.2: plan the year from adoption" 0 "$trellis" --db "$fresh" plan --body nexus --year 2019-20 --on 2019-09-01 --format json
py "000 §3.2: the plan run says what it planned" '
assert d["schools"] == 2 and d["activities_planned"] > 50 and d["planned_from"] == "2019-09-02", d'
check "000 §3.2: the calendar before any assessment" 0 "$trellis" --db "$fresh" schedule --body nexus --year 2019-20 --format json
py "000 §3.2: every school has its planning visit, three enquiries and its deadlines; the trust its boards" '
rules = [(a["urn"], a["rule"]) for a in d]
for urn in (141589, 142768):
    assert (urn, "000-3.10.5.planning-visit") in rules, urn
    assert sum(1 for u, r in rules if u == urn and r.startswith("000-3.10.6.enquiry.")) == 3, urn
    assert sum(1 for u, r in rules if u == urn and r.startswith("000-3.8.data.")) == 3, urn
    assert not [r for u, r in rules if u == urn and r.startswith("000-5.2.")], "no tier yet, no tier support"
assert (None, "000-3.9.ascb") in rules and (None, "000-3.11.spsb.autumn") in rules'
check "000 §3.2: an assessment re-plans on top of the calendar, losing nothing" 0 "$trellis" --db "$fresh" \
  assess --body nexus --period 2019-20/autumn --on 2019-09-02 --format json
check "plan: once assessed, the assessment plans the year (exit 2)" 2 "$trellis" --db "$fresh" plan --body nexus --year 2019-20
grep -qF "nexus is already assessed for 2019-20/autumn" "$dir/err" && passes=$((passes+1)) || fail "plan: says why it refuses: $(cat "$dir/err")"

# ---- import ratings in bulk (issue 18): rows that can be no decision are stored
# together; a decision among them re-plans in file order; a bad row anywhere writes nothing.
bulk=$dir/bulk.db; cp "$TRELLIS_DB" "$bulk"
count() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from ratings').fetchone()[0])" "$bulk"; }
# self rows: two schools, each subject re-rated many times (each supersedes the one before), past a batch of 4,096.
selfrows() { python3 -c "
import sys
subjects = ['curriculum', 'assessment']; levels = ['secure', 'developing']
for n in range(int(sys.argv[1]), int(sys.argv[2])):
    print('%d,2019-20/spring,%s,%s,self,Head,row %d,' % ((141589, 142768)[n % 2], subjects[n // 2 % 2], levels[n // 4 % 2], n))
" "$1" "$2"; }
head='urn,period,subject,level,stage,by,rationale,on'
{ echo "$head"; selfrows 2 1202; echo '141589,2019-20/spring,curriculum,excellent,self,Head,bad,'; } >"$dir/bulk-bad.csv"
before=$(count)
check "import ratings: a bad level after 1,200 good rows is bad input" 3 "$trellis" --db "$bulk" import ratings "$dir/bulk-bad.csv" --body nexus
grep -q "bulk-bad.csv:1202:4: expected a level of the nexus-mat regime" "$dir/err" || fail "bulk bad level not placed at 1202:4: $(cat "$dir/err")"
{ echo "$head"; selfrows 2 1202; echo '141589,2019-20/spring,curriculum,secure,self,Head,early,2018-01-01'; } >"$dir/bulk-on.csv"
check "import ratings: a day before the year after 1,200 good rows is bad input" 3 "$trellis" --db "$bulk" import ratings "$dir/bulk-on.csv" --body nexus
grep -q "bulk-on.csv:1202:8: .*on or after the first day of 2019-20" "$dir/err" || fail "bulk early day not placed at 1202:8: $(cat "$dir/err")"
[ "$(count)" = "$before" ] || fail "a bulk file refused at its last row wrote ratings"
{ echo "$head"; selfrows 2 1202
  echo '141729,2019-20/spring,overall,formal_intervention,moderated,SPSB,row 1202,2020-03-12'
  selfrows 1203 5400; } >"$dir/bulk.csv"
check "import ratings: 5,398 rows with a decision among them" 0 "$trellis" --db "$bulk" import ratings "$dir/bulk.csv" --body nexus --json
py "import ratings: every row stored, every one superseding, the decision re-planned" '
assert d["rows"] == 5398 and d["schools"] == 3 and d["decisions"] == 1, d
assert d["superseded"] == 5398, d'
python3 - "$bulk" "$before" >"$dir/py" 2>&1 <<'EOF2' && passes=$((passes+1)) || { fail "import ratings: ids in file order, each superseding the one before"; cat "$dir/py"; }
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
rows = c.execute("""SELECT id, urn, subject, stage, supersedes, rationale, decided_on, period, regime
                    FROM ratings ORDER BY id""").fetchall()
new = rows[int(sys.argv[2]):]
assert [int(r[5].split()[1]) for r in new] == list(range(2, 5400)), "ids follow the file"
assert [r[0] for r in new] == list(range(new[0][0], new[0][0] + len(new))), "ids without gaps"
latest = {}
for r in rows:
    key = (r[1], r[2], r[3], r[7], r[8])
    if r[0] >= new[0][0]:
        assert r[4] == latest.get(key), (r, latest.get(key))
    latest[key] = r[0]
assert new[1200][6] == "2020-03-12" and new[0][6] == "2020-06-30", (new[1200], new[0])
EOF2

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
