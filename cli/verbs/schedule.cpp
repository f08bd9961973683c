// `trellis schedule` (what is planned for a body and year, or what is late)
// and `trellis activity done|move|cancel|missed`, the activity's lifecycle.
// Planning itself happens in `trellis assess`.
#include <algorithm>
#include <cstdio>
#include <functional>
#include <iostream>

#include "../cli.hpp"
#include "trellis/activity_changes.hpp"
#include "trellis/activity_reference.hpp"
#include "trellis/bodies.hpp"
#include "trellis/calendar.hpp"
#include "trellis/error.hpp"
#include "trellis/file_output.hpp"
#include "trellis/json_stream.hpp"
#include "trellis/notes.hpp"
#include "trellis/period.hpp"
#include "trellis/schedule/activity_json.hpp"
#include "trellis/schedule/ics.hpp"
#include "trellis/schedule/store.hpp"
#include "trellis/text.hpp"

namespace trellis::cli {

/// --today, else the date of $TRELLIS_NOW or the clock.
Date today_from(const std::string& option) {
  if (!option.empty()) {
    std::string why;
    if (auto d = Date::try_parse(option, &why)) return *d;
    throw UsageError("--today: " + why);
  }
  const std::string now = environment_clock().timestamp();
  std::string why;
  if (auto d = Date::try_parse(now.substr(0, 10), &why)) return *d;
  throw UsageError("$TRELLIS_NOW must start with a date YYYY-MM-DD, found \"" + now + "\"");
}

namespace {

std::string academic_year(const std::string& text) {
  const Period p = Period::parse(text);
  if (p.kind() != Period::Kind::year)
    throw UsageError("--year must be an academic year like 2024-25, found \"" + text + "\"");
  return p.to_string();
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : "; ") + s;
  return out;
}

std::string school_of(const Activity& a) {
  if (!a.urn) return "(body)";
  return a.school ? *a.school : "URN " + std::to_string(*a.urn);
}

/// One row of output: the activity, and how late it is when listing overdue ones.
struct Row {
  const Activity* a;
  const Overdue* late;
};

/// What is listed: the body's year by start date, else what is late on `today`
/// with the notes late to be sent or agreed, among them by deadline. Rows are
/// read from the store as they are written, never held (issue 18).
struct Listing {
  Database& db;
  std::string body, year;
  bool overdue_only = false;
  Date today;
  AcademicCalendar cal;
  std::vector<Overdue> notes;  ///< late notes, by deadline: a few, held

  /// Hands each row to `fn`, `passes` times over one reading of the store,
  /// reading only `columns` of each activity.
  void each(int passes, ActivityColumns columns, const std::function<void(int pass, const Row&)>& fn) const {
    if (!overdue_only) {
      each_activity(db, body, year, std::nullopt, passes, columns,
                    [&](int pass, const Activity& a) { fn(pass, Row{&a, nullptr}); });
      return;
    }
    // The store gives what is late by deadline; the notes go in after the
    // activities of their deadline, as a stable sort of both would put them.
    int at_pass = 0;
    std::size_t next = 0;
    const auto notes_before = [&](int pass, std::optional<Date> deadline) {
      for (; next < notes.size() && (!deadline || notes[next].deadline < *deadline); ++next)
        fn(pass, Row{&notes[next].activity, &notes[next]});
    };
    each_activity(db, body, year, today, passes, columns, [&](int pass, const Activity& a) {
      if (pass != at_pass) {
        notes_before(at_pass, std::nullopt);
        at_pass = pass;
        next = 0;
      }
      const auto late = lateness(a, cal, today);
      if (!late) return;
      notes_before(pass, late->deadline);
      fn(pass, Row{&late->activity, &*late});
    });
    for (int pass = at_pass; pass < passes; ++pass, next = 0) notes_before(pass, std::nullopt);
  }
};

/// The calendar, event by event: a year of every school in England is never held as one text (issue 18).
std::size_t write_ics(const std::function<void(std::string_view)>& sink, const Listing& listing, IcsOptions ics) {
  std::optional<IcsWriter> writer;
  try {
    ics.stamp = environment_clock().timestamp();
    writer.emplace(sink, std::move(ics));
  } catch (const std::invalid_argument& e) {
    throw UsageError(std::string("$TRELLIS_NOW: ") + e.what());
  }
  std::size_t rows = 0;
  listing.each(1, ActivityColumns::all, [&](int, const Row& r) {
    writer->add(*r.a);
    ++rows;
  });
  writer->finish();
  return rows;
}

std::vector<std::string> csv_cells(const Row& r, Date today) {
  const Activity& a = *r.a;
  std::vector<std::string> cells = {std::to_string(*a.id), a.uid, a.urn ? std::to_string(*a.urn) : "", a.school.value_or(""),
                                    a.type, a.title, a.start.to_string(), a.end.to_string(), a.due ? a.due->to_string() : "",
                                    a.rule, join(a.attendees), join(a.documents), status_on(a, today),
                                    a.done_on ? a.done_on->to_string() : "", a.note, a.reason,
                                    a.moved_from ? a.moved_from->to_string() : "", std::to_string(a.sequence)};
  if (r.late) cells.insert(cells.end(), {std::to_string(r.late->days_late), std::to_string(r.late->working_days_late)});
  return cells;
}

std::vector<std::string> table_cells(const Row& r, bool overdue_only, Date today) {
  const Activity& a = *r.a;
  if (overdue_only)
    return {std::to_string(*a.id), r.late->deadline.to_string(), std::to_string(r.late->days_late),
            std::to_string(r.late->working_days_late), school_of(a), a.type, a.title};
  return {std::to_string(*a.id), a.start.to_string(), a.start == a.end ? "" : a.end.to_string(),
          a.due ? a.due->to_string() : "", school_of(a), a.type, a.title, status_on(a, today),
          a.moved_from ? a.moved_from->to_string() : "", std::to_string(a.sequence), a.reason};
}

/// Written row by row, as print_json, print_csv and print_table (cli.hpp) would print the whole:
/// the table's widths are measured in a first pass over the rows, and it is
/// written in a second; no row is held. Returns how many rows were written.
std::size_t render(std::ostream& out, const Listing& listing, const std::string& format) {
  const bool overdue_only = listing.overdue_only;
  const Date today = listing.today;
  std::size_t rows = 0;
  if (format == "json") {
    JsonList list(out, 0);
    std::string element;  // one activity's text, its room reused from row to row
    listing.each(1, ActivityColumns::all, [&](int, const Row& r) {
      element.clear();
      if (r.late) put_json(element, *r.late, today, 1);
      else put_json(element, *r.a, today, 1);
      list.add_written(element);
      ++rows;
    });
    list.close();
    out << '\n';
    return rows;
  }
  if (format == "csv") {
    std::vector<std::string> header = {"id", "uid", "urn", "school", "type", "title", "start", "end", "due", "rule",
                                       "attendees", "documents", "status", "done_on", "note", "reason",
                                       "moved_from", "sequence"};
    if (overdue_only) header.insert(header.end(), {"days_late", "working_days_late"});
    const auto line = [&](const std::vector<std::string>& cells) {
      for (std::size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << csv_field(cells[i]);
      out << "\r\n";
    };
    line(header);
    listing.each(1, ActivityColumns::all, [&](int, const Row& r) {
      line(csv_cells(r, today));
      ++rows;
    });
    return rows;
  }
  const std::vector<std::string> header =
      overdue_only ? std::vector<std::string>{"id", "due", "days late", "working days late", "school", "type", "title"}
                   : std::vector<std::string>{"id", "start", "end", "due", "school", "type", "title", "status",
                                              "moved from", "seq", "reason"};
  std::vector<std::size_t> width(header.size());
  const auto measure = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size() && i < width.size(); ++i) width[i] = std::max(width[i], cells[i].size());
  };
  const auto shown = [](std::vector<std::string> cells) {
    for (auto& c : cells) c = for_terminal(c);
    return cells;
  };
  const auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      out << cells[i];
      if (i + 1 < cells.size()) out << std::string(width[i] - cells[i].size() + 2, ' ');
    }
    out << '\n';
  };
  measure(header);
  // An empty listing prints nothing, not even the header.
  // The table shows only what a listing reads (table_cells).
  listing.each(2, ActivityColumns::listed, [&](int pass, const Row& r) {
    const auto cells = shown(table_cells(r, overdue_only, today));
    if (pass == 0) {
      measure(cells);
      return;
    }
    if (rows++ == 0) line(header);
    line(cells);
  });
  return rows;
}

/// The term dates of the policy the body follows today (else at the start of
/// `year`); the default England pattern when it has adopted none. A policy
/// that can no longer be read is reported and the default is used, so what
/// is stored can still be listed.
struct ScheduleOptions {
  std::string body, year, format, output, today;
  bool overdue = false;
};

void run_schedule(const Cli& cli, const ScheduleOptions& o) {
  const std::string year = academic_year(o.year);
  const Date today = today_from(o.today);
  Database db = cli.open_db();
  const Body body = require_body(db, o.body);

  const bool planned = count_activities(db, o.body, year) > 0;
  if (!planned)
    std::cerr << "No activities are planned for " << o.body << " in " << year << "; run `trellis assess --body "
              << o.body << " --period " << year << "` to plan them.\n";

  Listing listing{db, o.body, year, o.overdue, today, {}, {}};
  if (o.overdue) {
    std::string warning;
    listing.cal = body_calendar(db, o.body, today, year, &warning);
    if (!warning.empty()) std::cerr << "warning: " << warning << "\n";
    // A note late to be sent or agreed is overdue like any other activity, among them by its deadline.
    listing.notes = overdue_notes(db, o.body, year, listing.cal, today);
  }
  const auto nothing_late = [&](std::size_t rows) {
    if (o.overdue && planned && rows == 0)
      std::cerr << "Nothing is overdue for " << o.body << " in " << year << " on " << today.to_string() << ".\n";
  };
  const auto wrote = [&](std::size_t rows) {
    std::cerr << "Wrote " << rows << " activit" << (rows == 1 ? "y" : "ies") << " to " << o.output << ".\n";
  };

  std::size_t rows = 0;
  if (o.format == "ics") {
    IcsOptions ics{body.name + " " + year, ""};
    body_event_times(db, o.body, today, year, ics);
    if (o.output.empty()) {
      rows = write_ics([](std::string_view piece) { std::cout << piece; }, listing, ics);
      nothing_late(rows);
      return;
    }
    write_file_whole(o.output, [&](const TextSink& sink) { rows = write_ics(sink, listing, ics); },
                     database_files(cli.db_path), Links::follow);
    nothing_late(rows);
    wrote(rows);
    return;
  }
  if (o.output.empty()) {
    nothing_late(render(std::cout, listing, o.format));
    return;
  }
  write_file_streamed(
      o.output, [&](std::ostream& out) { rows = render(out, listing, o.format); }, database_files(cli.db_path),
      Links::follow);
  nothing_late(rows);
  wrote(rows);
}

Date date_option(const char* option, const std::string& text) {
  std::string why;
  if (auto d = Date::try_parse(text, &why)) return *d;
  throw UsageError(std::string(option) + ": " + why);
}

/// "7 (Minutes distributed, Hill Primary)"
std::string named(const Activity& a) { return std::to_string(*a.id) + " (" + a.title + ", " + school_of(a) + ")"; }

std::string dates_of(const Activity& a) {
  if (a.due) return "due " + a.due->to_string();
  return a.start == a.end ? "on " + a.start.to_string() : a.start.to_string() + " to " + a.end.to_string();
}

/// One lifecycle change through the kernel's use case; prints what it did.
/// `reference` is the activity's id or BODY/YEAR/RULE[/URN] (trellis/activity_reference.hpp).
void run_step(const Cli& cli, const std::string& reference, ActivityRequest request,
              const std::function<std::string(const Activity&)>& said) {
  Database db = cli.open_db();
  request.id = activity_id(db, reference);
  const ActivityChange c = change_activity(db, cli.actor(db), cli.clock(), request);
  std::cout << "Activity " << named(c.activity) << " " << said(c.activity) << ".\n";
  for (const auto& f : c.followers)
    std::cout << "  " << (f.status == ActivityStatus::cancelled ? "cancelled with it" : "re-dated") << ": "
              << named(f) << (f.status == ActivityStatus::cancelled ? "" : ", now " + dates_of(f)) << "\n";
}

struct DoneOptions {
  std::string id;
  std::string on, note;
  bool force = false;
  std::vector<std::string> present;
};

void run_done(const Cli& cli, const DoneOptions& o) {
  std::string present;
  for (auto& p : o.present) present += (present.empty() ? "; present: " : ", ") + p;
  run_step(cli, o.id, {ActivityStep::done, 0, date_option("--on", o.on), o.note, o.force, o.present},
           [&](const Activity&) { return "done on " + o.on + present; });
}

struct ChangeOptions {
  std::string id;
  std::string to, reason;
  bool force = false;
};

void run_move(const Cli& cli, const ChangeOptions& o) {
  run_step(cli, o.id, {ActivityStep::move, 0, date_option("--to", o.to), o.reason, o.force}, [&](const Activity& a) {
    return "moved from " + a.moved_from->to_string() + " to " + a.start.to_string() +
           (a.due ? " (now due " + a.due->to_string() + ")" : "") + ": " + o.reason;
  });
}

void run_cancel(const Cli& cli, const ChangeOptions& o) {
  run_step(cli, o.id, {ActivityStep::cancel, 0, std::nullopt, o.reason, false},
           [&](const Activity&) { return "cancelled: " + o.reason; });
}

void run_missed(const Cli& cli, const ChangeOptions& o) {
  run_step(cli, o.id, {ActivityStep::missed, 0, std::nullopt, o.reason, false},
           [&](const Activity&) { return "missed: " + o.reason; });
}

}  // namespace

const char* const kActivityHelp = "Activity id, as `trellis schedule` shows it, or BODY/YEAR/RULE[/URN]";

void add_schedule(CLI::App& app, Cli& cli) {
  static ScheduleOptions s;
  auto* schedule = app.add_subcommand("schedule", "The visits, meetings and deadlines planned for a body and year");
  schedule->add_option("--body", s.body, "Body id")->required();
  schedule->add_option("--year", s.year, "Academic year, e.g. 2024-25")->required();
  add_format(*schedule, s.format, {"table", "json", "csv", "ics"});
  schedule->add_flag("--overdue", s.overdue, "Only what is late, notes to send or agree with it, with how many working days late");
  schedule->add_option("-o,--output", s.output, "Write to FILE instead of standard output");
  schedule->add_option("--today", s.today, "The date to judge lateness by (default: $TRELLIS_NOW, else today)");
  schedule->callback([&cli] { run_schedule(cli, s); });

  static DoneOptions d;
  auto* activity = app.add_subcommand("activity", "Record what happened to a planned activity");
  activity->require_subcommand(1);
  auto* done = activity->add_subcommand("done", "Record that an activity took place; what follows it is re-dated");
  done->add_option("ID", d.id, kActivityHelp)->required();
  done->add_option("--on", d.on, "The day it was done, YYYY-MM-DD")->required();
  done->add_option("--note", d.note, "What was agreed or noted");
  done->add_flag("--force", d.force, "Accept a Saturday or Sunday");
  done->add_option("--present", d.present, "Ids of the people present (a panel's members), comma-separated")
      ->delimiter(',');
  done->callback([&cli] { run_done(cli, d); });

  static ChangeOptions m, c, x;
  auto* move = activity->add_subcommand("move", "Move an activity to a new date; what follows it is re-dated");
  move->add_option("ID", m.id, kActivityHelp)->required();
  move->add_option("--to", m.to, "Its new (first) day, YYYY-MM-DD; a window keeps its length")->required();
  move->add_option("--reason", m.reason, "Why it moved")->required();
  move->add_flag("--force", m.force, "Accept a weekend or a bank holiday");
  move->callback([&cli] { run_move(cli, m); });
  auto* cancel = activity->add_subcommand("cancel", "Cancel an activity, and what is dated from it");
  cancel->add_option("ID", c.id, kActivityHelp)->required();
  cancel->add_option("--reason", c.reason, "Why it will not take place")->required();
  cancel->callback([&cli] { run_cancel(cli, c); });
  auto* missed = activity->add_subcommand("missed", "Record that a past activity did not take place");
  missed->add_option("ID", x.id, kActivityHelp)->required();
  missed->add_option("--reason", x.reason, "Why it did not take place")->required();
  missed->callback([&cli] { run_missed(cli, x); });
}

}  // namespace trellis::cli
