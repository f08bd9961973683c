#pragma once
// Internal to tk_policy: what is handed to toml++ is bounded first. The
// parser recurses once per part of a dotted key and per level of nesting,
// so a 70 KB key of 50,000 parts overflows the stack (issue 19).
#include <string>
#include <string_view>

namespace trellis::policy_tree {

/// The most parts a key may have ([a.b.c] or a.b.c = ...), and the deepest
/// nesting of arrays and inline tables: far above any real policy.
constexpr int kMaxKeyParts = 32;
constexpr int kMaxNesting = 32;

/// Throws InputBeyondBounds at the line and column where `text` first goes
/// past a bound. Strings and comments are skipped as TOML reads them.
void require_bounded_toml(std::string_view text, const std::string& file);

}  // namespace trellis::policy_tree
