// A year's plan held compactly (PlannedYear, issue 18) holds the same
// activities as the planner makes, in the planner's order, and a re-plan from
// it stores the same rows as one from the activities.
#include "../acting.hpp"
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <limits>
#include <stdexcept>
#include <tuple>

#include "rules.hpp"
#include "trellis/schedule/store.hpp"
#include "trellis/store/schema.hpp"
#include "../sql.hpp"

using namespace trellis;
using namespace trellis::test;
using sdk::Cadence;

namespace {

const Period kYear = Period::parse("2024-25");

/// Twelve schools (two officers, alternate URNs), each with termly meetings, their
/// agenda and minutes (school days, working days), a visit between the meetings
/// and a deadline window; a body-wide forum with a school deadline anchored on it.
/// With `assessed`, each school's rules follow from an assessment (id URN * 10).
std::vector<RuleSet> schools(bool assessed = true) {
  std::vector<RuleSet> sets;
  for (std::int64_t urn = 100012; urn >= 100001; --urn) {  // not in URN order: the plan's order is its own
    auto meeting = spread_rule("s8.meeting", Cadence::per_term);
    meeting.type = "meeting";
    meeting.attendees = {"QA lead", "Headteacher"};
    auto agenda = anchored_rule("s8.agenda", Cadence::before, "s8.meeting", 10, false, true);
    agenda.day_kind = sdk::DayKind::school;
    auto visit = spread_rule("s7.visit", Cadence::per_term);
    visit.anchor = "s8.meeting";
    visit.attendees = {"QA lead"};
    visit.documents = {"Plan", "Data"};
    auto drop = spread_rule("data", Cadence::in_half_term, 1, "spring-1");
    drop.is_deadline = true;
    sets.push_back({urn, assessed ? std::optional(urn * 10) : std::nullopt, {meeting, agenda, anchored_rule("s8.minutes", Cadence::after, "s8.meeting", 7, true, true),
                                    visit, drop, anchored_rule("self", Cadence::before, "forum", 5, true, true)}});
  }
  sets.push_back({std::nullopt, std::nullopt, {spread_rule("forum", Cadence::per_half_term)}});
  return sets;
}

PlanOptions two_officers() {
  PlanOptions o;
  o.workload.role = "QA lead";
  o.workload.daily_limit = 1;
  o.workload.types = {"visit", "meeting"};
  o.workload.officers = {"A. Officer", "B. Officer"};
  for (std::int64_t urn = 100001; urn <= 100012; ++urn) o.workload.officer_of[urn] = static_cast<std::size_t>(urn % 2);
  return o;
}

std::string everything(const Activity& a) {
  return dump({a}) + (a.anchor_uid ? *a.anchor_uid : "-") + "|" +
         (a.offset_days ? std::to_string(*a.offset_days) : "-") + "|" + (a.day_kind ? day_kind_name(*a.day_kind) : "-");
}

Database with_body() {
  auto db = sqlite::open_memory();
  migrate(db);
  testing::exec(db, "INSERT INTO bodies(id, kind, name, created_at) VALUES ('la', 'la', 'An LA', 'x')");
  return db;
}

std::string stored_rows(Database& db) {
  std::string out;
  auto s = testing::sql(db, "SELECT id, uid, urn, type, title, start_date, end_date, due_date, rule, attendees, documents, "
                            "assessment_id, status, sequence, anchor_uid, offset_days, day_kind, reason, note FROM activities "
                            "ORDER BY id");
  while (s.step())
    for (int c = 0; c < 19; ++c) out += s.opt_text(c).value_or("NULL") + (c == 18 ? "\n" : "|");
  return out;
}

}  // namespace

TEST_CASE("a compact plan holds every activity of the planner, whole, in the order start, end, school, rule, UID") {
  const AcademicCalendar cal;
  const auto whole = plan_year(cal, "la", kYear, schools(), two_officers());
  auto sets = schools();
  const PlannedYear compact = plan_year_compact(cal, "la", kYear, std::move(sets), two_officers());
  CHECK(sets.empty());
  REQUIRE(compact.size() == whole.size());
  REQUIRE(whole.size() > 200);
  bool officer_named = false, anchored = false, body_wide = false;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    CHECK(everything(compact.activity(i)) == everything(whole[i]));
    CHECK(compact.find(whole[i].uid) == std::optional(i));
    officer_named = officer_named || (!whole[i].attendees.empty() && whole[i].attendees.front().rfind("QA lead: ", 0) == 0);
    anchored = anchored || (whole[i].anchor_uid && whole[i].day_kind == sdk::DayKind::school);
    body_wide = body_wide || !whole[i].urn;
  }
  CHECK(officer_named);
  CHECK(anchored);
  CHECK(body_wide);
  for (std::size_t i = 1; i < whole.size(); ++i) {
    const Activity &a = whole[i - 1], &b = whole[i];
    CHECK(std::tie(a.start, a.end, a.urn, a.rule, a.uid) < std::tie(b.start, b.end, b.urn, b.rule, b.uid));
  }
  CHECK_FALSE(compact.find(activity_uid("la", 100001, "s8.meeting", "2024-25", 9)));
  CHECK_FALSE(compact.find("not a uid"));
}

TEST_CASE("a compact plan refuses what the planner does not make") {
  PlannedYear plan("la", "2024-25");
  Activity a;
  a.uid = activity_uid("la", 100001, "visit", "2024-25", 0);
  a.body = "la";
  a.year = "2024-25";
  plan.add(a);
  Activity other_body = a;
  other_body.body = "trust";
  CHECK_THROWS_AS(plan.add(other_body), std::invalid_argument);
  Activity own_uid = a;
  own_uid.uid = "visit-1@example";
  CHECK_THROWS_AS(plan.add(own_uid), std::invalid_argument);
  Activity done = a;
  done.status = ActivityStatus::done;
  CHECK_THROWS_AS(plan.add(done), std::invalid_argument);
  plan.sort();
  CHECK(plan.find(a.uid) == std::optional<std::size_t>(0));
  Activity again = a;  // the same UID twice: the store could not hold both, and find() could not choose
  again.start = again.end = Date::parse("2024-10-01");
  plan.add(again);
  CHECK_THROWS_AS(plan.sort(), std::invalid_argument);
}

TEST_CASE("a re-plan from a compact plan stores what one from the activities stores, first and again") {
  const AcademicCalendar cal;
  auto from_activities = with_body(), from_compact = with_body();
  const ReplanScope whole{std::nullopt, Date::parse("2024-09-01"), "re-planned", {}};
  // Half the year again from January, with one school's rules changed: updates, cancellations, additions.
  auto later = schools(false);
  later[0].rules.erase(later[0].rules.begin() + 3);  // no visit between meetings
  later[1].rules[0].count = 2;                       // two meetings a term
  for (auto& s : later) s.from = Date::parse("2025-01-06");
  const ReplanScope january{std::nullopt, Date::parse("2025-01-06"), "re-banded", {}};

  const auto a1 = replan(from_activities, testing::at(), "la", "2024-25", plan_year(cal, "la", kYear, schools(false), two_officers()), whole);
  auto sets = schools(false);
  const auto c1 = replan(from_compact, testing::at(), "la", "2024-25", plan_year_compact(cal, "la", kYear, std::move(sets), two_officers()), whole);
  CHECK(c1.added == a1.added);
  CHECK(stored_rows(from_compact) == stored_rows(from_activities));

  const auto a2 = replan(from_activities, testing::at(), "la", "2024-25", plan_year(cal, "la", kYear, later, two_officers()), january);
  auto again = later;
  const auto c2 = replan(from_compact, testing::at(), "la", "2024-25", plan_year_compact(cal, "la", kYear, std::move(again), two_officers()), january);
  CHECK(std::tie(c2.added, c2.updated, c2.cancelled, c2.unchanged, c2.kept) ==
        std::tie(a2.added, a2.updated, a2.cancelled, a2.unchanged, a2.kept));
  CHECK(a2.cancelled > 0);
  CHECK(a2.added > 0);
  CHECK(stored_rows(from_compact) == stored_rows(from_activities));

  PlannedYear elsewhere("trust", "2024-25");
  CHECK_THROWS_AS(replan(from_compact, testing::at(), "la", "2024-25", elsewhere, january), std::invalid_argument);
}

TEST_CASE("rule sets held once plan what the sets themselves plan, each distinct rule held once") {
  const AcademicCalendar cal;
  const auto whole = plan_year(cal, "la", kYear, schools(), two_officers());
  RuleSets held;
  for (const RuleSet& set : schools()) held.add(set);
  REQUIRE(held.size() == 13);
  CHECK(held.rules() == 7);  // twelve schools alike and the body, whatever their school or assessment
  held.set_assessment(0, 7);
  const PlannedYear compact = plan_year_compact(cal, "la", kYear, held, two_officers());
  REQUIRE(compact.size() == whole.size());
  for (std::size_t i = 0; i < whole.size(); ++i) {
    Activity expected = whole[i];
    if (expected.urn == 100012) expected.assessment_id = 7;
    CHECK(everything(compact.activity(i)) == everything(expected));
  }
  // A rule that differs in one field only is a rule of its own.
  auto other = schools().front();
  other.urn = 100099;  // a school of its own: one school planned twice would repeat its UIDs
  other.rules.back().documents = {"Minutes"};
  held.add(other);
  CHECK(held.rules() == 8);
  // From a day on, for every set.
  held.plan_from(Date::parse("2025-01-06"));
  const PlannedYear spring = plan_year_compact(cal, "la", kYear, held, two_officers());
  CHECK(spring.size() < compact.size());
  for (std::size_t i = 0; i < spring.size(); ++i) CHECK(Date::parse("2025-01-06") <= spring.start(i));
}

TEST_CASE("issue 18: a compact plan orders and finds UIDs byte by byte, the high bytes and the last eight too") {
  // Same day, school and rule: only the UID orders them. Hex text orders as the bytes do.
  const std::vector<std::string> uids = {
      "00000000000000000000000000000001@trellis", "0000000000000000ff00000000000000@trellis",
      "00000000000000010000000000000000@trellis", "7fffffffffffffffffffffffffffffff@trellis",
      "80000000000000000000000000000000@trellis", "ff000000000000000000000000000000@trellis",
      "ffffffffffffffff0000000000000000@trellis", "ffffffffffffffffffffffffffffffff@trellis"};
  PlannedYear plan("la", "2024-25");
  for (auto it = uids.rbegin(); it != uids.rend(); ++it) {
    Activity a;
    a.uid = *it;
    a.body = "la";
    a.year = "2024-25";
    a.urn = 100001;
    a.rule = "visit";
    a.attendees = {"QA lead", "Headteacher"};
    a.documents = {"QA lead", "Headteacher"};  // the same list as the attendees: held once, read back whole
    a.start = a.end = Date::parse("2024-10-01");
    plan.add(a);
  }
  plan.sort();
  REQUIRE(plan.size() == uids.size());
  for (std::size_t i = 0; i < uids.size(); ++i) {
    CHECK(plan.activity(i).uid == uids[i]);
    CHECK(plan.find(uids[i]) == std::optional(i));
    CHECK(plan.activity(i).documents == std::vector<std::string>{"QA lead", "Headteacher"});
  }
  CHECK_FALSE(plan.find("00000000000000000000000000000002@trellis"));
}

TEST_CASE("issue 18: a compact plan sorted by numbers keeps the order start, end, school, rule, UID, and finds each") {
  // Dates on both sides of 1970 (negative serials), schools on both sides of 0, the least URN and none,
  // and UIDs alike in their first eight bytes, so that every field decides somewhere.
  std::vector<Activity> made;
  std::uint32_t seed = 18;
  const auto next = [&](std::uint32_t n) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 8) % n;
  };
  const std::vector<std::string> rules = {"b", "a", "visit", "a.z", "meeting"};
  for (int i = 0; i < 3000; ++i) {
    Activity a;
    char hex[33];
    std::snprintf(hex, sizeof hex, "%016x%016x", next(3) == 0 ? 7u : next(1u << 24), static_cast<unsigned>(i));
    a.uid = std::string(hex) + "@trellis";
    a.body = "la";
    a.year = "2024-25";
    if (const auto school = next(6); school == 5) a.urn = std::numeric_limits<std::int64_t>::min();  // beside none
    else if (school) a.urn = static_cast<std::int64_t>(school) * 100 - 250;
    a.rule = rules[next(5)];
    a.start = Date::from_ymd(1969, 12, 20) + static_cast<int>(next(30));
    a.end = a.start + static_cast<int>(next(3));
    made.push_back(a);
  }
  PlannedYear plan("la", "2024-25");
  for (const auto& a : made) plan.add(a);
  plan.sort();
  std::sort(made.begin(), made.end(), [](const Activity& x, const Activity& y) {
    return std::tie(x.start, x.end, x.urn, x.rule, x.uid) < std::tie(y.start, y.end, y.urn, y.rule, y.uid);
  });
  REQUIRE(plan.size() == made.size());
  for (std::size_t i = 0; i < made.size(); ++i) {
    INFO(i);
    REQUIRE(plan.activity(i).uid == made[i].uid);
    CHECK(plan.urn(i) == made[i].urn);
    CHECK(plan.find(made[i].uid) == std::optional(i));
  }
}

TEST_CASE("issue 18: a compact plan's rows, content and anchors are those of its activities, without making them") {
  const AcademicCalendar cal;
  auto sets = schools();
  const PlannedYear plan = plan_year_compact(cal, "la", kYear, std::move(sets), two_officers());
  std::string uid, anchor;
  bool anchored = false;
  for (std::size_t i = 0; i < plan.size(); ++i) {
    const Activity a = plan.activity(i);
    INFO(a.uid);
    NewActivity row;
    plan.row(i, row, uid, anchor);
    CHECK((row.uid == a.uid && row.body == a.body && row.year == a.year && row.type == a.type &&
           row.title == a.title && row.rule == a.rule && row.urn == a.urn && row.assessment_id == a.assessment_id &&
           row.start == a.start && row.end == a.end && row.due == a.due && *row.attendees == a.attendees &&
           *row.documents == a.documents && row.offset_days == a.offset_days && row.day_kind == a.day_kind));
    CHECK(row.anchor_uid == (a.anchor_uid ? std::optional<std::string_view>(*a.anchor_uid) : std::nullopt));
    CHECK(plan.same_content(i, a));
    CHECK(plan.same_anchor(i, a));
    Activity retitled = a, redated = a, more = a;
    retitled.title += " ";
    redated.due = a.due ? std::nullopt : std::optional(a.end);
    more.documents.push_back("Notes");
    CHECK_FALSE(plan.same_content(i, retitled));
    CHECK_FALSE(plan.same_content(i, redated));
    CHECK_FALSE(plan.same_content(i, more));
    Activity unanchored = a, elsewhere = a, later = a;
    unanchored.anchor_uid.reset();
    elsewhere.anchor_uid = activity_uid("la", a.urn, "elsewhere", "2024-25", 0);
    later.offset_days = a.offset_days.value_or(0) + 1;
    CHECK_FALSE(plan.same_anchor(i, elsewhere));
    CHECK_FALSE(plan.same_anchor(i, later));
    if (a.anchor_uid) {
      anchored = true;
      CHECK_FALSE(plan.same_anchor(i, unanchored));
    }
  }
  CHECK(anchored);
}
