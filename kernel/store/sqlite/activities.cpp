// Attendees and documents are JSON arrays of strings; dates are ISO text, so
// SQL orders them correctly.
#include <array>
#include <map>
#include <unordered_map>
#include <nlohmann/json.hpp>

#include "repositories.hpp"
#include "rows.hpp"
#include "trellis/error.hpp"
#include "trellis/store/activity_repository.hpp"

namespace trellis::sqlite {
namespace {

constexpr const char* kSelect =
    "SELECT a.id, a.uid, a.body_id, a.urn, a.year, a.type, a.title, a.start_date, a.end_date, a.due_date, a.rule, "
    "a.attendees, a.documents, a.assessment_id, a.status, a.done_on, a.note, s.name, a.reason, a.moved_from, "
    "a.sequence, a.anchor_uid, a.offset_days, a.day_kind, s.address FROM activities a LEFT JOIN schools s ON s.urn = a.urn ";

std::string to_json(const std::vector<std::string>& v) { return nlohmann::json(v).dump(); }

std::vector<std::string> from_json(std::string_view text) {
  return nlohmann::json::parse(text).get<std::vector<std::string>>();
}

Date db_date(std::string_view text) {
  std::string why;
  if (auto d = Date::try_parse(text, &why)) return *d;
  throw StoreError("a stored activity has a bad date: " + why);
}

std::optional<std::string> opt_text(const std::optional<Date>& d) {
  return d ? std::optional(d->to_string()) : std::nullopt;
}

std::optional<std::string> kind_text(const Activity& a) {
  return a.day_kind ? std::optional(std::string(day_kind_name(*a.day_kind))) : std::nullopt;
}

/// The lists of attendees or documents of the JSON texts read so far: a
/// year's activities repeat a few dozen, and parsing each row's anew was an
/// eighth of listing a national year (issue 18).
class ListsRead {
 public:
  const std::vector<std::string>& of(std::string_view text) {
    auto it = lists_.find(text);
    if (it != lists_.end()) return it->second;
    if (lists_.size() >= kMost) lists_.clear();  // lists that do not repeat stop costing memory here
    return lists_.emplace(std::string(text), from_json(text)).first->second;
  }

 private:
  static constexpr std::size_t kMost = 1024;
  std::map<std::string, std::vector<std::string>, std::less<>> lists_;
};

/// The column's date, read in place.
std::optional<Date> opt_date(const Statement& s, int col) {
  return s.is_null(col) ? std::nullopt : std::optional(db_date(s.text_view(col)));
}

Activity read_row(const Statement& s, ListsRead& lists) {
  Activity a;
  a.id = s.integer(0);
  a.uid = s.text(1);
  a.body = s.text(2);
  a.urn = s.opt_integer(3);
  a.year = s.text(4);
  a.type = s.text(5);
  a.title = s.text(6);
  a.start = db_date(s.text_view(7));
  a.end = db_date(s.text_view(8));
  a.due = opt_date(s, 9);
  a.rule = s.text(10);
  a.attendees = lists.of(s.text_view(11));
  a.documents = lists.of(s.text_view(12));
  a.assessment_id = s.opt_integer(13);
  a.status = parse_status(s.text(14));
  a.done_on = opt_date(s, 15);
  a.note = s.opt_text(16).value_or("");
  a.school = s.opt_text(17);
  a.reason = s.opt_text(18).value_or("");
  a.moved_from = opt_date(s, 19);
  a.sequence = static_cast<int>(s.integer(20));
  a.anchor_uid = s.opt_text(21);
  if (auto o = s.opt_integer(22)) a.offset_days = static_cast<int>(*o);
  if (auto k = s.opt_text(23)) a.day_kind = parse_day_kind(*k);
  a.address = s.opt_text(24);
  return a;
}

Activity read_row(const Statement& s) {
  ListsRead lists;
  return read_row(s, lists);
}

/// The columns a listing shows, in the order read_listed reads them.
constexpr const char* kSelectListed =
    "SELECT a.id, a.body_id, a.urn, a.year, a.type, a.title, a.start_date, a.end_date, a.due_date, a.status, "
    "a.done_on, s.name, a.reason, a.moved_from, a.sequence FROM activities a LEFT JOIN schools s ON s.urn = a.urn ";

Activity read_listed(const Statement& s) {
  Activity a;
  a.id = s.integer(0);
  a.body = s.text(1);
  a.urn = s.opt_integer(2);
  a.year = s.text(3);
  a.type = s.text(4);
  a.title = s.text(5);
  a.start = db_date(s.text_view(6));
  a.end = db_date(s.text_view(7));
  a.due = opt_date(s, 8);
  a.status = parse_status(s.text(9));
  a.done_on = opt_date(s, 10);
  a.school = s.opt_text(11);
  a.reason = s.opt_text(12).value_or("");
  a.moved_from = opt_date(s, 13);
  a.sequence = static_cast<int>(s.integer(14));
  return a;
}

std::vector<Activity> read_all(Statement& s) {
  std::vector<Activity> out;
  ListsRead lists;
  while (s.step()) out.push_back(read_row(s, lists));
  return out;
}

std::vector<DueDay> read_due(Statement& s) {
  std::vector<DueDay> out;
  while (s.step()) out.push_back({s.integer(0), s.text(1), db_date(s.text(2))});
  return out;
}

/// The JSON text of each list of attendees or documents a batch has met: a
/// year's activities repeat a few dozen lists, and each row built two JSON
/// values and their texts anew (issue 18). A list is looked up first by where
/// it is (a plan held compactly hands each of its lists from one place), and
/// checked to be the same before its text is used; then by what it holds.
class ListTexts {
 public:
  const std::string& of(const std::vector<std::string>& list) {
    if (auto at = by_address_.find(&list); at != by_address_.end() && at->second.list == list) return at->second.text;
    auto it = texts_.find(list);
    if (it == texts_.end()) {
      if (texts_.size() >= kMost) texts_.clear();  // lists that do not repeat stop costing memory here
      it = texts_.emplace(list, to_json(list)).first;
    }
    if (by_address_.size() >= kMost) by_address_.clear();
    Seen& seen = by_address_[&list];
    seen = {list, it->second};
    return seen.text;
  }

 private:
  static constexpr std::size_t kMost = 1024;
  std::map<std::vector<std::string>, std::string> texts_;
  struct Seen {
    std::vector<std::string> list;
    std::string text;
  };
  std::unordered_map<const void*, Seen> by_address_;
};

/// A new row's texts, bound from here until its statement has run.
struct RowTexts {
  std::string uid, body, year, type, title, rule, start, end, due, attendees, documents, anchor;
};

/// Adding at least this many activities widens the page cache (add_all).
constexpr std::size_t kWideFrom = 20000;

/// The connection's page cache at 64 MiB while it lives, then as it was.
class WidePageCache {
 public:
  explicit WidePageCache(Connection& c) : c_(c) {
    Statement q(c_, "PRAGMA cache_size");
    if (q.step()) was_ = q.integer(0);
    c_.exec("PRAGMA cache_size = -65536");
  }
  ~WidePageCache() {
    try {
      c_.exec("PRAGMA cache_size = " + std::to_string(was_));
    } catch (...) {  // a destructor does not throw; the cache is only a cache
    }
  }
  WidePageCache(const WidePageCache&) = delete;
  WidePageCache& operator=(const WidePageCache&) = delete;

 private:
  Connection& c_;
  std::int64_t was_ = -2000;
};

class Activities final : public ActivityRepository {
 public:
  explicit Activities(Connection& c) : c_(c) {}

  std::optional<Activity> find(std::int64_t id) override {
    Statement s(c_, std::string(kSelect) + "WHERE a.id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return read_row(s);
  }

  std::vector<Activity> list(const std::string& body, const std::string& year) override {
    Statement s(c_, std::string(kSelect) +
                        "WHERE a.body_id = ? AND a.year = ? ORDER BY a.start_date, a.end_date, a.urn, a.rule, a.uid");
    s.bind(1, body).bind(2, year);
    return read_all(s);
  }

  void each(const std::string& body, const std::string& year, std::optional<Date> late_on, int passes,
            ActivityColumns columns, const std::function<void(int, const Activity&)>& fn) override {
    const bool listed = columns == ActivityColumns::listed;
    std::string sql = std::string(listed ? kSelectListed : kSelect) + "WHERE a.body_id = ? AND a.year = ? ";
    if (late_on)
      sql += "AND a.status IN ('planned', 'moved') AND COALESCE(a.due_date, a.end_date) < ? "
             "ORDER BY COALESCE(a.due_date, a.end_date), ";
    else
      sql += "ORDER BY ";
    sql += "a.start_date, a.end_date, a.urn, a.rule, a.uid";
    Statement s(c_, sql);
    // Every pass reads the same rows: a savepoint is a read transaction of its own, or nests in the caller's.
    const bool snapshot = passes > 1;
    if (snapshot) c_.exec("SAVEPOINT activities_each");
    ListsRead lists;
    try {
      for (int pass = 0; pass < passes; ++pass) {
        s.reset();
        s.bind(1, body).bind(2, year);
        if (late_on) s.bind(3, late_on->to_string());
        while (s.step()) fn(pass, listed ? read_listed(s) : read_row(s, lists));
      }
    } catch (...) {
      s.reset();
      if (snapshot) c_.exec("ROLLBACK TO activities_each; RELEASE activities_each");
      throw;
    }
    s.reset();
    if (snapshot) c_.exec("RELEASE activities_each");
  }

  std::int64_t count(const std::string& body, const std::string& year) override {
    Statement s(c_, "SELECT count(*) FROM activities WHERE body_id = ? AND year = ?");
    s.bind(1, body).bind(2, year);
    s.step();
    return s.integer(0);
  }

  void each_line(const std::string& body, const std::string& year, DateRange span,
                 const std::function<void(const ActivityLine&)>& fn) override {
    Statement s(c_, R"(SELECT a.id, a.urn, COALESCE(s.name, ''), a.type, a.title, a.start_date, a.end_date, a.status,
        a.due_date FROM activities a LEFT JOIN schools s ON s.urn = a.urn
        WHERE a.body_id = ? AND a.year = ? AND a.start_date <= ? AND a.end_date >= ?
        ORDER BY COALESCE(a.due_date, a.start_date), a.start_date, a.urn, a.id)");
    s.bind(1, body).bind(2, year).bind(3, span.last.to_string()).bind(4, span.first.to_string());
    while (s.step())
      fn({s.integer(0), s.opt_integer(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6), s.text(7),
          s.opt_text(8)});
  }

  void each_line_to_happen(const std::string& body, const std::string& year, DateRange span,
                           const std::function<void(const ActivityLine&)>& fn) override {
    Statement s(c_, R"(SELECT a.id, a.urn, COALESCE(s.name, ''), a.type, a.start_date, a.end_date, a.status, a.due_date
        FROM activities a LEFT JOIN schools s ON s.urn = a.urn
        WHERE a.body_id = ? AND a.year = ? AND a.start_date <= ? AND a.end_date >= ? AND a.status IN ('planned', 'moved'))");
    s.bind(1, body).bind(2, year).bind(3, span.last.to_string()).bind(4, span.first.to_string());
    ActivityLine line;  // its room reused
    while (s.step()) {
      line.id = s.integer(0);
      line.urn = s.opt_integer(1);
      line.school = s.text_view(2);
      line.type = s.text_view(3);
      line.start = s.text_view(4);
      line.end = s.text_view(5);
      line.status = s.text_view(6);
      line.due = s.opt_text(7);
      fn(line);
    }
  }

  std::vector<Activity> in_scope(const std::string& body, const std::string& year,
                                 std::optional<std::int64_t> urn) override {
    std::vector<Activity> out;
    each_in_scope(body, year, urn, [&](Activity& a) { out.push_back(std::move(a)); });
    return out;
  }

  void each_in_scope(const std::string& body, const std::string& year, std::optional<std::int64_t> urn,
                     const std::function<void(Activity&)>& fn) override {
    // Prepared once: a run's letters ask for one school's at a time.
    auto& s = urn ? school_ : year_;
    if (!s) s.emplace(c_, activities_in_scope_sql(urn.has_value()));
    s->reset();  // in case a read before it stopped half-way
    s->bind(1, body).bind(2, year);
    if (urn) s->bind(3, *urn);
    ListsRead lists;
    while (s->step()) {
      Activity a = read_row(*s, lists);
      fn(a);
    }
    s->reset();
  }

  std::vector<Activity> followers(const std::string& anchor_uid) override {
    Statement s(c_, std::string(kSelect) + "WHERE a.anchor_uid = ? ORDER BY a.start_date, a.id");
    s.bind(1, anchor_uid);
    return read_all(s);
  }

  std::map<std::string, Date> held(const std::string& body, const std::string& year) override {
    Statement s(c_, "SELECT uid, done_on FROM activities WHERE body_id = ? AND year = ? AND status = 'done' "
                    "AND done_on IS NOT NULL");
    s.bind(1, body).bind(2, year);
    std::map<std::string, Date> out;
    while (s.step()) out.emplace(s.text(0), db_date(s.text(1)));
    return out;
  }

  std::map<std::string, DateRange> moved(const std::string& body, const std::string& year) override {
    Statement s(c_, "SELECT uid, start_date, end_date FROM activities WHERE body_id = ? AND year = ? "
                    "AND moved_from IS NOT NULL");
    s.bind(1, body).bind(2, year);
    std::map<std::string, DateRange> out;
    while (s.step()) out.emplace(s.text(0), DateRange{db_date(s.text(1)), db_date(s.text(2))});
    return out;
  }

  void planned(const std::string& body, const std::string& year,
               const std::function<void(const PlannedStart&)>& fn) override {
    Statement s(c_, "SELECT uid, start_date, urn FROM activities WHERE body_id = ? AND year = ? AND status = 'planned'");
    s.bind(1, body).bind(2, year);
    while (s.step()) fn({s.text(0), db_date(s.text(1)), s.opt_integer(2)});
  }

  std::vector<DueDay> deadlines(const std::string& body, const std::string& year) override {
    // Only the three columns: a national year is most of a million rows, read before every assessment.
    Statement s(c_, "SELECT urn, rule, due_date FROM activities WHERE body_id = ? AND year = ? AND urn IS NOT NULL "
                    "AND due_date IS NOT NULL AND status <> 'cancelled' ORDER BY id");
    s.bind(1, body).bind(2, year);
    return read_due(s);
  }

  std::vector<DueDay> of_rule(const std::string& body, const std::string& year, const std::string& rule) override {
    Statement s(c_, "SELECT urn, rule, COALESCE(due_date, end_date) FROM activities WHERE body_id = ? AND year = ? "
                    "AND rule = ? AND urn IS NOT NULL ORDER BY id");
    s.bind(1, body).bind(2, year).bind(3, rule);
    return read_due(s);
  }

  std::int64_t add(const Activity& a, const std::string& at) override {
    add_all({&a}, at);
    return c_.last_insert_id();
  }

  void add_all(const std::vector<const Activity*>& activities, const std::string& at) override {
    add_each(activities.size(), [&](std::size_t i) { return *activities[i]; }, at);
  }

  void add_each(std::size_t count, const std::function<Activity(std::size_t)>& nth, const std::string& at) override {
    Activity a;
    add_rows(count, [&](std::size_t i, NewActivity& row) { row = new_activity(a = nth(i)); }, at);
  }

  void add_rows(std::size_t count, const std::function<void(std::size_t, NewActivity&)>& nth,
                const std::string& at) override {
    // Prepared once, and many rows to a statement: a re-plan adds a year's activities in one go.
    if (!add_)
      add_.emplace(c_, R"(INSERT OR FAIL INTO activities(uid, body_id, urn, year, type, title, start_date, end_date, due_date,
                         rule, attendees, documents, assessment_id, status, sequence, anchor_uid, offset_days, day_kind,
                         planned_at) VALUES )",
                   "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'planned', 0, ?, ?, ?, ?)");
    // A year goes into activities_school in one ordered sweep per day, so a
    // day's rows touch pages all over that index: with the default page cache
    // most of them would be evicted to the log and read back. A wider cache
    // for the batch, then as it was.
    std::optional<WidePageCache> wide;
    if (count >= kWideFrom) wide.emplace(c_);
    AllOrNone unit(c_, {"activities"});
    ListTexts lists;
    constexpr std::size_t kRows = RowInsert::kMaxRows;
    // Each row's texts are copied into texts kept for its place in the batch,
    // and bound from there: after the first batch no row allocates.
    std::vector<RowTexts> texts(kRows);
    NewActivity row;
    for (std::size_t from = 0; from < count; from += kRows) {
      const std::size_t n = std::min(kRows, count - from);
      Statement& s = add_->rows(static_cast<int>(n));
      for (std::size_t k = 0; k < n; ++k) {
        row = NewActivity{};
        nth(from + k, row);
        const int p = add_->column(static_cast<int>(k), 0);
        RowTexts& t = texts[k];
        t.uid = row.uid;
        t.body = row.body;
        t.year = row.year;
        t.type = row.type;
        t.title = row.title;
        t.rule = row.rule;
        t.start = row.start.to_string();
        t.end = row.end.to_string();
        t.attendees = lists.of(*row.attendees);
        t.documents = lists.of(*row.documents);
        s.bind_unowned(p, t.uid).bind_unowned(p + 1, t.body).bind(p + 2, row.urn).bind_unowned(p + 3, t.year);
        s.bind_unowned(p + 4, t.type).bind_unowned(p + 5, t.title).bind_unowned(p + 6, t.start).bind_unowned(p + 7, t.end);
        if (row.due) s.bind_unowned(p + 8, t.due = row.due->to_string());
        else s.bind_null(p + 8);
        s.bind_unowned(p + 9, t.rule).bind_unowned(p + 10, t.attendees).bind_unowned(p + 11, t.documents);
        s.bind(p + 12, row.assessment_id);
        if (row.anchor_uid) s.bind_unowned(p + 13, t.anchor = *row.anchor_uid);
        else s.bind_null(p + 13);
        s.bind(p + 14, row.offset_days);
        if (row.day_kind) s.bind_unowned(p + 15, day_kind_name(*row.day_kind));
        else s.bind_null(p + 15);
        s.bind_unowned(p + 16, at);
      }
      s.run();
    }
    unit.done();
  }

  void rewrite(std::int64_t id, const Activity& a, ActivityStatus status, const std::optional<std::string>& reason,
               const std::optional<std::string>& note, const std::string& at) override {
    Statement s(c_, R"(UPDATE activities SET type = ?, title = ?, start_date = ?, end_date = ?, due_date = ?, rule = ?,
                       attendees = ?, documents = ?, assessment_id = ?, anchor_uid = ?, offset_days = ?, day_kind = ?,
                       status = ?, reason = ?, note = ?, sequence = sequence + 1, changed_at = ? WHERE id = ?)");
    s.bind(1, a.type).bind(2, a.title).bind(3, a.start.to_string()).bind(4, a.end.to_string()).bind(5, opt_text(a.due));
    s.bind(6, a.rule).bind(7, to_json(a.attendees)).bind(8, to_json(a.documents)).bind(9, a.assessment_id);
    s.bind(10, a.anchor_uid).bind(11, a.offset_days).bind(12, kind_text(a));
    s.bind(13, status_name(status)).bind(14, reason).bind(15, note).bind(16, at).bind(17, id).run();
  }

  void set_status(std::int64_t id, ActivityStatus status, const std::string& reason,
                  const std::optional<std::string>& note, const std::string& at) override {
    Statement s(c_, "UPDATE activities SET status = ?, reason = ?, note = ?, sequence = sequence + 1, changed_at = ? "
                    "WHERE id = ?");
    s.bind(1, status_name(status)).bind(2, reason).bind(3, note).bind(4, at).bind(5, id).run();
  }

  void set_anchor(std::int64_t id, const Activity& a) override {
    if (!anchor_) anchor_.emplace(c_, "UPDATE activities SET anchor_uid = ?, offset_days = ?, day_kind = ? WHERE id = ?");
    anchor_->bind(1, a.anchor_uid).bind(2, a.offset_days).bind(3, kind_text(a)).bind(4, id).run();
  }

  void set_done(std::int64_t id, Date on, const std::optional<std::string>& note, bool shown_moved,
                const std::string& at) override {
    Statement s(c_, "UPDATE activities SET status = 'done', done_on = ?, note = ?, changed_at = ?, "
                    "sequence = sequence + ? WHERE id = ?");
    s.bind(1, on.to_string()).bind(2, note).bind(3, at).bind(4, shown_moved ? 1 : 0).bind(5, id).run();
  }

  void set_moved(const Activity& a, const std::string& at) override {
    Statement s(c_, R"(UPDATE activities SET status = 'moved', moved_from = ?, start_date = ?, end_date = ?, due_date = ?,
                       reason = ?, sequence = sequence + 1, changed_at = ? WHERE id = ?)");
    s.bind(1, opt_text(a.moved_from)).bind(2, a.start.to_string()).bind(3, a.end.to_string()).bind(4, opt_text(a.due));
    s.bind(5, a.reason).bind(6, at).bind(7, *a.id).run();
  }

  std::vector<Activity> held_of_rule(const std::string& body, const std::string& rule, Date from, Date to) override {
    Statement s(c_, std::string(kSelect) +
                        "WHERE a.body_id = ? AND a.rule = ? AND a.status = 'done' AND a.done_on BETWEEN ? AND ? "
                        "ORDER BY a.done_on, a.id");
    s.bind(1, body).bind(2, rule).bind(3, from.to_string()).bind(4, to.to_string());
    return read_all(s);
  }

  std::vector<std::string> present(std::int64_t id) override {
    Statement s(c_, "SELECT person_id FROM activity_attendance WHERE activity_id = ? ORDER BY person_id");
    s.bind(1, id);
    std::vector<std::string> out;
    while (s.step()) out.push_back(s.text(0));
    return out;
  }

  void add_present(std::int64_t id, const std::string& person_id) override {
    Statement s(c_, "INSERT OR IGNORE INTO activity_attendance(activity_id, person_id) VALUES (?, ?)");
    s.bind(1, id).bind(2, person_id).run();
  }

 private:
  Connection& c_;
  std::optional<Statement> anchor_, school_, year_;
  std::optional<RowInsert> add_;
};

}  // namespace

std::string activities_in_scope_sql(bool one_school) {
  // A school's rows come through activities_school and are then sorted: "+a.id"
  // keeps SQLite from walking the whole year in activities_body to save that sort.
  return std::string(kSelect) +
         (one_school ? "WHERE a.body_id = ? AND a.year = ? AND a.urn = ? ORDER BY +a.id"
                     : "WHERE a.body_id = ? AND a.year = ? ORDER BY a.id");
}

std::unique_ptr<ActivityRepository> make_activities(Connection& c) { return std::make_unique<Activities>(c); }

}  // namespace trellis::sqlite
