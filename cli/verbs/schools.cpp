// trellis schools: the register, filtered by LA, body or status.
#include <iostream>

#include "../cli.hpp"
#include "trellis/bodies.hpp"
#include "trellis/error.hpp"
#include "trellis/schools.hpp"
#include "trellis/store/audit.hpp"

namespace trellis::cli {
namespace {

nlohmann::json opt(const std::optional<std::string>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); }
nlohmann::json opt(const std::optional<int>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); }
std::string text(const std::optional<int>& v) { return v ? std::to_string(*v) : "-"; }

}  // namespace

void add_schools(CLI::App& app, Cli& cli) {
  auto* sub = app.add_subcommand("schools", "The school register: urn, name, LA, type, phase, status, trust");
  static int la = 0;
  static std::string body, status, format;
  sub->add_option("--la", la, "Only schools of this LA code, e.g. 894");
  sub->add_option("--body", body, "Only the schools that are members of this body today");
  sub->add_option("--status", status, "open or closed")->check(CLI::IsMember({"open", "closed"}));
  add_format(*sub, format, {"table", "json", "csv"});
  sub->callback([&cli] {
    Database db = cli.open_db();
    SchoolFilter f;
    if (la) f.la_code = la;
    if (!status.empty()) f.status = status;
    if (!body.empty()) {
      require_body(db, body);
      f.urns = members_on(db, body, cli.clock().today());
    }
    auto schools = list_schools(db, f);
    if (format == "json") {
      auto arr = nlohmann::json::array();
      for (const auto& s : schools)
        arr.push_back({{"urn", s.urn}, {"name", s.name}, {"la", opt(s.la_code)}, {"la_name", opt(s.la_name)},
                       {"type", s.type}, {"type_group", s.type_group}, {"phase", s.phase}, {"status", s.status},
                       {"open_date", opt(s.open_date)}, {"close_date", opt(s.close_date)}, {"pupils", opt(s.pupils)},
                       {"source", s.source}, {"source_line", opt(s.source_line)},
                       {"trust_code", opt(s.trust_code)}, {"trust_name", opt(s.trust_name)}});
      print_json(arr);
      return;
    }
    std::vector<std::vector<std::string>> rows;
    std::size_t open = 0;
    for (const auto& s : schools) {
      open += s.status == "open";
      rows.push_back({std::to_string(s.urn), s.name, text(s.la_code), s.type, s.type_group, s.phase, s.status,
                      text(s.pupils), s.trust_name.value_or("-")});
    }
    std::vector<std::string> header{"urn", "name", "la", "type", "group", "phase", "status", "pupils", "trust"};
    if (format == "csv") return print_csv(header, rows);
    print_table(header, rows);
    std::cout << schools.size() << " school(s): " << open << " open, " << schools.size() - open << " closed.\n";
  });
}

}  // namespace trellis::cli
