#include "trellis/schedule/planned_year.hpp"

#include <algorithm>
#include <stdexcept>
#include <tuple>

namespace trellis {
namespace {

constexpr std::string_view kUidTail = "@trellis";
constexpr char kHex[] = "0123456789abcdef";

enum Flag : std::uint8_t { has_urn = 1, has_due = 2, has_assessment = 4, has_anchor = 8, has_offset = 16, has_kind = 32 };

/// Each byte's value as a lower-case hex digit, -1 for any other: looked up,
/// not branched on, as a national year's UIDs are read twice each (issue 18).
constexpr std::array<signed char, 256> kHexValue = [] {
  std::array<signed char, 256> t{};
  for (auto& v : t) v = -1;
  for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = static_cast<signed char>(c - '0');
  for (int c = 'a'; c <= 'f'; ++c) t[static_cast<std::size_t>(c)] = static_cast<signed char>(c - 'a' + 10);
  return t;
}();

int hex_value(char c) { return kHexValue[static_cast<unsigned char>(c)]; }

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

/// Writes the activity_uid() text of `b` into `out`, in place.
void put_uid(const std::array<unsigned char, 16>& b, std::string& out) {
  out.resize(32 + kUidTail.size());
  for (std::size_t i = 0; i < 16; ++i) {
    out[2 * i] = kHex[b[i] >> 4];
    out[2 * i + 1] = kHex[b[i] & 15];
  }
  kUidTail.copy(out.data() + 32, kUidTail.size());
}

std::string uid_text(const std::array<unsigned char, 16>& b) {
  std::string out;
  put_uid(b, out);
  return out;
}

/// Eight of a UID's bytes from `at` as a number that orders as they do.
std::uint64_t uid_half(const std::array<unsigned char, 16>& u, std::size_t at) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < 8; ++i) v = v << 8 | u[at + i];
  return v;
}

/// UIDs in byte order, eight bytes at a time: sorting a national year's by
/// memcmp was a tenth of planning it (issue 18).
bool uid_less(const std::array<unsigned char, 16>& x, const std::array<unsigned char, 16>& y) {
  const std::uint64_t xh = uid_half(x, 0), yh = uid_half(y, 0);
  return xh != yh ? xh < yh : uid_half(x, 8) < uid_half(y, 8);
}

/// A row's place in the plan's order as numbers (see sort()): comparing rows
/// field by field, and UIDs byte by byte, was a third of planning a national year.
struct Place {
  std::uint64_t dates;  ///< start, then end
  std::uint64_t urn;    ///< 0 for none, then in the order of the signed URN (0 for the least, too)
  std::uint32_t rank;   ///< of the rule's id
  std::uint32_t row;
};

/// A date's serial as a number that orders as it does.
std::uint64_t ordered(Date d) { return static_cast<std::uint32_t>(d.serial()) ^ 0x80000000u; }

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

void PlannedYear::add(const Activity& a) { add(a, a.attendees, a.documents); }

void PlannedYear::add(const Activity& a, const std::vector<std::string>& attendees,
                      const std::vector<std::string>& documents) {
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
  r.attendees = list(attendees);
  r.documents = list(documents);
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
  // The order of plan_year: by start, end, school (an activity without one,
  // std::nullopt, first), rule, then UID.
  std::vector<Place> places(rows_.size());
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    const Row& r = rows_[i];
    places[i] = {ordered(r.start) << 32 | ordered(r.end),
                 r.flags & has_urn ? static_cast<std::uint64_t>(r.urn) ^ 0x8000000000000000u : 0, rank[r.rule],
                 static_cast<std::uint32_t>(i)};
  }
  std::sort(places.begin(), places.end(), [&](const Place& x, const Place& y) {
    if (x.dates != y.dates) return x.dates < y.dates;
    if (x.urn != y.urn) return x.urn < y.urn;
    const Row &a = rows_[x.row], &b = rows_[y.row];
    if (x.urn == 0 && (a.flags & has_urn) != (b.flags & has_urn)) return (b.flags & has_urn) != 0;
    return x.rank != y.rank ? x.rank < y.rank : uid_less(a.uid, b.uid);
  });
  // Rows moved to their places in turn along each cycle, not copied whole: a national year's are 80 MB.
  std::vector<std::uint32_t> from(places.size());
  for (std::size_t i = 0; i < places.size(); ++i) from[i] = places[i].row;
  std::vector<Place>().swap(places);
  for (std::size_t i = 0; i < from.size(); ++i) {
    if (from[i] == i) continue;
    const Row first = rows_[i];
    std::size_t at = i;
    while (from[at] != i) {
      const std::size_t next = from[at];
      rows_[at] = rows_[next];
      from[at] = static_cast<std::uint32_t>(at);
      at = next;
    }
    rows_[at] = first;
    from[at] = static_cast<std::uint32_t>(at);
  }
  std::vector<std::uint32_t>().swap(from);
  // By UID: the first eight bytes as a number, the rest only where those are the same.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> uids(rows_.size());
  for (std::size_t i = 0; i < rows_.size(); ++i) uids[i] = {uid_half(rows_[i].uid, 0), static_cast<std::uint32_t>(i)};
  std::sort(uids.begin(), uids.end(), [&](const auto& x, const auto& y) {
    return x.first != y.first ? x.first < y.first : uid_less(rows_[x.second].uid, rows_[y.second].uid);
  });
  by_uid_.resize(rows_.size());
  for (std::size_t i = 0; i < rows_.size(); ++i) by_uid_[i] = uids[i].second;
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

void PlannedYear::row(std::size_t i, NewActivity& out, std::string& uid, std::string& anchor) const {
  const Row& r = rows_[i];
  put_uid(r.uid, uid);
  out.uid = uid;
  out.body = body_;
  out.year = year_;
  out.type = texts_[r.type];
  out.title = texts_[r.title];
  out.rule = texts_[r.rule];
  out.urn = r.flags & has_urn ? std::optional(r.urn) : std::nullopt;
  out.assessment_id = r.flags & has_assessment ? std::optional(r.assessment_id) : std::nullopt;
  out.start = r.start;
  out.end = r.end;
  out.due = r.flags & has_due ? std::optional(r.due) : std::nullopt;
  out.attendees = &lists_[r.attendees];
  out.documents = &lists_[r.documents];
  if (r.flags & has_anchor) {
    put_uid(r.anchor, anchor);
    out.anchor_uid = anchor;
  } else {
    out.anchor_uid = std::nullopt;
  }
  out.offset_days = r.flags & has_offset ? std::optional(r.offset_days) : std::nullopt;
  out.day_kind = r.flags & has_kind ? std::optional(static_cast<DayKind>(r.day_kind)) : std::nullopt;
}

bool PlannedYear::same_content(std::size_t i, const Activity& a) const {
  const Row& r = rows_[i];
  return a.start == r.start && a.end == r.end && a.due == (r.flags & has_due ? std::optional(r.due) : std::nullopt) &&
         a.type == texts_[r.type] && a.title == texts_[r.title] && a.attendees == lists_[r.attendees] &&
         a.documents == lists_[r.documents];
}

bool PlannedYear::same_anchor(std::size_t i, const Activity& a) const {
  const Row& r = rows_[i];
  if (a.anchor_uid.has_value() != ((r.flags & has_anchor) != 0)) return false;
  if (a.anchor_uid && uid_bytes(*a.anchor_uid) != std::optional(r.anchor)) return false;
  return a.offset_days == (r.flags & has_offset ? std::optional<int>(r.offset_days) : std::nullopt) &&
         a.day_kind == (r.flags & has_kind ? std::optional(static_cast<DayKind>(r.day_kind)) : std::nullopt);
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
