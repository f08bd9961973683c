// Loading a policy: the TOML document, its [policy] header, the scripts its
// [thresholds] names, and the hash over all of them.
#include <algorithm>

#include "policy_impl.hpp"
#include "toml_bounds.hpp"
#include "trellis/file_input.hpp"
#include "trellis/sha256.hpp"

namespace trellis {
namespace {

namespace fs = std::filesystem;
using policy_tree::Segments;

std::optional<std::string> read_text(const fs::path& file, std::string& why) {
  return read_regular_file(file, kMaxPolicyBytes, why);
}

class Reader {
 public:
  Reader(Policy::Impl& p, std::vector<PolicyProblem>& problems) : p_(p), problems_(problems) {}

  void header() {
    const toml::node* node = p_.root.get("policy");
    if (!node) {
      add({p_.file, 1, 1}, "expected a [policy] table (regime, body, version, approved, review), found none");
      return;
    }
    if (!node->is_table()) {
      add(value_at({"policy"}), "expected [policy] to be a table, found " + policy_tree::shown(*node));
      return;
    }
    p_.regime = text("regime", "the regime's plugin id, e.g. regime = \"example-la\"");
    p_.body = text("body", "the body's name, e.g. body = \"Example Borough Council\"");
    p_.version = text("version", "the policy's version, e.g. version = \"2024-25.1\"");
    p_.approved = date("approved");
    p_.review = date("review");
    if (!p_.approved.empty() && !p_.review.empty() && p_.review < p_.approved)
      add(value_at({"policy", "review"}),
          "expected the review date to come after the approval date " + p_.approved + ", found " + p_.review);
  }

  void thresholds() {
    const toml::node* node = p_.root.get("thresholds");
    if (!node) return;  // whether the regime needs scripts is check_policy's question
    if (!node->is_table()) {
      add(value_at({"thresholds"}), "expected [thresholds] to be a table of script paths, found " +
                                        policy_tree::shown(*node));
      return;
    }
    for (const auto& e : policy_tree::entries(*node->as_table())) {
      if (e.name == "params") {
        if (!e.node->is_table())
          add(value_at({"thresholds", "params"}),
              "expected [thresholds.params] to be a table, found " + policy_tree::shown(*e.node));
        continue;
      }
      const auto* path = e.node->as_string();
      if (!path || path->get().empty()) {
        add(value_at({"thresholds", e.name}), "expected thresholds." + e.name +
                                                  " to be a script path, e.g. \"../scripts/classify.lua\", found " +
                                                  policy_tree::shown(*e.node));
        continue;
      }
      Policy::Impl::ScriptEntry script;
      script.name = e.name;
      script.path = (p_.path.parent_path() / path->get()).lexically_normal();
      script.text = read_text(script.path, script.read_error);
      p_.scripts.push_back(std::move(script));
    }
  }

 private:
  void add(Location where, std::string message) { problems_.push_back({std::move(where), std::move(message)}); }
  Location value_at(const Segments& path) const { return policy_tree::value_location(p_.root, p_.file, path); }

  std::string text(const std::string& key, const std::string& example) {
    const toml::node* node = p_.root["policy"][key].node();
    if (!node) {
      add(value_at({"policy"}), "expected policy." + key + ": " + example + ", found none");
      return "";
    }
    const auto* s = node->as_string();
    if (!s || s->get().empty()) {
      add(value_at({"policy", key}), "expected policy." + key + " to be " + example + ", found " +
                                         policy_tree::shown(*node));
      return "";
    }
    return s->get();
  }

  std::string date(const std::string& key) {
    const std::string example = key + " = 2025-09-01";
    const toml::node* node = p_.root["policy"][key].node();
    if (!node) {
      add(value_at({"policy"}), "expected policy." + key + ", a date such as " + example + ", found none");
      return "";
    }
    if (const auto* d = node->as_date()) return policy_tree::date_text(d->get());
    std::string found = policy_tree::shown(*node);
    if (node->is_string()) found += " (a string: write dates without quotes)";
    add(value_at({"policy", key}), "expected policy." + key + " to be a date such as " + example + ", found " + found);
    return "";
  }

  Policy::Impl& p_;
  std::vector<PolicyProblem>& problems_;
};

std::string hash_of(const Policy::Impl& p) {
  Sha256 h;
  auto part = [&](const std::string& label, std::string_view bytes) {
    h.update(label + "\n" + std::to_string(bytes.size()) + "\n");
    h.update(bytes);
  };
  part("policy", p.text);
  std::vector<const Policy::Impl::ScriptEntry*> scripts;
  for (const auto& s : p.scripts) scripts.push_back(&s);
  std::sort(scripts.begin(), scripts.end(), [](auto* a, auto* b) { return a->name < b->name; });
  for (const auto* s : scripts) {
    if (s->text)
      part("script " + s->name, *s->text);
    else
      h.update("script " + s->name + "\nunreadable\n");
  }
  return h.hex();
}

}  // namespace

std::string PolicyProblem::to_string() const { return where.to_string() + ": " + message; }

const Policy::Impl::ScriptEntry* Policy::Impl::script(std::string_view name) const {
  for (const auto& s : scripts)
    if (s.name == name) return &s;
  return nullptr;
}

Policy::Policy(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Policy::Policy(Policy&&) noexcept = default;
Policy& Policy::operator=(Policy&&) noexcept = default;
Policy::~Policy() = default;

Policy Policy::read(const std::filesystem::path& file, std::vector<PolicyProblem>& problems) {
  auto impl = std::make_unique<Impl>();
  impl->path = file;
  impl->file = file.string();
  std::string why;
  auto text = read_text(file, why);
  if (!text) throw InputError({impl->file, 0, 0}, "cannot read the policy: " + why);
  impl->text = std::move(*text);
  policy_tree::require_bounded_toml(impl->text, impl->file);
  try {
    impl->root = toml::parse(impl->text, impl->file);
  } catch (const toml::parse_error& e) {
    throw InputError(policy_tree::location(impl->file, e.source()), "invalid TOML: " + std::string(e.description()));
  }
  impl->view.emplace(impl->root, impl->defaults);
  Reader reader(*impl, impl->read_problems);
  reader.header();
  reader.thresholds();
  impl->hash = hash_of(*impl);
  problems.insert(problems.end(), impl->read_problems.begin(), impl->read_problems.end());
  return Policy(std::move(impl));
}

Policy Policy::load(const std::filesystem::path& file) {
  std::vector<PolicyProblem> problems;
  Policy policy = read(file, problems);
  if (!problems.empty()) throw InputError(problems.front().where, problems.front().message);
  return policy;
}

const std::string& Policy::regime() const { return impl_->regime; }
const std::string& Policy::body() const { return impl_->body; }
const std::string& Policy::version() const { return impl_->version; }
const std::string& Policy::approved() const { return impl_->approved; }
const std::string& Policy::review() const { return impl_->review; }
const std::filesystem::path& Policy::path() const { return impl_->path; }
const std::string& Policy::hash() const { return impl_->hash; }
const sdk::PolicyView& Policy::view() const { return *impl_->view; }

std::vector<std::string> Policy::script_names() const {
  std::vector<std::string> out;
  for (const auto& s : impl_->scripts) out.push_back(s.name);
  return out;
}

std::filesystem::path Policy::script_path(std::string_view name) const {
  if (const auto* s = impl_->script(name)) return s->path;
  throw UsageError("policy " + impl_->file + " has no threshold script '" + std::string(name) + "'");
}

const std::optional<std::string>& Policy::script_text(std::string_view name) const {
  static const std::optional<std::string> none;
  const auto* s = impl_->script(name);
  return s ? s->text : none;
}

std::optional<std::string> Policy::review_warning(const std::string& today) const {
  if (impl_->review.empty() || today <= impl_->review) return std::nullopt;
  return "policy " + impl_->path.filename().string() + " (" + impl_->body + " " + impl_->version +
         ") was due for review on " + impl_->review;
}

Location Policy::where(std::string_view path) const {
  return policy_tree::key_location(impl_->root, impl_->file, policy_tree::split(path));
}

Location Policy::where_value(std::string_view path) const {
  return policy_tree::value_location(impl_->root, impl_->file, policy_tree::split(path));
}

}  // namespace trellis
