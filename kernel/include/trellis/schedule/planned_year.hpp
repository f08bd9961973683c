#pragma once
/// A year's plan held compactly: a national year is most of a million
/// activities (issue 18), and as `Activity` values they took most of a
/// gigabyte. What many activities share (type, title, rule, attendees,
/// documents) is held once; a UID is held as its 16 bytes.
///
///     PlannedYear plan = plan_year_compact(cal, "example-la", year, std::move(sets));
///     for (std::size_t i = 0; i < plan.size(); ++i) Activity a = plan.activity(i);
///     if (auto i = plan.find(uid)) plan.start(*i);
///
/// It holds only what the planner makes: an activity of the plan's body and
/// year, planned, with a UID from activity_uid() (std::invalid_argument otherwise).
#include <array>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "trellis/date.hpp"
#include "trellis/schedule/activity.hpp"
#include "trellis/store/activity_repository.hpp"

namespace trellis {

class PlannedYear {
 public:
  PlannedYear(std::string body, std::string year);
  PlannedYear(const PlannedYear&) = delete;  // text_ids_ views texts_: a copy would view the original's
  PlannedYear& operator=(const PlannedYear&) = delete;
  PlannedYear(PlannedYear&&) = default;  // a deque's elements stay where they are
  PlannedYear& operator=(PlannedYear&&) = default;

  const std::string& body() const { return body_; }
  const std::string& year() const { return year_; }
  std::size_t size() const { return rows_.size(); }
  void reserve(std::size_t n) { rows_.reserve(n); }

  /// Adds `a`, which must be one the planner made for this body and year.
  void add(const Activity& a);
  /// The same with `attendees` and `documents` in place of `a`'s own.
  void add(const Activity& a, const std::vector<std::string>& attendees, const std::vector<std::string>& documents);
  /// Puts the activities in the plan's order: by start, end, school, rule and
  /// UID (so that stored ids follow the dates), and indexes their UIDs.
  /// Throws std::invalid_argument when two activities share a UID.
  void sort();

  /// The activity at `i`, whole.
  Activity activity(std::size_t i) const;
  /// The activity at `i` as the store adds it (ActivityRepository::add_rows),
  /// without making it whole: its UID and its anchor's are written into `uid`
  /// and `anchor`, which `out` views with the plan's own texts and lists.
  void row(std::size_t i, NewActivity& out, std::string& uid, std::string& anchor) const;
  /// Whether `a` shows what the activity at `i` does: type, title, dates, attendees, documents.
  bool same_content(std::size_t i, const Activity& a) const;
  /// Whether `a` records what the activity at `i` is dated from: anchor, offset, kind of day.
  bool same_anchor(std::size_t i, const Activity& a) const;
  /// Every activity, whole, in order: for a plan small enough to hold so.
  std::vector<Activity> activities() const;
  std::optional<std::int64_t> urn(std::size_t i) const;
  Date start(std::size_t i) const { return rows_[i].start; }
  /// Where the activity with `uid` is, once sorted; none when the plan does not have it.
  std::optional<std::size_t> find(std::string_view uid) const;
  /// Always: sort() refuses a repeated UID (replan writes only the first of each).
  bool first_of_uid(std::size_t) const { return true; }

 private:
  using Uid = std::array<unsigned char, 16>;
  struct Row {
    Uid uid{}, anchor{};
    std::int64_t urn = 0, assessment_id = 0;
    Date start, end, due;
    std::int32_t offset_days = 0;
    std::uint32_t type = 0, title = 0, rule = 0, attendees = 0, documents = 0;
    std::uint8_t flags = 0, day_kind = 0;
  };

  std::uint32_t text(const std::string& s);
  std::uint32_t list(const std::vector<std::string>& v);

  std::string body_, year_;
  std::vector<Row> rows_;
  std::deque<std::string> texts_;  ///< by index; a deque keeps the views below valid
  std::unordered_map<std::string_view, std::uint32_t> text_ids_;
  std::deque<std::vector<std::string>> lists_;
  struct ListHash {
    std::size_t operator()(const std::vector<std::string>& v) const;
  };
  std::unordered_map<std::vector<std::string>, std::uint32_t, ListHash> list_ids_;
  std::vector<std::uint32_t> by_uid_;  ///< row indexes in UID order, once sorted
};

}  // namespace trellis
