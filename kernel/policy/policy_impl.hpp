#pragma once
// Internal to tk_policy: what a loaded Policy holds.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "toml_tree.hpp"
#include "trellis/policy.hpp"

namespace trellis {

/// sdk::PolicyView over a parsed document; a key the document lacks reads
/// as the default its regime declares (once Policy::declare has run).
class TomlPolicyView final : public sdk::PolicyView {
 public:
  TomlPolicyView(const toml::table& root, const toml::table& defaults) : root_(root), defaults_(defaults) {}
  bool has(std::string_view path) const override;
  std::optional<std::string> text(std::string_view path) const override;
  std::optional<double> number(std::string_view path) const override;
  std::optional<bool> flag(std::string_view path) const override;
  std::vector<std::string> texts(std::string_view path) const override;
  std::vector<std::string> keys(std::string_view path) const override;
  std::size_t count(std::string_view path) const override;

 private:
  const toml::node* at(std::string_view path) const;
  const toml::table& root_;
  const toml::table& defaults_;
};

struct Policy::Impl {
  struct ScriptEntry {
    std::string name;
    std::filesystem::path path;       ///< resolved and tidied
    std::optional<std::string> text;  ///< nullopt: could not be read
    std::string read_error;           ///< why not
  };

  std::filesystem::path path;
  std::string file;  ///< the policy's name in messages: path as given
  std::string text;
  toml::table root;
  std::string regime, body, version, approved, review;
  std::vector<ScriptEntry> scripts;  ///< [thresholds] order in the file
  std::string hash;
  toml::table defaults;  ///< the regime's declared defaults, by path (Policy::declare)
  std::optional<sdk::RegimeDescription> description;  ///< the regime's, with the policy's parts merged
  std::vector<std::string> declared;                  ///< "part.id" of each entry the policy added
  std::optional<TomlPolicyView> view;
  std::vector<PolicyProblem> read_problems;  ///< header and [thresholds] problems found by read()

  const ScriptEntry* script(std::string_view name) const;
};

/// The policy engine's way in to a Policy's implementation (Policy::impl()
/// is private): this header is tk_policy's own, so nothing else reaches it.
struct PolicyInternals {
  static const Policy::Impl& of(const Policy& policy) { return policy.impl(); }
};

/// Merges the parts of the description the regime lets the policy declare
/// ([scales], [areas], [priorities], [indicators], [stages]) into `regime`'s.
/// Each problem goes to `problems` when given (policy check); entries with
/// problems are left out of the result.
sdk::RegimeDescription merge_declared(const Policy::Impl& policy, const sdk::RegimeDescription& regime,
                                      std::vector<PolicyProblem>* problems);

/// The tables merge_declared reads, whether or not the regime allows them.
inline const std::vector<std::string> declared_tables{"scales", "areas", "priorities", "indicators", "stages"};

/// The header keys every policy's [policy] table has.
inline const std::vector<std::string> policy_header_keys{"regime", "body", "version", "approved", "review"};

}  // namespace trellis
