// Census, absence, KS2, KS4 and Ofsted history, from small extracts of the
// real files (tests/data), quirks included.
#include "../acting.hpp"
#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "trellis/error.hpp"
#include "trellis/evidence.hpp"
#include "trellis/import/evidence_import.hpp"
#include "trellis/import/schools_import.hpp"
#include "../sql.hpp"

using namespace trellis;
using namespace trellis::test;

namespace {

/// The school's current item for the indicator and period.
EvidenceItem item(Database& db, std::int64_t urn, const std::string& indicator, const std::string& period) {
  std::optional<EvidenceItem> found;
  for (auto& e : evidence_for(db, urn))
    if (e.indicator == indicator && e.period == period) found = e;
  INFO(urn << " " << indicator << " " << period);
  REQUIRE(found);
  return *found;
}

Database with_register() {
  auto db = fresh_db();
  import_schools(db, testing::admin(), testing::at(), {.file = fixture("spine_small.csv")});
  return db;
}

}  // namespace

TEST_CASE("census: each column an indicator; NA kept as not applicable; national rows by phase kept as national figures") {
  auto db = with_register();
  auto r = import_evidence(db, testing::admin(), testing::at(), {.file = fixture("census_small.csv"), .period = "2018-19"});
  CHECK(r.format == "dfe-census");
  CHECK(r.rows == 8);
  CHECK(r.added == 5 * 18);
  CHECK(r.missing == 9);
  CHECK(r.unknown_schools == 0);
  CHECK(r.new_indicators.size() == 18);
  CHECK(r.notes.empty());

  auto nor = item(db, 100001, "pupils_on_roll", "2018-19");
  CHECK(nor.value == 752);
  CHECK(nor.source == "census_small.csv");
  CHECK(nor.line == 3);
  CHECK(nor.column == 5);
  CHECK(nor.unit == "pupils");
  auto eal = item(db, 100001, "eal_pct", "2018-19");
  CHECK_FALSE(eal.value);
  CHECK(eal.missing == "not applicable");
  CHECK(item(db, 123377, "fsm_ever_pct", "2018-19").value == 8.8);
  auto ind = find_indicator(db, "sen_ehcp_pct");
  REQUIRE(ind);
  CHECK(ind->unit == "%");
  CHECK(ind->direction == "neutral");
  // The NAT rows: one national figure per phase for each measure they give (DfE's primary, secondary, special totals).
  CHECK(count(db, "SELECT COUNT(DISTINCT phase) FROM benchmarks WHERE scope = 'national'") == 3);
  CHECK(count(db, "SELECT COUNT(*) FROM benchmarks WHERE phase = ''") == 0);
  CHECK(count(db, "SELECT value FROM benchmarks WHERE indicator = 'pupils_on_roll' AND phase = 'special'") == 121738);
}

TEST_CASE("census: ...SENELK is SEN support, ...SENELSE a statement or EHC plan") {
  // DfE's SEN codes: K is SEN support; S and E a statement and an EHC plan.
  auto db = with_register();
  import_evidence(db, testing::admin(), testing::at(), {.file = fixture("census_small.csv"), .period = "2018-19"});
  // census_small.csv line 5, Lawley Primary: TSENELSE 5, PSENELSE 1.2, TSENELK 29, PSENELK 6.9.
  CHECK(item(db, 123377, "sen_support_count", "2018-19").value == 29);
  CHECK(item(db, 123377, "sen_support_pct", "2018-19").value == 6.9);
  CHECK(item(db, 123377, "sen_ehcp_count", "2018-19").value == 5);
  CHECK(item(db, 123377, "sen_ehcp_pct", "2018-19").value == 1.2);
  CHECK(item(db, 123377, "sen_ehcp_pct", "2018-19").column == 11);  // PSENELSE

  // The real January 2019 census rows for Telford and Wrekin (examples/): across
  // the LA, SEN support is several times EHC plans, as it is nationally (12%, 3%).
  const auto ex = std::filesystem::path(TRELLIS_SOURCE_DIR) / "examples" / "telford-and-wrekin" / "data";
  auto la = fresh_db();
  import_schools(la, testing::admin(), testing::at(), {.file = ex / "england_spine.csv"});
  import_evidence(la, testing::admin(), testing::at(), {.file = ex / "england_census.csv", .period = "2018-19"});
  CHECK(item(la, 123404, "sen_support_pct", "2018-19").value == 21.2);  // Wombridge Primary
  CHECK(item(la, 123404, "sen_ehcp_pct", "2018-19").value == 2.4);
  CHECK(item(la, 123574, "sen_support_count", "2018-19").value == 113);
  CHECK(item(la, 123574, "sen_ehcp_count", "2018-19").value == 18);
  const auto support = count(la, "SELECT SUM(value_num) FROM evidence WHERE indicator = 'sen_support_count'");
  const auto ehcp = count(la, "SELECT SUM(value_num) FROM evidence WHERE indicator = 'sen_ehcp_count'");
  CHECK(support > 2 * ehcp);
}

TEST_CASE("census needs --period: the file does not say its year") {
  auto db = fresh_db();
  const std::string before = snapshot(db);
  CHECK_THROWS_AS(import_evidence(db, testing::admin(), testing::at(), {.file = fixture("census_small.csv")}), UsageError);
  CHECK_THROWS_AS(import_evidence(db, testing::admin(), testing::at(), {.file = fixture("census_small.csv"), .period = "2018-20"}), UsageError);
  CHECK(snapshot(db) == before);
}

TEST_CASE("absence: SUPP is suppressed, lower is better, unknown URNs are stored and reported") {
  auto db = with_register();
  auto r = import_evidence(db, testing::admin(), testing::at(), {.file = fixture("absence_small.csv"), .period = "2018-19"});
  CHECK(r.format == "dfe-absence");
  CHECK(r.added == 12);
  CHECK(r.missing == 2);
  CHECK(r.unknown_schools == 2);
  CHECK(r.unknown_examples == std::vector<std::int64_t>{100027, 145730});
  auto pa = item(db, 100027, "persistent_absence_pct", "2018-19");
  CHECK(pa.missing == "suppressed");
  CHECK(pa.line == 6);
  CHECK(pa.column == 5);
  CHECK(item(db, 123377, "overall_absence_pct", "2018-19").value == 2.6);
  CHECK(find_indicator(db, "persistent_absence_pct")->direction == "lower");
  // Telford seed 003 s6: special schools are compared with special schools, so DfE's national rows by phase are kept.
  CHECK(r.benchmarks == 6);
  CHECK(count(db, "SELECT ROUND(value * 10) FROM benchmarks WHERE indicator = 'overall_absence_pct' AND phase = 'special'") == 101);
  CHECK(count(db, "SELECT ROUND(value * 10) FROM benchmarks WHERE indicator = 'persistent_absence_pct' AND phase = 'primary'") == 82);
  CHECK(count(db, "SELECT ROUND(value * 10) FROM benchmarks WHERE indicator = 'overall_absence_pct' AND phase = 'secondary'") == 55);
}

TEST_CASE("KS2: the year comes from the file, 88% is 88, LOWCOV and NOT AVAIL keep their reasons") {
  auto db = with_register();
  auto r = import_evidence(db, testing::admin(), testing::at(), {.file = fixture("ks2_small.csv")});
  CHECK(r.format == "dfe-ks2");
  CHECK(r.period == "2017-18");
  CHECK(r.rows == 4);
  CHECK(item(db, 123377, "ks2_rwm_expected_pct", "2017-18").value == 63);
  CHECK(item(db, 123377, "ks2_reading_progress", "2017-18").value == -1.7);
  CHECK(item(db, 123377, "ks2_maths_progress_desc", "2017-18").text == "Well Below Average");
  CHECK(item(db, 143648, "ks2_reading_progress", "2017-18").missing == "low coverage");
  CHECK(item(db, 143648, "ks2_reading_progress_desc", "2017-18").missing == "not available");
  CHECK(item(db, 145561, "ks2_rwm_expected_pct", "2017-18").missing == "not recorded");
}

TEST_CASE("KS2: a --period that the file contradicts is an error at the year's cell") {
  auto db = fresh_db();
  const std::string before = snapshot(db);
  CHECK_THROWS_WITH(import_evidence(db, testing::admin(), testing::at(), {.file = fixture("ks2_small.csv"), .period = "2018-19"}),
                    "ks2_small.csv:2:25: expected 2019 (the academic year 2018-19), found \"2018\"");
  CHECK(snapshot(db) == before);
  CHECK(import_evidence(db, testing::admin(), testing::at(), {.file = fixture("ks2_small.csv"), .period = "2017-18"}).added > 0);
}

TEST_CASE("KS4: NE, SUPP, NA, LOWCOV kept; LA and national rows become published benchmarks") {
  auto db = with_register();
  auto r = import_evidence(db, testing::admin(), testing::at(), {.file = fixture("ks4_small.csv"), .period = "2018-19"});
  CHECK(r.format == "dfe-ks4");
  CHECK(r.added == 7 * 18);
  CHECK(item(db, 141716, "ks4_attainment8", "2018-19").value == 58.8);
  CHECK(item(db, 141716, "ks4_basics_94_pct", "2018-19").value == 90.2);
  CHECK(item(db, 100096, "ks4_attainment8", "2018-19").missing == "no entries");
  CHECK(item(db, 100312, "ks4_progress8", "2018-19").missing == "suppressed");
  CHECK(item(db, 140966, "ks4_progress8", "2018-19").missing == "low coverage");
  CHECK(item(db, 100001, "ks4_attainment8", "2018-19").missing == "not applicable");
  CHECK(item(db, 100096, "ks4_progress8_band", "2018-19").missing == "not recorded");
  CHECK(item(db, 135835, "ks4_progress8", "2018-19").value == 0.06);  // after a quoted comma
  CHECK(count(db, "SELECT COUNT(*) FROM benchmarks WHERE scope = 'la' AND la_code = 894") == 18);
  CHECK(count(db, "SELECT value FROM benchmarks WHERE scope = 'la' AND indicator = 'ks4_pupils'") == 1947);
  CHECK(count(db, "SELECT value * 10 FROM benchmarks WHERE scope = 'national' AND indicator = 'ks4_attainment8'") == 465);
  CHECK(count(db, "SELECT COUNT(*) FROM benchmarks WHERE scope = 'national'") == 13);  // the blanks are not figures
  CHECK(r.benchmarks == 18 + 13);
  REQUIRE(r.notes.size() == 1);
  CHECK_THAT(r.notes[0], Catch::Contains("RECTYPE 5"));
}

TEST_CASE("Ofsted history: grade and date per inspection, filed under its academic year, oldest first") {
  auto db = with_register();
  auto r = import_evidence(db, testing::admin(), testing::at(), {.file = fixture("ofsted_small.csv")});
  CHECK(r.format == "ofsted-history");
  CHECK_FALSE(r.period);
  CHECK(r.rows == 15);
  auto grade = item(db, 100000, "ofsted_grade", "2012-13");
  CHECK(grade.value == 1);
  CHECK(grade.text == "Outstanding");
  CHECK(grade.line == 2);
  CHECK(grade.column == 2);
  CHECK(item(db, 100000, "ofsted_inspection_date", "2012-13").text == "2013-04-18");
  CHECK(item(db, 123377, "ofsted_grade", "2011-12").value == 4);
  CHECK(item(db, 131288, "ofsted_grade", "2017-18").text == "Requires Improvement");

  // A higher id is a newer inspection, though the file lists the newest first.
  auto s = testing::sql(db, "SELECT value_text FROM evidence WHERE urn = 100000 AND indicator = 'ofsted_inspection_date' ORDER BY id");
  std::vector<std::string> dates;
  while (s.step()) dates.push_back(s.text(0));
  CHECK(dates == std::vector<std::string>{"2005-09-21", "2008-09-26", "2013-04-18"});

  // 131288 lists one inspection twice: skipped. 137699 rates one inspection twice: the later row supersedes.
  CHECK(count(db, "SELECT COUNT(*) FROM evidence WHERE urn = 131288 AND indicator = 'ofsted_grade'") == 4);
  auto twice = item(db, 137699, "ofsted_grade", "2013-14");
  CHECK(twice.text == "Satisfactory");
  CHECK(twice.supersedes);
  CHECK(r.superseded == 2);
  REQUIRE(r.notes.size() == 2);
  CHECK_THAT(r.notes[0], Catch::Contains("line 10"));
  CHECK_THAT(r.notes[1], Catch::Contains("line 15"));
}

TEST_CASE("Ofsted history: --period keeps one academic year; a newer history file adds only what is new") {
  auto db = with_register();
  auto r = import_evidence(db, testing::admin(), testing::at(), {.file = fixture("ofsted_small.csv"), .period = "2012-13"});
  CHECK(r.added == 4);  // the inspections of April and May 2013
  CHECK_THAT(r.notes.back(), Catch::Contains("outside 2012-13"));
  CHECK_THROWS_AS(import_evidence(db, testing::admin(), testing::at(), {.file = fixture("ofsted_small.csv"), .period = "2012-13/autumn"}), UsageError);

  TempDir d;
  std::string bytes = read_bytes(fixture("ofsted_small.csv"));
  bytes.insert(bytes.find("100000,Outstanding,20130418"), "100000,Good,20191001\r\n");
  auto whole = import_evidence(db, testing::admin(), testing::at(), {.file = d.write("ofsted_newer.csv", bytes)});
  CHECK(whole.unchanged == 4);   // the two 2012-13 inspections, held already
  CHECK(whole.added == 2 * 12);  // 16 rows: 14 inspections less the two held; one row repeats, one re-rates
  CHECK(whole.superseded == 2);
  CHECK(item(db, 100000, "ofsted_grade", "2019-20").value == 2);
}
