// An assessment row's JSON columns read without a JSON value (issue 18): the
// same texts and ratings nlohmann reads, and the same refusals.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "../../../kernel/store/sqlite/stored_json.hpp"

using namespace trellis;
using trellis::sqlite::stored_ratings;
using trellis::sqlite::stored_reasons;

namespace {

/// What nlohmann reads: each item by its keys, subject, level and stage required.
std::vector<sdk::RatingOut> parsed_ratings(const std::string& text) {
  std::vector<sdk::RatingOut> out;
  for (auto& j : nlohmann::json::parse(text))
    out.push_back({j.at("subject"), j.at("level"), j.at("stage"), j.value("rationale", std::string()),
                   j.value("evidence", std::vector<std::int64_t>()), j.value("reasons", std::vector<std::string>())});
  return out;
}

void same_ratings(const std::string& text) {
  INFO(text);
  const auto want = parsed_ratings(text);
  const auto got = stored_ratings(text);
  REQUIRE(got.size() == want.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    CHECK(got[i].subject == want[i].subject);
    CHECK(got[i].level == want[i].level);
    CHECK(got[i].stage == want[i].stage);
    CHECK(got[i].rationale == want[i].rationale);
    CHECK(got[i].evidence == want[i].evidence);
    CHECK(got[i].reasons == want[i].reasons);
  }
}

}  // namespace

TEST_CASE("stored reasons read as nlohmann reads them") {
  for (const std::string text :
       {R"([])", R"(["a"])", R"([ "Ofsted \"Good\" \\ \/ \b\f\n\r\t", "" ])", "[\"§3.7 — Café\"]",
        R"(["\u00e9 and \ud83d\ude00"])", R"(["x"]  )", "\n[\"x\"]\n"}) {
    INFO(text);
    CHECK(stored_reasons(text) == nlohmann::json::parse(text).get<std::vector<std::string>>());
  }
  CHECK(stored_reasons(R"(["\u00e9"])") == std::vector<std::string>{"\xc3\xa9"});
}

TEST_CASE("stored reasons refused as nlohmann refuses them") {
  for (const std::string text : {"", "[", R"(["a",])", R"(["a"] x)", R"([1])", R"({"a":"b"})", "[\"\xff\"]",
                                 "[\"a\nb\"]", R"(["\x"])", "[\"\xc0\xaf\"]"})
    CHECK_THROWS_AS(stored_reasons(text), nlohmann::json::exception);
}

TEST_CASE("stored ratings read as nlohmann reads them") {
  for (const std::string text : {
           R"([])",
           R"([{"level":"good","stage":"computed","subject":"overall"}])",
           R"j([{"evidence":[948618,-3,0],"level":"early_intervention","rationale":"Aggregated (000 §5.2)","reasons":["Mean 2.75","b"],"stage":"computed","subject":"overall"},{"level":"secure","stage":"self","subject":"quality_of_education"}])j",
           R"([{"subject":"a","level":"b","stage":"c","subject":"d"}])",          // the last of a key counts
           R"([{"subject":"a","level":"b","stage":"c","evidence":[1.5]}])",       // a number nlohmann converts
           R"([{"subject":"a","level":"b","stage":"c","evidence":[1e2]}])",
           R"([{"subject":"a","level":"b","stage":"c","note":{"x":[1]}}])",      // a key the reader does not know
           R"([{"subject":"a\u0041","level":"b","stage":"c","evidence":[]}])",
           R"( [ { "subject" : "a" , "level" : "b" , "stage" : "c" } ] )",
       })
    same_ratings(text);
}

TEST_CASE("stored ratings refused as nlohmann refuses them") {
  for (const std::string text : {"", R"([{"level":"b","stage":"c"}])", R"([{"subject":1,"level":"b","stage":"c"}])",
                                 R"([{"subject":"a","level":"b","stage":"c","rationale":null}])",
                                 R"([{"subject":"a","level":"b","stage":"c"}] [])", R"([{}])",
                                 "[{\"subject\":\"\xe2\x82\",\"level\":\"b\",\"stage\":\"c\"}]"})
    CHECK_THROWS_AS(stored_ratings(text), nlohmann::json::exception);
}
