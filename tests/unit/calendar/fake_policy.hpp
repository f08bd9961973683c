#pragma once
// A tiny in-memory PolicyView for tests: dotted keys set in order, values as
// the kernel's TOML view would report them (dates as "YYYY-MM-DD" text).
#include <algorithm>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "trellis/sdk/policy_view.hpp"

namespace trellis::test {

class FakePolicy final : public sdk::PolicyView {
 public:
  using Value = std::variant<std::string, double, bool, std::vector<std::string>>;

  FakePolicy& set(const std::string& path, Value v) {
    if (!values_.count(path)) order_.push_back(path);
    values_[path] = std::move(v);
    return *this;
  }
  /// Sets a half-term as an array of two dates.
  FakePolicy& dates(const std::string& path, std::vector<std::string> d) { return set(path, std::move(d)); }

  bool has(std::string_view path) const override {
    const std::string p(path);
    return std::any_of(order_.begin(), order_.end(),
                       [&](const std::string& k) { return k == p || k.rfind(p + ".", 0) == 0; });
  }
  std::optional<std::string> text(std::string_view path) const override {
    auto it = values_.find(std::string(path));
    if (it == values_.end() || !std::holds_alternative<std::string>(it->second)) return std::nullopt;
    return std::get<std::string>(it->second);
  }
  std::optional<double> number(std::string_view path) const override {
    auto it = values_.find(std::string(path));
    if (it == values_.end() || !std::holds_alternative<double>(it->second)) return std::nullopt;
    return std::get<double>(it->second);
  }
  std::optional<bool> flag(std::string_view path) const override {
    auto it = values_.find(std::string(path));
    if (it == values_.end() || !std::holds_alternative<bool>(it->second)) return std::nullopt;
    return std::get<bool>(it->second);
  }
  std::vector<std::string> texts(std::string_view path) const override {
    auto it = values_.find(std::string(path));
    if (it == values_.end() || !std::holds_alternative<std::vector<std::string>>(it->second)) return {};
    return std::get<std::vector<std::string>>(it->second);
  }
  std::vector<std::string> keys(std::string_view path) const override {
    const std::string prefix = std::string(path) + ".";
    std::vector<std::string> out;
    for (const auto& k : order_) {
      if (k.rfind(prefix, 0) != 0) continue;
      std::string rest = k.substr(prefix.size());
      rest = rest.substr(0, rest.find('.'));
      if (std::find(out.begin(), out.end(), rest) == out.end()) out.push_back(rest);
    }
    return out;
  }
  std::size_t count(std::string_view path) const override { return texts(path).size(); }

 private:
  std::map<std::string, Value> values_;
  std::vector<std::string> order_;
};

}  // namespace trellis::test
