// trellis evidence URN: everything held on a school, each item with where it
// came from, in words a headteacher can read.
#include <charconv>
#include <iostream>

#include "../cli.hpp"
#include "trellis/error.hpp"
#include "trellis/evidence.hpp"
#include "trellis/evidence_json.hpp"
#include "trellis/schools.hpp"

namespace trellis::cli {
namespace {

std::string number(double v) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);  // shortest form: 2.6, 11, 0.09
  return ec == std::errc() ? std::string(buf, end) : std::to_string(v);
}

/// "21.3%", "26 pupils", "Good (2)", "— suppressed", "2013-04-18".
std::string shown(const EvidenceItem& e) {
  std::string s;
  if (e.missing) {
    s = "— " + *e.missing;
  } else if (e.value) {
    s = number(*e.value);
    if (e.unit == "%") s += "%";
    else if (e.unit == "pupils") s += " pupils";
    if (e.text) s = e.unit == "grade" ? *e.text + " (" + s + ")" : s + " (" + *e.text + ")";
  } else {
    s = e.text.value_or("");
  }
  if (e.missing && e.text) s += " (" + *e.text + ")";
  if (e.superseded_by) s += "  [corrected by #" + std::to_string(*e.superseded_by) + "]";
  return s;
}

std::string cited(const EvidenceItem& e) {
  return e.line ? e.source + " line " + std::to_string(*e.line) : e.source;
}

}  // namespace

void add_evidence(CLI::App& app, Cli& cli) {
  auto* sub = app.add_subcommand("evidence", "What is held on a school, with where each item came from");
  static std::int64_t urn = 0;
  static std::string period, format;
  static bool history = false;
  sub->add_option("URN", urn, "The school's URN")->required();
  sub->add_option("--period", period, "Only this period, or periods within it, e.g. 2018-19");
  sub->add_flag("--history", history, "Also show items that a correction has superseded");
  add_format(*sub, format, {"table", "json", "csv"});
  sub->callback([&cli] {
    Database db = cli.open_db();
    EvidenceQuery q;
    if (!period.empty()) q.period = Period::parse(period);
    q.include_superseded = history;
    auto school = find_school(db, urn);
    auto items = evidence_for(db, urn, q);
    if (!school && items.empty() && evidence_for(db, urn, {}).empty())
      throw UsageError("no school with URN " + std::to_string(urn) + " in the register, and no evidence held on it");
    if (format == "json") {
      auto arr = nlohmann::json::array();
      for (const auto& e : items) arr.push_back(to_json(e));
      return print_json(arr);
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& e : items) {
      if (format == "csv")
        rows.push_back({e.period, e.indicator, e.label, e.value ? number(*e.value) : e.text.value_or(""), e.unit,
                        e.missing.value_or(""), e.value ? e.text.value_or("") : "", e.source,
                        e.line ? std::to_string(*e.line) : "", e.recorded_at,
                        e.superseded_by ? std::to_string(*e.superseded_by) : ""});
      else
        rows.push_back({e.period, e.label, shown(e), cited(e)});
    }
    if (format == "csv")
      return print_csv({"period", "indicator", "label", "value", "unit", "missing", "text", "source", "line",
                        "recorded_at", "superseded_by"},
                       rows);
    if (school)
      std::cout << school->urn << " " << school->name << " · LA " << (school->la_code ? std::to_string(*school->la_code) : "?")
                << (school->la_name ? " " + *school->la_name : "") << " · " << school->type << " · " << school->phase
                << " · " << school->status
                << (school->trust_name ? " · trust " + *school->trust_name +
                                             (school->trust_code ? " (" + *school->trust_code + ")" : "")
                                       : "")
                << "\n\n";
    else
      std::cout << urn << " (not in the school register)\n\n";
    if (items.empty()) {
      std::cout << "No evidence held" << (period.empty() ? "" : " for " + period) << ".\n";
      return;
    }
    print_table({"period", "indicator", "value", "source"}, rows);
  });
}

}  // namespace trellis::cli
