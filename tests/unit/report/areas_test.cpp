// The report per area, regime-neutral: a regime whose heads self-assess each
// area and a panel validates it, over a body with schools and a college.
#include <catch2/catch.hpp>

#include "trellis/report.hpp"
#include "../../../kernel/report/areas.hpp"

using namespace trellis;

namespace {

sdk::RegimeDescription graded_regime() {
  sdk::RegimeDescription d;
  d.id = "example-graded";
  d.scales = {{"grade", "Grade", {{"outstanding", "Outstanding", ""}, {"good", "Good", ""},
                                  {"requires_improvement", "Requires improvement", ""}, {"inadequate", "Inadequate", ""}}}};
  d.overall_scale = "grade";
  d.areas = {{"leadership", "Leadership"}, {"finance", "Finance"}, {"governance", "Governance"}, {"workforce", "Workforce"}};
  d.stages = {{"self", {"head"}}, {"computed", {}}, {"validated", {"verifier"}, "Validated by the panel"}};
  d.reported_stage = d.deciding_stage = "validated";
  return d;
}

ReportSchool member(std::int64_t urn, const std::string& name, bool college) {
  SchoolAssessment a;
  a.urn = urn;
  a.name = name;
  return {a, {}, std::nullopt, college, std::nullopt};
}

void rate(NewestRatings& held, std::int64_t urn, const std::string& subject, const std::string& stage,
          const std::string& level, const std::string& rationale = "") {
  RatingRecord r;
  r.urn = urn;
  r.subject = subject;
  r.stage = stage;
  r.level = level;
  r.by = stage == "self" ? "Head" : "Panel";
  r.rationale = rationale;
  held[{urn, subject, stage}] = r;
}

/// A college listed first, then two schools; the second school has no leadership rating.
Report graded_report(NewestRatings& held) {
  Report r;
  r.body = {"example-trust", "trust", "Example Trust"};
  r.period = r.assessed_period = "2019-20";
  r.schools = {member(2, "Beta College", true), member(1, "Alpha Academy", false), member(3, "Gamma School", false)};
  r.schools[0].central_support = "C. Lead, central team";
  r.words = RegimeWords(graded_regime());
  rate(held, 1, "leadership", "self", "good");
  rate(held, 1, "leadership", "validated", "requires_improvement", "Weaknesses: the plan has no milestones");
  rate(held, 2, "leadership", "self", "good");
  rate(held, 2, "leadership", "validated", "outstanding", "Strengths: apprenticeships");
  rate(held, 1, "finance", "self", "good");
  rate(held, 1, "finance", "validated", "good", "Agreed");
  rate(held, 2, "finance", "self", "good", "SAR");
  rate(held, 3, "finance", "self", "good");
  rate(held, 3, "finance", "validated", "excellent");  // not on the scale: it differs, neither higher nor lower
  rate(held, 1, "governance", "self", "outstanding");
  // The regime's proposal: a column of its own only where it says what no person's stage says.
  rate(held, 1, "leadership", "computed", "requires_improvement");
  rate(held, 2, "leadership", "computed", "outstanding");
  rate(held, 1, "governance", "computed", "good");
  return r;
}

const AreaSection& section(const Report& r, const std::string& area) {
  for (auto& a : r.areas)
    if (a.area == area) return a;
  FAIL("no section for " << area);
  throw;
}

}  // namespace

TEST_CASE("An area's section lists schools before colleges, with a level per stage and the validation against self") {
  NewestRatings held;
  Report r = graded_report(held);
  build_area_sections(r, graded_regime(), held);
  CHECK(r.self_stage == "self");
  CHECK(r.compared_stage == "validated");
  const AreaSection& leadership = section(r, "leadership");
  CHECK(leadership.stages == std::vector<std::string>{"self", "computed", "validated"});
  CHECK(leadership.stage_labels == std::vector<std::string>{"self", "computed", "Validated by the panel"});
  CHECK(leadership.unrated == std::vector<std::pair<std::int64_t, std::string>>{{3, "Gamma School"}});
  REQUIRE(leadership.schools.size() == 2);  // Gamma has no leadership rating
  CHECK(leadership.schools[0].urn == 1);
  CHECK(leadership.schools[1].urn == 2);
  CHECK(leadership.schools[1].college);
  CHECK(leadership.schools[1].central_support == "C. Lead, central team");
  const AreaRating& alpha = leadership.schools[0].ratings.at(0);
  CHECK(alpha.levels == std::vector<SharedText>{"good", "requires_improvement", "requires_improvement"});
  CHECK(alpha.against_self == AgainstSelf::lower);
  CHECK(alpha.rationale == "Weaknesses: the plan has no milestones");
  CHECK(alpha.by == "Panel");
  CHECK(leadership.schools[1].ratings.at(0).against_self == AgainstSelf::higher);

  const AreaSection& finance = section(r, "finance");
  REQUIRE(finance.schools.size() == 3);
  CHECK(finance.schools[0].ratings.at(0).against_self == AgainstSelf::agrees);
  CHECK(finance.schools[1].urn == 3);
  CHECK(finance.schools[1].ratings.at(0).against_self == AgainstSelf::differs);
  const AreaRating& beta = finance.schools[2].ratings.at(0);
  CHECK(beta.levels == std::vector<SharedText>{"good", ""});  // not yet validated (nothing computed here)
  CHECK(beta.against_self == AgainstSelf::none);
  CHECK(beta.rationale == "SAR");  // the latest stage held explains it

  // A stage no rating of the area holds is not a column; an area with no rating is no section.
  CHECK(section(r, "finance").stages == std::vector<std::string>{"self", "validated"});
  CHECK(section(r, "governance").stages == std::vector<std::string>{"self", "computed"});
  CHECK(std::none_of(r.areas.begin(), r.areas.end(), [](const AreaSection& a) { return a.area == "workforce"; }));
}

TEST_CASE("The Markdown, HTML and JSON reports show each area, schools and colleges apart") {
  NewestRatings held;
  Report r = graded_report(held);
  build_area_sections(r, graded_regime(), held);
  const std::string whole = render_markdown(r);
  const std::string md = whole.substr(whole.find("\n## By area\n"));  // after the dashboard, which has the same headings
  const auto leadership = md.find("\n### Leadership\n"), finance = md.find("\n### Finance\n");
  REQUIRE(leadership != std::string::npos);
  REQUIRE(finance != std::string::npos);
  const std::string part = md.substr(leadership, finance - leadership);
  CHECK(part.find("#### Schools") < part.find("#### Colleges"));
  CHECK(part.find("\nValidated against self: 1 higher, 1 lower. Not rated here: Gamma School (3).\n") != std::string::npos);
  // The computed level repeats the validated one in every row: no column for it.
  CHECK(part.find("| School | self | Validated by the panel | validated against self | Why | Central support |") !=
        std::string::npos);
  CHECK(part.find("| College | self | Validated by the panel |") != std::string::npos);
  CHECK(part.find("| Alpha Academy (1) | Good | Requires improvement | **lower** | Weaknesses: the plan has no milestones |  |") !=
        std::string::npos);
  CHECK(part.find("| Beta College (2) | Good | Outstanding | **higher** | Strengths: apprenticeships | C. Lead, central team |") !=
        std::string::npos);
  // Governance holds schools only: no group headings, and no column for support nobody has there.
  const std::string governance = md.substr(md.find("\n### Governance\n"));
  CHECK(governance.substr(0, governance.find("\n## ")).find("####") == std::string::npos);
  CHECK(governance.find("| School | self | computed | Why |") != std::string::npos);  // the proposal differs: shown
  CHECK(md.find("Central support: C. Lead, central team") != std::string::npos);

  const std::string html = render_html(r);
  CHECK(html.find("<h4>Schools</h4>") < html.find("<h4>Colleges</h4>"));
  CHECK(html.find("<tr class=\"differs\"><td>Beta College (2)</td><td>Good</td><td>Outstanding</td><td><strong>higher</strong></td>") !=
        std::string::npos);

  const nlohmann::json j = to_json(r);
  const auto& a = j["areas"][0];
  CHECK(a["area"] == "leadership");
  CHECK(a["stages"][2] == nlohmann::json({{"id", "validated"}, {"label", "Validated by the panel"}}));
  CHECK(a["schools"][1]["college"] == true);
  CHECK(a["schools"][1]["ratings"][0]["levels"] ==
        nlohmann::json({{"self", "good"}, {"computed", "outstanding"}, {"validated", "outstanding"}}));
  CHECK(a["unrated"] == nlohmann::json::array({{{"urn", 3}, {"name", "Gamma School"}}}));
  CHECK(a["schools"][1]["ratings"][0]["against_self"] == "higher");
  CHECK(j["areas"][1]["schools"][2]["ratings"][0]["levels"]["validated"].is_null());
  CHECK(j["areas"][1]["schools"][2]["ratings"][0]["against_self"].is_null());
}

TEST_CASE("The dashboard: each area in the regime's order, a column per school, the area's judgement at the compared "
          "stage or named with its own") {
  NewestRatings held;
  Report r = graded_report(held);
  build_area_sections(r, graded_regime(), held);
  r.compared_stage = "validated";
  const std::string md = render_markdown(r);
  const auto at = md.find("\n## Dashboard\n"), by_area = md.find("\n## By area\n");
  REQUIRE(at != std::string::npos);
  REQUIRE(at < by_area);
  const std::string dash = md.substr(at, by_area - at);
  // Areas in the regime's order (workforce holds no rating: no table), schools in the report's order.
  CHECK(dash.find("### Leadership") < dash.find("### Finance"));
  CHECK(dash.find("### Finance") < dash.find("### Governance"));
  CHECK(dash.find("### Workforce") == std::string::npos);
  CHECK(dash.find("| Indicator | Beta College | Alpha Academy | Gamma School |") != std::string::npos);
  // Leadership: validated levels; Gamma School has none (a blank cell).
  CHECK(dash.find("| **Leadership** | Outstanding | Requires improvement |  |") != std::string::npos);
  // Governance: only self and computed held for Alpha: the latest stage is named.
  CHECK(dash.find("| **Governance** |  | Good (computed) |  |") != std::string::npos);
  const std::string html = render_html(r);
  CHECK(html.find("<h2>Dashboard</h2>") < html.find("<h2>By area</h2>"));
}

// Issue 18: a country's ratings are read school by school (build_report), so a
// school's rows must come from its own ratings alone.
TEST_CASE("Areas made a school at a time, each from its own newest ratings, equal those made from every school's") {
  NewestRatings held;
  Report whole = graded_report(held);
  build_area_sections(whole, graded_regime(), held);

  NewestRatings unused;
  Report by_school = graded_report(unused);
  set_compared_stages(by_school, graded_regime());
  std::vector<SchoolAreaRows> rows;
  SharedTexts texts;
  for (const auto& s : by_school.schools) {
    NewestRatings own;
    for (const auto& [key, rt] : held)
      if (std::get<0>(key) == s.assessment.urn) own.emplace(key, rt);
    REQUIRE(own.size() < held.size());
    rows.push_back(school_area_rows(by_school, graded_regime(), own, s.assessment.urn, texts));
  }
  assemble_area_sections(by_school, graded_regime(), std::move(rows));
  REQUIRE(whole.areas.size() == 3);
  CHECK(to_json(by_school).dump(2) == to_json(whole).dump(2));
  CHECK(render_markdown(by_school) == render_markdown(whole));
}

TEST_CASE("Issue 18: the dashboard's rows are filled in one pass; a school listed twice shows its level in both columns") {
  NewestRatings held;
  Report r = graded_report(held);
  r.schools.push_back(member(1, "Alpha Academy", false));  // listed again, as a school in two rows of a body might be
  build_area_sections(r, graded_regime(), held);
  r.compared_stage = "validated";
  const std::string md = render_markdown(r);
  CHECK(md.find("| **Leadership** | Outstanding | Requires improvement |  | Requires improvement |") != std::string::npos);
  CHECK(md.find("| **Finance** | Good (self) | Good | excellent | Good |") != std::string::npos);
}

TEST_CASE("Text from data is made inert in Markdown and HTML, at either end, and in runs") {
  const std::string text = "<b>&|\"x\"\n|\r>";
  CHECK(render_markdown(Report{}).find("# : ") == 0);  // the report of nothing still renders
  Report r;
  r.body = {"b", "la", text};
  r.period = "2018-19";
  CHECK(render_markdown(r).rfind("# &lt;b&gt;&amp;\\|\"x\" \\| &gt;: 2018-19\n", 0) == 0);
  CHECK(render_html(r).find("&lt;b&gt;&amp;|&quot;x&quot;\n|\r&gt;") != std::string::npos);
}
