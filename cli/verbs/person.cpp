// `trellis person add|list`: who acts on the database, in which role.
#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "../cli.hpp"
#include "trellis/error.hpp"
#include "trellis/people.hpp"

namespace trellis::cli {
namespace {

struct PersonArgs {
  std::string id, name, role, body;
  std::int64_t school = 0;
};

/// One line from standard input; on a terminal, asked for with the echo off.
std::string read_password_line(const std::string& prompt) {
  const bool terminal = isatty(STDIN_FILENO) == 1;
  termios saved{};
  if (terminal) {
    std::cerr << prompt << std::flush;
    tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  const bool got = static_cast<bool>(std::getline(std::cin, line));
  if (terminal) {
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::cerr << "\n";
  }
  if (!got) throw UsageError("no password given: type it, or give it as the first line of standard input");
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

std::string role_ids() {
  std::string s;
  for (Role r : all_roles()) s += (s.empty() ? "" : ", ") + std::string(to_string(r));
  return s;
}

}  // namespace

void add_person(CLI::App& app, Cli& cli) {
  auto* person = app.add_subcommand("person", "The people who act on this database, and their roles");
  person->require_subcommand(1);

  auto* add = person->add_subcommand("add", "Add a person in a role: admin, officer, board, head, verifier, viewer");
  auto a = std::make_shared<PersonArgs>();
  add->add_option("ID", a->id, "Their id, e.g. j.smith (what --as and $TRELLIS_USER name)")->required();
  add->add_option("--name", a->name, "Their name, as letters and reports show it")->required();
  add->add_option("--role", a->role, "admin, officer (a QA lead), board, head, verifier or viewer")->required();
  add->add_option("--body", a->body, "The body they act for (an officer, board member, verifier; a head's body)");
  add->add_option("--school", a->school, "A head's own school (URN)");
  add->callback([&cli, a] {
    const auto role = parse_role(a->role);
    if (!role) throw UsageError("--role: expected one of " + role_ids() + ", found \"" + a->role + "\"");
    Database db = cli.open_db();
    Actor p{a->id, a->name, *role, a->body, a->school ? std::optional(a->school) : std::nullopt};
    add_person(db, cli.actor(db), cli.clock(), p);
    std::cout << "Added " << a->id << ": " << describe(p) << ".\n";
  });

  auto* password = person->add_subcommand(
      "password", "Set a person's password for `trellis serve`: typed twice, or the first line of standard input");
  static std::string password_id;
  password->add_option("ID", password_id, "Their id")->required();
  password->callback([&cli] {
    Database db = cli.open_db();
    const Actor by = cli.actor(db);
    std::string secret = read_password_line("Password for " + password_id + ": ");
    if (isatty(STDIN_FILENO) == 1 && read_password_line("Again: ") != secret)
      throw UsageError("the two passwords differ; nothing was changed");
    set_password(db, by, cli.clock(), password_id, secret);
    std::cout << "Password set for " << password_id << ".\n";
  });

  auto* list = person->add_subcommand("list", "Everyone known to the database, with their role");
  static std::string format;
  add_format(*list, format, {"table", "json", "csv"});
  list->callback([&cli] {
    Database db = cli.open_db();
    const auto people = list_people(db);
    if (format == "json") {
      auto arr = nlohmann::json::array();
      for (const auto& p : people)
        arr.push_back({{"id", p.id}, {"name", p.name}, {"role", std::string(to_string(p.role))},
                       {"body", p.body.empty() ? nlohmann::json() : nlohmann::json(p.body)},
                       {"school", p.school ? nlohmann::json(*p.school) : nlohmann::json()}});
      print_json(arr);
      return;
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& p : people)
      rows.push_back({p.id, p.name, std::string(to_string(p.role)), p.body.empty() ? "-" : p.body,
                      p.school ? std::to_string(*p.school) : "-"});
    std::vector<std::string> header{"id", "name", "role", "body", "school"};
    format == "csv" ? print_csv(header, rows) : print_table(header, rows);
  });
}

}  // namespace trellis::cli
