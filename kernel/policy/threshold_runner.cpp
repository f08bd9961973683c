// From a Policy and a regime's description to a sandbox running its scripts.
#include <algorithm>

#include "policy_impl.hpp"

namespace trellis {
namespace {

// [thresholds.params] as the value scripts see: dates become "YYYY-MM-DD".
lua::Value to_value(const toml::node& n) {
  switch (n.type()) {
    case toml::node_type::string: return lua::Value::string(n.as_string()->get());
    case toml::node_type::integer: return lua::Value::whole(n.as_integer()->get());
    case toml::node_type::floating_point: return lua::Value::real(n.as_floating_point()->get());
    case toml::node_type::boolean: return lua::Value::boolean(n.as_boolean()->get());
    case toml::node_type::date: return lua::Value::string(policy_tree::date_text(n.as_date()->get()));
    case toml::node_type::array: {
      std::vector<lua::Value> items;
      for (const auto& item : *n.as_array()) items.push_back(to_value(item));
      return lua::Value::array(std::move(items));
    }
    case toml::node_type::table: {
      std::vector<std::pair<std::string, lua::Value>> entries;
      for (const auto& e : policy_tree::entries(*n.as_table())) entries.emplace_back(e.name, to_value(*e.node));
      return lua::Value::table(std::move(entries));
    }
    default: return lua::Value::string(policy_tree::shown(n));
  }
}

}  // namespace

lua::ThresholdSetup threshold_setup(const Policy& policy, const sdk::RegimeDescription& description,
                                    const lua::Limits& limits) {
  lua::ThresholdSetup setup;
  setup.scale = description.overall_scale;
  for (const auto& scale : description.scales)
    if (scale.id == description.overall_scale)
      for (const auto& level : scale.levels) setup.levels.push_back(level.id);
  if (setup.levels.empty())
    throw InputError(policy.where_value("policy.regime"),
                     "the regime '" + description.id + "' to describe its overall scale '" +
                         description.overall_scale + "'",
                     "no such scale");
  setup.indicators = description.indicators;
  setup.scales = description.scales;
  setup.areas = description.areas;
  setup.subject_scales = description.subject_scales;
  // The policy's [thresholds.params], then the defaults the regime declares for any it omits.
  const auto& impl = PolicyInternals::of(policy);
  std::vector<std::pair<std::string, lua::Value>> params;
  std::vector<std::string> named;
  for (const toml::table* from : {&impl.root, &impl.defaults})
    if (const auto* table = (*from)["thresholds"]["params"].as_table())
      for (const auto& e : policy_tree::entries(*table))
        if (std::find(named.begin(), named.end(), e.name) == named.end()) {
          named.push_back(e.name);
          params.emplace_back(e.name, to_value(*e.node));
        }
  setup.params = lua::Value::table(std::move(params));
  setup.limits = limits;
  return setup;
}

std::unique_ptr<lua::ThresholdSandbox> make_threshold_runner(const Policy& policy,
                                                             const sdk::RegimeDescription& description,
                                                             const lua::Limits& limits) {
  auto sandbox = std::make_unique<lua::ThresholdSandbox>(threshold_setup(policy, description, limits));
  for (const auto& name : description.threshold_scripts)
    if (!PolicyInternals::of(policy).script(name))
      throw InputError(policy.where("thresholds"),
                       "thresholds." + name + " = \"path/to/" + name + ".lua\" (the regime runs a script '" + name + "')",
                       "none");
  for (const auto& s : PolicyInternals::of(policy).scripts) {
    if (!s.text)
      throw InputError(policy.where_value("thresholds." + s.name),
                       "a readable script file at " + s.path.string(), s.read_error);
    sandbox->add({s.name, s.path.string(), *s.text});
  }
  return sandbox;
}

}  // namespace trellis
