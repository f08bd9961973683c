// A stage recorded at a panel meeting (sdk::StagePanel), against the real
// heart-of-mercia plugin and policy (shared/seeds/001 §5.5: a college's SAR is
// validated at one joint meeting attended by an external verifier). The
// kernel takes a college's `validated` rating only from a person recorded
// present at a held meeting of the panel, with a verifier present; a refusal
// names the stage, the person and what is missing, and writes nothing.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

#include "../acting.hpp"
#include "../sql.hpp"
#include "trellis/activity_changes.hpp"
#include "trellis/adoption.hpp"
#include "trellis/bodies.hpp"
#include "trellis/error.hpp"
#include "trellis/initialise.hpp"
#include "trellis/people.hpp"
#include "trellis/ratings.hpp"
#include "trellis/store/activity_repository.hpp"

using namespace trellis;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kCollege = 130713;  // Heart of Worcestershire College
constexpr std::int64_t kSchool = 140001;
const Clock kClock = testing::at("2025-12-01T09:00:00Z");

const Actor kQuality{"dq", "Director of Quality", Role::officer, "hom", std::nullopt};
const Actor kCeo{"ceo", "Chief Executive", Role::officer, "hom", std::nullopt};
const Actor kVerifier{"ev", "External Verifier", Role::verifier, "hom", std::nullopt};

std::string snapshot(Database& db) {
  auto s = testing::sql(db, "SELECT (SELECT COUNT(*) FROM ratings) || '/' || (SELECT COUNT(*) FROM audit)");
  s.step();
  return s.text(0);
}

struct Trust {
  fs::path dir;
  Database db = sqlite::open_memory();
  PluginHost host{{fs::path(TRELLIS_BUILD_DIR) / "plugins"}, [](const std::string&) {}};

  Trust() {
    std::string tmpl = (fs::temp_directory_path() / "trellis-panels-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    dir = tmpl;
    db = sqlite::open(dir / "t.db");
    initialise(db, kClock, "admin");
    testing::exec(db, "INSERT INTO schools(urn, name, la_code, type_group, status, updated_at) VALUES "
                      "(130713, 'Heart of Worcestershire College', 885, 'college', 'open', 'x'), "
                      "(140001, 'Test Academy', 885, 'academy', 'open', 'x')");
    add_body(db, testing::admin(), kClock, {"hom", "trust", "Heart of Mercia Multi Academy Trust"});
    testing::exec(db, "INSERT INTO memberships(body_id, urn, from_date) VALUES ('hom', 130713, '2024-09-01'), "
                      "('hom', 140001, '2024-09-01')");
    for (const Actor& p : {kQuality, kCeo, kVerifier}) add_person(db, testing::admin(), kClock, p);
    adopt_policy(db, host, kQuality, kClock, "hom", fs::path(TRELLIS_SOURCE_DIR) / "policies/heart-of-mercia.toml",
                 "2024-09-01");
  }
  ~Trust() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }

  /// The college SAR validation meeting of the year starting `year` (2025: 2025-26), planned.
  std::int64_t meeting(int year = 2025) {
    Activity a;
    a.uid = "panel-" + std::to_string(++meetings) + "@test";
    a.body = "hom";
    a.year = std::to_string(year) + "-" + std::to_string(year + 1).substr(2);
    a.type = "meeting";
    a.title = "College SAR validation";
    a.start = Date::from_ymd(year, 11, 3);
    a.end = Date::from_ymd(year, 12, 19);
    a.rule = "hom-5.5.college-sar-validation";
    return db.activities().add(a, kClock.timestamp());
  }
  void held(std::int64_t id, std::vector<std::string> present, const std::string& on = "2025-11-20") {
    ActivityRequest r{ActivityStep::done, id, Date::parse(on), "SARs validated", false, std::move(present)};
    change_activity(db, kQuality, kClock, r);
  }
  std::int64_t validate(const Actor& by, std::int64_t urn, const std::string& subject = "overall",
                        const std::string& on = "2025-11-20") {
    return record_rating(db, host, by, kClock,
                         {urn, "hom", "2024-25", subject, "good", "validated", "", "Strengths: ...", on});
  }
  void refused(const Actor& by, std::int64_t urn, const std::string& says, const std::string& on = "2025-11-20") {
    const auto before = snapshot(db);
    CHECK_THROWS_AS(validate(by, urn, "overall", on), NotPermitted);
    CHECK_THROWS_WITH(validate(by, urn, "overall", on), Catch::Contains(says));
    CHECK(snapshot(db) == before);
  }
  int meetings = 0;
};

}  // namespace

TEST_CASE("§5.5: a college's validated rating is refused until its panel meeting is held") {
  Trust t;
  t.meeting();
  t.refused(kQuality, kCollege, "may not record stage \"validated\" for school 130713 (college)");
  t.refused(kQuality, kCollege, "none was held from 2025-09-01 to 2025-11-20");
}

TEST_CASE("§5.5: the meeting that validates a college's SAR is the next autumn's, for the year just ended") {
  Trust t;
  // A meeting in the SAR's own year (autumn 2024) validated 2023-24's SARs: it does not count for 2024-25's.
  t.held(t.meeting(2024), {"dq", "ev"}, "2024-11-21");
  t.refused(kQuality, kCollege, "held in the year after 2024-25, and none was held from 2025-09-01 to 2025-11-20");
  // Nor can 2024-25's SAR be validated before 2025-26 begins.
  t.refused(kQuality, kCollege, "the rating's day, 2025-07-10, is before it", "2025-07-10");
  // The 2025-26 meeting counts, and only from the day it was held.
  t.held(t.meeting(), {"dq", "ev"}, "2025-11-20");
  t.refused(kQuality, kCollege, "none was held from 2025-09-01 to 2025-11-19", "2025-11-19");
  CHECK(t.validate(kQuality, kCollege) > 0);
}

TEST_CASE("§5.5: a college's validated rating is refused without an external verifier present") {
  Trust t;
  t.held(t.meeting(), {"dq", "ceo"});
  t.refused(kQuality, kCollege, "no verifier was recorded present at activity 1 held 2025-11-20");
}

TEST_CASE("§5.5: only a member of the panel present records a college's validated rating; others are refused") {
  Trust t;
  const auto id = t.meeting();
  t.held(id, {"dq", "ev"});
  CHECK(t.db.activities().present(id) == std::vector<std::string>{"dq", "ev"});
  t.refused(kCeo, kCollege, "they were not recorded present at activity 1 held 2025-11-20 (present: dq, ev)");
  CHECK(t.validate(kQuality, kCollege) > 0);
  CHECK(t.validate(kVerifier, kCollege, "workforce") > 0);  // every subject of the stage, by any member present
}

TEST_CASE("§5.5: the college panel's rule does not apply to schools") {
  Trust t;
  CHECK(t.validate(kCeo, kSchool) > 0);
}

TEST_CASE("who was present is recorded only with done, and only for people the database knows") {
  Trust t;
  const auto id = t.meeting();
  CHECK_THROWS_WITH(t.held(id, {"dq", "nobody"}), Catch::Contains("no person \"nobody\""));
  CHECK(t.db.activities().present(id).empty());
  ActivityRequest cancel{ActivityStep::cancel, id, std::nullopt, "no quorum", false, {"dq"}};
  CHECK_THROWS_WITH(change_activity(t.db, kQuality, kClock, cancel), Catch::Contains("recorded when an activity is done"));
}
