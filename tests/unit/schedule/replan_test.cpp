// Re-planning never destroys history: the planner's `from` and `held`, and
// replan's rules, one test each. Telford's s8 (seed 003 section 8: agenda two
// weeks before, papers seven days before, minutes within seven working days)
// and s7 (visits by band) stand in for a regime's rules.
#include "../acting.hpp"
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "rules.hpp"
#include "trellis/error.hpp"
#include "trellis/schedule/store.hpp"
#include "trellis/store/schema.hpp"
#include "../sql.hpp"

using namespace trellis;
using namespace trellis::test;
using sdk::Cadence;

namespace {

const Period kYear = Period::parse("2024-25");
Date D(const char* s) { return Date::parse(s); }
const char* kReason = "band changed from amber to yellow on 2025-01-15 by LA QA Lead";

std::vector<sdk::ActivityRule> s8_rules(sdk::ActivityRule meeting) {
  meeting.id = "s8.meeting";
  meeting.type = "meeting";
  meeting.title = "Monitoring and support meeting";
  return {meeting, anchored_rule("s8.agenda", Cadence::before, "s8.meeting", 14, false, true),
          anchored_rule("s8.papers", Cadence::before, "s8.meeting", 7, false, true),
          anchored_rule("s8.minutes", Cadence::after, "s8.meeting", 7, true, true)};
}

std::vector<sdk::ActivityRule> termly_s8() { return s8_rules(spread_rule("s8.meeting", Cadence::per_term)); }

/// A Telford-like body (seed 003 s7, s8): school 100001 in `band` (green: two
/// visits a year; yellow: a visit a term; amber: termly s8 meetings and an
/// interim visit a term), school 100002 in yellow, and a body-wide forum.
std::vector<RuleSet> band(const std::string& band, std::optional<Date> from = std::nullopt) {
  std::vector<sdk::ActivityRule> rules;
  if (band == "green") rules.push_back(spread_rule("s7.green.visit", Cadence::per_year, 2));
  if (band == "yellow") rules.push_back(spread_rule("s7.yellow.visit", Cadence::per_term));
  if (band == "amber") {
    rules = termly_s8();
    rules.push_back(spread_rule("s7.amber.visit", Cadence::per_term));
  }
  return {{100001, std::nullopt, rules, from},
          {100002, std::nullopt, {spread_rule("s7.yellow.visit", Cadence::per_term)}, from},
          {std::nullopt, std::nullopt, {spread_rule("forum", Cadence::per_half_term)}, from}};
}

std::vector<Activity> plan(const std::vector<RuleSet>& sets, const PlanOptions& options = {}) {
  return plan_year(AcademicCalendar{}, "la", kYear, sets, options);
}

Database with_body() {
  auto db = sqlite::open_memory();
  migrate(db);
  testing::exec(db, "INSERT INTO bodies(id, kind, name, created_at) VALUES ('la', 'la', 'An LA', 'x')");
  testing::exec(db, "INSERT INTO schools(urn, name, updated_at) VALUES (100001, 'Hill Primary', 'x'), (100002, 'Vale Academy', 'x')");
  return db;
}

std::map<std::int64_t, Activity> by_id(Database& db) {
  std::map<std::int64_t, Activity> out;
  for (auto& a : load_activities(db, "la", "2024-25")) out.emplace(*a.id, a);
  return out;
}

std::string row(const Activity& a) {
  return dump({a}) + "|" + status_name(a.status) + "|" + a.reason + "|" + std::to_string(a.sequence);
}

const Activity& with_uid(const std::vector<Activity>& acts, const std::string& uid) {
  for (const auto& a : acts)
    if (a.uid == uid) return a;
  FAIL("no activity " << uid);
  throw;
}

ReplanScope school(std::int64_t urn, const char* from, const char* reason = kReason) {
  return {urn, D(from), reason, {}};
}

}  // namespace

// ---- the planner ----

TEST_CASE("s8 with `from`: occurrence indexes, and so UIDs, are the same wherever the plan starts") {
  const RuleSet whole{100001, std::nullopt, termly_s8()};
  RuleSet spring = whole;
  spring.from = D("2025-01-15");
  const auto full = plan({whole}), cut = plan({spring});
  for (const auto& a : cut) CHECK(a.start >= D("2025-01-15"));
  const auto meetings = of_rule(cut, "s8.meeting");
  REQUIRE(meetings.size() == 2);  // autumn's is left out
  CHECK(meetings[0].uid == activity_uid("la", 100001, "s8.meeting", "2024-25", 1));  // spring keeps index 1
  CHECK(meetings[1].uid == activity_uid("la", 100001, "s8.meeting", "2024-25", 2));
  // Anchored activities keep their anchor's index.
  const auto minutes = of_rule(cut, "s8.minutes");
  REQUIRE(minutes.size() == 2);
  CHECK(minutes[0].uid == activity_uid("la", 100001, "s8.minutes", "2024-25", 1));
  CHECK(minutes[0].anchor_uid == meetings[0].uid);
  CHECK(of_rule(cut, "s8.agenda").at(0).uid == activity_uid("la", 100001, "s8.agenda", "2024-25", 1));
  // Summer is not cut: planned exactly as in the whole year's plan.
  CHECK(dump({with_uid(full, meetings[1].uid)}) == dump({meetings[1]}));
  CHECK(dump({with_uid(full, minutes[1].uid)}) == dump({minutes[1]}));
}

TEST_CASE("`from` inside a term: that term's visits are spread over the days left") {
  AcademicCalendar cal;
  RuleSet amber{100001, std::nullopt, {spread_rule("s7.visit", Cadence::per_term, 2)}, D("2025-01-15")};
  const auto p = plan({amber});
  REQUIRE(p.size() == 4);  // two in spring, two in summer
  const DateRange spring = cal.year(2024).term(Term::spring);
  std::set<std::string> uids;
  for (std::size_t i : {0u, 1u}) {
    CHECK(p[i].start >= D("2025-01-15"));
    CHECK(spring.contains(p[i].start));
    uids.insert(p[i].uid);
  }
  CHECK(p[0].start != p[1].start);
  CHECK(uids == std::set<std::string>{activity_uid("la", 100001, "s7.visit", "2024-25", 2),
                                      activity_uid("la", 100001, "s7.visit", "2024-25", 3)});
  // A visit whose day in the whole term is still to come keeps it.
  const auto whole = plan({{100001, std::nullopt, {spread_rule("s7.visit", Cadence::per_term, 2)}}});
  for (const auto& a : whole)
    if (a.start >= D("2025-01-15")) CHECK(with_uid(p, a.uid).start == a.start);
}

TEST_CASE("`from` leaves out dated activities before it, not what follows them after it") {
  auto meeting = dated_rule("review", "2025-01-10");
  auto follow_up = anchored_rule("follow-up", Cadence::after, "review", 10, false, false);
  const auto p = plan({{100001, std::nullopt, {meeting, follow_up, dated_rule("board", "2025-01-14")}, D("2025-01-15")}});
  REQUIRE(p.size() == 1);
  CHECK(p[0].rule == "follow-up");
  CHECK(p[0].start == D("2025-01-20"));
  CHECK(p[0].uid == activity_uid("la", 100001, "follow-up", "2024-25", 0));
  CHECK(p[0].anchor_uid == activity_uid("la", 100001, "review", "2024-25", 0));
}

TEST_CASE("s8: minutes are due seven working days after the day the meeting was actually held") {
  auto on_22_may = dated_rule("s8.meeting", "2025-05-22");
  const std::vector<RuleSet> sets{{100001, std::nullopt, s8_rules(on_22_may)}};
  const std::string meeting = activity_uid("la", 100001, "s8.meeting", "2024-25", 0);

  const auto planned = of_rule(plan(sets), "s8.minutes").at(0);
  CHECK(planned.due == D("2025-06-03"));  // office working days run through half-term; 26 May is a bank holiday
  CHECK(planned.anchor_uid == meeting);
  CHECK(planned.offset_days == 7);
  CHECK(planned.day_kind == DayKind::working);
  const auto agenda = of_rule(plan(sets), "s8.agenda").at(0);
  CHECK(agenda.offset_days == -14);
  CHECK(agenda.day_kind == DayKind::calendar);

  // Held a day late, on Friday 23 May: 27-30 May and 2-4 June (26 May is a bank holiday).
  const auto held = plan(sets, {{{meeting, D("2025-05-23")}}, {}, {}, {}});
  const auto minutes = of_rule(held, "s8.minutes").at(0);
  CHECK(minutes.start == D("2025-05-23"));
  CHECK(minutes.due == D("2025-06-04"));
  CHECK(minutes.title == "s8.minutes title (meeting on 2025-05-23)");
  CHECK(minutes.uid == planned.uid);
  CHECK(of_rule(held, "s8.meeting").at(0).start == D("2025-05-22"));  // the plan's own date; the store keeps the done one
  CHECK(of_rule(held, "s8.agenda").at(0).due == D("2025-05-08"));  // due by the day the meeting was expected

  // Moved to Thursday 5 June: minutes from then, agenda two weeks before it.
  const auto moved = plan(sets, {{}, {{meeting, {D("2025-06-05"), D("2025-06-05")}}}, {}, {}});
  CHECK(of_rule(moved, "s8.minutes").at(0).due == D("2025-06-16"));
  CHECK(of_rule(moved, "s8.agenda").at(0).due == D("2025-05-22"));
}

// ---- replan's rules ----

TEST_CASE("replan never deletes or renumbers an activity") {
  auto db = with_body();
  replan(db, testing::at(), "la", "2024-25", plan(band("yellow")));
  const auto first = by_id(db);
  for (const char* b : {"amber", "green", "yellow", "amber"}) {
    replan(db, testing::at(), "la", "2024-25", plan(band(b, D("2025-01-15"))), {std::nullopt, D("2025-01-15"), "re-banded", {}});
    const auto now = by_id(db);
    for (const auto& [id, a] : first) {
      REQUIRE(now.count(id));
      CHECK(now.at(id).uid == a.uid);
    }
  }
  std::set<std::string> uids;
  for (const auto& [id, a] : by_id(db)) CHECK(uids.insert(a.uid).second);
}

TEST_CASE("replan writes a UID given twice once: the first in the plan") {
  auto db = with_body();
  auto p = plan(band("yellow"));
  REQUIRE(p.size() > 1);
  p.push_back(p.front());
  p.back().title = "a second copy";
  const auto sum = replan(db, testing::at(), "la", "2024-25", p);
  CHECK(sum.added == static_cast<int>(p.size()) - 1);
  for (const auto& [id, a] : by_id(db)) CHECK(a.title != "a second copy");
}

TEST_CASE("replan keeps the past: what starts before `from` is left as it was") {
  auto db = with_body();
  replan(db, testing::at(), "la", "2024-25", plan(band("amber")));
  const auto before = by_id(db);
  // Re-banded to yellow in spring; the full-year plan is given, as a careless caller might.
  const auto sum = replan(db, testing::at(), "la", "2024-25", plan(band("yellow")), school(100001, "2025-01-15"));
  CHECK(sum.kept > 0);
  int past = 0;
  for (const auto& [id, a] : by_id(db))
    if (a.start < D("2025-01-15")) {
      ++past;
      REQUIRE(before.count(id));
      CHECK(row(a) == row(before.at(id)));
    }
  CHECK(past > 0);
}

TEST_CASE("replan: an activity the new plan has unchanged keeps its id, UID and SEQUENCE") {
  auto db = with_body();
  const auto p = plan(band("yellow"));
  replan(db, testing::at(), "la", "2024-25", p);
  const auto before = by_id(db);
  auto sum = replan(db, testing::at(), "la", "2024-25", p);
  CHECK(sum.unchanged == static_cast<int>(p.size()));
  CHECK(sum.added + sum.updated + sum.cancelled + sum.reinstated + sum.kept == 0);
  sum = replan(db, testing::at(), "la", "2024-25", plan(band("yellow", D("2025-01-15"))), school(100001, "2025-01-15"));
  CHECK(sum.added + sum.updated + sum.cancelled + sum.reinstated == 0);
  const auto after = by_id(db);
  REQUIRE(after.size() == before.size());
  for (const auto& [id, a] : after) {
    CHECK(row(a) == row(before.at(id)));
    CHECK(a.sequence == 0);
  }
}

TEST_CASE("replan: an activity whose content changed is updated in place, SEQUENCE + 1") {
  auto db = with_body();
  replan(db, testing::at(), "la", "2024-25", plan(band("amber")));
  const auto before = by_id(db);
  auto sets = band("amber");
  sets[0].rules[0].attendees = {"headteacher", "chair of governors", "SENCo"};  // s8: middle leaders where requested
  const auto sum = replan(db, testing::at(), "la", "2024-25", plan(sets));
  CHECK(sum.updated == 3);
  int changed = 0;
  for (const auto& [id, a] : by_id(db)) {
    CHECK(a.uid == before.at(id).uid);
    if (a.rule == "s8.meeting") {
      ++changed;
      CHECK(a.attendees.back() == "SENCo");
      CHECK(a.sequence == 1);
      CHECK(a.status == ActivityStatus::planned);
    } else {
      CHECK(a.sequence == 0);
    }
  }
  CHECK(changed == 3);
}

TEST_CASE("replan: a planned activity the new plan no longer has is cancelled with the reason, SEQUENCE + 1") {
  auto db = with_body();
  replan(db, testing::at(), "la", "2024-25", plan(band("amber")));
  const auto yellow = plan(band("yellow", D("2025-01-15")));
  std::set<std::string> wanted;
  for (const auto& a : yellow) wanted.insert(a.uid);
  const auto before = by_id(db);
  const auto sum = replan(db, testing::at(), "la", "2024-25", yellow, school(100001, "2025-01-15"));
  REQUIRE(sum.cancelled > 0);
  int cancelled = 0;
  for (const auto& [id, a] : by_id(db)) {
    const bool superseded = before.count(id) && before.at(id).status == ActivityStatus::planned &&
                            a.start >= D("2025-01-15") && a.urn == 100001 && !wanted.count(a.uid);
    CHECK((a.status == ActivityStatus::cancelled) == superseded);
    if (!superseded) continue;
    ++cancelled;
    CHECK(a.reason == kReason);
    CHECK(a.sequence == 1);
    CHECK(a.rule.rfind("s7.yellow", 0) != 0);
  }
  CHECK(cancelled == sum.cancelled);
}

TEST_CASE("replan: when the band changes back, what a re-plan cancelled is planned again, SEQUENCE + 1") {
  auto db = with_body();
  replan(db, testing::at(), "la", "2024-25", plan(band("amber")));
  const auto down = replan(db, testing::at(), "la", "2024-25", plan(band("yellow", D("2025-01-15"))), school(100001, "2025-01-15"));
  REQUIRE(down.cancelled > 0);
  const auto cancelled = by_id(db);
  const auto up = replan(db, testing::at(), "la", "2024-25", plan(band("amber", D("2025-02-03"))),
                         school(100001, "2025-02-03", "band changed from yellow to amber on 2025-02-03 by LA QA Lead"));
  CHECK(up.reinstated == down.cancelled);
  CHECK(up.added == 0);
  int reinstated = 0;
  for (const auto& [id, a] : by_id(db)) {
    if (cancelled.at(id).status != ActivityStatus::cancelled) continue;
    ++reinstated;
    CHECK(a.status == ActivityStatus::planned);
    CHECK(a.sequence == 2);
    CHECK(a.start >= D("2025-02-03"));
    CHECK(a.reason == "reinstated: band changed from yellow to amber on 2025-02-03 by LA QA Lead");
  }
  CHECK(reinstated == down.cancelled);
}

TEST_CASE("replan: a person's cancellation stands, and done, missed and moved activities are kept") {
  auto db = with_body();
  const AcademicCalendar cal;
  const auto p = plan(band("yellow"));
  replan(db, testing::at(), "la", "2024-25", p);
  auto visits = of_rule(of_school(load_activities(db, "la", "2024-25"), 100002), "s7.yellow.visit");
  REQUIRE(visits.size() == 3);
  cancel_activity(db, testing::at(), *visits[2].id, "school closed for rebuilding");
  move_activity(db, testing::at(), cal, *visits[1].id, visits[1].start + 7, "head on jury service");
  mark_missed(db, testing::at(), *visits[0].id, "head off sick", D("2025-06-20"));
  const auto sum = replan(db, testing::at(), "la", "2024-25", p);
  CHECK(sum.kept == 3);
  CHECK(sum.reinstated == 0);
  const auto after = by_id(db);
  CHECK(after.at(*visits[2].id).status == ActivityStatus::cancelled);
  CHECK(after.at(*visits[2].id).reason == "school closed for rebuilding");
  CHECK(after.at(*visits[1].id).status == ActivityStatus::moved);
  CHECK(after.at(*visits[1].id).start == visits[1].start + 7);
  CHECK(after.at(*visits[0].id).status == ActivityStatus::missed);
}

TEST_CASE("replan adds nothing that starts before `from`") {
  auto db = with_body();
  replan(db, testing::at(), "la", "2024-25", plan(band("yellow")));
  const auto before = by_id(db);
  // The whole year's amber plan, autumn included: only its spring and summer may be written.
  const auto sum = replan(db, testing::at(), "la", "2024-25", plan(band("amber")), school(100001, "2025-01-15"));
  CHECK(sum.added > 0);
  int added = 0;
  for (const auto& [id, a] : by_id(db))
    if (!before.count(id)) {
      ++added;
      CHECK(a.start >= D("2025-01-15"));
      CHECK(a.urn == 100001);
    }
  CHECK(added == sum.added);
}

TEST_CASE("replan for one school leaves the body's and other schools' activities alone") {
  auto db = with_body();
  replan(db, testing::at(), "la", "2024-25", plan(band("yellow")));
  const auto before = by_id(db);
  // A plan for school 100001 alone: the forum and school 100002 are not in it.
  const auto sum = replan(db, testing::at(), "la", "2024-25", plan({band("amber")[0]}), school(100001, "2024-09-01"));
  CHECK(sum.cancelled == 3);  // its yellow visits
  for (const auto& [id, a] : by_id(db))
    if (a.urn != 100001) CHECK(row(a) == row(before.at(id)));
  // And the plan's activities for others are ignored under a school's scope.
  const auto other = replan(db, testing::at(), "la", "2024-25", plan(band("yellow")), school(100001, "2024-09-01"));
  CHECK(other.added == 0);
  CHECK(other.reinstated == 3);
  CHECK(other.unchanged + other.updated + other.kept + other.cancelled + other.reinstated ==
        static_cast<int>(of_school(load_activities(db, "la", "2024-25"), 100001).size()));
}

TEST_CASE("s8: re-planning after the meeting was held late leaves the re-dated minutes as they are") {
  auto db = with_body();
  const AcademicCalendar cal;
  const std::vector<RuleSet> sets{{100001, std::nullopt, s8_rules(dated_rule("s8.meeting", "2025-05-22"))}};
  replan(db, testing::at(), "la", "2024-25", plan(sets));
  const auto meeting = of_rule(load_activities(db, "la", "2024-25"), "s8.meeting").at(0);
  mark_done(db, testing::at(), cal, *meeting.id, D("2025-05-23"), "", D("2025-06-20"));
  const auto minutes = of_rule(load_activities(db, "la", "2024-25"), "s8.minutes").at(0);
  CHECK(minutes.due == D("2025-06-04"));
  CHECK(minutes.sequence == 1);
  const auto sum = replan(db, testing::at(), "la", "2024-25", plan(sets, stored_plan_options(db, "la", "2024-25")));
  CHECK(sum.updated == 0);
  CHECK(row(of_rule(load_activities(db, "la", "2024-25"), "s8.minutes").at(0)) == row(minutes));
  CHECK(held_activities(db, "la", "2024-25") == std::map<std::string, Date>{{meeting.uid, D("2025-05-23")}});
}

TEST_CASE("000 s3.8.1: a submission the new plan drops as received is done on the re-plan's day, not cancelled") {
  auto db = with_body();
  sdk::ActivityRule drop = spread_rule("data.spring", Cadence::in_half_term, 1, "spring-1");
  drop.type = "submission";
  drop.is_deadline = true;
  const sdk::ActivityRule visit = spread_rule("visit", Cadence::per_term);
  replan(db, testing::at(), "la", "2024-25",
         plan({{100001, std::nullopt, {drop, visit}}, {100002, std::nullopt, {drop, visit}}}));
  // School 100001's drop came in: the regime stops asking for it. School 100002 has left: nothing is planned for it.
  const auto sum = replan(db, testing::at(), "la", "2024-25", plan({{100001, std::nullopt, {visit}, D("2025-01-06")}}),
                          {std::nullopt, D("2025-01-06"), "re-assessed for 2024-25/spring", {"data."}});
  CHECK(sum.met == 1);
  for (const auto& [id, a] : by_id(db)) {
    if (a.rule != "data.spring") continue;
    if (a.urn == 100001) {
      CHECK(a.status == ActivityStatus::done);
      CHECK(a.done_on == D("2025-01-06"));
      CHECK(a.note.find("received by 2025-01-06") != std::string::npos);
    } else {
      CHECK(a.status == ActivityStatus::cancelled);  // the school left: not received
    }
  }
}

TEST_CASE("replan: one whole-body re-plan that cancels, re-dates, reinstates and keeps writes each to its own activity") {
  auto db = with_body();
  replan(db, testing::at(), "la", "2024-25", plan(band("amber")));
  // School 100001 goes yellow from spring: its amber programme after that is cancelled by the re-plan.
  replan(db, testing::at(), "la", "2024-25", plan(band("yellow", D("2025-01-15"))), school(100001, "2025-01-15"));
  const auto before = by_id(db);
  // Back to amber for the whole body, with school 100002's visits now attended by its chair: in one re-plan the
  // amber programme comes back, 100002's visits are re-dated in place, the yellow visits go and the past stays.
  auto sets = band("amber", D("2025-02-03"));
  sets[1].rules[0].attendees = {"chair of governors"};
  const auto sum = replan(db, testing::at(), "la", "2024-25", plan(sets),
                          {std::nullopt, D("2025-02-03"), "re-assessed for 2024-25/summer", {}});
  CHECK(sum.reinstated > 0);
  CHECK(sum.updated > 0);
  CHECK(sum.cancelled > 0);
  CHECK(sum.kept > 0);
  int reinstated = 0, updated = 0, cancelled = 0;
  for (const auto& [id, a] : by_id(db)) {
    REQUIRE(before.count(id));  // nothing new: every activity of the plan was stored already
    const Activity& was = before.at(id);
    CHECK(a.uid == was.uid);
    if (was.start < D("2025-02-03") || was.status != ActivityStatus::planned) {
      if (was.status == ActivityStatus::cancelled && a.status == ActivityStatus::planned) {
        ++reinstated;
        CHECK(a.reason == "reinstated: re-assessed for 2024-25/summer");
        CHECK(a.sequence == was.sequence + 1);
      } else {
        CHECK(row(a) == row(was));
      }
    } else if (a.status == ActivityStatus::cancelled) {
      ++cancelled;
      CHECK(a.rule == "s7.yellow.visit");
      CHECK(a.urn == 100001);
      CHECK(a.reason == "re-assessed for 2024-25/summer");
    } else if (a.attendees != was.attendees) {
      ++updated;
      CHECK(a.urn == 100002);
      CHECK(a.attendees == std::vector<std::string>{"chair of governors"});
      CHECK(a.sequence == was.sequence + 1);
    } else {
      CHECK(row(a) == row(was));
    }
  }
  CHECK(reinstated == sum.reinstated);
  CHECK(updated == sum.updated);
  CHECK(cancelled == sum.cancelled);
  CHECK(sum.added == 0);
}
