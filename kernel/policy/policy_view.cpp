// sdk::PolicyView over the TOML document: how a regime reads its policy.
#include "policy_impl.hpp"

namespace trellis {

const toml::node* TomlPolicyView::at(std::string_view path) const {
  if (const toml::node* n = policy_tree::find(root_, path)) return n;
  return policy_tree::find(defaults_, path);
}

bool TomlPolicyView::has(std::string_view path) const { return at(path) != nullptr; }

std::optional<std::string> TomlPolicyView::text(std::string_view path) const {
  const toml::node* n = at(path);
  if (!n) return std::nullopt;
  if (const auto* s = n->as_string()) return s->get();
  if (const auto* d = n->as_date()) return policy_tree::date_text(d->get());
  return std::nullopt;
}

std::optional<double> TomlPolicyView::number(std::string_view path) const {
  const toml::node* n = at(path);
  if (!n) return std::nullopt;
  if (const auto* i = n->as_integer()) return static_cast<double>(i->get());
  if (const auto* f = n->as_floating_point()) return f->get();
  return std::nullopt;
}

std::optional<bool> TomlPolicyView::flag(std::string_view path) const {
  const toml::node* n = at(path);
  if (const auto* b = n ? n->as_boolean() : nullptr) return b->get();
  return std::nullopt;
}

std::vector<std::string> TomlPolicyView::texts(std::string_view path) const {
  std::vector<std::string> out;
  const toml::node* n = at(path);
  if (const auto* array = n ? n->as_array() : nullptr)
    for (const auto& item : *array) {
      if (const auto* s = item.as_string()) out.push_back(s->get());
      else if (const auto* d = item.as_date()) out.push_back(policy_tree::date_text(d->get()));
    }
  return out;
}

std::vector<std::string> TomlPolicyView::keys(std::string_view path) const {
  std::vector<std::string> out;
  const toml::node* n = at(path);
  if (const auto* table = n ? n->as_table() : nullptr)
    for (const auto& e : policy_tree::entries(*table)) out.push_back(e.name);
  return out;
}

std::size_t TomlPolicyView::count(std::string_view path) const {
  const toml::node* n = at(path);
  const auto* array = n ? n->as_array() : nullptr;
  return array ? array->size() : 0;
}

}  // namespace trellis
