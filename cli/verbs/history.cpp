// `trellis history URN`: a thin face over school_history.
#include <iostream>

#include "../cli.hpp"
#include "trellis/school_history.hpp"

namespace trellis::cli {

void add_history(CLI::App& app, Cli& cli) {
  auto* sub = app.add_subcommand("history", "One school's timeline across bodies and regimes");
  static std::int64_t urn = 0;
  static std::string format;
  static std::string body;
  sub->add_option("URN", urn, "The school's URN")->required();
  sub->add_option("--body", body,
                  "As this body sees it: its own records, and others' earlier judgements where its policy's "
                  "[history] earlier_bodies allows");
  add_format(*sub, format, {"table", "json"});
  sub->callback([&cli] {
    Database db = cli.open_db();
    PluginHost host(PluginHost::default_search_path());
    std::optional<HistoryViewer> viewer;
    if (!body.empty()) viewer = HistoryViewer{body, cli.clock().today()};
    const SchoolHistory h = school_history(db, host, urn, viewer);
    if (format == "json") {
      print_json(to_json(h));
      return;
    }
    std::cout << h.school.urn << " " << h.school.name << "\n\nMemberships:\n";
    if (h.memberships.empty()) std::cout << "  none\n";
    for (const auto& m : h.memberships)
      std::cout << "  " << m.body_id << " (" << m.body_name << ") from " << m.from << (m.to ? " to " + *m.to : "")
                << "\n";
    std::cout << "\nPolicies in force while a member:\n";
    if (h.adoptions.empty()) std::cout << "  none\n";
    for (const auto& a : h.adoptions)
      std::cout << "  " << a.body_id << ": " << a.regime << " " << a.version << " from " << a.from
                << (a.to ? " to " + *a.to : "") << "\n";
    std::cout << "\nTimeline:\n";
    for (const auto& e : h.events) {
      std::cout << "  " << e.date << "  " << e.body_id << "  " << e.kind << ": " << e.summary;
      if (e.joining == "before" && h.current_body) std::cout << "  [before joining " << *h.current_body << "]";
      std::cout << "\n";
      if (e.why && (e.kind != "activity" || e.status != "planned")) std::cout << "      why: " << *e.why << "\n";
    }
  });
}

}  // namespace trellis::cli
