// `trellis audit [--school URN] [--since DATE] [--body B] [--changes]` and `trellis audit verify`:
// reading the audit log and checking its hash chain. Every role may read it.
#include <iostream>

#include "../cli.hpp"
#include "trellis/date.hpp"
#include "trellis/error.hpp"
#include "trellis/json_optional.hpp"
#include "trellis/store/audit_chain.hpp"
#include "trellis/store/audit_log.hpp"

namespace trellis::cli {
namespace {

struct AuditArgs {
  std::int64_t school = 0;
  std::string since, body, format, verify_format;
  bool changes = false;  // a column of what each row changed, as JSON (table and csv; json always has it)
};

nlohmann::json to_json(const AuditRecord& r) {
  nlohmann::json changes;  // stored as JSON text; shown as JSON, or as the text if it is not
  if (r.changes) {
    changes = nlohmann::json::parse(*r.changes, nullptr, false);
    if (changes.is_discarded()) changes = *r.changes;
  }
  return {{"id", r.id}, {"at", r.at}, {"who", r.who}, {"role", or_null(r.role)}, {"command", r.command},
          {"summary", r.summary}, {"input_hash", r.input_hash}, {"body", or_null(r.body)},
          {"urn", or_null(r.urn)}, {"changes", changes},
          {"prev_hash", or_null(r.prev_hash)}, {"hash", or_null(r.hash)}};
}

void print_log(Cli& cli, const AuditArgs& a) {
  AuditQuery q;
  if (a.school) q.urn = a.school;
  if (!a.body.empty()) q.body = a.body;
  if (!a.since.empty()) {
    std::string why;
    if (!Date::try_parse(a.since, &why))
      throw UsageError("--since: expected a date YYYY-MM-DD, found \"" + a.since + "\"" + (why.empty() ? "" : " (" + why + ")"));
    q.since = a.since;
  }
  Database db = cli.open_db();
  const auto rows = read_audit(db, q);
  if (a.format == "json") {
    auto arr = nlohmann::json::array();
    for (const auto& r : rows) arr.push_back(to_json(r));
    print_json(arr);
    return;
  }
  std::vector<std::vector<std::string>> table;
  for (const auto& r : rows) {
    table.push_back({std::to_string(r.id), r.at, r.who, r.role.value_or("-"), r.command, r.summary});
    if (a.changes) table.back().push_back(r.changes.value_or("{}"));
  }
  std::vector<std::string> header{"id", "at", "who", "role", "command", "summary"};
  if (a.changes) header.push_back("changes");
  a.format == "csv" ? print_csv(header, table) : print_table(header, table);
}

void print_check(Cli& cli, const std::string& format) {
  Database db = cli.open_db();
  const AuditCheck c = verify_audit(db);
  if (format == "json") {
    nlohmann::json j{{"rows", c.rows}, {"intact", !c.fault}};
    if (c.fault) j.update({{"row", c.fault->row}, {"problem", to_string(c.fault->kind)}, {"what", c.fault->what}});
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else if (!c.fault) {
    std::cout << c.rows << " rows, chain intact\n";
  } else {
    std::cout << c.rows << " rows; the chain is broken at row " << c.fault->row << " ("
              << to_string(c.fault->kind) << "): " << c.fault->what << "\n";
  }
  if (c.fault) throw ProblemsFound("audit chain broken");
}

}  // namespace

void add_audit(CLI::App& app, Cli& cli) {
  auto a = std::make_shared<AuditArgs>();
  auto* audit = app.add_subcommand("audit", "The audit log: who did what, when, in which role");
  audit->require_subcommand(0, 1);
  audit->add_option("--school", a->school, "Only rows about this school (URN)");
  audit->add_option("--since", a->since, "Only rows written on or after this day (YYYY-MM-DD, UTC)")->check(iso_date());
  audit->add_option("--body", a->body, "Only rows about this body");
  audit->add_flag("--changes", a->changes, "Add a column of what each row changed, as JSON (--format json always has it)");
  add_format(*audit, a->format, {"table", "json", "csv"});

  auto* verify = audit->add_subcommand("verify", "Check the hash chain: exit 1 naming the first bad row");
  add_format(*verify, a->verify_format, {"text", "json"});
  verify->callback([&cli, a] { print_check(cli, a->verify_format); });
  audit->callback([&cli, a, verify] {
    if (!verify->parsed()) print_log(cli, *a);
  });
}

}  // namespace trellis::cli
