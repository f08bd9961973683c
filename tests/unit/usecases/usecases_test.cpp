// The kernel's use cases driven without the CLI: each takes an actor and a
// clock, owns one transaction, and writes one audit row naming the person, the
// role they acted in and the clock's time; a refusal writes nothing. Against
// the real telford-la plugin and policy (shared/seeds/003: s5, the LA's
// officers decide the final level; s7, a school may ask for a review).
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>

#include "../acting.hpp"
#include "trellis/activity_changes.hpp"
#include "trellis/adoption.hpp"
#include "trellis/bodies.hpp"
#include "trellis/decide.hpp"
#include "trellis/error.hpp"
#include "trellis/evidence_record.hpp"
#include "trellis/initialise.hpp"
#include "trellis/people.hpp"
#include "trellis/reviews.hpp"
#include "trellis/schedule/store.hpp"
#include "../sql.hpp"

using namespace trellis;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kWombridge = 123404;
constexpr std::int64_t kLawley = 123377;
const Clock kClock = testing::at("2019-01-14T09:00:00Z");

const Actor kOfficer{"a.officer", "A. Officer", Role::officer, "telford", std::nullopt};
const Actor kHead{"w.head", "W. Head", Role::head, "telford", kWombridge};
const Actor kBoard{"b.member", "B. Member", Role::board, "telford", std::nullopt};
const Actor kViewer{"v.viewer", "V. Viewer", Role::viewer, "telford", std::nullopt};

std::int64_t count(Database& db, const std::string& sql) {
  auto s = testing::sql(db, sql);
  s.step();
  return s.integer(0);
}

struct AuditRow {
  std::string who, role, at, command;
  std::optional<std::int64_t> urn;
  nlohmann::json changes;
};

AuditRow last_audit(Database& db) {
  auto s = testing::sql(db, "SELECT who, role, at, command, urn, changes FROM audit ORDER BY id DESC LIMIT 1");
  REQUIRE(s.step());
  return {s.text(0), s.text(1), s.text(2), s.text(3), s.opt_integer(4), nlohmann::json::parse(s.text(5))};
}

/// Everything a use case could write, to show that a refusal wrote nothing.
std::string snapshot(Database& db) {
  auto s = testing::sql(db, R"(SELECT (SELECT COUNT(*) FROM audit) || '/' || (SELECT COUNT(*) FROM ratings) || '/' ||
      (SELECT COUNT(*) FROM evidence) || '/' || (SELECT COUNT(*) FROM memberships) || '/' ||
      (SELECT COUNT(*) FROM review_requests) || '/' || (SELECT COUNT(*) FROM people) || '/' ||
      (SELECT COUNT(*) FROM adoptions) || '/' || COALESCE((SELECT group_concat(status || sequence) FROM activities), ''))");
  s.step();
  return s.text(0);
}

struct Telford {
  fs::path dir;
  Database db = sqlite::open_memory();
  PluginHost host{{fs::path(TRELLIS_BUILD_DIR) / "plugins"}, [](const std::string&) {}};

  Telford() {
    std::string tmpl = (fs::temp_directory_path() / "trellis-usecases-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    dir = tmpl;
    db = sqlite::open(dir / "t.db");
    initialise(db, kClock, "admin");
    for (auto [urn, name] : {std::pair{kWombridge, "Wombridge Primary School"}, {kLawley, "Lawley Primary School"}}) {
      auto s = testing::sql(db, "INSERT INTO schools(urn, name, la_code, type_group, status, updated_at) VALUES (?, ?, 894, 'maintained', 'open', 'x')");
      s.bind(1, urn).bind(2, name).run();
    }
    add_body(db, testing::admin(), kClock, {"telford", "la", "Telford and Wrekin Council"});
    add_body(db, testing::admin(), kClock, {"wrekin-trust", "trust", "Wrekin Trust"});
    // Members before their heads are named: a head's school must have been the body's.
    testing::exec(db, "INSERT INTO memberships(body_id, urn, from_date) VALUES ('telford', 123404, '2017-09-01'), "
            "('telford', 123377, '2017-09-01')");
    for (const Actor& p : {kOfficer, kHead, kBoard, kViewer}) add_person(db, testing::admin(), kClock, p);
  }
  ~Telford() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }

  void members_and_policy() {
    adopt_policy(db, host, kOfficer, kClock, "telford", fs::path(TRELLIS_SOURCE_DIR) / "policies/telford-and-wrekin.toml",
                 "2017-09-01");
    for (auto urn : {kWombridge, kLawley}) {
      auto s = testing::sql(db, R"(INSERT INTO assessments(urn, body_id, regime, period, level, classified, reasons, ratings,
                           policy_version, policy_hash, assessed_at) VALUES (?, 'telford', 'telford-la', '2018-19', 'amber', 1,
                           '[]', '[]', 'v', 'h', '2018-09-03T09:00:00Z'))");
      s.bind(1, urn).run();
    }
  }

  /// Runs `write` and checks it added exactly one audit row, by `actor`, at
  /// the clock's time; returns what the row says changed.
  nlohmann::json one_audit_row(const Actor& actor, const std::string& command, const std::function<void()>& write) {
    const auto before = count(db, "SELECT COUNT(*) FROM audit");
    write();
    CHECK(count(db, "SELECT COUNT(*) FROM audit") == before + 1);
    const AuditRow row = last_audit(db);
    CHECK(row.who == actor.id);
    CHECK(row.role == std::string(to_string(actor.role)));
    CHECK(row.at == kClock.timestamp());
    CHECK(row.command == command);
    return row.changes;
  }

  /// Runs `write` and checks it was refused and wrote nothing.
  void refused(const std::function<void()>& write, const std::string& says) {
    const std::string before = snapshot(db);
    CHECK_THROWS_WITH(write(), Catch::Contains(says));
    CHECK(snapshot(db) == before);
  }
};

}  // namespace

TEST_CASE("each writing use case: one transaction, one audit row with the actor, the role and the clock") {
  Telford t;
  t.one_audit_row(testing::admin(), "body join", [&] {
    join_body(t.db, testing::admin(), kClock, "wrekin-trust", {kLawley}, "2019-09-01", std::nullopt);
  });
  t.one_audit_row(kOfficer, "body adopt", [&] {
    adopt_policy(t.db, t.host, kOfficer, kClock, "telford",
                 fs::path(TRELLIS_SOURCE_DIR) / "policies/telford-and-wrekin.toml", "2017-09-01");
  });
  t.one_audit_row(kHead, "record", [&] {
    record_evidence(t.db, kHead, kClock, {kWombridge, "2018-19", "parent_survey_pct", 92.0, "", "", ""});
  });
  auto source = testing::sql(t.db, "SELECT source, recorded_by FROM evidence ORDER BY id DESC LIMIT 1");
  REQUIRE(source.step());
  CHECK(source.text(0) == "W. Head");  // no --by: the person's name
  CHECK(source.text(1) == "w.head");
  t.one_audit_row(testing::admin(), "person add", [&] {
    add_person(t.db, testing::admin(), kClock, {"l.head", "L. Head", Role::head, "telford", kLawley});
  });
}

TEST_CASE("s5 and s7: a decision, a review and an activity change, each one audit row by its actor") {
  Telford t;
  t.members_and_policy();
  RatingInput final{kWombridge, "telford", "2018-19", "overall", "yellow", "final", "", "New leadership", "2019-01-14"};
  t.one_audit_row(kOfficer, "rate", [&] {
    const DecisionRun run = record_decision(t.db, t.host, kOfficer, kClock, final);
    REQUIRE(run.school);
    CHECK(run.school->level == "yellow");
  });
  auto by = testing::sql(t.db, "SELECT set_by, set_at FROM ratings WHERE stage = 'final'");
  REQUIRE(by.step());
  CHECK(by.text(0) == "A. Officer");  // no --by: the person's name
  CHECK(by.text(1) == kClock.timestamp());

  Review review;
  t.one_audit_row(kHead, "review", [&] {
    review = request_review(t.db, kHead, kClock, {kWombridge, "telford", std::nullopt, "", "Complaints counted twice"});
  });
  CHECK(review.requested_by == "W. Head");
  t.one_audit_row(kOfficer, "review start", [&] { start_review(t.db, kOfficer, kClock, review.id); });

  const auto planned = load_activities(t.db, "telford", "2018-19");
  REQUIRE_FALSE(planned.empty());
  std::int64_t id = 0;
  for (const auto& a : planned)
    if (a.urn == kWombridge && a.status == ActivityStatus::planned) id = *a.id;
  REQUIRE(id != 0);
  t.one_audit_row(kOfficer, "activity cancel", [&] {
    change_activity(t.db, kOfficer, kClock, {ActivityStep::cancel, id, std::nullopt, "School closed for snow", false});
  });
}

TEST_CASE("refusals name the person and who may act, and write nothing") {
  Telford t;
  t.members_and_policy();
  SECTION("a viewer writes nothing") {
    t.refused([&] { join_body(t.db, kViewer, kClock, "telford", {kLawley}, "2018-09-01", std::nullopt); },
              "V. Viewer (viewer, telford)");
    t.refused([&] { record_evidence(t.db, kViewer, kClock, {kLawley, "2018-19", "x_pct", 1.0, "", "", ""}); },
              "may not record evidence");
    t.refused([&] { add_person(t.db, kViewer, kClock, {"x", "X", Role::viewer, "telford", std::nullopt}); },
              "an admin or an officer of telford may");
  }
  SECTION("s5: only the LA's officers record the final level") {
    RatingInput final{kWombridge, "telford", "2018-19", "overall", "green", "final", "", "Why", "2019-01-14"};
    t.refused([&] { record_decision(t.db, t.host, kBoard, kClock, final); },
              "stage \"final\" may be recorded by an officer of telford or an admin");
    t.refused([&] { record_decision(t.db, t.host, kHead, kClock, final); }, "W. Head (head of 123404)");
  }
  SECTION("s7: a head asks for a review of their own school only") {
    t.refused([&] { request_review(t.db, kHead, kClock, {kLawley, "telford", std::nullopt, "", "Why"}); },
              "the school's own head may");
  }
  SECTION("an officer adds people for their own body, never an admin") {
    t.refused([&] { add_person(t.db, kOfficer, kClock, {"boss", "Boss", Role::admin, "", std::nullopt}); },
              "only an admin may");
  }
}

TEST_CASE("initialise makes the creator the first admin, once") {
  Database db = sqlite::open_memory();
  const InitRun first = initialise(db, kClock, "j.smith");
  REQUIRE(first.created_admin);
  CHECK(first.from_version == 0);
  CHECK(find_person(db, "j.smith")->role == Role::admin);
  CHECK(last_audit(db).who == "j.smith");
  const InitRun again = initialise(db, kClock, "someone.else");
  CHECK_FALSE(again.created_admin);
  CHECK(list_people(db).size() == 1);
}

TEST_CASE("the audit row says what changed: a decision's levels, an activity's move, a person added") {
  Telford t;
  t.members_and_policy();
  SECTION("s5: a final decision names its rating and the level that counted before and after") {
    const auto changes = t.one_audit_row(kOfficer, "rate", [&] {
      record_decision(t.db, t.host, kOfficer, kClock,
                      {kWombridge, "telford", "2018-19", "overall", "yellow", "final", "", "New leadership", "2019-01-14"});
    });
    CHECK(changes["rating"] == count(t.db, "SELECT MAX(id) FROM ratings"));
    CHECK(changes["urn"] == kWombridge);
    CHECK(changes["subject"] == "overall");
    CHECK(changes["stage"] == "final");
    CHECK(changes["level"] == "yellow");
    CHECK(changes["counted_level"] == nlohmann::json{{"from", "amber"}, {"to", "yellow"}});
    REQUIRE(changes["replan"].is_object());
    CHECK(changes["replan"]["added"].get<int>() + changes["replan"]["cancelled"].get<int>() > 0);
  }
  SECTION("a rating of an area decides nothing: no levels before and after") {
    const auto changes = t.one_audit_row(kOfficer, "rate", [&] {
      record_decision(t.db, t.host, kOfficer, kClock,
                      {kWombridge, "telford", "2018-19", "quality_of_education", "green", "final", "", "", ""});
    });
    CHECK(changes["subject"] == "quality_of_education");
    CHECK_FALSE(changes.contains("counted_level"));
    CHECK_FALSE(changes.contains("replan"));
  }
  SECTION("an activity moved: its status and dates from and to") {
    record_decision(t.db, t.host, kOfficer, kClock,
                    {kWombridge, "telford", "2018-19", "overall", "amber", "final", "", "Confirmed", "2019-01-14"});
    std::optional<Activity> visit;
    for (const auto& a : load_activities(t.db, "telford", "2018-19"))
      if (!visit && a.urn == kWombridge && a.status == ActivityStatus::planned && !a.due && Date::parse("2019-02-01") <= a.start)
        visit = a;
    REQUIRE(visit);
    Date to = visit->start + 7;
    while (to.weekday() == Weekday::saturday || to.weekday() == Weekday::sunday) to = to + 1;
    const auto changes = t.one_audit_row(kOfficer, "activity move", [&] {
      change_activity(t.db, kOfficer, kClock, {ActivityStep::move, *visit->id, to, "Head on a course", false});
    });
    CHECK(changes["activity"] == *visit->id);
    CHECK(changes["status"] == nlohmann::json{{"from", "planned"}, {"to", "moved"}});
    CHECK(changes["start"] == nlohmann::json{{"from", visit->start.to_string()}, {"to", to.to_string()}});
    CHECK(changes["reason"] == "Head on a course");
  }
  SECTION("a person added: who they are, their role, body and school") {
    const auto changes = t.one_audit_row(testing::admin(), "person add", [&] {
      add_person(t.db, testing::admin(), kClock, {"l.head", "L. Head", Role::head, "telford", kLawley});
    });
    CHECK(changes == nlohmann::json{{"person",
                                     {{"id", "l.head"}, {"name", "L. Head"}, {"role", "head"}, {"body", "telford"},
                                      {"school", kLawley}}}});
  }
}
