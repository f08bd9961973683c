// Issue 18: a country's report holds each repeated text (reason, level,
// rationale) once, shared by every school that gives it.
#include <catch2/catch.hpp>
#include <sstream>

#include "trellis/report.hpp"
#include "trellis/shared_text.hpp"

using namespace trellis;

TEST_CASE("The same text, shared, is held once; another text apart") {
  SharedTexts texts;
  const SharedText a = texts("requires_improvement");
  const SharedText b = texts(std::string("requires_") + "improvement");
  const SharedText c = texts("good");
  CHECK(&a.str() == &b.str());
  CHECK(&a.str() != &c.str());
  CHECK(texts.size() == 2);
  CHECK(a == b);
  CHECK(a != c);
}

TEST_CASE("A shared text reads as the text it holds") {
  const SharedText t("Attendance below 90%");
  const std::string copy = t;
  CHECK(copy == "Attendance below 90%");
  CHECK(t == std::string_view("Attendance below 90%"));
  CHECK(t.size() == copy.size());
  std::ostringstream o;
  o << t;
  CHECK(o.str() == copy);
  CHECK(nlohmann::json(t) == nlohmann::json("Attendance below 90%"));
}

TEST_CASE("The empty text is held by none and equals the empty string") {
  SharedTexts texts;
  const SharedText none = texts("");
  CHECK(none.empty());
  CHECK(none == "");
  CHECK(none == SharedText());
  CHECK(texts.size() == 0);
  CHECK(nlohmann::json(std::vector<SharedText>{"a", ""}) == nlohmann::json::array({"a", ""}));
}
