#include <iostream>

#include "../cli.hpp"
#include "trellis/adoption.hpp"
#include "trellis/bodies.hpp"
#include "trellis/error.hpp"
#include "trellis/switch_policy.hpp"

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
    // Each adoption from its first day to the day before the next one's: "telford-la 2017-09-01..2018-08-31".
    auto adoptions_text = [&](const std::string& id) {
      std::string out;
      for (const auto& a : adoption_history(db, id))
        out += (out.empty() ? "" : "; ") + a.adoption.regime + " " + a.adoption.version + " " + a.adoption.from_date +
               ".." + a.to.value_or("");
      return out.empty() ? std::string("-") : out;
    };
    if (format == "json") {
      auto arr = nlohmann::json::array();
      for (auto& s : bodies) {
        auto history = nlohmann::json::array();
        for (const auto& a : adoption_history(db, s.body.id))
          history.push_back({{"regime", a.adoption.regime}, {"version", a.adoption.version},
                             {"policy", a.adoption.policy_path.string()}, {"from", a.adoption.from_date},
                             {"to", a.to ? nlohmann::json(*a.to) : nlohmann::json()}});
        arr.push_back({{"id", s.body.id}, {"kind", s.body.kind}, {"name", s.body.name},
                       {"regime", s.regime ? nlohmann::json(*s.regime) : nlohmann::json()},
                       {"policy_version", s.policy_version ? nlohmann::json(*s.policy_version) : nlohmann::json()},
                       {"policy", s.policy_path ? nlohmann::json(*s.policy_path) : nlohmann::json()},
                       {"schools", s.schools}, {"adoptions", history}});
      }
      print_json(arr);
      return;
    }
    std::vector<std::vector<std::string>> rows;
    for (auto& s : bodies)
      rows.push_back({s.body.id, s.body.kind, s.body.name, s.regime.value_or("-"),
                      s.policy_version.value_or("-"), std::to_string(s.schools), adoptions_text(s.body.id)});
    std::vector<std::string> header{"id", "kind", "name", "regime", "policy", "schools", "adoptions"};
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
    const SwitchRun run = trellis::adopt_from(db, host, cli.actor(db), cli.clock(), adopt_id, adopt_policy_file, adopt_from);
    const Adoption& a = run.adoption;
    if (a.review_warning) std::cerr << "warning: " << *a.review_warning << "\n";
    std::cout << adopt_id << " adopts " << a.regime << " policy " << a.version << " from " << adopt_from << " ("
              << a.policy_path.string() << ").\n";
    if (run.replaced && run.replaced->from_date < adopt_from)
      std::cout << "It ends " << run.replaced->regime << " policy " << run.replaced->version << " (from "
                << run.replaced->from_date << ") on the day before.\n";
    else if (run.replaced)
      std::cout << "It replaces " << run.replaced->regime << " policy " << run.replaced->version << " from the same day.\n";
    if (run.regime_changed())
      std::cout << run.cancelled.size() << " activities planned under " << run.replaced->regime << " from "
                << adopt_from << " on are cancelled (framework changed on " << adopt_from
                << "); what came before is kept. Assess to plan under " << a.regime << ".\n";
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

  auto* leave = body->add_subcommand("leave", "End schools' membership of a body (e.g. leaving for another trust)");
  static std::string leave_id, last_day;
  static std::vector<std::int64_t> leaving;
  leave->add_option("ID", leave_id, "Body id")->required();
  leave->add_option("URN", leaving, "School URNs")->required();
  leave->add_option("--on", last_day, "Last day of membership, YYYY-MM-DD")->required();
  leave->callback([&cli] {
    Database db = cli.open_db();
    leave_body(db, cli.actor(db), cli.clock(), leave_id, leaving, last_day);
    std::cout << leaving.size() << " school(s) leave " << leave_id << " after " << last_day
              << "; what " << leave_id << " recorded on them stays its own.\n";
  });
}

}  // namespace trellis::cli
