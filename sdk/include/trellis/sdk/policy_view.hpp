#pragma once
/// Read access to one body's policy, implemented by the kernel over TOML.
///
///     if (auto n = policy.number("visits.green.per_year")) plan_visits(*n);
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trellis::sdk {
inline namespace v3 {

/// A policy problem found by a regime's validator. The kernel adds the file,
/// line and column of `path`.
struct Diagnostic {
  std::string path;     ///< dotted key, e.g. "bands.amber.visits_per_term"
  std::string message;  ///< "expected at least 2 visits, found 1"
};

class PolicyView {
 public:
  virtual ~PolicyView();
  virtual bool has(std::string_view path) const = 0;
  virtual std::optional<std::string> text(std::string_view path) const = 0;
  virtual std::optional<double> number(std::string_view path) const = 0;
  virtual std::optional<bool> flag(std::string_view path) const = 0;
  /// An array of strings; empty when absent.
  virtual std::vector<std::string> texts(std::string_view path) const = 0;
  /// The keys of a table, in file order; empty when absent.
  virtual std::vector<std::string> keys(std::string_view path) const = 0;
  /// Number of elements of an array (of tables or values); 0 when absent.
  virtual std::size_t count(std::string_view path) const = 0;
};

}  // namespace v3
}  // namespace trellis::sdk
