#include <iostream>

#include "../cli.hpp"
#include "trellis/adoption.hpp"
#include "trellis/bodies.hpp"
#include "trellis/error.hpp"

namespace trellis::cli {

void add_body(CLI::App& app, Cli& cli) {
  auto* body = app.add_subcommand("body", "Trusts and local authorities, and their schools");
  body->require_subcommand(1);

  auto* add = body->add_subcommand("add", "Add a trust or an LA");
  static Body b;
  add->add_option("ID", b.id, "Short id, e.g. telford")->required();
  add->add_option("--kind", b.kind, "trust or la")->required()->check(CLI::IsMember({"trust", "la"}));
  add->add_option("--name", b.name, "Full name")->required();
  add->callback([&cli] {
    Database db = cli.open_db();
    add_body(db, cli.actor(db), cli.clock(), b);
    std::cout << "Added " << b.kind << " " << b.id << ": " << b.name << "\n";
  });

  auto* list = body->add_subcommand("list", "Bodies, their kind, policy and number of schools");
  static std::string format;
  add_format(*list, format, {"table", "json", "csv"});
  list->callback([&cli] {
    Database db = cli.open_db();
    auto bodies = list_bodies(db, cli.clock().today());
    if (format == "json") {
      auto arr = nlohmann::json::array();
      for (auto& s : bodies)
        arr.push_back({{"id", s.body.id}, {"kind", s.body.kind}, {"name", s.body.name},
                       {"regime", s.regime ? nlohmann::json(*s.regime) : nlohmann::json()},
                       {"policy_version", s.policy_version ? nlohmann::json(*s.policy_version) : nlohmann::json()},
                       {"policy", s.policy_path ? nlohmann::json(*s.policy_path) : nlohmann::json()},
                       {"schools", s.schools}});
      print_json(arr);
      return;
    }
    std::vector<std::vector<std::string>> rows;
    for (auto& s : bodies)
      rows.push_back({s.body.id, s.body.kind, s.body.name, s.regime.value_or("-"),
                      s.policy_version.value_or("-"), std::to_string(s.schools)});
    std::vector<std::string> header{"id", "kind", "name", "regime", "policy", "schools"};
    format == "csv" ? print_csv(header, rows) : print_table(header, rows);
  });

  auto* adopt = body->add_subcommand("adopt", "Adopt a policy from a date (a later adoption switches framework)");
  static std::string adopt_id, adopt_policy_file, adopt_from;
  adopt->add_option("ID", adopt_id, "Body id")->required();
  adopt->add_option("POLICY", adopt_policy_file, "Policy TOML file")->required()->check(CLI::ExistingFile);
  adopt->add_option("--from", adopt_from, "First day the policy applies, YYYY-MM-DD")->required();
  adopt->callback([&cli] {
    Database db = cli.open_db();
    PluginHost host(PluginHost::default_search_path());
    Adoption a = adopt_policy(db, host, cli.actor(db), cli.clock(), adopt_id, adopt_policy_file, adopt_from);
    if (a.review_warning) std::cerr << "warning: " << *a.review_warning << "\n";
    std::cout << adopt_id << " adopts " << a.regime << " policy " << a.version << " from " << adopt_from << " ("
              << a.policy_path.string() << ").\n";
  });

  auto* join = body->add_subcommand("join", "Make schools members of a body from a date");
  static std::string join_id, from, to;
  static std::vector<std::int64_t> urns;
  static int join_la = 0;
  join->add_option("ID", join_id, "Body id")->required();
  join->add_option("URN", urns, "School URNs");
  join->add_option("--la", join_la, "Every open school of this LA code, e.g. 894");
  join->add_option("--from", from, "First day of membership, YYYY-MM-DD")->required();
  join->add_option("--to", to, "Last day of membership, YYYY-MM-DD");
  join->callback([&cli] {
    Database db = cli.open_db();
    if (join_la) {
      auto more = open_schools_of_la(db, join_la);
      urns.insert(urns.end(), more.begin(), more.end());
    }
    if (urns.empty()) throw UsageError("name the schools to join: URNs, or --la CODE");
    const JoinRun run =
        join_body(db, cli.actor(db), cli.clock(), join_id, urns, from, to.empty() ? std::nullopt : std::optional(to));
    std::cout << run.joined.size() << " school(s) joined " << join_id << " from " << from << (to.empty() ? "" : " to " + to)
              << ".\n";
    if (!run.already.empty())
      std::cout << run.already.size() << " school(s) were members of " << join_id
                << " already in that time, and are left as they were.\n";
  });
}

}  // namespace trellis::cli
