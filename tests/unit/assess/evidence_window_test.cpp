// An EvidenceStore that holds a window of schools at a time (issue 18): each
// window's views are the ones a store of every school gives, and benchmarks
// stay over the database, not over the window.
#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>

#include "trellis/error.hpp"
#include "trellis/school_evidence.hpp"
#include "trellis/store/evidence_repository.hpp"
#include "trellis/store/schema.hpp"
#include "../sql.hpp"

using namespace trellis;

namespace {

/// Four schools (100001..100004) in two LAs, each with items of two indicators over two
/// periods (one corrected), a rating and an earlier assessment under body `b`; 100005 is not
/// in the register but has evidence.
Database with_schools() {
  Database db = sqlite::open_memory();
  migrate(db);
  testing::exec(db, "INSERT INTO bodies(id, kind, name, created_at) VALUES ('b', 'la', 'B', '2024-09-02')");
  for (int urn = 100001; urn <= 100004; ++urn) {
    const std::string u = std::to_string(urn), la = urn % 2 ? "894" : "330";
    testing::exec(db, "INSERT INTO schools(urn, name, la_code, phase, updated_at) VALUES (" + u + ", 'S" + u + "', " +
                          la + ", 'primary', 'now')");
    testing::exec(db, "INSERT INTO ratings(urn, body_id, period, subject, level, stage, set_by, set_at, rationale, "
                      "regime) VALUES (" + u + ", 'b', '2024-25', 'overall', 'amber', 'self', 'head', 'now', 'why " +
                          u + "', 'r')");
    testing::exec(db, "INSERT INTO assessments(urn, body_id, regime, period, level, reasons, ratings, policy_version, "
                      "policy_hash, assessed_at) VALUES (" + u + ", 'b', 'r', '2023-24', 'green', '[]', '[]', 'v', 'h', 'now')");
  }
  for (int urn = 100001; urn <= 100005; ++urn)
    for (const char* period : {"2023-24", "2024-25"})
      for (const char* indicator : {"absence", "attainment"})
        testing::exec(db, "INSERT INTO evidence(urn, period, indicator, value_num, source, recorded_at) VALUES (" +
                              std::to_string(urn) + ", '" + period + "', '" + indicator + "', " +
                              std::to_string(urn % 100 * 10 + (period[3] - '0')) + ", 'f.csv', 'now')");
  // A correction: 100002's 2024-25 absence is 99, superseding what the file said.
  testing::exec(db, "INSERT INTO evidence(urn, period, indicator, value_num, source, recorded_at, recorded_by, supersedes) "
                    "SELECT urn, period, indicator, 99, 'officer', 'later', 'officer', id FROM evidence "
                    "WHERE urn = 100002 AND period = '2024-25' AND indicator = 'absence'");
  return db;
}

/// What a regime sees of one school, as text to compare.
std::string seen(const EvidenceStore& store, std::int64_t urn, const Period& at) {
  auto view = store.view(urn, at);
  std::string out = view->school().name + "|";
  for (const auto& o : view->all()) out += o.indicator + "=" + std::to_string(o.value.value_or(-1)) + "@" + o.period + ";";
  out += "|" + view->previous_level().value_or("-") + "|" + view->rating("overall", "self").value_or("-");
  for (const auto& r : store.recorded(urn, at)) out += "|" + r.level + ":" + r.rationale;
  for (const auto& s : store.stale(urn, at)) out += "|stale " + s.indicator + "@" + s.period;
  for (const char* indicator : {"absence", "attainment"}) {
    out += "|" + std::to_string(view->benchmark(indicator, sdk::BenchmarkScope::national).value_or(-1));
    out += "|" + std::to_string(view->benchmark(indicator, sdk::BenchmarkScope::la).value_or(-1));
  }
  return out;
}

}  // namespace

TEST_CASE("a store by window sees each school held as a store of every school does") {
  Database db = with_schools();
  const std::vector<std::int64_t> urns{100001, 100002, 100003, 100004};
  const Period at = Period::parse("2024-25");
  const HistoryRules rules{"r", {"final"}, nullptr};
  // Last year's items are too old ([evidence.max_age] 0): 100003's 2022-23 `exclusions` has nothing newer.
  KernelSections sections;
  sections.default_max_age = 0;
  for (const char* period : {"2021-22", "2022-23"})
    testing::exec(db, std::string("INSERT INTO evidence(urn, period, indicator, value_num, source, recorded_at) "
                                  "VALUES (100003, '") + period + "', 'exclusions', 1, 'f.csv', 'now')");
  EvidenceStore whole(db, urns, "b", AcademicCalendar{}, rules, sections);
  EvidenceStore windows(db, EvidenceStore::ByWindow{}, "b", AcademicCalendar{}, rules, sections);
  CHECK(!whole.by_window());
  CHECK(windows.by_window());
  for (const std::vector<std::int64_t>& window : {std::vector<std::int64_t>{100001, 100002}, {100003, 100004}}) {
    windows.hold(window);
    for (auto urn : window) CHECK(seen(windows, urn, at) == seen(whole, urn, at));
  }
  CHECK(seen(whole, 100002, at).find("absence=99.000000@2024-25") != std::string::npos);  // the correction, not the file
  CHECK(seen(whole, 100003, at).find("|stale exclusions@2022-23|") != std::string::npos);
  CHECK(seen(whole, 100003, at).find("stale absence") == std::string::npos);  // this year's is usable
}

TEST_CASE("benchmarks are means over the database, not over the window held") {
  Database db = with_schools();
  EvidenceStore store(db, EvidenceStore::ByWindow{}, "b", AcademicCalendar{});
  store.hold({100001});
  auto view = store.view(100001, Period::parse("2024-25"));
  // 2024-25 absence: 14, 99 (corrected), 34, 44 and 54 (not in the register, so in no LA).
  CHECK(view->benchmark("absence", sdk::BenchmarkScope::national) == Approx((14 + 99 + 34 + 44 + 54) / 5.0));
  CHECK(view->benchmark("absence", sdk::BenchmarkScope::la) == Approx((14 + 34) / 2.0));  // LA 894: 100001 and 100003
}

TEST_CASE("a store by window refuses a school outside the window, and names one the register lacks") {
  Database db = with_schools();
  EvidenceStore store(db, EvidenceStore::ByWindow{}, "b", AcademicCalendar{});
  const Period at = Period::parse("2024-25");
  CHECK_THROWS_AS(store.view(100001, at), std::logic_error);  // nothing held yet
  store.hold({100004, 100005});
  CHECK(store.view(100004, at)->school().urn == 100004);
  CHECK_THROWS_AS(store.view(100001, at), std::logic_error);
  CHECK_THROWS_AS(store.view(100005, at), UsageError);
}

TEST_CASE("a store by window holds a window of a body's schools where one starts, and only there") {
  Database db = with_schools();
  const std::vector<std::int64_t> urns{100003, 100004};
  const Period at = Period::parse("2024-25");
  EvidenceStore store(db, EvidenceStore::ByWindow{}, "b", AcademicCalendar{});
  store.hold({100001});
  store.hold_window_at(urns, 1);  // not the start of a window: what is held stays
  CHECK(store.view(100001, at)->school().urn == 100001);
  store.hold_window_at(urns, 0);  // the first window: both schools (fewer than kWindow)
  for (auto urn : urns) CHECK(store.view(urn, at)->school().urn == urn);
  CHECK_THROWS_AS(store.view(100001, at), std::logic_error);
  EvidenceStore whole(db, urns, "b", AcademicCalendar{});
  whole.hold_window_at(urns, 0);  // a whole store holds what it read
  CHECK(whole.view(100003, at)->school().urn == 100003);
}

TEST_CASE("a window read ahead is the one held next, while the window held stays as it was") {
  Database db = with_schools();
  const Period at = Period::parse("2024-25");
  std::vector<std::int64_t> urns;
  for (std::size_t i = 0; i + 1 < EvidenceStore::kWindow; ++i)
    urns.push_back(900000 + static_cast<std::int64_t>(i));  // not in the register: nothing to read
  urns.push_back(100001);  // the first window's last school
  for (std::int64_t urn : {100004, 100002, 100003}) urns.push_back(urn);  // the second window, out of order
  EvidenceStore whole(db, {100001, 100002, 100003, 100004}, "b", AcademicCalendar{});
  EvidenceStore store(db, EvidenceStore::ByWindow{}, "b", AcademicCalendar{});
  store.hold_window_at(urns, 0);
  const auto view = store.view(100001, at);
  const std::string before = seen(store, 100001, at);
  store.read_window_ahead(urns, 1);  // not where a window starts: nothing read
  store.read_window_ahead(urns, EvidenceStore::kWindow);
  CHECK(seen(store, 100001, at) == before);  // the window held is as it was, its views too
  CHECK(view->latest("absence")->value == Approx(14));
  CHECK_THROWS_AS(store.view(100002, at), std::logic_error);  // read, but not held yet
  // An item recorded after the window was read ahead is not in it: holding it reads nothing again.
  testing::exec(db, "INSERT INTO evidence(urn, period, indicator, value_num, source, recorded_at) "
                    "VALUES (100002, '2024-25', 'late', 1, 'f.csv', 'now')");
  store.hold_window_at(urns, EvidenceStore::kWindow);
  for (std::int64_t urn : {100002, 100003, 100004}) CHECK(seen(store, urn, at) == seen(whole, urn, at));
  CHECK_THROWS_AS(store.view(100001, at), std::logic_error);
  // A view of the window before still reads its items (judge_schools frees such views as the next window is judged).
  CHECK(view->latest("absence")->value == Approx(14));
  // A window read ahead that is not the one asked for is not held: the one asked for is read then.
  store.read_window_ahead(urns, 0);
  store.hold_window_at(urns, EvidenceStore::kWindow);
  CHECK(seen(store, 100002, at).find("late=1.000000@2024-25") != std::string::npos);
}

TEST_CASE("each_current_of_few reads the items each_current does, in the same order") {
  Database db = with_schools();
  // 100004's items are held again as 100003's, after more rows of a school not asked for than a stretch runs over.
  for (int i = 0; i < 70; ++i)
    testing::exec(db, "INSERT INTO evidence(urn, period, indicator, value_num, source, recorded_at) "
                      "VALUES (100001, '2024-25', 'filler" + std::to_string(i) + "', 1, 'f.csv', 'now')");
  testing::exec(db, "INSERT INTO evidence(urn, period, indicator, value_num, source, recorded_at) "
                    "SELECT urn - 1, period, indicator || '_again', value_num, source, recorded_at FROM evidence "
                    "WHERE urn = 100004");
  for (const std::vector<std::int64_t>& urns : {std::vector<std::int64_t>{100004, 100002, 100005}, {100003}, {}}) {
    std::vector<std::pair<std::int64_t, std::int64_t>> whole, few;  // (urn, id)
    db.evidence().each_current(urns, [&](const EvidenceRepository::CurrentItem& e) { whole.emplace_back(e.urn, e.id); });
    db.evidence().each_current_of_few(urns, [&](const EvidenceRepository::CurrentItem& e) { few.emplace_back(e.urn, e.id); });
    CHECK(few == whole);
  }
  std::size_t items = 0;
  db.evidence().each_current_of_few({100004, 100002, 100005}, [&](const EvidenceRepository::CurrentItem&) { ++items; });
  CHECK(items == 3 * 4);  // 100002's correction in place of the item it corrects
}
