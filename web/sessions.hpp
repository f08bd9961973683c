#pragma once
// Sessions, their CSRF tokens, and the limit on failed sign-ins: kept in
// memory (a restart signs everyone out). Thread-safe.
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace trellis::web {

using Instant = std::chrono::steady_clock::time_point;

/// 32 random bytes, as 64 hex digits.
std::string random_token();

struct Session {
  std::string person;  ///< empty: not signed in yet (the sign-in form's own session)
  std::string csrf;    ///< every form of the session carries it
  Instant seen;
};

class Sessions {
 public:
  explicit Sessions(std::chrono::seconds idle) : idle_(idle) {}
  /// A new session (a new token and CSRF token) for `person`; empty: a visitor's.
  /// Signing in always opens a new one, so a token known before is worth nothing after.
  std::string open(const std::string& person, Instant now);
  /// The session, touched; none when unknown or idle too long (then closed).
  std::optional<Session> find(const std::string& token, Instant now);
  void close(const std::string& token);

 private:
  std::chrono::seconds idle_;
  std::mutex mutex_;
  std::map<std::string, Session> sessions_;
};

/// Failed sign-ins: after `attempts` for one key (an id, an address) within
/// `kWindow`, more are refused until the window has passed.
class SignInLimit {
 public:
  static constexpr std::chrono::minutes kWindow{15};
  explicit SignInLimit(int attempts) : attempts_(attempts) {}
  bool allowed(const std::string& key, Instant now);
  void failed(const std::string& key, Instant now);
  void succeeded(const std::string& key);

 private:
  struct Count {
    int failures = 0;
    Instant first;
  };
  int attempts_;
  std::mutex mutex_;
  std::map<std::string, Count> counts_;
};

}  // namespace trellis::web
