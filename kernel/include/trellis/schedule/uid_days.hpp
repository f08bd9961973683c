#pragma once
/// A day for each of many activity UIDs, held compactly: a re-plan of a
/// national year reads the start of every stored, still-planned activity
/// (most of a million), which as a std::map of strings took about 110 MB (issue 18).
///
///     UidDays planned;
///     planned.add("0123456789abcdef0123456789abcdef@trellis", Date::parse("2019-10-01"));
///     if (auto day = planned.find(uid)) ...
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "trellis/date.hpp"

namespace trellis {

/// A UID trellis made (activity_uid: 32 lowercase hex digits and "@trellis")
/// is held as its 16 bytes; any other UID as it is. As std::map::emplace,
/// the first day added for a UID is the one found.
class UidDays {
 public:
  void add(std::string_view uid, Date day);
  /// Sorts what was added since the last look first: not for several threads at once.
  std::optional<Date> find(std::string_view uid) const;
  std::size_t size() const { return made_.size() + other_.size(); }
  bool empty() const { return size() == 0; }

 private:
  struct Made {
    std::uint64_t high = 0, low = 0;
    Date day;
  };
  mutable std::vector<Made> made_;
  mutable std::size_t sorted_ = 0;  ///< made_'s first sorted_ are in order
  std::map<std::string, Date, std::less<>> other_;
};

}  // namespace trellis
