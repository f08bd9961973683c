#include "trellis/clock.hpp"

#include <ctime>

namespace trellis {

Clock Clock::system() { return Clock{}; }

Clock Clock::fixed(std::string timestamp) {
  Clock c;
  c.fixed_ = timestamp.size() == 10 ? timestamp + "T00:00:00Z" : std::move(timestamp);
  return c;
}

std::string Clock::timestamp() const {
  if (!fixed_.empty()) return fixed_;
  std::time_t t = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buf;
}

}  // namespace trellis
