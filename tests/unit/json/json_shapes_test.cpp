// The JSON shapes of the output objects, defined once in the kernel: what
// `trellis assess|schedule|evidence|report|letters --format json` print, and
// what the web server will serve. The fields named in DESIGN.md's outward
// contract are checked from outside the repository, so each is pinned here:
// present, with its type, including the nulls.
#include <catch2/catch.hpp>

#include <sstream>

#include "trellis/assessment_json.hpp"
#include "trellis/evidence_json.hpp"
#include "trellis/json_stream.hpp"
#include "trellis/letter_json.hpp"
#include "trellis/regime_words.hpp"
#include "trellis/report.hpp"
#include "trellis/schedule/activity_json.hpp"

using namespace trellis;
using nlohmann::json;

namespace {

SchoolAssessment amber_school() {
  SchoolAssessment a;
  a.id = 7;
  a.urn = 123456;
  a.name = "Hill Primary School";
  a.body = "example-la";
  a.regime = "example-regime";
  a.period = "2018-19";
  a.computed_level = a.level = "amber";
  a.previous_level = "yellow";
  a.reasons = {"Persistent absence 21.3% is above the 18% threshold (evidence: england_abs.csv line 4102)"};
  a.ratings = {{"overall", "amber", "computed", "", {}}};
  a.policy_version = "2018-19.1";
  a.policy_hash = "0123456789abcdef";
  return a;
}

Activity visit() {
  Activity a;
  a.id = 3;
  a.uid = "3f0c@trellis";
  a.body = "example-la";
  a.urn = 123456;
  a.school = "Hill Primary School";
  a.year = "2018-19";
  a.type = "visit";
  a.title = "Support visit";
  a.start = Date::parse("2018-10-01");
  a.end = Date::parse("2018-10-12");
  a.rule = "s7.amber.visit";
  a.attendees = {"officer", "headteacher"};
  return a;
}

void require_keys(const json& j, std::initializer_list<const char*> keys) {
  REQUIRE(j.is_object());
  for (const char* k : keys) {
    INFO("key " << k);
    CHECK(j.contains(k));
  }
}

}  // namespace

TEST_CASE("DESIGN contract: assess --format json, one object per school") {
  const json j = to_json(amber_school());
  require_keys(j, {"urn", "name", "body", "regime", "period", "level", "previous_level", "reasons", "ratings",
                   "classified", "computed_level", "decision", "changed", "switch", "policy_version", "policy_hash"});
  CHECK(j["urn"].is_number_integer());
  CHECK(j["urn"] == 123456);
  for (const char* k : {"name", "body", "regime", "period", "level", "previous_level", "computed_level"}) {
    INFO(k);
    CHECK(j[k].is_string());
  }
  CHECK(j["level"] == "amber");
  CHECK(j["previous_level"] == "yellow");
  CHECK(j["changed"] == true);
  CHECK(j["classified"] == true);
  CHECK(j["decision"].is_null());
  CHECK(j["switch"].is_null());
  REQUIRE(j["reasons"].is_array());
  CHECK(j["reasons"][0].is_string());
  REQUIRE(j["ratings"].size() == 1);
  CHECK(j["ratings"][0] == json{{"subject", "overall"}, {"level", "amber"}, {"stage", "computed"}});

  SECTION("a first assessment has a null previous level") {
    auto a = amber_school();
    a.previous_level.reset();
    CHECK(to_json(a)["previous_level"].is_null());
    CHECK(to_json(a)["changed"] == false);
  }
  SECTION("a decision is an object, and the level that counts is its level") {
    auto a = amber_school();
    count_decision(a, Decision{42, "yellow", "final", "A. Officer", "2018-10-01T09:00:00Z", "New leadership", "2018-10-01"});
    const json d = to_json(a);
    CHECK(d["level"] == "yellow");
    CHECK(d["computed_level"] == "amber");
    CHECK(d["decision"] == json{{"level", "yellow"}, {"stage", "final"}, {"by", "A. Officer"}, {"on", "2018-10-01"},
                                {"rationale", "New leadership"}});
  }
  SECTION("a school the regime does not classify carries its own level") {
    auto a = amber_school();
    a.classified = false;
    a.computed_level = a.level = "academy";
    a.previous_level.reset();
    const json u = to_json(a);
    CHECK(u["level"] == "academy");
    CHECK(u["classified"] == false);
  }
}

TEST_CASE("assess --format json lists the computed ratings, then the recorded ones they rest on; reasons where present") {
  SchoolAssessment a = amber_school();
  sdk::RatingOut area{"leadership", "red", "computed", "from the area's checks", {41, 42}};
  area.reasons = {"A safeguarding concern."};
  a.ratings.push_back(area);
  sdk::RatingOut final{"overall", "red", "final", "Safeguarding outweighs the data", {}};
  final.reasons = {final.rationale};
  a.recorded = {final};
  const json j = to_json(a);
  REQUIRE(j["ratings"].size() == 3);
  CHECK(j["ratings"][0] == json{{"subject", "overall"}, {"level", "amber"}, {"stage", "computed"}});
  CHECK(j["ratings"][1] == json{{"subject", "leadership"}, {"level", "red"}, {"stage", "computed"},
                                {"reasons", {"A safeguarding concern."}}});
  CHECK(j["ratings"][2] == json{{"subject", "overall"}, {"level", "red"}, {"stage", "final"},
                                {"reasons", {"Safeguarding outweighs the data"}}});
}

TEST_CASE("RegimeWords reads a rating in the regime's words, on the subject's own scale") {
  sdk::RegimeDescription d;
  d.overall_scale = "band";
  d.scales = {{"band", "Band", {{"green", "Green", ""}, {"amber", "Amber", ""}}},
              {"dashboard", "Dashboard", {{"secure", "Secure", ""}, {"amber", "Amber (dashboard)", ""}}}};
  d.areas = {{"leadership", "Leadership and management"}, {"quality", "Quality of education"}};
  d.subject_scales = {{"quality", "dashboard"}};
  const RegimeWords words(d);
  sdk::RatingOut r{"leadership", "amber", "computed", "", {}};
  r.reasons = {"2 concerns here.", "Qualifying complaints: 4."};
  CHECK(words.line(r) == "Leadership and management: Amber. 2 concerns here.");
  CHECK(words.level("quality", "amber") == "Amber (dashboard)");
  CHECK(words.subject("made_up") == "made_up");
  CHECK(words.level("leadership", "purple") == "purple");
  CHECK(RegimeWords().line(r) == "leadership: amber. 2 concerns here.");
}

TEST_CASE("DESIGN contract: schedule --format json, one object per activity") {
  const Date today = Date::parse("2018-09-14");
  const json j = to_json(visit(), today);
  require_keys(j, {"id", "uid", "urn", "school", "type", "title", "start", "end", "due", "rule", "attendees",
                   "documents", "status", "done_on", "note", "assessment_id", "reason", "moved_from", "sequence"});
  CHECK(j["urn"] == 123456);
  CHECK(j["type"] == "visit");
  CHECK(j["title"].is_string());
  CHECK(j["start"] == "2018-10-01");
  CHECK(j["end"] == "2018-10-12");
  CHECK(j["due"].is_null());
  CHECK(j["rule"] == "s7.amber.visit");
  CHECK(j["attendees"] == json{"officer", "headteacher"});
  CHECK(j["documents"].is_array());
  CHECK(j["status"] == "planned");
  CHECK(j["sequence"].is_number_integer());
  CHECK_FALSE(j.contains("days_late"));

  SECTION("a deadline has its due date; a body's own activity a null urn") {
    Activity d = visit();
    d.type = "deadline";
    d.urn.reset();
    d.school.reset();
    d.start = d.end = Date::parse("2018-09-03");
    d.due = Date::parse("2018-09-10");
    const json k = to_json(d, today);
    CHECK(k["due"] == "2018-09-10");
    CHECK(k["urn"].is_null());
    CHECK(k["status"] == "overdue");  // planned, and past due on `today`
  }
  SECTION("an overdue listing adds how late") {
    Activity d = visit();
    d.end = Date::parse("2018-09-10");
    const json k = to_json(Overdue{d, d.end, 4, 4}, today);
    CHECK(k["days_late"] == 4);
    CHECK(k["working_days_late"] == 4);
    CHECK(k["rule"] == "s7.amber.visit");
  }
}

TEST_CASE("DESIGN contract: evidence --format json, one object per item") {
  EvidenceItem e;
  e.id = 1;
  e.urn = 123456;
  e.period = "2018-19";
  e.indicator = "persistent_absence_pct";
  e.value = 12.5;
  e.source = "england_abs.csv";
  e.line = 4102;
  e.recorded_at = "2019-01-14T09:00:00Z";
  json j = to_json(e);
  require_keys(j, {"urn", "period", "indicator", "value", "missing", "source", "line", "recorded_at"});
  CHECK(j["value"] == 12.5);
  CHECK(j["missing"].is_null());
  CHECK(j["line"] == 4102);

  e.value.reset();
  e.missing = "suppressed";
  e.line.reset();
  j = to_json(e);
  CHECK(j["value"].is_null());
  CHECK(j["missing"] == "suppressed");
  CHECK(j["line"].is_null());

  e.missing.reset();
  e.text = "Good";
  CHECK(to_json(e)["value"] == "Good");  // a text value stands as the value
}

TEST_CASE("A letter is named by its outbox id and file name; its text is not in the listing") {
  Letter l;
  l.id = 4;
  l.body_id = "example-la";
  l.urn = 123456;
  l.school = "Hill Primary School";
  l.period = "2018-19";
  l.kind = "change";
  l.from_level = "yellow";
  l.to_level = "amber";
  l.provisional = true;
  l.file = "123456-4.md";
  l.text = "# Provisional change of classification";
  const json j = to_json(l);
  require_keys(j, {"id", "body", "urn", "school", "period", "regime", "kind", "from_level", "to_level", "provisional",
                   "file"});
  CHECK(j["id"] == 4);
  CHECK(j["file"] == "123456-4.md");
  CHECK_FALSE(j.contains("text"));
}

TEST_CASE("The report's JSON keeps its school fields: computed_level, decision, final_level, final_by, letter_id") {
  Report r;
  r.body = {"example-la", "la", "Example LA"};
  r.period = r.assessed_period = "2018-19";
  r.regime = "example-regime";
  r.policy_version = "2018-19.1";
  r.policy_hash = "0123456789abcdef";
  r.policy_file = "example.toml";
  ReportSchool decided{amber_school(), {}, ReportLetter{4, "123456-4.md", false}, false, std::nullopt};
  count_decision(decided.assessment, Decision{42, "yellow", "final", "A. Officer", "", "New leadership", "2018-10-01"});
  decided.reasons = {decided.assessment.reasons.begin(), decided.assessment.reasons.end()};  // a report's, shared
  ReportSchool computed{amber_school(), {}, std::nullopt, true, "A. Lead, central team"};
  computed.assessment.urn = 123457;
  r.schools = {decided, computed};
  const json j = to_json(r);
  CHECK(j["policy_file"] == "example.toml");
  require_keys(j, {"body", "period", "assessed_period", "regime", "policy_file", "policy_version", "policy_hash", "reported_stage",
                   "counts", "changes", "switches", "schools", "differences", "activities", "reviews", "areas", "self_stage",
                   "compared_stage"});
  const json& s = j["schools"][0];
  require_keys(s, {"urn", "name", "level", "classified", "previous_level", "computed_level", "decision", "final_level",
                   "final_by", "switch", "reasons", "ratings", "letter", "letter_id", "college", "central_support"});
  CHECK(s["college"] == false);
  CHECK(s["central_support"].is_null());
  REQUIRE(s["reasons"].size() == 1);
  CHECK(s["reasons"][0] == decided.reasons[0].str());
  CHECK(j["schools"][1]["college"] == true);
  CHECK(j["schools"][1]["central_support"] == "A. Lead, central team");
  CHECK(s["level"] == "yellow");
  CHECK(s["computed_level"] == "amber");
  CHECK(s["decision"]["by"] == "A. Officer");
  CHECK(s["final_level"] == "yellow");
  CHECK(s["final_by"] == "A. Officer");
  CHECK(s["letter"] == "123456-4.md");
  CHECK(s["letter_id"] == 4);
  const json& c = j["schools"][1];
  CHECK(c["decision"].is_null());
  CHECK(c["final_level"].is_null());
  CHECK(c["final_by"].is_null());
  CHECK(c["letter"].is_null());
  CHECK(c["letter_id"].is_null());
  CHECK(render_json(r) == j.dump(2) + "\n");
}

TEST_CASE("issue 18: the report's JSON written a school at a time is the same bytes as the whole value dumped") {
  Report r;
  r.body = {"example-la", "la", "Example LA"};
  r.period = r.assessed_period = "2018-19";
  r.regime = "example-regime";
  SECTION("with every list empty") {
    CHECK(render_json(r) == to_json(r).dump(2) + "\n");
  }
  SECTION("with schools, a change, activities and an area, nested two and three levels in") {
    ReportSchool changed{amber_school(), {{"overall", "amber", "computed", "A. Officer", ""}}, std::nullopt, false,
                         std::nullopt};
    changed.assessment.name = "École \"Hill\" | Primary\tSchool";  // quoted, escaped, not ASCII
    changed.reasons = {changed.assessment.reasons.begin(), changed.assessment.reasons.end()};
    ReportSchool steady{amber_school(), {}, std::nullopt, true, "A. Lead"};
    steady.assessment.urn = 123457;
    steady.assessment.previous_level = "amber";
    steady.assessment.reasons.clear();
    r.schools = {changed, steady};
    r.counts = {{"amber", "Amber", "#ffbf00", true, 2}};
    r.activities = {{1, 123456, "Hill", "visit", "Autumn visit", "2018-10-01", "2018-10-12", "planned", std::nullopt},
                    {2, std::nullopt, "", "deadline", "Board", "2018-11-01", "2018-11-01", "done", "2018-11-01"}};
    AreaSection area{"quality", "Quality of education", {"self", "moderated"}, {"Self", "Moderated"}, {}, {}};
    area.schools.push_back({123456, "Hill", false, std::nullopt, {{"quality", false, {"good", ""}, AgainstSelf::none, "", ""}}});
    area.unrated = {{123457, "Dale"}};
    r.areas = {area};
    r.self_stage = "self";
    const json j = to_json(r);
    REQUIRE(j["changes"].size() == 1);
    REQUIRE(j["areas"][0]["schools"][0]["ratings"][0]["levels"]["self"] == "good");
    CHECK(render_json(r) == j.dump(2) + "\n");
  }
  SECTION("a decided school with a letter, results of joining, central support; an area's stages out of key order") {
    ReportSchool decided{amber_school(), {}, ReportLetter{12, "letter-123456.md", false}, true, "A. \"Lead\""};
    decided.assessment.decision = Decision{9, "red", "final", "A. Lead", "2019-07-01T10:00:00Z", "Safe\nguarding", "2019-07-01"};
    decided.assessment.level = "red";
    decided.assessment.prior_regime = "other-regime";
    decided.assessment.prior_level = "good";
    decided.joined = "2017-09-01";
    decided.results = {{SharedText("KS2 progress"), "2016-17", "-1.2", "ks2.csv", SharedText("before joining")},
                       {SharedText("Ofsted"), "2018-19", "good \xff", "A. Inspector", SharedText("after joining")}};
    decided.reasons = {SharedText("Reason one"), SharedText("")};
    r.schools = {decided};
    // Stages keyed by id in the levels object: sorted, and a repeated id keeps its last level.
    AreaSection area{"quality", "Quality", {"self", "moderated", "self"}, {"Self", "Moderated", "Self again"}, {}, {}};
    area.schools.push_back({123456, "Hill \xc3", true, "A. Lead",
                            {{"quality", false, {"good", "", "outstanding"}, AgainstSelf::lower, "Why", "A. Officer"},
                             {"quality.curriculum", true, {"", "good", ""}, AgainstSelf::none, "", ""}}});
    r.areas = {area, AreaSection{"leadership", "Leadership", {}, {}, {}, {}}};
    const json j = to_json(r);
    REQUIRE(j["areas"][0]["schools"][0]["ratings"][0]["levels"]["self"] == "outstanding");
    REQUIRE(j["schools"][0]["results"].size() == 2);
    CHECK(render_json(r) == j.dump(2, ' ', false, json::error_handler_t::replace) + "\n");
  }
}

namespace {

/// What the assess verb printed before put_json: the JSON value, dumped `depth` levels in.
std::string nested(const SchoolAssessment& a, int depth) {
  std::ostringstream out;
  put_nested(out, to_json(a), depth);
  return out.str();
}

std::string written(const SchoolAssessment& a, int depth) {
  std::string out = "kept ";  // appended to, never replaced
  put_json(out, a, depth);
  return out.substr(5);
}

}  // namespace

TEST_CASE("issue 18: an assessment written directly is the same bytes as its JSON value dumped") {
  SchoolAssessment a = amber_school();
  SECTION("the plain school, at the top level and in a list") {
    CHECK(written(a, 0) == nested(a, 0));
    CHECK(written(a, 1) == nested(a, 1));
  }
  SECTION("a decision, a switch, area and recorded ratings with and without reasons") {
    a.decision = Decision{9, "red", "final", "A. Lead", "2019-07-01T10:00:00Z", "Safeguarding", "2019-07-01"};
    a.level = "red";
    a.prior_regime = "other-regime";
    a.prior_level = "good";
    sdk::RatingOut area{"leadership", "red", "computed", "", {41}};
    area.reasons = {"A safeguarding concern.", "Another."};
    a.ratings.push_back(area);
    a.recorded = {{"overall", "red", "final", "", {}}};
    CHECK(written(a, 1) == nested(a, 1));
    CHECK(written(a, 3) == nested(a, 3));
  }
  SECTION("empty lists, no previous level, an unclassified school") {
    a.reasons.clear();
    a.ratings.clear();
    a.previous_level.reset();
    a.classified = false;
    a.urn = -1;
    CHECK(written(a, 1) == nested(a, 1));
  }
  SECTION("texts to escape, UTF-8, invalid UTF-8 and control characters, as dump shows them") {
    a.name = "École \"Hill\" \\ Primary\tSchool\x01\x7f";
    a.reasons = {"bad byte \xff here", "cut short \xc3", "", "line\nbreak", "\xe2\x82\xac 5", "\xc2\x85 a C1 control",
                 "\xed\xa0\x80 a surrogate", "\xc0\xaf overlong", "\xf0\x9f\x98\x80 past the BMP",
                 "\xf4\x90\x80\x80 past U+10FFFF", "\xe2\x80\x94 then a \"quote\""};
    a.body = "\x1f";
    CHECK(written(a, 1) == nested(a, 1));
  }
}

namespace {

std::string nested(const json& value, int depth) {
  std::ostringstream out;
  put_nested(out, value, depth);
  return out.str();
}

template <typename Shown>
std::string written(const Shown& shown, Date today, int depth) {
  std::string out = "kept ";  // appended to, never replaced
  put_json(out, shown, today, depth);
  return out.substr(5);
}

}  // namespace

TEST_CASE("issue 18: an activity written directly is the same bytes as its JSON value dumped") {
  const Date today = Date::parse("2018-09-14");
  Activity a = visit();
  SECTION("a school's visit, at the top level and in a list") {
    CHECK(written(a, today, 0) == nested(to_json(a, today), 0));
    CHECK(written(a, today, 1) == nested(to_json(a, today), 1));
  }
  SECTION("a body's deadline, done, moved, with a note, a reason, documents and no attendees") {
    a.urn.reset();
    a.school.reset();
    a.id.reset();
    a.due = Date::parse("2018-09-10");
    a.status = ActivityStatus::done;
    a.done_on = Date::parse("2018-09-11");
    a.moved_from = Date::parse("2018-09-01");
    a.note = "Agreed the plan";
    a.reason = "Head away";
    a.assessment_id = 41;
    a.sequence = 3;
    a.attendees.clear();
    a.documents = {"minutes", "plan"};
    CHECK(written(a, today, 1) == nested(to_json(a, today), 1));
    CHECK(written(a, today, 2) == nested(to_json(a, today), 2));
  }
  SECTION("overdue, with how late, and texts to escape as dump shows them") {
    a.end = Date::parse("2018-09-10");
    a.title = "École \"Hill\" \\ visit\t\x01 bad \xff byte";
    a.school = "Hill \xc3";
    a.attendees = {"line\nbreak", "\xe2\x82\xac"};
    const Overdue late{a, a.end, 4, 3};
    CHECK(written(late, today, 1) == nested(to_json(late, today), 1));
    CHECK(written(late, today, 0) == nested(to_json(late, today), 0));
  }
}
