// 000 §5.2: the aggregated dashboard judgements place each school in one of
// three tiers. These run the real scripts/nexus/tiers.lua under the real
// policies/nexus.toml params, through the regime's assess().
#include <catch2/catch.hpp>
#include <fstream>

#include "fixture.hpp"

using namespace nexus_test;

TEST_CASE("000 §5.2: a school secure or strong in every area is in Prevention (from decline)") {
  Nexus n;
  auto s = school();
  rate_all(s, n.policy.view(), "self", "strong");
  rate_all(s, n.policy.view(), "moderated", "secure");
  auto out = n.assess(s);
  CHECK(out.level == "prevention");
  REQUIRE_FALSE(out.reasons.empty());
  CHECK_THAT(out.reasons.front(), Catch::StartsWith("Prevention (from decline): every area is judged secure or strong"));
  CHECK_THAT(joined(out.reasons), Catch::Contains("Quality of education: Secure (mean 3.00 over 4 of 4 indicators)"));
  REQUIRE(out.ratings.size() == 5);
  CHECK(out.ratings[0].subject == "overall");
  CHECK(out.ratings[0].stage == "computed");
  CHECK(out.ratings[0].level == "prevention");
  // Each area's judgement comes back as a rating of the area on the dashboard scale.
  CHECK(out.ratings[1].subject == "quality_of_education");
  CHECK(out.ratings[1].stage == "computed");
  CHECK(out.ratings[1].level == "secure");
  CHECK(out.ratings[1].reasons == std::vector<std::string>{"Mean 3.00 over 4 of 4 indicators."});
  CHECK(out.ratings[4].subject == "leadership_and_management");
}

TEST_CASE("000 §5.2: an area judged developing puts the school in Early Intervention, naming it and its indicators") {
  Nexus n;
  auto s = school();
  rate_all(s, n.policy.view(), "moderated", "secure");
  rate_all(s, n.policy.view(), "self", "secure");
  for (auto id : {"wellbeing", "pupil_voice", "equality"}) s.set_rating(id, "moderated", "developing");
  auto out = n.assess(s);
  CHECK(out.level == "early_intervention");
  CHECK_THAT(out.reasons.front(), Catch::StartsWith("Early Intervention: Personal development is judged developing or weak"));
  CHECK_THAT(joined(out.reasons),
             Catch::Contains("Personal development: Developing (mean 2.25 over 4 of 4 indicators); developing: "
                             "Nurture and enrichment have a positive impact on wellbeing (moderated)"));
  auto area = std::find_if(out.ratings.begin(), out.ratings.end(),
                           [](auto& r) { return r.subject == "personal_development"; });
  REQUIRE(area != out.ratings.end());
  CHECK(area->level == "developing");
}

TEST_CASE("000 §5.2: a weak area puts the school in Formal Intervention") {
  Nexus n;
  auto s = school();
  rate_all(s, n.policy.view(), "moderated", "strong");
  for (auto id : {"curriculum", "assessment", "progress", "teaching"}) s.set_rating(id, "moderated", "weak");
  auto out = n.assess(s);
  CHECK(out.level == "formal_intervention");
  CHECK_THAT(out.reasons.front(), Catch::Contains("Quality of education is judged weak"));
}

TEST_CASE("000 §5.2: weak safeguarding is a limiting judgement: Formal Intervention whatever else") {
  Nexus n;
  auto s = school();
  rate_all(s, n.policy.view(), "moderated", "strong");
  s.set_rating("safeguarding", "moderated", "weak");
  auto out = n.assess(s);
  CHECK(out.level == "formal_intervention");
  CHECK_THAT(out.reasons.front(),
             Catch::Contains("Safeguarding policies and practice are secure (moderated) is rated weak, and it is a limiting"));
  // The same school with safeguarding developing: one developing KPI in a strong area.
  s.set_rating("safeguarding", "moderated", "developing");
  CHECK(n.assess(s).level == "prevention");
}

TEST_CASE("000 §5.2: three weak indicators in different areas are Formal Intervention; one is Early") {
  Nexus n;
  auto s = school();
  rate_all(s, n.policy.view(), "moderated", "strong");
  s.set_rating("teaching", "moderated", "weak");
  auto one = n.assess(s);
  // A weak KPI holds its otherwise strong area at developing (weak_kpi_caps_area).
  CHECK(one.level == "early_intervention");
  CHECK_THAT(joined(one.reasons), Catch::Contains("held at developing by a weak indicator"));
  s.set_rating("attendance", "moderated", "weak");
  s.set_rating("pshe_rse", "moderated", "weak");
  auto three = n.assess(s);
  CHECK(three.level == "formal_intervention");
  CHECK_THAT(three.reasons.front(), Catch::Contains("3 indicators are rated weak"));
}

TEST_CASE("000 §3.11 and §5.2: the tier follows moderation, not the self-assessment") {
  Nexus n;
  auto s = school();
  rate_all(s, n.policy.view(), "self", "strong");
  auto self_only = n.assess(s);
  // 000 §3.11.2: nothing moderated yet, so Directors' tier counts every area as unrated (developing): not the
  // head's Strong, and marked provisional with the tier the self-assessment would give.
  CHECK(self_only.level != "prevention");
  CHECK_THAT(joined(self_only.reasons), Catch::Contains("it would be Prevention (from decline)."));
  CHECK_THAT(joined(self_only.reasons), Catch::Contains("Provisional: 16 of 16 indicators are not yet moderated by the SPSB"));
  rate_all(s, n.policy.view(), "moderated", "strong");
  s.set_rating("safeguarding", "moderated", "weak");
  auto moderated = n.assess(s);
  CHECK(moderated.level == "formal_intervention");
  CHECK_THAT(joined(moderated.reasons),
             Catch::Contains("(self-assessed Strong, moderated Weak)") && !Catch::Contains("Provisional"));
}

TEST_CASE("000 §5.2: an area nobody has rated counts as developing (unrated_area), and the reasons say so") {
  Nexus n;
  auto s = school();
  for (auto& k : nexus::dashboard_kpis(n.policy.view()))
    if (k.area != "behaviour_and_attitudes") s.set_rating(k.id, "moderated", "strong");
  auto out = n.assess(s);
  CHECK(out.level == "early_intervention");
  CHECK_THAT(joined(out.reasons),
             Catch::Contains("Behaviour and attitudes: Developing (no indicator is rated, so it counts as Developing"));
}

TEST_CASE("000 §5.2: the thresholds are the policy's: raising unrated_area changes the tier") {
  Nexus n;
  auto s = school();
  for (auto& k : nexus::dashboard_kpis(n.policy.view()))
    if (k.area != "behaviour_and_attitudes") s.set_rating(k.id, "moderated", "strong");
  // A draft policy whose params say an unrated area counts as secure.
  const std::string draft = std::string(TRELLIS_BUILD_DIR) + "/nexus-draft-unrated.toml";
  {
    std::ifstream in(source("policies/nexus.toml"));
    std::string text((std::istreambuf_iterator<char>(in)), {});
    const std::string unrated = "unrated_area = \"developing\"", script = "../scripts/nexus/tiers.lua";
    auto at = text.find(unrated);
    REQUIRE(at != std::string::npos);
    text.replace(at, unrated.size(), "unrated_area = \"secure\"");
    at = text.find(script);
    REQUIRE(at != std::string::npos);
    text.replace(at, script.size(), source("scripts/nexus/tiers.lua"));
    std::ofstream(draft) << text;
  }
  auto policy = trellis::Policy::load(draft);
  auto runner = trellis::make_threshold_runner(policy, n.description);
  trellis::sdk::AssessmentOut out;
  REQUIRE(n.regime.assess({s, policy.view(), *runner}, out));
  CHECK(out.level == "prevention");
}

TEST_CASE("000 §5.2: a change of tier is stated against the previous one") {
  Nexus n;
  auto s = school();
  rate_all(s, n.policy.view(), "moderated", "secure");
  s.set_previous_level("early_intervention");
  CHECK_THAT(n.assess(s).reasons.front(), Catch::StartsWith("Prevention (from decline), moved from Early Intervention:"));
}

TEST_CASE("000 §3.8.1: data at odds with a good attendance rating is a question for enquiry, not a tier") {
  Nexus n;
  auto s = school();
  rate_all(s, n.policy.view(), "moderated", "secure");
  trellis::sdk::Observation pa;
  pa.indicator = "persistent_absence_pct";
  pa.period = "2018-19";
  pa.value = 25.7;
  pa.source = "england_abs.csv";
  pa.line = 4102;
  s.add(pa);
  auto out = n.assess(s);
  CHECK(out.level == "prevention");
  CHECK_THAT(joined(out.reasons), Catch::Contains("Question for further enquiry: attendance is rated Secure, but persistent "
                                                  "absence is 25.7%, above 15.0% (england_abs.csv line 4102, 2018-19)"));
  s.set_rating("attendance", "moderated", "developing");
  CHECK_THAT(joined(n.assess(s).reasons), !Catch::Contains("Question for further enquiry: attendance"));
}

TEST_CASE("a closed school is not placed in a tier") {
  Nexus n;
  trellis::sdk::SchoolInfo info;
  info.urn = 106969;
  info.name = "Milton School";
  info.status = "closed";
  trellis::FixedEvidence s(info, "2019-20/autumn");
  auto out = n.assess(s);
  CHECK_FALSE(out.classified);
  CHECK(out.level == "closed");
}
