// What a cell of an official file means.
#include <catch2/catch.hpp>

#include "trellis/import/cell.hpp"

using namespace trellis;

TEST_CASE("numbers: percentages, signs and blanks; anything else is not a number") {
  CHECK(cell::number("88%") == 88.0);
  CHECK(cell::number(" 67.4% ") == 67.4);
  CHECK(cell::number("-0.19") == -0.19);
  CHECK(cell::number("+2") == 2.0);
  CHECK(cell::number(".5") == 0.5);
  CHECK(cell::number("0") == 0.0);
  for (const char* text : {"", "%", "abc", "12 pupils", "1,234", "inf", "nan", "-inf", "12..3", "0x10", "- 3", "3%%"}) {
    INFO(text);
    CHECK_FALSE(cell::number(text));
  }
}

TEST_CASE("every missing-value marker keeps its reason, and is never a number") {
  const std::pair<const char*, const char*> markers[] = {
      {"SUPP", "suppressed"},      {"NE", "no entries"},        {"NA", "not applicable"},  {"LOWCOV", "low coverage"},
      {"NP", "not published"},     {"c", "suppressed"},         {"x", "not available"},    {"z", "not applicable"},
      {"low", "low coverage"},     {"NOT AVAIL", "not available"}, {"", "not recorded"}, {" supp ", "suppressed"},
      {"Low", "low coverage"}};
  for (auto [text, reason] : markers) {
    INFO(text);
    CHECK(cell::missing_reason(text) == std::optional<std::string_view>(reason));
    CHECK_FALSE(cell::number(text));
  }
  for (const char* text : {"0", "12", "Good", "NAT", "s", "SUPPRESSED"}) {
    INFO(text);
    CHECK_FALSE(cell::missing_reason(text));
  }
}

TEST_CASE("whole numbers are digits only") {
  CHECK(cell::whole("100000") == 100000);
  CHECK(cell::whole(" 894 ") == 894);
  CHECK_FALSE(cell::whole("-1"));
  CHECK_FALSE(cell::whole("12.0"));
  CHECK_FALSE(cell::whole("NAT"));
  CHECK_FALSE(cell::whole(""));
}

TEST_CASE("yyyymmdd dates, as Ofsted writes them") {
  CHECK(cell::date_yyyymmdd("20130418") == "2013-04-18");
  CHECK(cell::date_yyyymmdd("20200229") == "2020-02-29");
  CHECK_FALSE(cell::date_yyyymmdd("20190229"));  // not a leap year
  CHECK_FALSE(cell::date_yyyymmdd("20131301"));
  CHECK_FALSE(cell::date_yyyymmdd("2013041"));
  CHECK_FALSE(cell::date_yyyymmdd("2013-04-18"));
}

TEST_CASE("dd-mm-yyyy dates, as GIAS writes them, and ISO dates") {
  CHECK(cell::date_dmy("05-11-2014") == "2014-11-05");
  CHECK(cell::date_dmy("31/08/2018") == "2018-08-31");
  CHECK_FALSE(cell::date_dmy("31-02-2019"));
  CHECK_FALSE(cell::date_dmy("05-11/2014"));
  CHECK_FALSE(cell::date_dmy("2014-11-05"));
  CHECK(cell::date_iso("2014-11-05") == "2014-11-05");
  CHECK_FALSE(cell::date_iso("2014-11-31"));
}

TEST_CASE("Excel serial day numbers, as the DfE spine writes OPENDATE and CLOSEDATE") {
  CHECK(cell::date_excel_serial("43039") == "2017-10-31");
  CHECK(cell::date_excel_serial("43708") == "2019-08-31");
  CHECK(cell::date_excel_serial("43709") == "2019-09-01");
  CHECK(cell::date_excel_serial("25569") == "1970-01-01");
  CHECK(cell::date_excel_serial("61") == "1900-03-01");
  CHECK_FALSE(cell::date_excel_serial("60"));  // Excel's 29 February 1900, a day that never was
  CHECK_FALSE(cell::date_excel_serial("43039.5"));
  CHECK_FALSE(cell::date_excel_serial("2017-10-31"));
}

TEST_CASE("the academic year runs from September to August") {
  CHECK(cell::academic_year_of("2013-04-18").to_string() == "2012-13");
  CHECK(cell::academic_year_of("2013-08-31").to_string() == "2012-13");
  CHECK(cell::academic_year_of("2013-09-01").to_string() == "2013-14");
  CHECK(cell::academic_year_of("2019-12-10").to_string() == "2019-20");
}
