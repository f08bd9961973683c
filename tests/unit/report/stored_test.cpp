// Issue 18: a report reads a body's stored assessments a school at a time
// (each_stored_assessment) rather than all at once with a query per school
// for the ratings people recorded, which a report never shows.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "../acting.hpp"
#include "../scratch.hpp"
#include "../sql.hpp"
#include "trellis/assessment.hpp"
#include "trellis/bodies.hpp"
#include "trellis/report.hpp"
#include "trellis/store/schema.hpp"

using namespace trellis;
namespace fs = std::filesystem;

namespace {

struct Scratch : testing::ScratchDir {
  Scratch() : ScratchDir("stored") {}
};

void school(Database& db, std::int64_t urn, const std::string& name) {
  auto s = testing::sql(db, "INSERT INTO schools(urn, name, la_code, type_group, status, updated_at) VALUES (?, ?, 894, 'maintained', 'open', 'x')");
  s.bind(1, urn).bind(2, name).run();
}

/// A computed overall rating citing evidence, with two reasons, beside the assessment's own reasons.
void assessment(Database& db, std::int64_t urn, const std::string& period, const std::string& level) {
  auto s = testing::sql(db, R"(INSERT INTO assessments(urn, body_id, regime, period, level, classified, reasons, ratings,
      policy_version, policy_hash, assessed_at) VALUES (?, 'telford', 'telford-la', ?, ?, 1, '["first reason", "second reason"]',
      '[{"subject": "overall", "level": "' || ?3 || '", "stage": "computed", "rationale": "why", "reasons": ["one", "two"], "evidence": [7, 8]}]',
      '2024-25.1', 'hash', '2019-01-07T09:00:00Z'))");
  s.bind(1, urn).bind(2, period).bind(3, level).run();
}

/// A self-assessment, which stored_assessments reads back as `recorded`.
void self_rating(Database& db, std::int64_t urn, const std::string& period) {
  auto s = testing::sql(db, R"(INSERT INTO ratings(urn, body_id, period, subject, level, stage, set_by, set_at, rationale, regime)
      VALUES (?, 'telford', ?, 'overall', 'green', 'self', 'head', '2019-01-07T09:00:00Z', 'we think so', 'telford-la'))");
  s.bind(1, urn).bind(2, period).run();
}

Database telford(const fs::path& file) {
  Database db = sqlite::open(file);
  migrate(db);
  school(db, 200002, "Beta Primary School");
  school(db, 200001, "Alpha Primary School");
  school(db, 200003, "Gamma Primary School");
  add_body(db, testing::admin(), testing::at(), {"telford", "la", "Telford and Wrekin Council"});
  join_body(db, testing::admin(), testing::at(), "telford", {200001, 200002, 200003}, "2017-09-01", std::nullopt);
  assessment(db, 200002, "2018-19", "amber");
  assessment(db, 200001, "2018-19", "red");
  assessment(db, 200001, "2018-19", "yellow");  // a later run: the one that stands
  assessment(db, 200003, "2017-18", "green");   // another period
  self_rating(db, 200001, "2018-19");
  return db;
}

PluginHost plugins() { return PluginHost({fs::path(TRELLIS_BUILD_DIR) / "plugins"}, [](const std::string&) {}); }

}  // namespace

TEST_CASE("Stored assessments handed one at a time are the latest of each school, by URN, as the whole list holds them") {
  Scratch scratch;
  Database db = telford(scratch.dir / "t.db");
  PluginHost host = plugins();
  const Period period = Period::parse("2018-19");
  const auto whole = stored_assessments(db, host, "telford", period);
  std::vector<SchoolAssessment> one_at_a_time;
  const std::size_t n =
      each_stored_assessment(db, host, "telford", period, [&](SchoolAssessment&& a) { one_at_a_time.push_back(std::move(a)); });
  REQUIRE(n == 2);
  REQUIRE(one_at_a_time.size() == 2);
  REQUIRE(whole.size() == 2);
  CHECK(one_at_a_time[0].urn == 200001);
  CHECK(one_at_a_time[0].level == "yellow");
  CHECK(one_at_a_time[1].urn == 200002);
  for (std::size_t i = 0; i < whole.size(); ++i) {
    CHECK(one_at_a_time[i].id == whole[i].id);
    CHECK(one_at_a_time[i].name == whole[i].name);
    CHECK(one_at_a_time[i].level == whole[i].level);
    CHECK(one_at_a_time[i].reasons == whole[i].reasons);
    REQUIRE(one_at_a_time[i].ratings.size() == 1);
    CHECK(one_at_a_time[i].ratings[0].evidence == whole[i].ratings[0].evidence);
  }
  // The self-assessment is the whole list's, read a query per school; one at a time, a report reads it itself.
  CHECK(whole[0].recorded.size() == 1);
  CHECK(one_at_a_time[0].recorded.empty());
  CHECK(each_stored_assessment(db, host, "telford", Period::parse("2016-17"), [](SchoolAssessment&&) { FAIL(); }) == 0);
}

TEST_CASE("A report keeps of each school's computed ratings only what a line of them shows") {
  Scratch scratch;
  Database db = telford(scratch.dir / "t.db");
  PluginHost host = plugins();
  const Report r = build_report(db, host, "telford", Period::parse("2018-19"));
  REQUIRE(r.schools.size() == 2);
  const auto& a = r.schools[0].assessment;
  CHECK(a.urn == 200001);
  // The reasons are the school's, each text held once across the report (both schools give the same).
  CHECK(a.reasons.empty());
  CHECK(r.schools[0].reasons == std::vector<SharedText>{"first reason", "second reason"});
  REQUIRE(r.schools[1].reasons.size() == 2);
  CHECK(&r.schools[0].reasons[1].str() == &r.schools[1].reasons[1].str());
  REQUIRE(a.ratings.size() == 1);
  CHECK(a.ratings[0].reasons == std::vector<std::string>{"one"});
  CHECK(a.ratings[0].evidence.empty());
  CHECK(a.ratings[0].rationale.empty());
  CHECK(a.recorded.empty());
  // A term of the year stands on the year's assessments.
  CHECK(build_report(db, host, "telford", Period::parse("2018-19/autumn")).schools.size() == 2);
}

namespace {

void activity(Database& db, const std::string& uid, const std::string& start, const std::string& end,
              std::optional<std::string> due, const std::string& status) {
  auto s = testing::sql(db, R"(INSERT INTO activities(uid, body_id, urn, year, type, title, start_date, end_date, due_date,
      rule, attendees, documents, status) VALUES (?, 'telford', 200001, '2018-19', 'visit', ?1, ?, ?, ?, 'r', '[]', '[]', ?))");
  s.bind(1, uid).bind(2, start).bind(3, end);
  if (due) s.bind(4, *due);
  s.bind(5, status).run();
}

}  // namespace

TEST_CASE("A report's activities show the status `schedule` shows on the report's day: overdue once past their deadline") {
  Scratch scratch;
  Database db = telford(scratch.dir / "t.db");
  activity(db, "planned-past", "2018-10-01", "2018-10-05", std::nullopt, "planned");
  activity(db, "moved-past-due", "2018-10-08", "2018-10-08", "2018-10-10", "moved");
  activity(db, "due-ahead", "2018-10-09", "2018-10-09", "2018-12-10", "planned");  // its end is past, not its due date
  activity(db, "done-past", "2018-10-15", "2018-10-15", std::nullopt, "done");
  activity(db, "planned-ahead", "2018-11-05", "2018-11-09", std::nullopt, "planned");
  const DateRange year{Date::parse("2018-09-01"), Date::parse("2019-08-31")};
  const auto statuses = [&](std::optional<Date> today) {
    std::map<std::string, std::string> out;  // title -> status
    ReportActivities(db, "telford", "2018-19", year, today).each([&](const ReportActivity& a) { out[a.title] = a.status; });
    return out;
  };
  const auto shown = statuses(Date::parse("2018-11-01"));
  CHECK(shown == std::map<std::string, std::string>{{"planned-past", "overdue"}, {"moved-past-due", "overdue"},
                                                    {"due-ahead", "planned"}, {"done-past", "done"},
                                                    {"planned-ahead", "planned"}});
  CHECK(statuses(std::nullopt).at("planned-past") == "planned");  // no day: as stored
  CHECK(statuses(Date::parse("2018-10-05")).at("planned-past") == "planned");  // on its last day it is not yet late
}

TEST_CASE("A report's overdue activities, read unsorted, are those each() shows overdue") {
  Scratch scratch;
  Database db = telford(scratch.dir / "t.db");
  activity(db, "planned-past", "2018-10-01", "2018-10-05", std::nullopt, "planned");
  activity(db, "moved-past-due", "2018-10-08", "2018-10-08", "2018-10-10", "moved");
  activity(db, "due-ahead", "2018-10-09", "2018-10-09", "2018-12-10", "planned");
  activity(db, "done-past", "2018-10-15", "2018-10-15", std::nullopt, "done");
  activity(db, "missed-past", "2018-10-16", "2018-10-16", std::nullopt, "missed");
  activity(db, "planned-ahead", "2018-11-05", "2018-11-09", std::nullopt, "planned");
  activity(db, "planned-last-year", "2017-10-01", "2017-10-05", std::nullopt, "planned");  // outside the span
  const DateRange span{Date::parse("2018-09-01"), Date::parse("2019-08-31")};
  const auto lines = [](const ReportActivities& activities, bool overdue_only) {
    std::map<std::int64_t, std::string> out;  // id -> school, type, dates and status
    const auto keep = [&](const ReportActivity& a) {
      if (a.status == "overdue")
        out[a.id] = a.school + "|" + a.type + "|" + a.start + "|" + a.end + "|" + a.due.value_or("-") + "|" + a.status;
    };
    if (overdue_only) activities.each_overdue(keep);
    else activities.each(keep);
    return out;
  };
  const ReportActivities on_day(db, "telford", "2018-19", span, Date::parse("2018-11-01"));
  const auto overdue = lines(on_day, true);
  CHECK(overdue.size() == 2);
  CHECK(overdue == lines(on_day, false));
  const ReportActivities undated(db, "telford", "2018-19", span, std::nullopt);
  CHECK(lines(undated, true).empty());  // no day: nothing is overdue
  const ReportActivities held{ReportActivity{1, 200001, "A", "visit", "t", "2018-10-01", "2018-10-01", "overdue", {}},
                              ReportActivity{2, 200001, "A", "visit", "t", "2018-10-02", "2018-10-02", "planned", {}}};
  CHECK(lines(held, true).size() == 1);
}
