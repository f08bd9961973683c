#pragma once
/// The time a use case acts at. Faces make one (the CLI from $TRELLIS_NOW, so
/// tests and demos are reproducible); the kernel never reads the environment.
///
///     Clock clock = Clock::fixed("2024-09-02T09:00:00Z");
///     record_audit(db, actor, clock, "init", "schema 0 -> 4", "");
///     clock.today();  // "2024-09-02"
#include <string>

namespace trellis {

class Clock {
 public:
  /// The system clock, in UTC.
  static Clock system();
  /// Always `timestamp`, an ISO-8601 UTC time "YYYY-MM-DDTHH:MM:SSZ" (a bare date is read as midnight).
  static Clock fixed(std::string timestamp);

  /// ISO-8601 UTC timestamp, e.g. "2024-09-02T10:15:00Z".
  std::string timestamp() const;
  /// The day, "YYYY-MM-DD".
  std::string today() const { return timestamp().substr(0, 10); }

 private:
  Clock() = default;
  std::string fixed_;  ///< empty: the system clock
};

}  // namespace trellis
