#include "sessions.hpp"

#include <openssl/rand.h>

#include <array>
#include <stdexcept>

namespace trellis::web {

std::string random_token() {
  std::array<unsigned char, 32> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) throw std::runtime_error("no random bytes");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

std::string Sessions::open(const std::string& person, Instant now) {
  std::lock_guard lock(mutex_);
  // Drop the idle ones now and then, so that visitors who never sign in do not pile up.
  std::erase_if(sessions_, [&](const auto& s) { return now - s.second.seen > idle_; });
  std::string token = random_token();
  sessions_[token] = Session{person, random_token(), now};
  return token;
}

std::optional<Session> Sessions::find(const std::string& token, Instant now) {
  std::lock_guard lock(mutex_);
  auto it = sessions_.find(token);
  if (it == sessions_.end()) return std::nullopt;
  if (now - it->second.seen > idle_) {
    sessions_.erase(it);
    return std::nullopt;
  }
  it->second.seen = now;
  return it->second;
}

void Sessions::close(const std::string& token) {
  std::lock_guard lock(mutex_);
  sessions_.erase(token);
}

bool SignInLimit::allowed(const std::string& key, Instant now) {
  std::lock_guard lock(mutex_);
  auto it = counts_.find(key);
  if (it == counts_.end()) return true;
  if (now - it->second.first > kWindow) {
    counts_.erase(it);
    return true;
  }
  return it->second.failures < attempts_;
}

void SignInLimit::failed(const std::string& key, Instant now) {
  std::lock_guard lock(mutex_);
  auto& c = counts_[key];
  if (c.failures == 0 || now - c.first > kWindow) c = Count{0, now};
  ++c.failures;
}

void SignInLimit::succeeded(const std::string& key) {
  std::lock_guard lock(mutex_);
  counts_.erase(key);
}

}  // namespace trellis::web
