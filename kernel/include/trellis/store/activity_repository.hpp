#pragma once
/// Planned activities: visits, meetings and deadlines, and their lifecycle.
///
///     auto a = db.activities().find(42);
///     db.activities().set_status(42, ActivityStatus::cancelled, "the head is ill", std::nullopt, clock.timestamp());
///
/// The writes that a calendar sees raise the activity's SEQUENCE (the ICS
/// SEQUENCE) in the store itself; each says whether it does.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "trellis/calendar.hpp"
#include "trellis/schedule/activity.hpp"

namespace trellis {

/// A stored activity that is still planned: the day it starts, for the planner.
struct PlannedStart {
  std::string uid;
  Date start;
  std::optional<std::int64_t> urn;
};

/// A school's stored activity as an assessment judges a return by: its rule and the day it is due.
struct DueDay {
  std::int64_t urn = 0;
  std::string rule;
  Date due;
};

/// An activity as a report lists it: what and when, not its rule, people or history.
struct ActivityLine {
  std::int64_t id = 0;
  std::optional<std::int64_t> urn;
  std::string school, type, title, start, end, status;
  std::optional<std::string> due;
};

/// What ActivityRepository::each reads of each activity: all of it, or what
/// a listing shows (id, school and its name, type, title, dates, status,
/// done_on, reason, moved_from, sequence, body, year), the rest left empty:
/// sorting a national year's whole rows was most of listing it (issue 18).
enum class ActivityColumns { all, listed };

/// A new planned activity as ActivityRepository::add_rows stores it: its
/// texts viewed where they are, so that a year's plan held compactly is
/// stored without an `Activity` per row (issue 18). The views and lists need
/// last only until the next row is asked for; lists are never null.
struct NewActivity {
  std::string_view uid, body, year, type, title, rule;
  std::optional<std::int64_t> urn, assessment_id;
  Date start, end;
  std::optional<Date> due;
  const std::vector<std::string>* attendees = nullptr;
  const std::vector<std::string>* documents = nullptr;
  std::optional<std::string_view> anchor_uid;
  std::optional<int> offset_days;
  std::optional<DayKind> day_kind;
};

/// `a` as add_rows takes it, viewing `a`'s own texts and lists.
inline NewActivity new_activity(const Activity& a) {
  NewActivity n{a.uid, a.body, a.year, a.type, a.title, a.rule, a.urn, a.assessment_id, a.start, a.end, a.due,
                &a.attendees, &a.documents, std::nullopt, a.offset_days, a.day_kind};
  if (a.anchor_uid) n.anchor_uid = *a.anchor_uid;
  return n;
}

class ActivityRepository {
 public:
  virtual ~ActivityRepository();
  /// With its school's name, as every read below.
  virtual std::optional<Activity> find(std::int64_t id) = 0;
  /// The body's year by start date (then end, school, rule, uid).
  virtual std::vector<Activity> list(const std::string& body, const std::string& year) = 0;
  /// The body's year as list() has it, handed to `fn` one at a time, never held
  /// whole (a year of every school in England is most of a million, issue 18).
  /// With `late_on`, only those still to happen (planned or moved) whose
  /// deadline (due date, else end) is before it, by deadline, then as list().
  /// `passes` times over one reading of the store, `fn` told which pass (from
  /// 0): a table measures its columns in a first pass and writes in a second.
  /// With ActivityColumns::listed, only what a listing shows is read.
  virtual void each(const std::string& body, const std::string& year, std::optional<Date> late_on, int passes,
                    ActivityColumns columns, const std::function<void(int pass, const Activity&)>& fn) = 0;
  /// How many activities the body's year holds, whatever their status.
  virtual std::int64_t count(const std::string& body, const std::string& year) = 0;
  /// The body's year's activities that overlap `span`, as a report lists them,
  /// one at a time: by date (a deadline by its due date, else by its start),
  /// then by start date, school and id.
  virtual void each_line(const std::string& body, const std::string& year, DateRange span,
                         const std::function<void(const ActivityLine&)>& fn) = 0;
  /// Those of each_line()'s lines still to happen (planned or moved), in no
  /// order and without their titles: what is overdue on a day is among them,
  /// and a country's need no sort to be counted (issue 18).
  virtual void each_line_to_happen(const std::string& body, const std::string& year, DateRange span,
                                   const std::function<void(const ActivityLine&)>& fn) = 0;
  /// The body's year in id order; with `urn`, only that school's.
  virtual std::vector<Activity> in_scope(const std::string& body, const std::string& year,
                                         std::optional<std::int64_t> urn) = 0;
  /// Hands each of in_scope()'s activities to `fn` as it is read, holding
  /// one at a time; `fn` must not use the store.
  virtual void each_in_scope(const std::string& body, const std::string& year, std::optional<std::int64_t> urn,
                             const std::function<void(Activity&)>& fn) = 0;
  /// Those dated from the activity `anchor_uid`, by start date.
  virtual std::vector<Activity> followers(const std::string& anchor_uid) = 0;
  /// uid -> the day each done activity of the body's year was held.
  virtual std::map<std::string, Date> held(const std::string& body, const std::string& year) = 0;
  /// uid -> the dates of each activity of the body's year that was ever moved.
  virtual std::map<std::string, DateRange> moved(const std::string& body, const std::string& year) = 0;
  /// Each still-planned activity of the body's year, handed to `fn` as it is read: never held whole.
  virtual void planned(const std::string& body, const std::string& year,
                       const std::function<void(const PlannedStart&)>& fn) = 0;
  /// The body's year's school deadlines not cancelled (a due date), in id order.
  virtual std::vector<DueDay> deadlines(const std::string& body, const std::string& year) = 0;
  /// The body's year's school activities of `rule`, whatever their status, in
  /// id order; `due` is the due date, else the end.
  virtual std::vector<DueDay> of_rule(const std::string& body, const std::string& year, const std::string& rule) = 0;

  /// Stores a new planned activity (SEQUENCE 0) and returns its id.
  virtual std::int64_t add(const Activity& a, const std::string& at) = 0;
  /// Stores each as add() does, in order (their ids follow it): a re-plan adds a year's activities at once.
  virtual void add_all(const std::vector<const Activity*>& activities, const std::string& at) = 0;
  /// The same for `count` activities made one at a time by `nth(0)`, `nth(1)`, ...:
  /// a national year's plan is never held as activities (issue 18).
  virtual void add_each(std::size_t count, const std::function<Activity(std::size_t)>& nth, const std::string& at) = 0;
  /// The same for `count` rows that `nth(i, row)` fills in (see NewActivity).
  virtual void add_rows(std::size_t count, const std::function<void(std::size_t, NewActivity&)>& nth,
                        const std::string& at) = 0;
  /// Writes `content`'s type, title, dates, people, papers, rule and anchor
  /// over activity `id`, with the status, reason and note given; SEQUENCE + 1.
  virtual void rewrite(std::int64_t id, const Activity& content, ActivityStatus status,
                       const std::optional<std::string>& reason, const std::optional<std::string>& note,
                       const std::string& at) = 0;
  /// SEQUENCE + 1.
  virtual void set_status(std::int64_t id, ActivityStatus status, const std::string& reason,
                          const std::optional<std::string>& note, const std::string& at) = 0;
  /// Records what `a` is dated from (anchor, offset, kind of day) on activity
  /// `id`; no calendar sees it, so SEQUENCE stays.
  virtual void set_anchor(std::int64_t id, const Activity& a) = 0;
  /// Done on `on`; `shown_moved` (held off its planned days) raises SEQUENCE.
  virtual void set_done(std::int64_t id, Date on, const std::optional<std::string>& note, bool shown_moved,
                        const std::string& at) = 0;
  /// Status moved, with `a`'s moved_from, dates and reason; SEQUENCE + 1.
  virtual void set_moved(const Activity& a, const std::string& at) = 0;

  /// The body's activities of rule `rule` held (done) from `from` to `to`, by the day held.
  virtual std::vector<Activity> held_of_rule(const std::string& body, const std::string& rule, Date from, Date to) = 0;
  /// The ids of the people recorded present at activity `id`, in id order.
  virtual std::vector<std::string> present(std::int64_t id) = 0;
  /// Records person `person_id` present at activity `id` (once; again is no change).
  virtual void add_present(std::int64_t id, const std::string& person_id) = 0;
};

}  // namespace trellis
