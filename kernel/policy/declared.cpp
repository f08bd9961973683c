// What a policy declares of its regime's description ([scales], [areas],
// [priorities], [indicators], [stages]) merged into the plugin's, and the
// regime's key defaults, bound to the policy's view (Policy::declare).
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "policy_impl.hpp"
#include "suggest.hpp"

namespace trellis {
namespace {

using policy_tree::Entry;

bool contains(const std::vector<std::string>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

std::string plain_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

template <class T>
std::vector<std::string> ids_of(const std::vector<T>& items) {
  std::vector<std::string> out;
  for (const auto& i : items) out.push_back(i.id);
  return out;
}

bool colour_ok(const std::string& c) {
  return c.size() == 7 && c[0] == '#' &&
         std::all_of(c.begin() + 1, c.end(), [](char x) { return std::isxdigit(static_cast<unsigned char>(x)); });
}

// Reads one part's entries, reporting into `problems` when it is given.
class Merger {
 public:
  Merger(const Policy::Impl& p, const sdk::RegimeDescription& regime, std::vector<PolicyProblem>* problems)
      : p_(p), out_(regime), problems_(problems) {}

  sdk::RegimeDescription run() {
    const auto& allowed = out_.from_policy;
    // Order matters: indicators link to areas, priorities and scales declared before them.
    part("scales", "scales", allowed.scales, [&](const Entry& e) { scale(e); });
    part("areas", "areas", allowed.areas, [&](const Entry& e) { labelled(e, "area", out_.areas); });
    part("priorities", "priorities", allowed.priorities,
         [&](const Entry& e) { labelled(e, "priority", out_.priorities); });
    part("indicators", "indicators", allowed.indicators, [&](const Entry& e) { indicator(e); });
    part("stages", "stage labels", allowed.stage_labels, [&](const Entry& e) { stage(e); });
    return std::move(out_);
  }

 private:
  void add(Location where, std::string message) {
    if (problems_) problems_->push_back({std::move(where), std::move(message)});
  }
  Location key_at(const Entry& e) const {
    return policy_tree::location(p_.file, e.key ? e.key->source() : e.node->source());
  }
  Location value_at(const toml::node& n) const { return policy_tree::location(p_.file, n.source()); }

  template <class Each>
  void part(const char* table, const char* what, bool allowed, Each each) {
    const toml::node* node = p_.root.get(table);
    if (!node) return;
    const Entry whole{table, nullptr, node};
    if (!allowed) {
      add(key_at(whole), std::string("expected no [") + table + "] table: the regime '" + out_.id + "' fixes its " +
                             what + " in the plugin, found one");
      return;
    }
    const auto* t = node->as_table();
    if (!t) {
      add(value_at(*node), std::string("expected [") + table + "] to be a table of entries by id, found " +
                               policy_tree::shown(*node));
      return;
    }
    for (const auto& e : policy_tree::entries(*t)) {
      if (!e.node->is_table()) {
        add(value_at(*e.node), std::string("expected [") + table + "." + e.name + "] to be a table, found " +
                                   policy_tree::shown(*e.node));
        continue;
      }
      each(e);
    }
  }

  // The entry's keys must be among `known`.
  bool only(const Entry& e, const std::string& base, const std::vector<std::string>& known) {
    bool ok = true;
    for (const auto& c : policy_tree::entries(*e.node->as_table()))
      if (!contains(known, c.name)) {
        add(key_at(c), "unknown key '" + base + "." + c.name + "'; expected one of " + plain_list(known) +
                           policy_suggest::did_you_mean(c.name, known));
        ok = false;
      }
    return ok;
  }

  /// The string at `key` of the entry; a problem when it is required and absent, or not a string.
  std::optional<std::string> text(const Entry& e, const std::string& base, const char* key, bool required) {
    const toml::node* n = e.node->as_table()->get(key);
    if (!n) {
      if (required) add(key_at(e), "expected " + base + "." + key + ", a string, found none");
      return std::nullopt;
    }
    if (!n->is_string()) {
      add(value_at(*n), "expected " + base + "." + key + " to be a string, found " + policy_tree::shown(*n));
      return std::nullopt;
    }
    return n->as_string()->get();
  }

  /// An id the plugin (or an earlier entry) already declares.
  bool duplicate(const Entry& e, const std::string& base, const std::string& what,
                 const std::vector<std::string>& ids) {
    if (!contains(ids, e.name)) return false;
    add(key_at(e), "expected a new " + what + " id, found \"" + e.name + "\", which the regime '" + out_.id +
                       "' already declares; [" + base + "] may not redeclare it");
    return true;
  }

  template <class T>
  void labelled(const Entry& e, const std::string& what, std::vector<T>& into) {
    const std::string base = (what == "area" ? "areas." : "priorities.") + e.name;
    if (duplicate(e, base, what, ids_of(into))) return;
    bool ok = only(e, base, {"label"});
    auto label = text(e, base, "label", true);
    if (ok && label) into.push_back({e.name, *label});
  }

  void scale(const Entry& e) {
    const std::string base = "scales." + e.name;
    if (duplicate(e, base, "scale", ids_of(out_.scales))) return;
    bool ok = only(e, base, {"label", "levels"});
    auto label = text(e, base, "label", true);
    ok = ok && label;
    sdk::Scale s{e.name, label.value_or(""), {}};
    const toml::node* levels = e.node->as_table()->get("levels");
    const auto* array = levels ? levels->as_array() : nullptr;
    if (!array || array->empty()) {
      add(levels ? value_at(*levels) : key_at(e),
          "expected " + base + ".levels, a list of levels best first such as [{ id = \"green\", label = \"Green\", "
                            "colour = \"#2e7d32\" }], found " + (levels ? policy_tree::shown(*levels) : "none"));
      return;
    }
    for (const auto& item : policy_tree::children(*array)) {
      const std::string at = base + ".levels[" + item.name + "]";
      if (!item.node->is_table()) {
        add(value_at(*item.node), "expected " + at + " to be a table { id, label, colour }, found " +
                                      policy_tree::shown(*item.node));
        ok = false;
        continue;
      }
      ok = only(item, at, {"id", "label", "colour"}) && ok;
      auto id = text(item, at, "id", true);
      auto level_label = text(item, at, "label", false);
      auto colour = text(item, at, "colour", false);
      if (colour && !colour_ok(*colour)) {
        add(value_at(*item.node->as_table()->get("colour")),
            "expected " + at + ".colour to be a colour \"#rrggbb\", found \"" + *colour + "\"");
        ok = false;
      }
      if (id && contains(ids_of(s.levels), *id)) {
        add(value_at(*item.node->as_table()->get("id")), "expected each level of " + base + " once, found \"" + *id +
                                                             "\" again");
        ok = false;
      }
      if (!id) ok = false;
      if (id) s.levels.push_back({*id, level_label.value_or(*id), colour.value_or("")});
    }
    if (ok) out_.scales.push_back(std::move(s));
  }

  /// The number at `key` of the entry, if it is there; a problem when it is not a number.
  std::optional<double> number(const Entry& e, const std::string& base, const char* key, bool& ok) {
    const toml::node* n = e.node->as_table()->get(key);
    if (!n) return std::nullopt;
    if (auto v = n->value<double>(); v && (n->is_integer() || n->is_floating_point()) && std::isfinite(*v)) return v;
    add(value_at(*n), "expected " + base + "." + key + " to be a number, found " + policy_tree::shown(*n));
    ok = false;
    return std::nullopt;
  }

  /// Issue 19: the values evidence of the indicator may take. A count (unit "pupils" or "count") is
  /// whole unless whole_number says otherwise; a percentage keeps within 0 to 100 whatever it says.
  bool range(const Entry& e, const std::string& base, sdk::IndicatorSpec& spec) {
    bool ok = true;
    spec.min = number(e, base, "min", ok);
    spec.max = number(e, base, "max", ok);
    spec.whole_number = spec.unit == "pupils" || spec.unit == "count";
    if (const toml::node* w = e.node->as_table()->get("whole_number")) {
      if (auto b = w->value<bool>(); b && w->is_boolean()) spec.whole_number = *b;
      else {
        add(value_at(*w), "expected " + base + ".whole_number to be true or false, found " + policy_tree::shown(*w));
        ok = false;
      }
    }
    if (spec.min && spec.max && *spec.min > *spec.max) {
      add(value_at(*e.node->as_table()->get("max")), "expected " + base + ".max to be at or above " + base + ".min (" +
                                                         policy_tree::shown(*e.node->as_table()->get("min")) +
                                                         "), found " + policy_tree::shown(*e.node->as_table()->get("max")));
      ok = false;
    }
    if (spec.unit == "%" && ((spec.min && *spec.min < 0) || (spec.max && *spec.max > 100))) {
      const char* key = spec.min && *spec.min < 0 ? "min" : "max";
      add(value_at(*e.node->as_table()->get(key)), "expected " + base + "." + key + " within 0 to 100, as the indicator "
                                                       "is a percentage, found " +
                                                       policy_tree::shown(*e.node->as_table()->get(key)));
      ok = false;
    }
    return ok;
  }

  // A link from an indicator to an id of another part.
  bool link(const Entry& e, const std::string& base, const char* key, const std::string& part,
            const std::vector<std::string>& ids, std::string& into) {
    auto v = text(e, base, key, false);
    if (!v) return !e.node->as_table()->get(key);
    if (!contains(ids, *v)) {
      const std::string expected = ids.empty() ? "to name one of the " + part + ", but neither the regime nor the policy ([" +
                                                     part + "]) declares any"
                                               : "to be one of the " + part + " (" + plain_list(ids) + ")";
      add(value_at(*e.node->as_table()->get(key)), "expected " + base + "." + key + " " + expected + ", found \"" + *v +
                                                       "\"" + policy_suggest::did_you_mean(*v, ids));
      return false;
    }
    into = *v;
    return true;
  }

  void indicator(const Entry& e) {
    const std::string base = "indicators." + e.name;
    if (duplicate(e, base, "indicator", ids_of(out_.indicators))) return;
    bool ok = only(e, base, {"label", "unit", "direction", "area", "priority", "scale", "min", "max", "whole_number"});
    sdk::IndicatorSpec spec;
    spec.id = e.name;
    auto label = text(e, base, "label", true);
    ok = ok && label;
    spec.label = label.value_or("");
    spec.unit = text(e, base, "unit", false).value_or("");
    if (auto d = text(e, base, "direction", false)) {
      static const std::vector<std::string> directions{"higher_is_better", "lower_is_better", "neutral"};
      if (*d == directions[0]) spec.direction = sdk::Direction::higher_is_better;
      else if (*d == directions[1]) spec.direction = sdk::Direction::lower_is_better;
      else if (*d != directions[2]) {
        add(value_at(*e.node->as_table()->get("direction")),
            "expected " + base + ".direction to be one of " + plain_list(directions) + ", found \"" + *d + "\"" +
                policy_suggest::did_you_mean(*d, directions));
        ok = false;
      }
    }
    ok = range(e, base, spec) && ok;
    ok = link(e, base, "area", "areas", ids_of(out_.areas), spec.area) && ok;
    ok = link(e, base, "priority", "priorities", ids_of(out_.priorities), spec.priority) && ok;
    std::string scale;
    ok = link(e, base, "scale", "scales", ids_of(out_.scales), scale) && ok;
    if (!ok) return;
    out_.indicators.push_back(std::move(spec));
    if (!scale.empty() && scale != out_.overall_scale) out_.subject_scales.push_back({e.name, scale});
  }

  void stage(const Entry& e) {
    const std::string base = "stages." + e.name;
    auto it = std::find_if(out_.stages.begin(), out_.stages.end(), [&](const sdk::StageSpec& s) { return s.id == e.name; });
    if (it == out_.stages.end()) {
      const auto ids = ids_of(out_.stages);
      add(key_at(e), "expected a stage the regime '" + out_.id + "' declares (" + plain_list(ids) + "), found \"" +
                         e.name + "\"" + policy_suggest::did_you_mean(e.name, ids));
      return;
    }
    bool ok = only(e, base, {"label"});
    auto label = text(e, base, "label", true);
    if (ok && label) it->label = *label;
  }

  const Policy::Impl& p_;
  sdk::RegimeDescription out_;
  std::vector<PolicyProblem>* problems_;
};

// The default's TOML as a node, or nullopt when it does not parse.
std::optional<toml::table> parsed_default(const sdk::PolicyKeySpec& spec) {
  try {
    return toml::parse("value = " + spec.default_value);
  } catch (const toml::parse_error&) {
    return std::nullopt;
  }
}

// The value as the policy writes it; lists in full.
std::string shown_value(const toml::node& n) {
  if (!n.is_array()) return policy_tree::shown(n);
  std::string out = "[";
  for (const auto& item : *n.as_array()) out += (out.size() > 1 ? ", " : "") + policy_tree::shown(item);
  return out + "]";
}

}  // namespace

sdk::RegimeDescription merge_declared(const Policy::Impl& policy, const sdk::RegimeDescription& regime,
                                      std::vector<PolicyProblem>* problems) {
  return Merger(policy, regime, problems).run();
}

void Policy::declare(const sdk::RegimeDescription& regime) {
  impl_->defaults = toml::table{};
  for (const auto& spec : regime.policy_keys) {
    if (spec.default_value.empty() || spec.path.find('*') != std::string::npos) continue;
    auto parsed = parsed_default(spec);
    if (!parsed) continue;  // check_policy reports it
    const auto path = policy_tree::split(spec.path);
    toml::table* table = &impl_->defaults;
    for (std::size_t i = 0; table && i + 1 < path.size(); ++i)
      table = table->emplace(path[i], toml::table{}).first->second.as_table();
    if (!table) continue;
    parsed->get("value")->visit([&](auto& node) { table->insert_or_assign(path.back(), std::move(node)); });
  }
  impl_->description = merge_declared(*impl_, regime, nullptr);
  impl_->declared.clear();
  auto added = [&](const char* part, const auto& merged, const auto& own) {
    for (const auto& id : ids_of(merged))
      if (!contains(ids_of(own), id)) impl_->declared.push_back(std::string(part) + "." + id);
  };
  added("scales", impl_->description->scales, regime.scales);
  added("areas", impl_->description->areas, regime.areas);
  added("priorities", impl_->description->priorities, regime.priorities);
  added("indicators", impl_->description->indicators, regime.indicators);
}

bool Policy::declares(std::string_view part, std::string_view id) const {
  return contains(impl_->declared, std::string(part) + "." + std::string(id));
}

const sdk::RegimeDescription& Policy::description() const {
  if (!impl_->description) throw std::logic_error("Policy::description() before Policy::declare()");
  return *impl_->description;
}

std::vector<PolicyValue> policy_values(const Policy& policy, const sdk::RegimeDescription& regime) {
  const auto& p = PolicyInternals::of(policy);
  std::vector<PolicyValue> out;
  for (const auto& spec : regime.policy_keys) {
    if (spec.path.find('*') != std::string::npos) continue;
    PolicyValue v{spec.path, "", PolicyValue::Source::unset, spec.required, spec.doc, {}};
    if (const toml::node* n = policy_tree::find(p.root, policy_tree::split(spec.path))) {
      v.value = shown_value(*n);
      v.source = PolicyValue::Source::policy;
      v.where = policy.where(spec.path);
    } else if (!spec.default_value.empty()) {
      v.value = spec.default_value;
      v.source = PolicyValue::Source::plugin_default;
    }
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace trellis
