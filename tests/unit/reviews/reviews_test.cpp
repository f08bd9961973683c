// Reviews of a school's classification, against Telford and Wrekin Council's
// QA policy (shared/seeds/003): section 5, "changes in circumstance could
// inform a review of the overall level awarded during the academic year ...
// headteachers will be notified individually if their school classification
// is to change and the reasons for this"; section 7, "A school classification
// level can be reviewed at any time where changes to circumstances occur, or a
// school themselves request this." The real telford-la plugin gives the scale
// and stages; the register, memberships, adoption and assessments are written
// directly, so the test needs no data files.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../acting.hpp"
#include "trellis/bodies.hpp"
#include "trellis/error.hpp"
#include "trellis/ratings.hpp"
#include "trellis/report.hpp"
#include "trellis/review_letter.hpp"
#include "trellis/reviews.hpp"
#include "trellis/store/schema.hpp"
#include "../scratch.hpp"
#include "../sql.hpp"

using namespace trellis;
namespace fs = std::filesystem;

namespace {

trellis::Clock now = trellis::testing::at("2019-01-14T09:00:00Z");

constexpr std::int64_t kWombridge = 123404;  // a member of telford
constexpr std::int64_t kLawley = 123377;     // a member of telford, never assessed
constexpr std::int64_t kElsewhere = 100000;  // in the register, a member of another body
constexpr std::int64_t kUnknown = 999999;    // not in the register

/// A scratch folder holding the database (and letters written out), removed at the end.
struct Scratch : testing::ScratchDir {
  Scratch() : ScratchDir("reviews") {}
};

void school(Database& db, std::int64_t urn, const std::string& name) {
  auto s = testing::sql(db, "INSERT INTO schools(urn, name, la_code, type_group, status, updated_at) VALUES (?, ?, 894, 'maintained', 'open', 'x')");
  s.bind(1, urn).bind(2, name).run();
}

void assessment(Database& db, std::int64_t urn, const std::string& period, const std::string& level) {
  auto s = testing::sql(db, R"(INSERT INTO assessments(urn, body_id, regime, period, level, classified, reasons, ratings,
                       policy_version, policy_hash, assessed_at) VALUES (?, 'telford', 'telford-la', ?, ?, 1, '[]', '[]',
                       '2024-25.1', 'hash', '2019-01-07T09:00:00Z'))");
  s.bind(1, urn).bind(2, period).bind(3, level).run();
}

Database telford(const fs::path& file) {
  Database db = sqlite::open(file);
  migrate(db);
  school(db, kWombridge, "Wombridge Primary School");
  school(db, kLawley, "Lawley Primary School");
  school(db, kElsewhere, "Elsewhere Primary School");
  add_body(db, testing::admin(), testing::at(), {"telford", "la", "Telford and Wrekin Council"});
  add_body(db, testing::admin(), testing::at(), {"other", "la", "Another Council"});
  join_body(db, testing::admin(), testing::at(), "telford", {kWombridge, kLawley}, "2017-09-01", std::nullopt);
  join_body(db, testing::admin(), testing::at(), "other", {kElsewhere}, "2017-09-01", std::nullopt);
  // The real policy: a decision re-plans the school from it.
  auto adopt = testing::sql(db, R"(INSERT INTO adoptions(body_id, policy_path, regime, version, policy_hash, from_date, adopted_at)
             VALUES ('telford', ?, 'telford-la', '2024-25.1', 'hash', '2017-09-01', '2017-09-01T00:00:00Z'))");
  adopt.bind(1, std::string(TRELLIS_SOURCE_DIR) + "/policies/telford-and-wrekin.toml").run();
  assessment(db, kWombridge, "2018-19", "amber");
  assessment(db, kWombridge, "2017-18", "yellow");  // stored later, but of an earlier year
  return db;
}

PluginHost plugins() {
  return PluginHost({fs::path(TRELLIS_BUILD_DIR) / "plugins"}, [](const std::string&) {});
}

/// Every row a review verb could write, to show that a refusal wrote nothing.
std::string snapshot(Database& db) {
  auto s = testing::sql(db, R"(SELECT (SELECT COUNT(*) FROM audit) || '/' || (SELECT COUNT(*) FROM ratings) || '/' ||
      COALESCE((SELECT group_concat(id || ':' || urn || ':' || COALESCE(period, '') || ':' || status || ':' ||
                COALESCE(outcome_level, '') || ':' || COALESCE(updated_at, ''), ',') FROM review_requests), ''))");
  s.step();
  return s.text(0);
}

std::int64_t count(Database& db, const std::string& sql) {
  auto s = testing::sql(db, sql);
  s.step();
  return s.integer(0);
}

std::string read(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

ReviewRequest wombridge_asks() {
  return {kWombridge, "telford", std::nullopt, "Headteacher, Wombridge Primary School",
          "Asks for the complaints count to be re-checked"};
}

}  // namespace

TEST_CASE("s7: a school may request a review; the period is that of its latest assessment") {
  now = testing::at("2019-01-14T09:00:00Z");
  Scratch tmp;
  auto db = telford(tmp.dir / "t.db");
  Review r = request_review(db, testing::admin(), now, wombridge_asks());
  CHECK(r.id > 0);
  CHECK(r.urn == kWombridge);
  CHECK(r.school == "Wombridge Primary School");
  CHECK(r.body_name == "Telford and Wrekin Council");
  CHECK(r.period == "2018-19");  // the latest year assessed, not the latest row stored
  CHECK(r.status == ReviewStatus::requested);
  CHECK(r.requested_at == "2019-01-14T09:00:00Z");
  CHECK_FALSE(r.outcome_level);
  CHECK(count(db, "SELECT COUNT(*) FROM audit WHERE command = 'review'") == 1);

  SECTION("--period names another classification") {
    auto in = wombridge_asks();
    in.period = "2018-19/spring";
    CHECK(request_review(db, testing::admin(), now, in).period == "2018-19/spring");
  }
  SECTION("a school with no assessment may still ask; its request has no period") {
    auto in = wombridge_asks();
    in.urn = kLawley;
    CHECK_FALSE(request_review(db, testing::admin(), now, in).period);
  }
}

TEST_CASE("s7: a request for a school outside the register or the body is refused, and nothing is written") {
  now = testing::at("2019-01-14T09:00:00Z");
  Scratch tmp;
  auto db = telford(tmp.dir / "t.db");
  const std::string before = snapshot(db);
  auto in = wombridge_asks();
  in.urn = kUnknown;
  CHECK_THROWS_AS(request_review(db, testing::admin(), now, in), StoreError);
  CHECK_THROWS_WITH(request_review(db, testing::admin(), now, in), Catch::Contains("no school with URN 999999"));
  in.urn = kElsewhere;
  CHECK_THROWS_AS(request_review(db, testing::admin(), now, in), StoreError);
  CHECK_THROWS_WITH(request_review(db, testing::admin(), now, in), Catch::Contains("not a member of telford"));
  in = wombridge_asks();
  in.reason = "  ";
  CHECK_THROWS_AS(request_review(db, testing::admin(), now, in), UsageError);
  in = wombridge_asks();
  in.body_id = "nobody";
  CHECK_THROWS_AS(request_review(db, testing::admin(), now, in), UsageError);
  in = wombridge_asks();
  in.period = "2018-20";
  CHECK_THROWS_AS(request_review(db, testing::admin(), now, in), UsageError);
  CHECK(snapshot(db) == before);
}

TEST_CASE("s5: requested -> under review -> changed records the LA's final level and tells the head") {
  now = testing::at("2019-01-14T09:00:00Z");
  Scratch tmp;
  auto db = telford(tmp.dir / "t.db");
  auto host = plugins();
  Review r = request_review(db, testing::admin(), now, wombridge_asks());
  now = testing::at("2019-01-16T10:00:00Z");
  Review started = start_review(db, testing::admin(), now, r.id);
  CHECK(started.status == ReviewStatus::under_review);
  CHECK(started.updated_at == "2019-01-16T10:00:00Z");

  now = testing::at("2019-01-21T15:30:00Z");
  ReviewDecision d = decide_review(db, host, testing::admin(), now, {r.id, ReviewStatus::changed, "yellow", "A. Officer",
                                              "The complaints were about a closed matter; none qualifies", std::nullopt});
  CHECK(d.level_before == "amber");
  REQUIRE(d.rating_id);
  CHECK(d.review.status == ReviewStatus::changed);
  CHECK(d.review.outcome_level == "yellow");
  CHECK(d.review.outcome_on == "2019-01-21");
  CHECK(d.review.outcome_by == "A. Officer");
  CHECK(d.review.outcome_rationale == "The complaints were about a closed matter; none qualifies");

  // The decision is the body's overall rating at the regime's deciding stage (final).
  auto ratings = ratings_for(db, "telford", "2018-19");
  REQUIRE(ratings.size() == 1);
  CHECK(ratings[0].id == *d.rating_id);
  CHECK(ratings[0].urn == kWombridge);
  CHECK(ratings[0].subject == "overall");
  CHECK(ratings[0].level == "yellow");
  CHECK(ratings[0].stage == "final");
  CHECK(ratings[0].by == "A. Officer");
  CHECK(ratings[0].rationale == "The complaints were about a closed matter; none qualifies");
  CHECK(count(db, "SELECT COUNT(*) FROM audit WHERE command IN ('review', 'review start', 'review decide')") == 3);

  // The head's letter: what was asked, the outcome, why, when, who decided.
  // Stored in the outbox with the outcome; nothing is on disk until it is written out to a folder asked for.
  REQUIRE(d.letter);
  CHECK(d.letter->id > 0);
  CHECK(d.letter->kind == "review");
  CHECK(d.letter->file == "review-" + std::to_string(r.id) + "-123404.md");
  CHECK(count(db, "SELECT COUNT(*) FROM outbox WHERE kind = 'review'") == 1);
  CHECK_FALSE(std::filesystem::exists(tmp.dir / "letters"));
  std::vector<std::string> problems;
  const auto files = write_letters(outbox(db, "telford", "2018-19"), tmp.dir / "out", problems);
  CHECK(problems.empty());
  REQUIRE(files.size() == 1);
  const auto file = files.front();
  CHECK(file == tmp.dir / "out" / ("review-" + std::to_string(r.id) + "-123404.md"));
  const std::string letter = read(file);
  CHECK_THAT(letter, Catch::Contains("To the headteacher, Wombridge Primary School (URN 123404)"));
  CHECK_THAT(letter, Catch::Contains("From Telford and Wrekin Council, 2019-01-21"));
  CHECK_THAT(letter, Catch::Contains("On 2019-01-14, Headteacher, Wombridge Primary School asked"));
  CHECK_THAT(letter, Catch::Contains("> Asks for the complaints count to be re-checked"));
  CHECK_THAT(letter, Catch::Contains("**changed from amber to yellow**"));
  CHECK_THAT(letter, Catch::Contains("none qualifies"));
  CHECK_THAT(letter, Catch::Contains("Decided by A. Officer on 2019-01-21."));

  // A newer review confirms the level the decision set, not the computed one.
  now = testing::at("2019-02-01T09:00:00Z");
  Review again = request_review(db, testing::admin(), now, wombridge_asks());
  start_review(db, testing::admin(), now, again.id);
  ReviewDecision kept = decide_review(db, host, testing::admin(), now, {again.id, ReviewStatus::confirmed, std::nullopt, "B. Officer",
                                                 "Nothing new since January", std::string("2019-02-03")});
  CHECK(kept.review.status == ReviewStatus::confirmed);
  CHECK(kept.review.outcome_level == "yellow");
  CHECK(kept.review.outcome_on == "2019-02-03");
  CHECK_FALSE(kept.rating_id);
  CHECK(ratings_for(db, "telford", "2018-19").size() == 1);  // confirming records no new rating
  const std::string confirmed = kept.letter->text;
  CHECK_THAT(confirmed, Catch::Contains("**confirmed at yellow**"));
  CHECK_THAT(confirmed, Catch::Contains("Decided by B. Officer on 2019-02-03."));
}

TEST_CASE("a review moves one way only: out-of-order steps name the current status and write nothing") {
  now = testing::at("2019-01-14T09:00:00Z");
  Scratch tmp;
  auto db = telford(tmp.dir / "t.db");
  auto host = plugins();
  Review r = request_review(db, testing::admin(), now, wombridge_asks());
  const ReviewOutcome confirm{r.id, ReviewStatus::confirmed, std::nullopt, "A. Officer", "Stands", std::nullopt};

  std::string before = snapshot(db);
  CHECK_THROWS_AS(decide_review(db, host, testing::admin(), now, confirm), StoreError);
  CHECK_THROWS_WITH(decide_review(db, host, testing::admin(), now, confirm), Catch::Contains("is requested") && Catch::Contains("not been started"));
  try {
    decide_review(db, host, testing::admin(), now, confirm);
  } catch (const StoreError& e) {
    CHECK(e.remedy().kind == Remedy::Kind::start_review);
    CHECK(e.remedy().id == r.id);
  }
  CHECK(snapshot(db) == before);

  start_review(db, testing::admin(), now, r.id);
  before = snapshot(db);
  CHECK_THROWS_AS(start_review(db, testing::admin(), now, r.id), StoreError);
  CHECK_THROWS_WITH(start_review(db, testing::admin(), now, r.id), Catch::Contains("is under review"));
  CHECK(snapshot(db) == before);

  decide_review(db, host, testing::admin(), now, confirm);
  before = snapshot(db);
  CHECK_THROWS_WITH(decide_review(db, host, testing::admin(), now, confirm), Catch::Contains("is confirmed (amber, on 2019-01-14 by A. Officer)"));
  CHECK_THROWS_AS(start_review(db, testing::admin(), now, r.id), StoreError);
  CHECK_THROWS_AS(start_review(db, testing::admin(), now, 4242), UsageError);
  CHECK(snapshot(db) == before);
}

TEST_CASE("a decision needs a rationale, and a changed level on the overall scale that differs from the current one") {
  now = testing::at("2019-01-14T09:00:00Z");
  Scratch tmp;
  auto db = telford(tmp.dir / "t.db");
  auto host = plugins();
  Review r = request_review(db, testing::admin(), now, wombridge_asks());
  start_review(db, testing::admin(), now, r.id);
  const std::string before = snapshot(db);
  auto changed = [&](std::optional<std::string> level, std::string rationale = "Why") {
    return ReviewOutcome{r.id, ReviewStatus::changed, std::move(level), "A. Officer", std::move(rationale), std::nullopt};
  };
  CHECK_THROWS_AS(decide_review(db, host, testing::admin(), now, changed("yellow", "")), UsageError);
  CHECK_THROWS_AS(decide_review(db, host, testing::admin(), now, changed(std::nullopt)), UsageError);
  CHECK_THROWS_WITH(decide_review(db, host, testing::admin(), now, changed("purple")), Catch::Contains("not on the telford-la regime's overall scale"));
  CHECK_THROWS_AS(decide_review(db, host, testing::admin(), now, changed("Yellow")), UsageError);  // a label, not the level's id
  CHECK_THROWS_WITH(decide_review(db, host, testing::admin(), now, changed("amber")), Catch::Contains("is already amber"));
  try {
    decide_review(db, host, testing::admin(), now, changed("amber"));
  } catch (const UsageError& e) {
    CHECK(e.remedy().kind == Remedy::Kind::decide_confirmed);
  }
  auto confirm_other = ReviewOutcome{r.id, ReviewStatus::confirmed, "red", "A. Officer", "Why", std::nullopt};
  CHECK_THROWS_WITH(decide_review(db, host, testing::admin(), now, confirm_other), Catch::Contains("keeps the current level amber"));
  auto bad_date = changed("yellow");
  bad_date.on = "2019-02-30";
  CHECK_THROWS_AS(decide_review(db, host, testing::admin(), now, bad_date), UsageError);
  bad_date.on = "2019-01-01";  // before the request
  CHECK_THROWS_AS(decide_review(db, host, testing::admin(), now, bad_date), UsageError);
  CHECK(snapshot(db) == before);

  SECTION("a review of a school with no level can only change it") {
    auto in = wombridge_asks();
    in.urn = kLawley;
    in.period = "2018-19";
    Review lawley = request_review(db, testing::admin(), now, in);
    start_review(db, testing::admin(), now, lawley.id);
    CHECK_THROWS_AS(decide_review(db, host, testing::admin(), now, {lawley.id, ReviewStatus::confirmed, std::nullopt, "A. Officer", "Why",
                                             std::nullopt}),
                    StoreError);
    auto d = decide_review(db, host, testing::admin(), now, {lawley.id, ReviewStatus::changed, "green", "A. Officer", "Why", std::nullopt});
    CHECK_FALSE(d.level_before);
    CHECK(d.letter->text.find("**set at green**") != std::string::npos);
  }
}

TEST_CASE("reviews are listed by body and status") {
  now = testing::at("2019-01-14T09:00:00Z");
  Scratch tmp;
  auto db = telford(tmp.dir / "t.db");
  Review a = request_review(db, testing::admin(), now, wombridge_asks());
  Review b = request_review(db, testing::admin(), now, wombridge_asks());
  start_review(db, testing::admin(), now, b.id);
  CHECK(list_reviews(db, "telford").size() == 2);
  auto under = list_reviews(db, "telford", ReviewStatus::under_review);
  REQUIRE(under.size() == 1);
  CHECK(under[0].id == b.id);
  CHECK(list_reviews(db, "telford", ReviewStatus::requested)[0].id == a.id);
  CHECK(list_reviews(db, "other").empty());
  CHECK_THROWS_AS(list_reviews(db, "nobody"), UsageError);
  CHECK(parse_review_status("under review") == ReviewStatus::under_review);
  CHECK(parse_review_status("under-review") == ReviewStatus::under_review);
  CHECK_FALSE(parse_review_status("pending"));
  for (auto s : {ReviewStatus::requested, ReviewStatus::under_review, ReviewStatus::confirmed, ReviewStatus::changed})
    CHECK(parse_review_status(to_string(s)) == s);
}

TEST_CASE("the deciding stage: an officer's final, else a panel's validated, else a board's moderated") {
  sdk::RegimeDescription d;
  d.stages = {{"computed", {}}, {"final", {}}};
  CHECK(deciding_stage(d) == "final");
  d.stages = {{"self", {}}, {"moderated", {}}, {"computed", {}}};  // as Nexus declares them
  CHECK(deciding_stage(d) == "moderated");
  d.stages = {{"self", {}}, {"moderated", {}}, {"validated", {}}};
  CHECK(deciding_stage(d) == "validated");
  d.stages = {{"computed", {}}};
  CHECK_FALSE(deciding_stage(d));
  // The regime's own word wins: a board that moderates and an officer's final, the board deciding.
  d.stages = {{"computed", {}}, {"moderated", {}}, {"final", {}}};
  d.deciding_stage = "moderated";
  CHECK(deciding_stage(d) == "moderated");
}
