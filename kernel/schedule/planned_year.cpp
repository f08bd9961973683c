#include "trellis/schedule/planned_year.hpp"

#include <algorithm>
#include <stdexcept>
#include <tuple>

namespace trellis {
namespace {

constexpr std::string_view kUidTail = "@trellis";
constexpr char kHex[] = "0123456789abcdef";

enum Flag : std::uint8_t { has_urn = 1, has_due = 2, has_assessment = 4, has_anchor = 8, has_offset = 16, has_kind = 32 };

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

/// The 16 bytes of an activity_uid() ("<32 lower-case hex digits>@trellis"); none for any other text.
std::optional<std::array<unsigned char, 16>> uid_bytes(std::string_view uid) {
  if (uid.size() != 32 + kUidTail.size() || uid.substr(32) != kUidTail) return std::nullopt;
  std::array<unsigned char, 16> out{};
  for (std::size_t i = 0; i < 16; ++i) {
    const int hi = hex_value(uid[2 * i]), lo = hex_value(uid[2 * i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out[i] = static_cast<unsigned char>(hi * 16 + lo);
  }
  return out;
}

std::string uid_text(const std::array<unsigned char, 16>& b) {
  std::string out;
  out.reserve(32 + kUidTail.size());
  for (unsigned char c : b) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  out += kUidTail;
  return out;
}

/// UIDs in byte order, eight bytes at a time: sorting a national year's by
/// memcmp was a tenth of planning it (issue 18).
bool uid_less(const std::array<unsigned char, 16>& x, const std::array<unsigned char, 16>& y) {
  const auto half = [](const std::array<unsigned char, 16>& u, std::size_t at) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < 8; ++i) v = v << 8 | u[at + i];
    return v;
  };
  const std::uint64_t xh = half(x, 0), yh = half(y, 0);
  return xh != yh ? xh < yh : half(x, 8) < half(y, 8);
}

std::array<unsigned char, 16> require_uid(const std::string& uid) {
  if (auto b = uid_bytes(uid)) return *b;
  throw std::invalid_argument("a planned activity's UID is not one the planner makes: " + uid);
}

/// Only what the planner sets: no id, planned, never changed.
bool as_planned(const Activity& a) {
  return !a.id && a.status == ActivityStatus::planned && !a.done_on && a.note.empty() && !a.school && !a.address &&
         a.reason.empty() && !a.moved_from && a.sequence == 0;
}

}  // namespace

PlannedYear::PlannedYear(std::string body, std::string year) : body_(std::move(body)), year_(std::move(year)) {}

std::uint32_t PlannedYear::text(const std::string& s) {
  if (auto it = text_ids_.find(s); it != text_ids_.end()) return it->second;
  const auto id = static_cast<std::uint32_t>(texts_.size());
  texts_.push_back(s);
  text_ids_.emplace(texts_.back(), id);
  return id;
}

std::size_t PlannedYear::ListHash::operator()(const std::vector<std::string>& v) const {
  std::size_t h = v.size();
  for (const auto& s : v) h = h * 1000003 ^ std::hash<std::string>()(s);
  return h;
}

std::uint32_t PlannedYear::list(const std::vector<std::string>& v) {
  // Looked up as it is: a list is met once per activity, and joining it into a key cost more than the lookup.
  if (auto it = list_ids_.find(v); it != list_ids_.end()) return it->second;
  const auto id = static_cast<std::uint32_t>(lists_.size());
  lists_.push_back(v);
  list_ids_.emplace(v, id);
  return id;
}

void PlannedYear::add(const Activity& a) {
  if (a.body != body_ || a.year != year_ || !as_planned(a))
    throw std::invalid_argument("a plan for " + body_ + " " + year_ + " given an activity it does not hold: " + a.uid);
  Row r;
  r.uid = require_uid(a.uid);
  if (a.anchor_uid) {
    r.anchor = require_uid(*a.anchor_uid);
    r.flags |= has_anchor;
  }
  if (a.urn) {
    r.urn = *a.urn;
    r.flags |= has_urn;
  }
  if (a.assessment_id) {
    r.assessment_id = *a.assessment_id;
    r.flags |= has_assessment;
  }
  r.start = a.start;
  r.end = a.end;
  if (a.due) {
    r.due = *a.due;
    r.flags |= has_due;
  }
  if (a.offset_days) {
    r.offset_days = *a.offset_days;
    r.flags |= has_offset;
  }
  if (a.day_kind) {
    r.day_kind = static_cast<std::uint8_t>(*a.day_kind);
    r.flags |= has_kind;
  }
  r.type = text(a.type);
  r.title = text(a.title);
  r.rule = text(a.rule);
  r.attendees = list(a.attendees);
  r.documents = list(a.documents);
  rows_.push_back(r);
  by_uid_.clear();
}

void PlannedYear::sort() {
  // Rules compared by their place among the rule ids in text order, not text by text.
  std::vector<std::uint32_t> ids;
  for (const Row& r : rows_) ids.push_back(r.rule);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::sort(ids.begin(), ids.end(), [&](std::uint32_t x, std::uint32_t y) { return texts_[x] < texts_[y]; });
  std::vector<std::uint32_t> rank(texts_.size());
  for (std::size_t i = 0; i < ids.size(); ++i) rank[ids[i]] = static_cast<std::uint32_t>(i);
  // The order of plan_year: an activity without a school (std::nullopt) before those with one.
  const auto key = [&](const Row& r) {
    return std::tuple(r.start, r.end, (r.flags & has_urn) != 0, r.urn, rank[r.rule]);
  };
  std::sort(rows_.begin(), rows_.end(), [&](const Row& x, const Row& y) {
    const auto kx = key(x), ky = key(y);
    return kx != ky ? kx < ky : uid_less(x.uid, y.uid);
  });
  by_uid_.resize(rows_.size());
  for (std::size_t i = 0; i < rows_.size(); ++i) by_uid_[i] = static_cast<std::uint32_t>(i);
  std::sort(by_uid_.begin(), by_uid_.end(), [&](std::uint32_t x, std::uint32_t y) { return uid_less(rows_[x].uid, rows_[y].uid); });
  // A UID names one activity: the store holds it UNIQUE, and find() must not have to choose.
  const auto same = std::adjacent_find(by_uid_.begin(), by_uid_.end(),
                                       [&](std::uint32_t x, std::uint32_t y) { return rows_[x].uid == rows_[y].uid; });
  if (same != by_uid_.end())
    throw std::invalid_argument("a plan for " + body_ + " " + year_ + " holds two activities with UID " +
                                uid_text(rows_[*same].uid));
}

Activity PlannedYear::activity(std::size_t i) const {
  const Row& r = rows_[i];
  Activity a;
  a.uid = uid_text(r.uid);
  a.body = body_;
  if (r.flags & has_urn) a.urn = r.urn;
  a.year = year_;
  a.type = texts_[r.type];
  a.title = texts_[r.title];
  a.start = r.start;
  a.end = r.end;
  if (r.flags & has_due) a.due = r.due;
  a.rule = texts_[r.rule];
  a.attendees = lists_[r.attendees];
  a.documents = lists_[r.documents];
  if (r.flags & has_assessment) a.assessment_id = r.assessment_id;
  if (r.flags & has_anchor) a.anchor_uid = uid_text(r.anchor);
  if (r.flags & has_offset) a.offset_days = r.offset_days;
  if (r.flags & has_kind) a.day_kind = static_cast<DayKind>(r.day_kind);
  return a;
}

std::vector<Activity> PlannedYear::activities() const {
  std::vector<Activity> out;
  out.reserve(rows_.size());
  for (std::size_t i = 0; i < rows_.size(); ++i) out.push_back(activity(i));
  return out;
}

std::optional<std::int64_t> PlannedYear::urn(std::size_t i) const {
  return rows_[i].flags & has_urn ? std::optional(rows_[i].urn) : std::nullopt;
}

std::optional<std::size_t> PlannedYear::find(std::string_view uid) const {
  if (by_uid_.size() != rows_.size()) throw std::logic_error("PlannedYear::find before sort");
  const auto b = uid_bytes(uid);
  if (!b) return std::nullopt;
  const auto it = std::lower_bound(by_uid_.begin(), by_uid_.end(), *b,
                                   [&](std::uint32_t x, const Uid& u) { return uid_less(rows_[x].uid, u); });
  if (it == by_uid_.end() || rows_[*it].uid != *b) return std::nullopt;
  return *it;
}

}  // namespace trellis
