// The dashboard: self-assessment then moderation (000 §3.7, §3.11).
#include <catch2/catch.hpp>

#include "fixture.hpp"

using namespace nexus_test;
using trellis::sdk::Fact;

namespace {

std::string fact_text(const trellis::sdk::Facts& f, const std::string& key) {
  auto it = f.find(key);
  REQUIRE(it != f.end());
  return std::get<std::string>(it->second);
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (auto& x : v) s += x + "\n";
  return s;
}

}  // namespace

TEST_CASE("000 §3.5-3.6: the dashboard lists the policy's KPIs in its order, each in one of the four areas") {
  Nexus n;
  auto kpis = nexus::dashboard_kpis(n.policy.view());
  REQUIRE(kpis.size() == 16);
  CHECK(kpis.front().id == "curriculum");
  CHECK(kpis.front().area == "quality_of_education");
  CHECK(kpis.back().id == "collaboration");
  std::map<std::string, int> per_area;
  for (auto& k : kpis) ++per_area[k.area];
  CHECK(per_area.size() == 4);
  CHECK(per_area["leadership_and_management"] == 5);
}

TEST_CASE("000 §3.11: the SPSB's moderated rating stands over the headteacher's self-assessment") {
  Nexus n;
  auto s = school();
  s.set_rating("safeguarding", "self", "strong");
  s.set_rating("safeguarding", "moderated", "developing");
  s.set_rating("curriculum", "self", "secure");  // not yet moderated
  auto dashboard = nexus::rate_dashboard(s, n.policy.view());
  auto facts = nexus::dashboard_facts(dashboard);
  CHECK(fact_text(facts, "kpi.safeguarding.level") == "developing");
  CHECK(fact_text(facts, "kpi.safeguarding.stage") == "moderated");
  CHECK(fact_text(facts, "kpi.safeguarding.self") == "strong");
  CHECK(fact_text(facts, "kpi.curriculum.level") == "secure");
  CHECK(fact_text(facts, "kpi.curriculum.stage") == "self");
  CHECK(fact_text(facts, "kpi.teaching.stage") == "none");
  CHECK(facts.find("kpi.teaching.level") == facts.end());
  CHECK(fact_text(facts, "kpis").rfind("curriculum assessment progress teaching", 0) == 0);
}

TEST_CASE("000 §2.3: the reasons say where moderation differs from the self-assessment, and which way") {
  Nexus n;
  auto s = school();
  rate_all(s, n.policy.view(), "self", "secure");
  rate_all(s, n.policy.view(), "moderated", "secure");
  s.set_rating("attendance", "moderated", "developing");
  s.set_rating("wellbeing", "moderated", "strong");
  auto notes = joined(nexus::rating_notes(nexus::rate_dashboard(s, n.policy.view()), "2019-20/autumn"));
  CHECK_THAT(notes, Catch::Contains("moderated 1 indicator(s) below the self-assessment: Attendance") &&
                        Catch::Contains("(self-assessed Secure, moderated Developing)"));
  CHECK_THAT(notes, Catch::Contains("moderated 1 indicator(s) above the self-assessment: Nurture"));
  CHECK_THAT(notes, !Catch::Contains("Self-assessment missing"));
  CHECK_THAT(notes, !Catch::Contains("Not yet moderated"));
}

TEST_CASE("000 §3.7: a missing self-assessment is flagged, naming the indicators") {
  Nexus n;
  auto s = school();
  rate_all(s, n.policy.view(), "moderated", "secure");
  rate_all(s, n.policy.view(), "self", "secure");
  auto all_done = nexus::rating_notes(nexus::rate_dashboard(s, n.policy.view()), "2019-20/autumn");
  CHECK(all_done.empty());

  auto partial = school();
  partial.set_rating("curriculum", "self", "secure");
  partial.set_rating("safeguarding", "self", "strong");
  auto dashboard = nexus::rate_dashboard(partial, n.policy.view());
  CHECK(nexus::missing_self(dashboard).size() == 14);
  auto notes = joined(nexus::rating_notes(dashboard, "2019-20/autumn"));
  CHECK_THAT(notes, Catch::Contains("has not self-assessed 14 of 16 dashboard indicators for 2019-20/autumn") &&
                        Catch::Contains("Pupils have a voice and feel safe") && Catch::Contains("000 §3.7"));
  CHECK_THAT(notes, Catch::Contains("Not yet moderated by the SPSB: 2 of 16 indicators") &&
                        Catch::Contains("self-assessment is used for them"));
  CHECK_THAT(notes, Catch::Contains("14 of the indicators not self-assessed have no moderated rating either"));
}

TEST_CASE("000 §3.7: a level of another scale is ignored, and the reasons say so") {
  Nexus n;
  auto s = school();
  s.set_rating("governance", "self", "prevention");  // `trellis rate` accepts any level of the regime
  auto dashboard = nexus::rate_dashboard(s, n.policy.view());
  auto governance = std::find_if(dashboard.begin(), dashboard.end(), [](auto& k) { return k.id == "governance"; });
  REQUIRE(governance != dashboard.end());
  CHECK_FALSE(governance->self);
  CHECK_THAT(joined(nexus::rating_notes(dashboard, "2019-20/autumn")),
             Catch::Contains("Ignored, not being dashboard levels") && Catch::Contains("rated \"prevention\" at stage self"));
}

TEST_CASE("000 §3.10.3: the weakest area by mean rating, ties to the rotation's order") {
  Nexus n;
  auto s = school();
  rate_all(s, n.policy.view(), "moderated", "secure");
  const auto rotation = n.policy.view().texts("enquiry.rotation");
  CHECK(nexus::weakest_area(nexus::rate_dashboard(s, n.policy.view()), rotation) == "quality_of_education");
  s.set_rating("wellbeing", "moderated", "weak");
  CHECK(nexus::weakest_area(nexus::rate_dashboard(s, n.policy.view()), rotation) == "personal_development");
  CHECK_FALSE(nexus::weakest_area(nexus::rate_dashboard(school(), n.policy.view()), rotation));
}
