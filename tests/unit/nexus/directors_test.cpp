// 000 §3.7, §3.11.2: Directors see moderated judgements only. A tier or an
// area judgement resting on a rating the SPSB has not moderated is marked
// provisional, and the tier on moderated ratings alone is given beside it.
#include <catch2/catch.hpp>

#include "fixture.hpp"

using namespace nexus_test;

namespace {

const trellis::sdk::RatingOut& rating_of(const trellis::sdk::AssessmentOut& out, const std::string& subject) {
  for (auto& r : out.ratings)
    if (r.subject == subject) return r;
  FAIL("no rating of " << subject);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("000 §3.11.2: a tier resting on self-assessments the SPSB has not moderated is provisional; Directors get "
          "the moderated-only tier") {
  Nexus n;
  auto s = school("2019-20/spring");
  rate_all(s, n.policy.view(), "self", "secure");
  rate_all(s, n.policy.view(), "moderated", "secure");
  // The head rates personal development weak; the SPSB has not moderated it yet.
  auto pd = school("2019-20/spring");
  for (auto& k : nexus::dashboard_kpis(n.policy.view()))
    if (k.area != "personal_development") pd.set_rating(k.id, "moderated", "secure");
  rate_all(pd, n.policy.view(), "self", "secure");
  for (const char* id : {"wellbeing", "pupil_voice", "equality", "pshe_rse"}) pd.set_rating(id, "self", "weak");
  const auto out = n.assess(pd);
  // Directors see the tier on moderated ratings alone (000 §3.11.2): personal development has none, so counts as
  // developing: Early Intervention. The head's own weak ratings would make it Formal Intervention.
  CHECK(out.level == "early_intervention");
  const std::string reasons = joined(out.reasons);
  REQUIRE(out.reasons.size() > 1);
  CHECK_THAT(out.reasons[1], Catch::StartsWith("Provisional (000 §3.7, §3.11.2): the SPSB has not yet moderated every "
                                               "rating, in Personal development (4 of 4 indicators not yet "
                                               "moderated by the SPSB)."));
  CHECK_THAT(out.reasons[1], Catch::Contains("The tier, Early Intervention, is judged on the SPSB's moderated ratings "
                                             "alone, as reported to Directors (Quality of education Secure, Behaviour "
                                             "and attitudes Secure, Personal development Developing, Leadership and "
                                             "management Secure"));
  CHECK_THAT(out.reasons[1], Catch::EndsWith("counting the self-assessments not yet moderated, it would be Formal "
                                             "Intervention."));
  CHECK_THAT(rating_of(out, "personal_development").reasons.front(),
             Catch::StartsWith("Provisional, 4 of 4 indicators not yet moderated by the SPSB: "));
  CHECK_THAT(rating_of(out, "personal_development").rationale, Catch::StartsWith("Provisional ("));
  CHECK_THAT(rating_of(out, "quality_of_education").reasons.front(), !Catch::StartsWith("Provisional"));

  // Everything moderated: nothing is provisional.
  const auto settled = n.assess(s);
  CHECK_THAT(joined(settled.reasons), !Catch::Contains("Provisional"));
  for (auto& r : settled.ratings) CHECK_THAT(r.rationale, !Catch::StartsWith("Provisional"));
}

TEST_CASE("000 §3.11.2: the tier line names areas nobody rated, instead of saying the tier is judged without them") {
  Nexus n;
  auto s = school("2019-20/summer");
  // Quality of education and behaviour rated and moderated; the other two areas not rated at all.
  for (auto& k : nexus::dashboard_kpis(n.policy.view()))
    if (k.area == "quality_of_education" || k.area == "behaviour_and_attitudes") {
      s.set_rating(k.id, "self", "secure");
      s.set_rating(k.id, "moderated", "secure");
    }
  const auto out = n.assess(s);
  CHECK(out.level == "early_intervention");
  CHECK_THAT(out.reasons.front(),
             Catch::Contains("Personal development (no indicator rated, so counted as Developing) and Leadership and "
                             "management (no indicator rated, so counted as Developing) are judged developing or weak"));
  const std::string reasons = joined(out.reasons);
  CHECK_THAT(reasons, !Catch::Contains("judged without them"));
  CHECK_THAT(reasons, Catch::Contains("Personal development and Leadership and management have no indicator "
                                      "self-assessed or moderated, so each counts as Developing (policy: "
                                      "unrated_area), and that judgement counts towards the tier."));
  CHECK_THAT(reasons, Catch::Contains("none of its 4 indicators is rated"));
}

TEST_CASE("000 §3.10.2: assess names a school with no QA & Improvement partner allocated") {
  Nexus n;
  auto s = school("2019-20/autumn");
  rate_all(s, n.policy.view(), "moderated", "secure");
  CHECK_THAT(joined(n.assess(s).reasons),
             Catch::Contains("No QA & Improvement partner is allocated to Test Academy 142768 (000 §3.10.2"));
  s.add({0, "qa_partner", "2019-20", std::nullopt, "Partner A", "", "partners.csv", 2, ""});
  CHECK_THAT(joined(n.assess(s).reasons), !Catch::Contains("No QA & Improvement partner"));
}
