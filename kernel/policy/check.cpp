// check_policy: every problem in a policy and its scripts, found at once.
#include <algorithm>
#include <map>
#include <sstream>

#include "policy_impl.hpp"
#include "script_scan.hpp"
#include "suggest.hpp"
#include "trellis/policy/area_crosswalk.hpp"
#include "trellis/calendar.hpp"
#include "trellis/policy/kernel_sections.hpp"

namespace trellis {
namespace {

using policy_tree::Entry;
using policy_tree::Segments;

// Tables the kernel owns; a regime need not declare them.
const std::vector<std::string> kernel_tables = [] {
  std::vector<std::string> t{"policy", "thresholds", "calendar"};
  t.insert(t.end(), declared_tables.begin(), declared_tables.end());
  return t;
}();

bool contains(const std::vector<std::string>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

std::string number_text(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

std::string quoted_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "\"" : ", \"") + s + "\"";
  return out;
}

std::string plain_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

struct Spec {
  Segments path;
  const sdk::PolicyKeySpec* spec;
  int stars;
};

// True when the first `count` segments of `pattern` match `path`'s.
bool prefix_matches(const Segments& pattern, const Segments& path, std::size_t count) {
  if (pattern.size() < count || path.size() < count) return false;
  for (std::size_t i = 0; i < count; ++i)
    if (pattern[i] != "*" && pattern[i] != path[i]) return false;
  return true;
}

// The message after "file:line:col: " in an InputError.
std::string message_of(const InputError& e) {
  const std::string what = e.what(), prefix = e.where().to_string() + ": ";
  return what.rfind(prefix, 0) == 0 ? what.substr(prefix.size()) : what;
}

// The policy's own problems first, then each script's, each by line and column.
void in_file_order(std::vector<PolicyProblem>& problems, const std::string& policy_file) {
  std::stable_sort(problems.begin(), problems.end(), [&](const PolicyProblem& a, const PolicyProblem& b) {
    auto key = [&](const PolicyProblem& p) {
      return std::tuple(p.where.file != policy_file, p.where.file, p.where.line, p.where.column);
    };
    return key(a) < key(b);
  });
}

// Reads and compiles each script in one sandbox, as the runner would.
void compile_scripts(const Policy& policy, lua::ThresholdSetup setup, std::vector<PolicyProblem>& problems) {
  std::optional<lua::ThresholdSandbox> sandbox;
  try {
    sandbox.emplace(std::move(setup));
  } catch (const std::exception& e) {
    problems.push_back({policy.where("thresholds"), std::string("cannot start the Lua sandbox: ") + e.what()});
    return;
  }
  for (const auto& s : PolicyInternals::of(policy).scripts) {
    if (!s.text) {
      problems.push_back({policy.where_value("thresholds." + s.name),
                          "expected a readable script file at " + s.path.string() + ", found: " + s.read_error});
      continue;
    }
    try {
      sandbox->add({s.name, s.path.string(), *s.text});
    } catch (const InputError& e) {
      problems.push_back({e.where(), message_of(e)});
    }
  }
}

class Checker {
 public:
  Checker(const Policy& policy, const sdk::RegimeDescription& d)
      : policy_(policy), p_(PolicyInternals::of(policy)), regime_(d), d_(d) {
    // The kernel's own sections ([evidence], [decisions], [crosswalk]) are checked like the regime's keys.
    std::vector<const sdk::PolicyKeySpec*> all;
    for (const auto& spec : d.policy_keys) all.push_back(&spec);
    for (const auto& spec : kernel_policy_keys()) all.push_back(&spec);
    for (const auto* each : all) {
      const sdk::PolicyKeySpec& spec = *each;
      Segments path = policy_tree::split(spec.path);
      const int stars = static_cast<int>(std::count(path.begin(), path.end(), "*"));
      specs_.push_back({std::move(path), &spec, stars});
    }
  }

  std::vector<PolicyProblem> run(const RegimeValidate& validate) {
    problems_ = p_.read_problems;
    // The rest checks against the description the kernel will use: the regime's with the policy's parts.
    d_ = merge_declared(p_, regime_, &problems_);
    defaults();
    if (!p_.regime.empty() && p_.regime != d_.id)
      add(policy_.where_value("policy.regime"),
          "expected the regime '" + d_.id + "' that was checked against, found \"" + p_.regime + "\"");
    header();
    for (const auto& e : policy_tree::entries(p_.root))
      if (!contains(kernel_tables, e.name)) visit({e.name}, e);
    thresholds();
    calendar();
    kernel_sections();
    for (const auto& spec : specs_)
      if (spec.spec->required) {
        Segments concrete;
        require(spec, 0, p_.root, concrete);
      }
    scripts();
    if (validate) regime_checks(validate);
    in_file_order(problems_, p_.file);
    return std::move(problems_);
  }

 private:
  void add(Location where, std::string message) { problems_.push_back({std::move(where), std::move(message)}); }

  /// Each default the regime declares must be a value its own key accepts (else a plugin bug).
  void defaults() {
    for (const auto& spec : regime_.policy_keys) {
      if (spec.default_value.empty()) continue;
      std::optional<toml::table> parsed;
      try {
        parsed = toml::parse("value = " + spec.default_value);
      } catch (const toml::parse_error&) {
      }
      const toml::node* n = parsed ? parsed->get("value") : nullptr;
      std::string why = n ? default_fault(*n, spec) : "is not a TOML value";
      if (!why.empty())
        add(policy_.where_value("policy.regime"), "expected the regime '" + d_.id + "' to declare a default for " +
                                                      spec.path + " that " + why + ", found " + spec.default_value +
                                                      " (a plugin bug)");
    }
  }

  std::string default_fault(const toml::node& n, const sdk::PolicyKeySpec& spec) const {
    switch (spec.type) {
      case sdk::KeyType::string:
        if (!n.is_string()) return "is a string";
        return spec.choices.empty() || contains(spec.choices, n.as_string()->get()) ? "" : "is one of its choices";
      case sdk::KeyType::boolean: return n.is_boolean() ? "" : "is true or false";
      case sdk::KeyType::date: return n.is_date() ? "" : "is a date";
      case sdk::KeyType::table: return n.is_table() ? "" : "is a table";
      case sdk::KeyType::string_list: return n.is_array() ? "" : "is a list of strings";
      case sdk::KeyType::integer:
      case sdk::KeyType::number: {
        if (spec.type == sdk::KeyType::integer ? !n.is_integer() : !n.is_number()) return "is a number";
        const double v = n.is_integer() ? static_cast<double>(n.as_integer()->get()) : n.as_floating_point()->get();
        return (spec.min && v < *spec.min) || (spec.max && v > *spec.max) ? "is a number" + range_text(spec) : "";
      }
    }
    return "";
  }

  /// [evidence] and [crosswalk] name the regime's indicators and levels: each name must be one.
  void kernel_sections() {
    const auto& v = policy_.view();
    std::vector<std::string> indicators, levels;
    for (const auto& i : d_.indicators) indicators.push_back(i.id);
    for (const auto& sc : d_.scales)
      if (sc.id == d_.overall_scale)
        for (const auto& l : sc.levels) levels.push_back(l.id);
    auto known = [&](const std::string& id) { return indicators.empty() || contains(indicators, id); };
    auto found = [&](const std::string& id) { return "\"" + id + "\"" + policy_suggest::did_you_mean(id, indicators); };
    const std::string reads = "an indicator the regime '" + d_.id + "' reads";
    const auto required = v.texts("evidence.minimum.required");
    for (const auto& entry : required)
      for (std::size_t from = 0; from <= entry.size();) {
        const auto bar = std::min(entry.find('|', from), entry.size());
        const std::string id = entry.substr(from, bar - from);
        if (!known(id)) add(policy_.where_value("evidence.minimum.required"), "expected " + reads + ", found " + found(id));
        from = bar + 1;
      }
    if (auto n = v.number("evidence.minimum.at_least"); n && *n > static_cast<double>(required.size()))
      add(policy_.where_value("evidence.minimum.at_least"),
          "expected at most " + std::to_string(required.size()) + " (the entries of `required`), found " + number_text(*n));
    for (const auto& key : v.keys("evidence.max_age"))
      if (key != "default" && key != "recorded" && !known(key))
        add(policy_.where("evidence.max_age." + key), "expected default, recorded or " + reads + ", found " + found(key));
    for (const auto& id : v.texts("history.results"))
      if (!known(id)) add(policy_.where_value("history.results"), "expected " + reads + ", found " + found(id));
    workload();
    for (const auto& other : v.keys("crosswalk")) {
      for (const auto& level : v.keys("crosswalk." + other)) {
        const std::string path = "crosswalk." + other + "." + level;
        if (auto to = v.text(path); to && !contains(levels, *to))
          add(policy_.where_value(path), "expected a level of the " + d_.overall_scale + " scale (" + plain_list(levels) +
                                             "), found \"" + *to + "\"" + policy_suggest::did_you_mean(*to, levels));
      }
      area_crosswalks_here(other);
    }
  }

  /// [crosswalk.OTHER.areas.AREA]: AREA is one of this regime's areas, each
  /// level it maps onto one of that area's scale (the other side: check_crosswalks).
  void area_crosswalks_here(const std::string& other) {
    std::vector<std::string> areas;
    for (const auto& a : d_.areas) areas.push_back(a.id);
    for (const auto& a : area_crosswalks(policy_.view(), other)) {
      const std::string at = "crosswalk." + other + ".areas." + a.area;
      if (!contains(areas, a.area)) {
        add(policy_.where(at), "expected an area of the regime '" + d_.id + "' (" + plain_list(areas) + "), found \"" +
                                   a.area + "\"" + policy_suggest::did_you_mean(a.area, areas));
        continue;
      }
      const auto levels = scale_levels(d_, a.area);
      for (const auto& [from, to] : a.levels)
        if (!contains(levels, to))
          add(policy_.where_value(at + ".levels." + from),
              "expected a level of the " + scale_id(d_, a.area) + " scale (" + plain_list(levels) + "), the scale " +
                  a.area + " is rated on, found \"" + to + "\"" + policy_suggest::did_you_mean(to, levels));
    }
  }

  /// [workload]: officers need the role they stand for; each school is linked to one officer at most.
  void workload() {
    const auto& v = policy_.view();
    if (!v.has("workload")) return;
    if (!v.keys("workload.officers").empty() && !v.text("workload.role"))
      add(policy_.where("workload"), "expected `role`, the attendee the officers stand for, found none");
    std::map<std::int64_t, std::string> linked;
    for (const auto& id : v.keys("workload.officers")) {
      const std::string path = "workload.officers." + id + ".schools";
      for (const auto& text : v.texts(path)) {
        const auto urn = urn_of(text);
        if (!urn) {
          add(policy_.where_value(path), "expected URNs (1 to 9 digits), found \"" + text + "\"");
          continue;
        }
        if (auto [it, fresh] = linked.emplace(*urn, id); !fresh)
          add(policy_.where_value(path),
              "expected each school linked to one officer, found URN " + text + " under both " + it->second + " and " + id);
      }
    }
  }

  /// [calendar] belongs to the kernel's scheduler; its problems are placed at their keys here.
  void calendar() {
    AcademicCalendar cal;
    for (const auto& d : read_calendar(policy_.view(), cal)) add(policy_.where(d.path), d.message);
  }

  Location key_at(const Segments&, const Entry& e) const {
    return e.key ? policy_tree::location(p_.file, e.key->source()) : policy_tree::location(p_.file, e.node->source());
  }
  Location value_at(const Entry& e) const { return policy_tree::location(p_.file, e.node->source()); }

  const Spec* spec_for(const Segments& path) const {
    const Spec* best = nullptr;
    for (const auto& s : specs_)
      if (s.path.size() == path.size() && prefix_matches(s.path, path, path.size()) && (!best || s.stars < best->stars))
        best = &s;
    return best;
  }

  bool has_descendants(const Segments& path) const {
    return std::any_of(specs_.begin(), specs_.end(), [&](const Spec& s) {
      return s.path.size() > path.size() && prefix_matches(s.path, path, path.size());
    });
  }

  // Names the regime declares beside `path`'s last segment.
  std::vector<std::string> siblings(const Segments& path) const {
    std::vector<std::string> out;
    const std::size_t depth = path.size() - 1;
    for (const auto& s : specs_)
      if (s.path.size() > depth && prefix_matches(s.path, path, depth) && s.path[depth] != "*" &&
          !contains(out, s.path[depth]))
        out.push_back(s.path[depth]);
    return out;
  }

  void header() {
    const auto* table = p_.root["policy"].as_table();
    if (!table) return;
    for (const auto& e : policy_tree::entries(*table)) {
      const Segments path{"policy", e.name};
      if (contains(policy_header_keys, e.name)) continue;
      if (const Spec* spec = spec_for(path)) {
        value(path, e, *spec->spec);
        continue;
      }
      auto names = policy_header_keys;
      for (const auto& s : siblings(path)) names.push_back(s);
      add(key_at(path, e), "unknown key 'policy." + e.name + "' in the header; expected one of " +
                               plain_list(names) + policy_suggest::did_you_mean(e.name, names));
    }
  }

  void visit(const Segments& path, const Entry& e) {
    if (const Spec* spec = spec_for(path)) {
      value(path, e, *spec->spec);
      if (spec->spec->type == sdk::KeyType::table && e.node->is_table() && has_descendants(path)) descend(path, e);
      return;
    }
    if (has_descendants(path) && (e.node->is_table() || e.node->is_array())) {
      descend(path, e);
      return;
    }
    unknown(path, e);
  }

  void descend(const Segments& path, const Entry& e) {
    for (const auto& child : policy_tree::children(*e.node)) {
      Segments next = path;
      next.push_back(child.name);
      visit(next, child);
    }
  }

  void unknown(const Segments& path, const Entry& e) {
    auto names = siblings(path);
    if (path.size() == 1)
      for (const auto& t : kernel_tables) names.push_back(t);
    const std::string full = policy_tree::join(path, path.size());
    std::string message = path.size() == 1 && e.node->is_table() ? "unknown table [" + full + "]" : "unknown key '" + full + "'";
    message += " (the regime '" + d_.id + "' does not declare it)";
    if (auto best = policy_suggest::closest(path.back(), names))
      message += "; did you mean '" + *best + "'?";
    else if (!names.empty() && names.size() <= 12)
      message += "; expected one of " + plain_list(names);
    add(key_at(path, e), message);
  }

  void mismatch(const Entry& e, const std::string& full, const std::string& expected) {
    std::string found = policy_tree::shown(*e.node);
    if (e.node->is_string() && expected.rfind("a date", 0) == 0) found += " (a string: write dates without quotes)";
    add(value_at(e), "expected " + full + " to be " + expected + ", found " + found);
  }

  std::string range_text(const sdk::PolicyKeySpec& spec) const {
    if (spec.min && spec.max) return " from " + number_text(*spec.min) + " to " + number_text(*spec.max);
    if (spec.min) return " of at least " + number_text(*spec.min);
    if (spec.max) return " of at most " + number_text(*spec.max);
    return "";
  }

  void choice(const Entry& e, const std::string& full, const std::string& text, const sdk::PolicyKeySpec& spec) {
    if (spec.choices.empty() || contains(spec.choices, text)) return;
    add(value_at(e), "expected " + full + " to be one of " + quoted_list(spec.choices) + ", found \"" + text + "\"" +
                         policy_suggest::did_you_mean(text, spec.choices));
  }

  void value(const Segments& path, const Entry& e, const sdk::PolicyKeySpec& spec) {
    const std::string full = policy_tree::join(path, path.size());
    const toml::node& n = *e.node;
    switch (spec.type) {
      case sdk::KeyType::string:
        if (!n.is_string()) return mismatch(e, full, "a string");
        return choice(e, full, n.as_string()->get(), spec);
      case sdk::KeyType::boolean:
        if (!n.is_boolean()) mismatch(e, full, "true or false");
        return;
      case sdk::KeyType::date:
        if (!n.is_date()) mismatch(e, full, "a date such as 2025-09-01");
        return;
      case sdk::KeyType::table:
        if (!n.is_table()) mismatch(e, full, "a table");
        return;
      case sdk::KeyType::string_list:
        if (!n.is_array()) return mismatch(e, full, "a list of strings, e.g. [\"a\", \"b\"]");
        for (const auto& item : policy_tree::children(n)) {
          const std::string item_path = full + "[" + item.name + "]";
          if (!item.node->is_string())
            mismatch(item, item_path, "a string");
          else
            choice(item, item_path, item.node->as_string()->get(), spec);
        }
        return;
      case sdk::KeyType::integer:
      case sdk::KeyType::number: {
        const bool whole = spec.type == sdk::KeyType::integer;
        const std::string expected = std::string(whole ? "a whole number" : "a number") + range_text(spec);
        if (whole ? !n.is_integer() : !n.is_number()) return mismatch(e, full, expected);
        const double v = n.is_integer() ? static_cast<double>(n.as_integer()->get()) : n.as_floating_point()->get();
        if ((spec.min && v < *spec.min) || (spec.max && v > *spec.max) || v != v) mismatch(e, full, expected);
        return;
      }
    }
  }

  void require(const Spec& spec, std::size_t depth, const toml::node& at, Segments& concrete) {
    if (depth == spec.path.size()) return;
    const std::string& segment = spec.path[depth];
    if (segment == "*") {
      for (const auto& child : policy_tree::children(at)) {
        concrete.push_back(child.name);
        require(spec, depth + 1, *child.node, concrete);
        concrete.pop_back();
      }
      return;
    }
    Segments next = concrete;
    next.push_back(segment);
    const toml::node* child = policy_tree::find(p_.root, next);
    if (child) {
      concrete.push_back(segment);
      require(spec, depth + 1, *child, concrete);
      concrete.pop_back();
      return;
    }
    // Only a fully named key can be missing: "bands.*.name" asks nothing when there are no bands.
    if (std::find(spec.path.begin() + static_cast<std::ptrdiff_t>(depth), spec.path.end(), "*") != spec.path.end()) return;
    Segments missing = concrete;
    missing.insert(missing.end(), spec.path.begin() + static_cast<std::ptrdiff_t>(depth), spec.path.end());
    const std::string doc = spec.spec->doc.empty() ? "" : " (" + spec.spec->doc + ")";
    add(policy_tree::key_location(p_.root, p_.file, concrete),
        "expected " + policy_tree::join(missing, missing.size()) + doc + ", which the regime '" + d_.id +
            "' requires, found none");
  }

  void thresholds() {
    const toml::node* node = p_.root.get("thresholds");
    const auto& needed = d_.threshold_scripts;
    if (!node) {
      if (!needed.empty())
        add({p_.file, 1, 1}, "expected a [thresholds] table naming the regime's scripts (" + plain_list(needed) +
                                 " = \"path/to/script.lua\"), found none");
      return;
    }
    const auto* table = node->as_table();
    if (!table) return;  // read() said so
    for (const auto& e : policy_tree::entries(*table)) {
      const Segments path{"thresholds", e.name};
      if (e.name == "params") {
        if (e.node->is_table()) params(e);
        continue;
      }
      if (!contains(needed, e.name))
        add(key_at(path, e), "unknown threshold script '" + e.name + "'; the regime '" + d_.id + "' runs " +
                                 (needed.empty() ? std::string("none") : plain_list(needed)) +
                                 policy_suggest::did_you_mean(e.name, needed));
    }
    for (const auto& name : needed)
      if (!table->contains(name))
        add(policy_.where("thresholds"), "expected thresholds." + name + " = \"path/to/" + name +
                                             ".lua\" (the regime runs a script '" + name + "'), found none");
  }

  // [thresholds.params] is the policy author's own: declared keys are
  // checked, others pass to Lua untouched.
  void params(const Entry& params) {
    for (const auto& e : policy_tree::children(*params.node)) {
      const Segments path{"thresholds", "params", e.name};
      if (const Spec* spec = spec_for(path)) value(path, e, *spec->spec);
    }
  }

  void scripts() {
    lua::ThresholdSetup setup;
    setup.scale = d_.overall_scale;
    for (const auto& scale : d_.scales)
      if (scale.id == d_.overall_scale)
        for (const auto& level : scale.levels) setup.levels.push_back(level.id);
    if (setup.levels.empty())
      add(policy_.where_value("policy.regime"), "expected the regime '" + d_.id + "' to describe its overall scale '" +
                                                    d_.overall_scale + "', found no such scale (a plugin bug)");
    setup.indicators = d_.indicators;
    compile_scripts(policy_, std::move(setup), problems_);
    for (const auto& s : p_.scripts)
      if (s.text)
        for (auto& finding : scan_script(*s.text, s.path.string(), param_names(), indicator_ids()))
          add(std::move(finding.where), std::move(finding.message));
  }

  /// What scripts may read from params: the policy's, and those the regime gives a default.
  std::vector<std::string> param_names() const {
    std::vector<std::string> out;
    if (const auto* params = p_.root["thresholds"]["params"].as_table())
      for (const auto& e : policy_tree::entries(*params)) out.push_back(e.name);
    const std::string prefix = "thresholds.params.";
    for (const auto& spec : regime_.policy_keys)
      if (!spec.default_value.empty() && spec.path.rfind(prefix, 0) == 0 &&
          spec.path.find('.', prefix.size()) == std::string::npos && !contains(out, spec.path.substr(prefix.size())))
        out.push_back(spec.path.substr(prefix.size()));
    return out;
  }

  std::vector<std::string> indicator_ids() const {
    std::vector<std::string> out;
    for (const auto& i : d_.indicators) out.push_back(i.id);
    return out;
  }

  void regime_checks(const RegimeValidate& validate) {
    std::vector<sdk::Diagnostic> found;
    if (auto status = validate(policy_.view(), found); !status)
      add(policy_.where_value("policy.regime"), "the regime's own policy check failed: " + status.message);
    for (const auto& d : found) add(policy_.where(d.path), d.path + ": " + d.message);
  }

  const Policy& policy_;
  const Policy::Impl& p_;
  const sdk::RegimeDescription& regime_;  ///< as the plugin describes itself
  sdk::RegimeDescription d_;              ///< with what the policy declares merged in
  std::vector<Spec> specs_;
  std::vector<PolicyProblem> problems_;
};

}  // namespace

std::vector<PolicyProblem> check_policy_scripts(const Policy& policy) {
  std::vector<PolicyProblem> problems = PolicyInternals::of(policy).read_problems;
  compile_scripts(policy, {}, problems);
  in_file_order(problems, PolicyInternals::of(policy).file);
  return problems;
}

std::vector<PolicyProblem> check_policy(const Policy& policy, const sdk::RegimeDescription& description,
                                        const RegimeValidate& validate) {
  return Checker(policy, description).run(validate);
}

}  // namespace trellis
