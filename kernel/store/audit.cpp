#include "trellis/store/audit.hpp"

#include <cstdlib>
#include <ctime>

namespace trellis {

std::int64_t record_audit(Database& db, const std::string& who, const std::string& command,
                          const std::string& summary, const std::string& input_hash) {
  Statement s(db, "INSERT INTO audit(at, who, command, summary, input_hash) VALUES (?, ?, ?, ?, ?)");
  s.bind(1, now_timestamp()).bind(2, who).bind(3, command).bind(4, summary).bind(5, input_hash).run();
  return db.last_insert_id();
}

std::string now_timestamp() {
  if (const char* fixed = std::getenv("TRELLIS_NOW"); fixed && *fixed) return fixed;
  std::time_t t = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buf;
}

std::string current_user() {
  for (const char* var : {"TRELLIS_USER", "USER"})
    if (const char* v = std::getenv(var); v && *v) return v;
  return "unknown";
}

}  // namespace trellis
