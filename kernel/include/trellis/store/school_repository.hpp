#pragma once
/// The school register.
///
///     if (auto held = db.schools().find(123456)) ...
///     db.schools().put(school, clock.timestamp());
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "trellis/schools.hpp"

namespace trellis {

class SchoolRepository {
 public:
  virtual ~SchoolRepository();
  virtual std::optional<School> find(std::int64_t urn) = 0;
  /// The schools among `urns` that the register holds, in no order.
  virtual std::vector<School> find_many(const std::vector<std::int64_t>& urns) = 0;
  /// By URN. Where the register has no pupil number, the newest census
  /// figure (evidence `pupils_on_roll`) stands in.
  virtual std::vector<School> list(const SchoolFilter& filter) = 0;
  virtual std::unordered_set<std::int64_t> urns() = 0;
  /// The open schools of an LA, by URN.
  virtual std::vector<std::int64_t> open_of_la(int la_code) = 0;
  virtual bool has_la(int la_code) = 0;
  /// Adds the school, or replaces every fact held about it.
  virtual void put(const School& school, const std::string& at) = 0;
  /// Names an LA on each of its schools; returns how many schools changed.
  virtual int set_la_name(int la_code, const std::string& name, const std::string& at) = 0;
  virtual std::map<int, std::string> la_names() = 0;
};

}  // namespace trellis
