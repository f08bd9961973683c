// Letters to heads in plain words (Telford seed 003 s5; issue 16): the officer's citations stay in the report.
#include <catch2/catch.hpp>

#include "trellis/letters.hpp"

using namespace trellis;

TEST_CASE("s5: a letter's reason keeps its year and drops the file, line and rule shorthand") {
  CHECK(in_plain_words("Concern: Persistent absence 16.0% is at or above the 15.0% threshold (2018-19, england_abs.csv line 59).") ==
        "Concern: Persistent absence 16.0% is at or above the 15.0% threshold (2018-19).");
  CHECK(in_plain_words("Persistent absence 21.3% is above the 18% threshold (evidence: england_abs.csv line 4102)") ==
        "Persistent absence 21.3% is above the 18% threshold");
  CHECK(in_plain_words("2 concerns were raised (band rules: red at any serious concern or 4 concerns, amber at 2, yellow at 1).") ==
        "2 concerns were raised.");
  CHECK(in_plain_words("Ofsted judged the school Good on 2013-05-21 (2012-13, ofsted_ratings_2018.csv line 26).") ==
        "Ofsted judged the school Good on 21 May 2013 (2012-13).");
  // Nothing to take out: left as written, brackets and all.
  CHECK(in_plain_words("Governing board priorities in line with the SDP (strategic role)") ==
        "Governing board priorities in line with the SDP (strategic role)");
}

TEST_CASE("s5: dates in letters are in words") {
  CHECK(date_in_words("2018-10-01") == "1 October 2018");
  CHECK(date_in_words("2019-12-31") == "31 December 2019");
  CHECK(date_in_words("2018-13-01") == "2018-13-01");
  CHECK(date_in_words("next week") == "next week");
  CHECK(dates_in_words("Agenda (meeting on 2018-11-28), then 2019-01-31") ==
        "Agenda (meeting on 28 November 2018), then 31 January 2019");
}
