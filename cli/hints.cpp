// The CLI's words for what a kernel error carries as data: its field becomes
// the flag that gives it, its remedy the command to run. The kernel's message
// stays as it is (domain words, for every face); this face only adds to it.
#include <string>

#include "cli.hpp"

namespace trellis::cli {

std::string_view flag(Field f) {
  switch (f) {
    case Field::none: return "";
    case Field::on: return "--on";
    case Field::from: return "--from";
    case Field::to: return "--to";
    case Field::reason: return "--reason";
    case Field::rationale: return "--rationale";
    case Field::level: return "--level";
    case Field::period: return "--period";
    case Field::value: return "--value";
    case Field::school: return "--school";
    case Field::text: return "--text";
    case Field::password: return "";  // typed, never a flag
    case Field::name: return "--name";
    case Field::by: return "--by";
    case Field::note: return "--note";
  }
  return "";
}

std::string hint(const Remedy& r) {
  using K = Remedy::Kind;
  const std::string id = std::to_string(r.id);
  switch (r.kind) {
    case K::none: return "";
    case K::see_bodies: return "see `trellis body list`";
    case K::see_schools: return "see `trellis schools`";
    case K::see_activities: return "see `trellis schedule`";
    case K::see_notes: return "see `trellis notes`";
    case K::see_reviews: return "see `trellis reviews --body " + (r.body.empty() ? std::string("ID") : r.body) + "`";
    case K::see_plugins: return "see `trellis plugins`";
    case K::check_policy: return "`trellis policy check` shows them all";
    case K::adopt_policy:
      return "adopt one with `trellis body adopt " + r.body + " POLICY.toml --from DATE`, or try a draft with --policy";
    case K::assess_first: return "run `trellis assess --body " + r.body + " --period " + r.period + "` first";
    case K::init_database: return "run `trellis init` first";
    case K::upgrade_database: return "run `trellis init` to upgrade it";
    case K::insist: return "give --force if that is really so";
    case K::move_first: return "if it was brought forward, `trellis activity move " + id + "` it first";
    case K::start_review: return "start it first with `trellis review start " + id + "`";
    case K::decide_changed:
      if (r.level.empty()) return "decide with --changed --level LEVEL";
      return "to make it " + r.level + ", decide with --changed --level " + r.level;
    case K::decide_confirmed: return "to keep that level, decide with --confirmed";
    case K::give_period: return "or give --period";
    case K::name_format: return "or name the format with --format";
    case K::see_cases_format: return "see `trellis policy test --help` for what it holds";
  }
  return "";
}

std::string explain(const Error& e) {
  std::string text;
  if (const auto f = flag(e.field()); !f.empty()) {
    text += f;
    text += ": ";
  }
  text += e.what();
  if (const std::string h = hint(e.remedy()); !h.empty()) {
    // A message that lists problems line by line gets its hint on a line of its own.
    text += std::string(e.what()).find('\n') == std::string::npos ? "; " : "\n";
    text += h;
  }
  return text;
}

}  // namespace trellis::cli
