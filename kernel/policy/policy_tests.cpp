// A policy author's test cases: read the cases file, build each case's
// evidence, run the scripts, compare.
#include "trellis/policy/policy_tests.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "policy_impl.hpp"
#include "suggest.hpp"
#include "toml_bounds.hpp"
#include "trellis/file_input.hpp"
#include "trellis/calendar.hpp"
#include "trellis/period.hpp"
#include "trellis/policy/fixed_evidence.hpp"

namespace trellis {
namespace {

namespace fs = std::filesystem;
using policy_tree::Entry;

struct Case {
  std::string name;
  Location where;
  std::string script, period;
  Location script_at, period_at, level_at;
  sdk::SchoolInfo school;
  std::optional<std::string> previous_level;
  std::string on;                          ///< the day judged as of (school.on)
  std::map<std::string, std::string> due;  ///< deadlines planned, rule -> day (school.due)
  std::map<std::string, sdk::Observation> indicators;
  std::map<std::string, std::pair<std::optional<double>, std::optional<double>>> benchmarks;
  sdk::Facts facts;
  std::map<std::pair<std::string, std::string>, std::string> ratings;
  std::optional<std::string> expect_level, expect_error;
  std::vector<std::string> expect_reasons;
  std::map<std::string, std::string> expect_ratings;  ///< subject -> level
};

const std::vector<std::string> shared_keys{"script",     "period",     "context", "previous_level", "on",
                                           "due",        "indicators", "benchmarks", "facts",        "ratings"};
const std::vector<std::string> case_only_keys{"name", "expect_level", "expect_reasons", "expect_ratings",
                                              "expect_error"};
const std::vector<std::string> context_keys{"urn",        "name",  "la_code", "la_name", "type",
                                            "type_group", "phase", "status",  "pupils"};
const std::vector<std::string> indicator_keys{"value", "text", "missing", "period", "source"};

class CasesReader {
 public:
  CasesReader(const fs::path& file, const Policy& policy, const sdk::RegimeDescription& d)
      : file_(file.string()), source_(file.filename().string()), policy_(policy), d_(d) {
    for (const auto& scale : d.scales)
      if (scale.id == d.overall_scale)
        for (const auto& level : scale.levels) levels_.push_back(level.id);
  }

  std::vector<Case> read(const toml::table& root) {
    for (const auto& e : policy_tree::entries(root))
      if (e.name != "defaults" && e.name != "case")
        unknown(e, {"defaults", "case"}, "a [defaults] table or [[case]] tables");
    Case base;
    if (const auto* defaults = root.get("defaults")) {
      table_of(*defaults, "[defaults]");
      apply(*defaults->as_table(), base, false);
    }
    const auto* cases = root.get("case");
    if (!cases) throw InputError({file_, 1, 1}, "at least one [[case]]", "none");
    if (!cases->is_array_of_tables())
      fail(*cases, "[[case]] tables (an array of tables)", policy_tree::shown(*cases));
    std::vector<Case> out;
    for (const auto& node : *cases->as_array()) {
      Case c = base;
      c.where = policy_tree::location(file_, node.source());
      c.school.urn = 100001 + static_cast<std::int64_t>(out.size());
      apply(*node.as_table(), c, true);
      finish(c, out);
      out.push_back(std::move(c));
    }
    return out;
  }

 private:
  [[noreturn]] void fail(const toml::node& at, const std::string& expected, const std::string& found) const {
    throw InputError(policy_tree::location(file_, at.source()), expected, found);
  }
  [[noreturn]] void unknown(const Entry& e, const std::vector<std::string>& allowed, const std::string& what) const {
    throw InputError(policy_tree::location(file_, e.key->source()), what,
                     "'" + e.name + "'" + policy_suggest::did_you_mean(e.name, allowed));
  }
  void table_of(const toml::node& n, const std::string& what) const {
    if (!n.is_table()) fail(n, what + " as a table", policy_tree::shown(n));
  }
  std::string text(const toml::node& n, const std::string& what) const {
    if (!n.is_string()) fail(n, what + " as a string", policy_tree::shown(n));
    return n.as_string()->get();
  }
  double number(const toml::node& n, const std::string& what) const {
    if (const auto* i = n.as_integer()) return static_cast<double>(i->get());
    if (const auto* f = n.as_floating_point()) return f->get();
    fail(n, what + " as a number", policy_tree::shown(n));
  }
  std::string day(const toml::node& n, const std::string& what) const {
    if (const auto* d = n.as_date()) return policy_tree::date_text(d->get());
    fail(n, what + " as a date such as 2020-01-24", policy_tree::shown(n));
  }
  std::int64_t whole(const toml::node& n, const std::string& what) const {
    if (const auto* i = n.as_integer()) return i->get();
    fail(n, what + " as a whole number", policy_tree::shown(n));
  }

  void apply(const toml::table& t, Case& c, bool is_case) {
    std::vector<std::string> allowed = shared_keys;
    if (is_case) allowed.insert(allowed.end(), case_only_keys.begin(), case_only_keys.end());
    for (const auto& e : policy_tree::entries(t)) {
      const toml::node& n = *e.node;
      const Location at = policy_tree::location(file_, n.source());
      if (std::find(allowed.begin(), allowed.end(), e.name) == allowed.end())
        unknown(e, allowed, is_case ? "a case key (" + join(allowed) + ")" : "a [defaults] key (" + join(allowed) + ")");
      else if (e.name == "name") c.name = text(n, "name");
      else if (e.name == "script") c.script = text(n, "script"), c.script_at = at;
      else if (e.name == "period") c.period = text(n, "period"), c.period_at = at;
      else if (e.name == "previous_level") c.previous_level = text(n, "previous_level");
      else if (e.name == "on") c.on = day(n, "on");
      else if (e.name == "due") {
        table_of(n, "due (rule = its due day)");
        c.due.clear();
        for (const auto& r : policy_tree::entries(*n.as_table())) c.due[r.name] = day(*r.node, "due." + r.name);
      } else if (e.name == "expect_level") c.expect_level = text(n, "expect_level"), c.level_at = at;
      else if (e.name == "expect_error") c.expect_error = text(n, "expect_error");
      else if (e.name == "expect_reasons") {
        if (!n.is_array()) fail(n, "expect_reasons as a list of strings", policy_tree::shown(n));
        c.expect_reasons.clear();
        for (const auto& item : *n.as_array()) c.expect_reasons.push_back(text(item, "each expected reason"));
      } else if (e.name == "expect_ratings") {
        table_of(n, "expect_ratings (subject = level)");
        for (const auto& r : policy_tree::entries(*n.as_table())) c.expect_ratings[r.name] = text(*r.node, r.name);
      } else if (e.name == "context") context(n, c.school);
      else if (e.name == "indicators") indicators(n, c);
      else if (e.name == "benchmarks") benchmarks(n, c);
      else if (e.name == "facts") facts(n, c);
      else if (e.name == "ratings") ratings(n, c);
    }
  }

  void context(const toml::node& n, sdk::SchoolInfo& s) {
    table_of(n, "context");
    for (const auto& e : policy_tree::entries(*n.as_table())) {
      const toml::node& v = *e.node;
      if (e.name == "urn") s.urn = whole(v, "urn");
      else if (e.name == "la_code") s.la_code = static_cast<int>(whole(v, "la_code"));
      else if (e.name == "pupils") s.pupils = static_cast<int>(whole(v, "pupils"));
      else if (e.name == "name") s.name = text(v, "name");
      else if (e.name == "la_name") s.la_name = text(v, "la_name");
      else if (e.name == "type") s.type = text(v, "type");
      else if (e.name == "type_group") s.type_group = text(v, "type_group");
      else if (e.name == "phase") s.phase = text(v, "phase");
      else if (e.name == "status") s.status = text(v, "status");
      else unknown(e, context_keys, "a context key (" + join(context_keys) + ")");
    }
  }

  void indicators(const toml::node& n, Case& c) {
    table_of(n, "indicators");
    for (const auto& e : policy_tree::entries(*n.as_table())) {
      const toml::node& v = *e.node;
      sdk::Observation o;
      o.indicator = e.name;
      o.source = source_;
      o.line = static_cast<int>(v.source().begin.line);
      if (v.is_number()) {
        o.value = number(v, e.name);
      } else if (v.is_string()) {
        const std::string s = v.as_string()->get();
        (std::find(missing_reasons.begin(), missing_reasons.end(), s) != missing_reasons.end() ? o.missing : o.text) = s;
      } else if (v.is_table()) {
        for (const auto& f : policy_tree::entries(*v.as_table())) {
          if (f.name == "value") o.value = number(*f.node, e.name + ".value");
          else if (f.name == "text") o.text = text(*f.node, e.name + ".text");
          else if (f.name == "missing") o.missing = text(*f.node, e.name + ".missing");
          else if (f.name == "period") o.period = text(*f.node, e.name + ".period");
          else if (f.name == "source") o.source = text(*f.node, e.name + ".source"), o.line.reset();
          else unknown(f, indicator_keys, "an indicator key (" + join(indicator_keys) + ")");
        }
      } else {
        fail(v, e.name + " as a number, a text, a missing reason or a table", policy_tree::shown(v));
      }
      c.indicators[e.name] = std::move(o);
    }
  }

  void benchmarks(const toml::node& n, Case& c) {
    table_of(n, "benchmarks");
    for (const auto& e : policy_tree::entries(*n.as_table())) {
      table_of(*e.node, "benchmarks." + e.name + " (e.g. { national = 17.2, la = 19.0 })");
      auto& b = c.benchmarks[e.name];
      for (const auto& f : policy_tree::entries(*e.node->as_table())) {
        if (f.name == "national") b.first = number(*f.node, "national");
        else if (f.name == "la") b.second = number(*f.node, "la");
        else unknown(f, {"national", "la"}, "national or la");
      }
    }
  }

  // A case's facts go over [defaults]' key by key: a table merges into the
  // table it meets (`kpi.safeguarding.level = "weak"` changes one field), any
  // other value replaces what was there.
  void facts(const toml::node& n, Case& c) {
    table_of(n, "facts");
    for (const auto& e : policy_tree::entries(*n.as_table())) merge(c.facts[e.name], fact(*e.node, e.name));
  }

  sdk::Fact fact(const toml::node& v, const std::string& name) const {
    if (v.is_number()) return number(v, name);
    if (v.is_boolean()) return v.as_boolean()->get();
    if (v.is_string()) return v.as_string()->get();
    if (const auto* list = v.as_array()) {
      sdk::FactList out;
      for (const auto& item : *list) out.push_back(fact(item, name + "[" + std::to_string(out.size() + 1) + "]"));
      return out;
    }
    if (const auto* table = v.as_table()) {
      sdk::FactTable out;
      for (const auto& e : policy_tree::entries(*table)) out[e.name] = fact(*e.node, name + "." + e.name);
      return out;
    }
    fail(v, "fact " + name + " as a number, text, true/false, a list or a table", policy_tree::shown(v));
  }

  static void merge(sdk::Fact& into, sdk::Fact from) {
    auto* table = std::get_if<sdk::FactTable>(&into);
    auto* over = std::get_if<sdk::FactTable>(&from);
    if (!table || !over) {
      into = std::move(from);
      return;
    }
    for (auto& [key, value] : *over) merge((*table)[key], std::move(value));
  }

  void ratings(const toml::node& n, Case& c) {
    table_of(n, "ratings (subject = { stage = level })");
    for (const auto& subject : policy_tree::entries(*n.as_table())) {
      table_of(*subject.node, "ratings." + subject.name + " (stage = level)");
      for (const auto& stage : policy_tree::entries(*subject.node->as_table()))
        c.ratings[{subject.name, stage.name}] = text(*stage.node, "a rating's level");
    }
  }

  void finish(Case& c, const std::vector<Case>& earlier) {
    if (c.name.empty()) throw InputError(c.where, "a name for the case (name = \"...\")", "none");
    for (const auto& other : earlier)
      if (other.name == c.name) throw InputError(c.where, "a case name not used before", "\"" + c.name + "\" again");
    if (c.school.name.empty()) c.school.name = c.name;
    const auto scripts = policy_.script_names();
    if (c.script.empty()) {
      if (scripts.empty()) throw InputError(c.where, "a script to run", "a policy with no [thresholds] scripts");
      c.script = scripts.front();
    } else if (std::find(scripts.begin(), scripts.end(), c.script) == scripts.end()) {
      throw InputError(c.script_at, "a script of the policy's [thresholds] (" + join(scripts) + ")",
                       "\"" + c.script + "\"" + policy_suggest::did_you_mean(c.script, scripts));
    }
    if (c.period.empty()) c.period = default_period(c);
    std::string why;
    if (!Period::try_parse(c.period, &why)) throw InputError(c.period_at, why);
    if (!c.expect_level && !c.expect_error)
      throw InputError(c.where, "expect_level (or expect_error) in the case", "neither");
    if (c.expect_level && std::find(levels_.begin(), levels_.end(), *c.expect_level) == levels_.end())
      throw InputError(c.level_at, "a level of the scale '" + d_.overall_scale + "' (" + join(levels_) + ")",
                       "\"" + *c.expect_level + "\"" + policy_suggest::did_you_mean(*c.expect_level, levels_));
  }

  // The academic year the policy was approved in: 2024-09-01 gives 2024-25.
  std::string default_period(const Case& c) const {
    const std::string& approved = policy_.approved();
    if (approved.size() != 10)
      throw InputError(c.where, "a period in the case or in [defaults]", "none, and no approval date to take it from");
    int year = std::stoi(approved.substr(0, 4));
    if (std::stoi(approved.substr(5, 2)) < 9) --year;
    return Period::year(year).to_string();
  }

  static std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
  }

  std::string file_, source_;
  const Policy& policy_;
  const sdk::RegimeDescription& d_;
  std::vector<std::string> levels_;
};

FixedEvidence evidence_for(const Case& c, const std::shared_ptr<const AcademicCalendar>& calendar) {
  FixedEvidence e(c.school, c.period);
  e.set_calendar(calendar);
  for (const auto& [id, o] : c.indicators) e.add(o);
  for (const auto& [id, b] : c.benchmarks) {
    if (b.first) e.set_benchmark(id, sdk::BenchmarkScope::national, *b.first);
    if (b.second) e.set_benchmark(id, sdk::BenchmarkScope::la, *b.second);
  }
  e.set_previous_level(c.previous_level);
  for (const auto& [key, level] : c.ratings) e.set_rating(key.first, key.second, level);
  return e;
}

std::vector<std::string> compare(const Case& c, const sdk::ThresholdOutcome& out) {
  std::vector<std::string> differences;
  if (c.expect_error) {
    if (out.status.ok)
      differences.push_back("expected the script to fail with \"" + *c.expect_error + "\", but it returned " +
                            out.level);
    else if (out.status.message.find(*c.expect_error) == std::string::npos)
      differences.push_back("expected the script to fail with \"" + *c.expect_error + "\", but it failed with: " +
                            out.status.message);
    return differences;
  }
  if (!out.status.ok) {
    differences.push_back("the script failed: " + out.status.message);
    return differences;
  }
  if (c.expect_level && out.level != *c.expect_level)
    differences.push_back("expected level " + *c.expect_level + ", got " + out.level);
  for (const auto& want : c.expect_reasons) {
    const bool found = std::any_of(out.reasons.begin(), out.reasons.end(),
                                   [&](const std::string& r) { return r.find(want) != std::string::npos; });
    if (!found) differences.push_back("expected a reason containing \"" + want + "\", found none");
  }
  for (const auto& [subject, level] : c.expect_ratings) {
    // By name, not by binding: clang before 16 cannot capture a structured binding (the fuzz build).
    auto r = std::find_if(out.ratings.begin(), out.ratings.end(),
                          [&wanted = subject](auto& x) { return x.subject == wanted; });
    if (r == out.ratings.end()) differences.push_back("expected a rating of " + subject + ", found none");
    else if (r->level != level) differences.push_back("expected " + subject + " rated " + level + ", got " + r->level);
  }
  return differences;
}

}  // namespace

fs::path policy_tests_path(const fs::path& policy) {
  fs::path out = policy;
  out.replace_extension(".tests.toml");
  return out;
}

std::vector<CaseResult> run_policy_tests(const Policy& policy, const sdk::RegimeDescription& description,
                                         const fs::path& cases) {
  toml::table root;
  std::string why;
  const auto text = read_regular_file(cases, kMaxPolicyBytes, why);
  if (!text) {
    if (!fs::exists(cases))
      throw InputError({cases.string(), 0, 0}, "a cases file of [[case]] tables", "none",
                       Remedy::see_cases_format());
    throw InputError({cases.string(), 0, 0}, "a readable cases file of [[case]] tables", why);
  }
  policy_tree::require_bounded_toml(*text, cases.string());
  try {
    root = toml::parse(*text, cases.string());
  } catch (const toml::parse_error& e) {
    throw InputError(policy_tree::location(cases.string(), e.source()), "invalid TOML: " + std::string(e.description()));
  }
  const auto specs = CasesReader(cases, policy, description).read(root);
  auto runner = make_threshold_runner(policy, description);
  // The cases see the policy's own term dates, as its schools would.
  const auto calendar =
      std::make_shared<const AcademicCalendar>(calendar_from_policy(policy.view(), policy.path().string()));
  std::vector<CaseResult> results;
  for (const auto& c : specs) {
    const FixedEvidence evidence = evidence_for(c, calendar);
    CaseResult r;
    r.name = c.name;
    r.where = c.where;
    runner->set_day(c.on, c.due);
    r.outcome = runner->run(c.script, evidence, c.facts);
    r.differences = compare(c, r.outcome);
    r.passed = r.differences.empty();
    results.push_back(std::move(r));
  }
  return results;
}

}  // namespace trellis
