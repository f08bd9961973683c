// The long CSV, and what every import promises: idempotence, supersession
// instead of overwriting, --keep-going, provenance and the audit trail.
#include "../acting.hpp"
#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "trellis/error.hpp"
#include "trellis/evidence.hpp"
#include "trellis/import/evidence_import.hpp"
#include "trellis/sha256.hpp"
#include "../sql.hpp"

using namespace trellis;
using namespace trellis::test;

namespace {

std::vector<EvidenceItem> items(Database& db, std::int64_t urn, const std::string& indicator, bool history = false) {
  std::vector<EvidenceItem> out;
  for (auto& e : evidence_for(db, urn, {.include_superseded = history}))
    if (e.indicator == indicator) out.push_back(e);
  return out;
}

std::string error_of(Database& db, const ImportOptions& o) {
  try {
    import_evidence(db, testing::admin(), testing::at(), o);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

const std::string kHeader = "urn,indicator,period,value,note\n";

}  // namespace

TEST_CASE("long CSV: numbers, text, notes and every marker; new indicators are registered, neutral") {
  auto db = fresh_db();
  auto r = import_evidence(db, testing::admin(), testing::at(), {.file = fixture("long_small.csv")});
  CHECK(r.format == "long");
  CHECK_FALSE(r.period);
  CHECK(r.rows == 11);
  CHECK(r.added == 11);
  CHECK(r.missing == 7);
  CHECK(r.unknown_schools == 3);  // no register in this database
  auto concerns = items(db, 123377, "safeguarding_concerns");
  REQUIRE(concerns.size() == 1);
  CHECK(concerns[0].value == 2);
  CHECK(concerns[0].text == "two referrals");
  CHECK(concerns[0].period == "2024-25/autumn");
  CHECK(concerns[0].column == 4);
  CHECK(items(db, 123377, "leadership_change")[0].text == "New headteacher from January");
  CHECK(items(db, 123377, "governance_concern")[0].text == "Chair resigned, clerk interim");
  auto pa = items(db, 100000, "persistent_absence_pct")[0];
  CHECK(pa.missing == "suppressed");
  CHECK(pa.text == "fewer than 5 pupils");
  CHECK(items(db, 100000, "attendance_pct")[0].value == 94.1);
  CHECK(items(db, 100000, "complaints")[0].missing == "suppressed");
  CHECK(items(db, 100000, "governance_concern")[0].missing == "not available");
  CHECK(items(db, 100001, "complaints")[0].missing == "not applicable");
  CHECK(items(db, 100001, "attendance_pct")[0].missing == "not recorded");
  auto ind = find_indicator(db, "safeguarding_concerns");
  REQUIRE(ind);
  CHECK(ind->label == "Safeguarding concerns");
  CHECK(ind->unit == "");
  CHECK(ind->direction == "neutral");
}

TEST_CASE("long CSV: a period must be valid, and within --period when one is given") {
  auto db = fresh_db();
  TempDir d;
  const std::string before = snapshot(db);
  CHECK(error_of(db, {.file = d.write("a.csv", kHeader + "1,x,2024-26,1,\n")}) ==
        "a.csv:2:3: expected the second year to follow the first (2024-25), found \"2024-26\"");
  CHECK_THAT(error_of(db, {.file = d.write("b.csv", kHeader + "1,x,2024-25/winter,1,\n")}),
             Catch::StartsWith("b.csv:2:3: expected"));
  CHECK(error_of(db, {.file = d.write("c.csv", kHeader + "1,x,2023-24/summer,1,\n"), .period = "2024-25"}) ==
        "c.csv:2:3: expected a period within 2024-25, the period the import was given, found \"2023-24/summer\"");
  CHECK(snapshot(db) == before);
  auto r = import_evidence(db, testing::admin(), testing::at(), {.file = d.write("d.csv", kHeader + "1,x,2024-25/summer-2,1,\n"), .period = "2024-25"});
  CHECK(r.period == "2024-25");
  CHECK(r.added == 1);
}

TEST_CASE("long CSV: bad ids, text for a numeric indicator, notes beside text and repeated keys are refused") {
  auto db = fresh_db();
  register_indicator(db, {"attendance_pct", "Attendance", "%", "higher"});
  TempDir d;
  const std::string before = snapshot(db);
  CHECK(error_of(db, {.file = d.write("a.csv", kHeader + "1,Attendance %,2024-25,90,\n")}) ==
        "a.csv:2:2: expected an indicator id in snake_case (a-z, 0-9 and _), like persistent_absence_pct, "
        "found \"Attendance %\"");
  CHECK_THAT(error_of(db, {.file = d.write("b.csv", kHeader + "1,attendance_pct,2024-25,high,\n")}),
             Catch::StartsWith("b.csv:2:4: expected a number or a missing-value marker") &&
                 Catch::EndsWith("for attendance_pct, measured in %, found \"high\""));
  CHECK_THAT(error_of(db, {.file = d.write("c.csv", kHeader + "1,head,2024-25,new head,from Sept\n")}),
             Catch::StartsWith("c.csv:2:5: expected no note beside a text value"));
  CHECK(error_of(db, {.file = d.write("e.csv", kHeader + "1,x,2024-25,1,\n2,x,2024-25,1,\n1,x, 2024-25 ,2,\n")}) ==
        "e.csv:4:1: expected one row per school, indicator and period, found a second row for URN 1, x, 2024-25 "
        "(the first is on line 2)");
  CHECK_THAT(error_of(db, {.file = d.write("f.csv", kHeader + "0,x,2024-25,1,\n")}), Catch::StartsWith("f.csv:2:1: expected a URN"));
  CHECK(snapshot(db) == before);
}

TEST_CASE("the same file for the same period adds nothing the second time, and says so") {
  auto db = fresh_db();
  auto first = import_evidence(db, testing::admin(), testing::at(), {.file = fixture("absence_small.csv"), .period = "2018-19"});
  CHECK(first.added == 12);
  CHECK_FALSE(first.already_imported_at);
  const std::string before = snapshot(db);
  auto second = import_evidence(db, testing::admin(), testing::at(), {.file = fixture("absence_small.csv"), .period = "2018-19"});
  CHECK(second.already_imported_at);
  CHECK(second.added + second.superseded == 0);
  CHECK(snapshot(db) == before);
  // For another period, it is new evidence.
  CHECK(import_evidence(db, testing::admin(), testing::at(), {.file = fixture("absence_small.csv"), .period = "2019-20"}).added == 12);
}

TEST_CASE("a correction supersedes the item it corrects; nothing is overwritten; equal items are not stored again") {
  auto db = fresh_db();
  TempDir d;
  import_evidence(db, testing::admin(), testing::at(), {.file = d.write("v1.csv", kHeader + "1,pa,2024-25,21.3,\n1,att,2024-25,93,\n2,pa,2024-25,SUPP,\n")});
  auto r = import_evidence(
      db, testing::admin(), testing::at(), {.file = d.write("v2.csv", kHeader + "1,pa,2024-25,19.8,recounted\n1,att,2024-25,93,\n2,pa,2024-25,4,\n3,pa,2024-25,5,\n")});
  CHECK(r.superseded == 2);
  CHECK(r.unchanged == 1);
  CHECK(r.added == 1);
  auto now = items(db, 1, "pa");
  REQUIRE(now.size() == 1);
  CHECK(now[0].value == 19.8);
  CHECK(now[0].source == "v2.csv");
  REQUIRE(now[0].supersedes);
  auto all = items(db, 1, "pa", true);
  REQUIRE(all.size() == 2);
  CHECK(all[0].value == 21.3);
  CHECK(all[0].superseded_by == now[0].id);
  CHECK(all[0].source == "v1.csv");
  CHECK(items(db, 1, "att")[0].source == "v1.csv");  // unchanged: the first file still vouches for it
  CHECK(items(db, 2, "pa")[0].value == 4);
  CHECK(count(db, "SELECT COUNT(*) FROM evidence") == 3 + 3);
}

TEST_CASE("--keep-going imports the valid rows and lists every rejected one with its reason") {
  auto db = fresh_db();
  TempDir d;
  auto path = d.write("k.csv", kHeader + "1,pa,2024-25,21.3,\n1,pa,2024-25,oops\n2,pa,2024-25,x,\nX,pa,2024-25,3,\n3,pa,2024-25,3,\n");
  const std::string before = snapshot(db);
  CHECK(error_of(db, {.file = path}) == "k.csv:3:5: expected 5 fields, as in the header, found 4");
  CHECK(snapshot(db) == before);
  auto r = import_evidence(db, testing::admin(), testing::at(), {.file = path, .keep_going = true});
  CHECK(r.added == 3);
  REQUIRE(r.rejected.size() == 2);
  CHECK(r.rejected[0].where.line == 3);
  CHECK(r.rejected[1].where.line == 5);
  CHECK_THAT(r.rejected[1].reason, Catch::StartsWith("k.csv:5:1: expected a URN"));
}

TEST_CASE("provenance: the import row, the file's hash in the audit, and a Windows-1252 file stored as UTF-8") {
  auto db = fresh_db();
  auto r = import_evidence(db, testing::admin(), testing::at(), {.file = fixture("long_windows1252.csv")});
  CHECK(r.converted_from_windows1252);
  const std::string sha = sha256_hex(read_bytes(fixture("long_windows1252.csv")));
  CHECK(r.sha256 == sha);
  auto e = items(db, 100000, "leadership_note");
  REQUIRE(e.size() == 1);
  CHECK(e[0].text == "Head’s report: café € fund");
  CHECK(e[0].import_id == r.import_id);
  auto imp = testing::sql(db, "SELECT sha256, file, format, period, rows FROM imports WHERE id = ?");
  imp.bind(1, *r.import_id);
  REQUIRE(imp.step());
  CHECK(imp.text(0) == sha);
  CHECK(imp.text(1) == "long_windows1252.csv");
  CHECK(imp.text(2) == "long");
  CHECK(imp.is_null(3));
  CHECK(imp.integer(4) == 1);
  auto audit = testing::sql(db, "SELECT command, input_hash FROM audit");
  REQUIRE(audit.step());
  CHECK(audit.text(0) == "import evidence");
  CHECK(audit.text(1) == sha);
}

TEST_CASE("an import inside the caller's transaction rolls back alone when it fails") {
  auto db = fresh_db();
  TempDir d;
  Transaction tx(db);
  import_evidence(db, testing::admin(), testing::at(), {.file = d.write("ok.csv", kHeader + "1,pa,2024-25,1,\n")});
  CHECK_THROWS_AS(import_evidence(db, testing::admin(), testing::at(), {.file = d.write("bad.csv", kHeader + "1,qa,2024-25,1,\n2,Bad,2024-25,1,\n")}),
                  InputError);
  tx.commit();
  CHECK(count(db, "SELECT COUNT(*) FROM evidence") == 1);
  CHECK(count(db, "SELECT COUNT(*) FROM imports") == 1);
}

TEST_CASE("items stored many to a statement keep the file's order, lines and columns, past every batch boundary") {
  // 4,096 items wait before a flush and 64 go to an INSERT: 4,200 rows cross both, and end on a part-batch.
  auto db = fresh_db();
  TempDir d;
  std::string csv = kHeader;
  for (int i = 0; i < 4200; ++i)
    csv += std::to_string(100000 + i) + ",pa," + (i % 2 ? "2024-25" : "2023-24") + "," + (i % 7 ? std::to_string(i % 100) : "SUPP") +
           (i % 5 ? "," : ",note " + std::to_string(i)) + "\n";
  auto r = import_evidence(db, testing::admin(), testing::at(), {.file = d.write("many.csv", csv)});
  CHECK(r.added == 4200);
  CHECK(r.missing == 600);
  // Ids follow the lines one for one; every item has its own line, value, reason and note.
  CHECK(count(db, "SELECT COUNT(*) FROM evidence WHERE id - (SELECT MIN(id) FROM evidence) + 2 = line AND col = 4 "
                  "AND urn = 100000 + line - 2 AND period = CASE (line - 2) % 2 WHEN 1 THEN '2024-25' ELSE '2023-24' END "
                  "AND (((line - 2) % 7 = 0 AND missing = 'suppressed' AND value_num IS NULL) OR "
                  "     ((line - 2) % 7 <> 0 AND missing IS NULL AND value_num = (line - 2) % 100)) "
                  "AND (((line - 2) % 5 = 0 AND value_text = 'note ' || (line - 2)) OR ((line - 2) % 5 <> 0 AND value_text IS NULL)) "
                  "AND source = 'many.csv' AND supersedes IS NULL") == 4200);
  // A corrected file: a read through the writer sees every item before it, batched or not.
  std::string fixed = kHeader;
  for (int i = 0; i < 4200; ++i)
    fixed += std::to_string(100000 + i) + ",pa," + (i % 2 ? "2024-25" : "2023-24") + "," +
             (i % 7 ? std::to_string(i % 100 + (i % 3 == 0)) : "SUPP") + (i % 5 ? "," : ",note " + std::to_string(i)) + "\n";
  fixed += "200000,pa,2024-25,1,\n";
  auto again = import_evidence(db, testing::admin(), testing::at(), {.file = d.write("fixed.csv", fixed)});
  const std::int64_t changed = count(db, "SELECT COUNT(*) FROM evidence WHERE source = 'many.csv' AND (line - 2) % 7 <> 0 AND (line - 2) % 3 = 0");
  CHECK(again.superseded == changed);
  CHECK(again.added == 1);
  CHECK(again.unchanged == 4200 - changed);
  CHECK(count(db, "SELECT COUNT(*) FROM evidence n JOIN evidence o ON o.id = n.supersedes "
                  "WHERE n.source = 'fixed.csv' AND o.source = 'many.csv' AND n.urn = o.urn AND n.line = o.line "
                  "AND n.value_num = o.value_num + 1") == changed);
}
